/**
 * The channel registry drives every list of channels: the CLI's and the start form's choices,
 * the labels in emails and reports, and each new channel's publishing time from the calendar's
 * lead time for the occasion.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS, isModularChannel, modulePreviews } from '../../../channels/registry.js';
import { leadTimeFor } from '../../../domain/calendar/lead-times.js';
import { findOccasion } from '../../../domain/calendar/index.js';
import { ALL_CAMPAIGN_CHANNELS, channelLine, DEFAULT_CAMPAIGN_CHANNELS } from '../../../domain/campaign/types.js';
import { publishSchedule } from '../../../domain/campaign/schedule.js';
import { resolveCampaignInput, CampaignRequestError } from '../../../infra/campaign-client.js';

describe('channel registry', () => {
  it('keeps the first four channels on their own activities and by default; the new ones are modules, chosen on request', () => {
    expect(DEFAULT_CAMPAIGN_CHANNELS).toEqual(['infographic', 'webPortal', 'pressBriefing', 'loudspeaker']);
    expect(ALL_CAMPAIGN_CHANNELS.filter(isModularChannel)).toEqual(['qaSet', 'social', 'poster', 'eBoard', 'video']);
    for (const c of CHANNELS) expect(c.label).toMatch(/[^\x00-\x7f]|Infographic/);
    expect(modulePreviews(['eBoard', 'qaSet', 'infographic']).map((p) => p.file)).toEqual(['qa/preview.html', 'eboard/preview.html']);
    expect(channelLine('poster: 3 tệp PDF in ấn')).toBe('Áp phích, pano (bản in): 3 tệp PDF in ấn');
  });

  it('publishes each new channel at its lead time for 20/11 (poster 14 days ahead, Q&A a week, social two days)', () => {
    const occasion = findOccasion('ngay-nha-giao-20-11')!;
    const channels = ['qaSet', 'social', 'poster', 'eBoard'] as const;
    const leads = Object.fromEntries(channels.map((c) => [c, leadTimeFor(occasion.leadTimes, c)]));
    expect(publishSchedule('2026-11-20', channels, leads)).toEqual({
      qaSet: '2026-11-13T00:00:00.000Z', // 07:00 on 13/11, Vietnam time
      social: '2026-11-18T02:00:00.000Z', // 09:00 on 18/11
      poster: '2026-11-06T01:00:00.000Z', // 08:00 on 06/11
      eBoard: '2026-11-17T00:00:00.000Z', // 07:00 on 17/11
    });
  });

  it('campaign start accepts every registered channel and names the valid ones when one is unknown', async () => {
    const ok = await resolveCampaignInput({ planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', channels: [...ALL_CAMPAIGN_CHANNELS], approvers: ['bien-tap@example.org'] }, new Date('2026-10-01T00:00:00+07:00'));
    expect(ok.channels).toEqual(ALL_CAMPAIGN_CHANNELS);
    const bad = await resolveCampaignInput({ planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', channels: ['livestream'], approvers: ['bien-tap@example.org'] }, new Date('2026-10-01T00:00:00+07:00')).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(CampaignRequestError);
    expect(String((bad as Error).message)).toContain('kênh "livestream" không hợp lệ; chọn trong: infographic, webPortal, pressBriefing, loudspeaker, qaSet, social, poster, eBoard, video');
  });
});
