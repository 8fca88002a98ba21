/**
 * Why a workflow failed, in words for people. An activity's failure reaches workflow code as an
 * `ActivityFailure` whose `cause` is what the activity threw (an `ApplicationFailure` with a
 * Vietnamese message, a timeout…); the reason names the step and carries that message.
 * Safe to import from workflow code.
 */
import { ActivityFailure, ApplicationFailure, TemporalFailure, TimeoutFailure } from '@temporalio/common';
import { isCancellation } from '@temporalio/workflow';

/** What each activity does, as the reason names the step. */
const STEP_LABELS: Record<string, string> = {
  prepareCampaign: 'chuẩn bị chiến dịch',
  reviseBrief: 'sửa nội dung theo yêu cầu',
  draftInfographics: 'soạn infographic',
  draftPost: 'soạn bài đăng cổng thông tin',
  draftBriefing: 'soạn thông tin cho báo chí',
  draftScriptsBatch: 'soạn kịch bản truyền thanh',
  sendApprovalRequests: 'gửi thư đề nghị phê duyệt',
  appendAudit: 'ghi nhật ký',
  publishInfographics: 'đăng infographic',
  publishCampaignPost: 'đăng bài lên cổng thông tin',
  sendCampaignBriefings: 'gửi thông tin cho báo chí',
  publishScriptsBatch: 'đưa bản tin vào lịch phát thanh',
  prepareBulletinRun: 'chuẩn bị bản tin định kỳ',
  bulletinPublishDay: 'chọn ngày phát bản tin',
  recordBulletinRun: 'ghi kết quả bản tin',
  resolveOccasionCampaign: 'tìm sự kiện để khởi tạo chiến dịch',
  gatherReportEvidence: 'thu thập số liệu báo cáo',
  renderReportFiles: 'lập tệp báo cáo',
  emailReport: 'gửi báo cáo qua thư điện tử',
};

function causes(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e: unknown = err; e !== undefined && e !== null && out.length < 10; e = (e as { cause?: unknown }).cause) out.push(e);
  return out;
}

/**
 * The reason a failure ends the workflow, or undefined when `err` does not fail the workflow
 * (a cancellation, or a plain error, which fails only the workflow task and is retried).
 */
export function failureReason(err: unknown): string | undefined {
  if (!(err instanceof TemporalFailure) || isCancellation(err)) return undefined;
  const chain = causes(err);
  const activity = chain.find((e): e is ActivityFailure => e instanceof ActivityFailure);
  const app = chain.find((e): e is ApplicationFailure => e instanceof ApplicationFailure);
  const timeout = chain.find((e): e is TimeoutFailure => e instanceof TimeoutFailure);
  const what = app?.message || (timeout ? 'quá thời gian chờ' : (chain[chain.length - 1] as Error).message);
  if (!activity) return what;
  const step = STEP_LABELS[activity.activityType] ?? 'một bước xử lý';
  const retried = app && !app.nonRetryable ? ' (đã thử lại nhiều lần)' : '';
  return `Lỗi khi ${step}${retried}: ${what}`;
}

/**
 * The failure to end the workflow with: an `ApplicationFailure` whose message is the reason
 * (what `WorkflowFailedError.cause.message` shows a client), keeping the original as its cause.
 * Anything that does not fail the workflow is returned unchanged.
 */
export function workflowFailure(err: unknown): unknown {
  const reason = failureReason(err);
  if (reason === undefined || (err instanceof ApplicationFailure && err.message === reason)) return err;
  const app = causes(err).find((e): e is ApplicationFailure => e instanceof ApplicationFailure);
  return ApplicationFailure.create({ message: reason, type: app?.type ?? 'WorkflowFailed', nonRetryable: true, cause: err as TemporalFailure });
}
