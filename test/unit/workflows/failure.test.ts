import { ActivityFailure, ApplicationFailure, CancelledFailure, RetryState, TimeoutFailure, TimeoutType } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { failureReason, workflowFailure } from '../../../workflows/failure.js';

const activityFailed = (type: string, cause: Error) => new ActivityFailure('Activity task failed', type, '1', RetryState.NON_RETRYABLE_FAILURE, 'worker', cause);

describe('why a workflow failed', () => {
  it('names the step and gives the message of what the activity threw, not "Activity task failed"', () => {
    const err = activityFailed('draftScriptsBatch', ApplicationFailure.nonRetryable('Kịch bản cho xã Nông Thượng dài 6 phút, vượt khung giờ 5 phút.', 'ScriptTooLong'));
    expect(failureReason(err)).toBe('Lỗi khi soạn kịch bản truyền thanh: Kịch bản cho xã Nông Thượng dài 6 phút, vượt khung giờ 5 phút.');
  });

  it('says when the step was retried until it gave up, and when it timed out', () => {
    expect(failureReason(activityFailed('emailReport', ApplicationFailure.retryable('connect ECONNREFUSED 127.0.0.1:1025', 'Error')))).toBe(
      'Lỗi khi gửi báo cáo qua thư điện tử (đã thử lại nhiều lần): connect ECONNREFUSED 127.0.0.1:1025',
    );
    expect(failureReason(activityFailed('prepareCampaign', new TimeoutFailure(undefined, undefined, TimeoutType.START_TO_CLOSE)))).toBe('Lỗi khi chuẩn bị chiến dịch: quá thời gian chờ');
  });

  it('leaves cancellations and plain errors alone (they do not fail the workflow)', () => {
    expect(failureReason(activityFailed('draftPost', new CancelledFailure('cancelled')))).toBeUndefined();
    expect(failureReason(new TypeError('x is undefined'))).toBeUndefined();
    const plain = new TypeError('x is undefined');
    expect(workflowFailure(plain)).toBe(plain);
  });

  it('fails the workflow with the reason as message, keeping the original failure as cause', () => {
    const cause = activityFailed('gatherReportEvidence', ApplicationFailure.nonRetryable('Kế hoạch không có nhiệm vụ báo cáo "bc-9".', 'InvalidDuty'));
    const failure = workflowFailure(cause) as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure.message).toBe('Lỗi khi thu thập số liệu báo cáo: Kế hoạch không có nhiệm vụ báo cáo "bc-9".');
    expect(failure).toMatchObject({ type: 'InvalidDuty', nonRetryable: true });
    expect(failure.cause).toBe(cause);
  });
});
