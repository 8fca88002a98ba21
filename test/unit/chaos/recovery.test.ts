import { describe, expect, it } from 'vitest';
import { activityCloseTimes } from '../../../chaos/recovery.js';
import { phaseOf } from '../../../chaos/scenarios.js';

const at = (s: number) => ({ seconds: s, nanos: 500_000_000 });

describe('recovery after a fault', () => {
  it('finds when each in-flight activity closed, whether it completed or failed for good', () => {
    const events = [
      { eventId: 5, eventTime: at(100), activityTaskScheduledEventAttributes: { activityId: '3' } },
      { eventId: 6, eventTime: at(100), activityTaskScheduledEventAttributes: { activityId: '4' } },
      { eventId: 7, eventTime: at(101), activityTaskScheduledEventAttributes: { activityId: '9' } },
      { eventId: 9, eventTime: at(400), activityTaskCompletedEventAttributes: { scheduledEventId: 5 } },
      { eventId: 10, eventTime: at(420), activityTaskFailedEventAttributes: { scheduledEventId: 7 } },
    ];
    const closed = activityCloseTimes(events, ['3', '4', '9']);
    expect(closed.get('3')).toBe(400_500);
    expect(closed.get('9')).toBe(420_500);
    // Still pending: not in the answer.
    expect(closed.has('4')).toBe(false);
  });

  it('tells the campaign phase of each activity', () => {
    expect(phaseOf('draftScriptsBatch')).toBe('drafting');
    expect(phaseOf('prepareCampaign')).toBe('drafting');
    expect(phaseOf('sendApprovalRequests')).toBe('approval');
    expect(phaseOf('publishScriptsBatch')).toBe('publishing');
    expect(phaseOf('sendCampaignBriefings')).toBe('briefing');
    expect(phaseOf('appendAudit')).toBeUndefined();
  });
});
