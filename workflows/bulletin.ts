/**
 * Workflows that schedules start for a plan's steady rhythm (the report has its own file):
 *
 * - `bulletinWorkflow`: one run of a recurring loudspeaker bulletin series. It takes the next
 *   key message of the series' pool (the same one if the run is retried), drafts one script
 *   per locality with the campaign drafting activity, and either publishes straight into the
 *   localities' feeds (a series pre-approved with its pool) or asks the approvers first, like a
 *   campaign (same approval email, link and page). Feed items are keyed by the run, so a retry
 *   or a caught-up run never publishes twice.
 * - `occasionCampaignWorkflow`: starts the campaign of an occasion's next instance as a child
 *   workflow with the campaign's usual id, so a second run for the same instance starts nothing.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  condition,
  patched,
  upsertSearchAttributes,
  proxyActivities,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { BulletinRunRecord } from '../activities/schedules/bulletin.js';
import type { CampaignState } from '../domain/campaign/types.js';
import { bulletinRunId, BULLETIN_OCCASION_ID, type BulletinSeriesInput } from '../domain/schedules/bulletin.js';
import type { OccasionStartInput } from '../domain/schedules/occasion.js';
import { CampaignOccasion, CampaignPlan, CampaignStatus as SearchStatus, CampaignYear } from '../domain/search-attributes.js';
import { acceptDecisions, campaignWorkflow, LOCALITY_BATCH } from './campaign.js';
import { failureReason, workflowFailure } from './failure.js';
import { runTimeOf } from './run-time.js';

// Heartbeat timeouts: a worker's death is noticed within 10 s (see activities/heartbeat.ts).
const act = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '10 seconds', retry: { maximumAttempts: 5 } });
const mail = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '10 seconds', retry: { initialInterval: '2 seconds', maximumAttempts: 8 } });

const isoNow = () => new Date(Date.now()).toISOString();

/** Patch id: a failing run records its failure (added later). */
export const BULLETIN_FAILED_PATCH = 'bulletin-failed-record';
/** Patch id: a run sets its CampaignStatus search attribute as its status changes (added later). */
export const BULLETIN_STATUS_PATCH = 'bulletin-status-attribute';

/** What a bulletin run ends with. */
export interface BulletinRunResult {
  runId: string;
  status: 'published' | 'rejected' | 'expired';
  messageIndex: number;
  message: string;
  /** Broadcast day (ISO date, local). */
  day: string;
  localities: number;
  bulletins: number;
}

export async function bulletinWorkflow(series: BulletinSeriesInput): Promise<BulletinRunResult> {
  const runId = bulletinRunId(series.seriesId, workflowInfo().workflowId);
  const preApproved = series.preApprovedBy !== undefined;
  const state: CampaignState = {
    campaignId: runId,
    planId: series.planId,
    occasionId: BULLETIN_OCCASION_ID,
    occasionDate: '',
    status: 'preparing',
    version: 1,
    step: 1,
    steps: 1,
    channels: [{ channel: 'loudspeaker', state: 'pending', version: 1 }],
    drafts: [],
    decisions: [],
    events: [],
    prefix: `campaigns/${runId}`,
    awaiting: [],
    localityCount: 0,
    recipientCount: 0,
    startedAt: isoNow(),
    updatedAt: isoNow(),
  };
  let auditSeq = 0;
  const channel = state.channels[0]!;

  const event = async (kind: string, text: string, extra: Record<string, unknown> = {}) => {
    const at = isoNow();
    state.events.push({ at, kind, text });
    state.updatedAt = at;
    auditSeq += 1;
    await act.appendAudit({ campaignId: runId, seq: auditSeq, entry: { at, kind, text, version: state.version, seriesId: series.seriesId, taskId: series.taskId, ...extra } });
  };

  const inbox = acceptDecisions(state, { name: 'Bản tin', approverOf: 'bản tin này' });
  /** The run's status, also as its CampaignStatus search attribute (runs started before this was added keep only the state). */
  const setStatus = (status: CampaignState['status']) => {
    state.status = status;
    if (patched(BULLETIN_STATUS_PATCH)) upsertSearchAttributes([{ key: SearchStatus, value: status }]);
  };

  const record = (patch: Partial<BulletinRunRecord>) => act.recordBulletinRun({ seriesId: series.seriesId, runId, patch });
  let hasRecord = false;
  try {
    // The broadcast day follows the time the schedule planned the run for, so a run caught up
    // after downtime keeps its own day.
    const prepared = await act.prepareBulletinRun({ series, runId, at: state.startedAt, scheduledAt: runTimeOf(workflowInfo()) });
    hasRecord = true;
    state.occasionDate = prepared.day;
    state.localityCount = prepared.localityCount;
    await event('started', `Bản tin định kỳ ${series.seriesId}: thông điệp số ${prepared.messageIndex + 1} — "${prepared.message}"`, {
      messageIndex: prepared.messageIndex,
      message: prepared.message,
    });

    const batches = Math.ceil(prepared.localityCount / LOCALITY_BATCH);
    let briefKey = prepared.briefKey;
    const close = async (status: 'rejected' | 'expired', text: string): Promise<BulletinRunResult> => {
      setStatus(status);
      channel.state = 'skipped';
      await event(status === 'rejected' ? 'closed' : 'expired', text);
      await record({ status });
      return { runId, status, messageIndex: prepared.messageIndex, message: prepared.message, day: prepared.day, localities: prepared.localityCount, bulletins: 0 };
    };

    for (;;) {
      setStatus('drafting');
      const v = state.version;
      const parts = await Promise.all(
        Array.from({ length: batches }, (_, batch) => act.draftScriptsBatch({ campaignId: runId, version: v, briefKey, batch, batchSize: LOCALITY_BATCH })),
      );
      const seconds = parts.reduce((s, p) => s + p.seconds, 0);
      const problems = parts.flatMap((p) => p.problems);
      state.drafts = [
        {
          channel: 'loudspeaker',
          keys: parts.flatMap((p) => p.sampleKeys).slice(0, 3),
          summary: `${parts.reduce((s, p) => s + p.count, 0)} kịch bản, tổng ${Math.round(seconds / 60)} phút đọc`,
          problems,
        },
      ];
      Object.assign(channel, { state: problems.length ? 'failed' : 'drafted', version: v, detail: state.drafts[0]!.summary });
      await event('drafted', `Đã soạn bản tin phiên bản ${v}: ${state.drafts[0]!.summary}`);
      if (preApproved) {
        await event('preApproved', `Chuỗi bản tin đã được ${series.preApprovedBy} duyệt trước cùng bộ thông điệp; đăng thẳng.`, {
          decision: { approver: series.preApprovedBy, decision: 'approve', version: v, preApproved: true },
        });
        break;
      }

      // Approval, as for a campaign: one step, the series' approvers, a deadline.
      inbox.open(series.approvers);
      state.awaiting = [...series.approvers];
      setStatus('awaitingApproval');
      await mail.sendApprovalRequests({
        campaignId: runId,
        workflowId: workflowInfo().workflowId,
        version: v,
        step: 1,
        steps: 1,
        approvers: series.approvers,
        kind: 'request',
        round: auditSeq,
        tokenTtlMs: series.decideWithinMs,
        drafts: state.drafts.map((d) => `${d.channel}: ${d.summary}`),
      });
      await event('approvalRequested', `Đã gửi yêu cầu phê duyệt bản tin tới ${series.approvers.join(', ')}`);
      const deadline = Date.parse(state.startedAt) + series.decideWithinMs;
      if (!(await condition(() => inbox.pending !== undefined, Math.max(0, deadline - Date.now())))) {
        return close('expired', 'Quá hạn phê duyệt; bản tin không được phát.');
      }
      const decision = inbox.pending!;
      state.awaiting = [];
      await event(decision.decision, `${decision.approver}: ${decision.decision}${decision.comment ? ` — ${decision.comment}` : ''}`, { decision });
      if (decision.decision === 'approve') break;
      if (decision.decision === 'reject') return close('rejected', 'Bản tin bị từ chối; không phát.');
      // Shown at once, before the new version number (the search attribute follows when drafting
      // starts): nobody reads "awaiting approval" of a version still being revised. State only,
      // no command, so running bulletins replay unchanged.
      state.status = 'drafting';
      state.version += 1;
      briefKey = (await act.reviseBrief({ campaignId: runId, version: state.version, edits: decision.edits ?? {}, comment: decision.comment ?? '' })).briefKey;
    }

    setStatus('publishing');
    channel.state = 'publishing';
    const day = preApproved ? prepared.day : await act.bulletinPublishDay({ runId, at: isoNow() });
    const published = await Promise.all(
      Array.from({ length: batches }, (_, batch) => mail.publishScriptsBatch({ campaignId: runId, version: state.version, batch, batchSize: LOCALITY_BATCH, days: [day] })),
    );
    const bulletins = published.reduce((s, p) => s + p.bulletins, 0);
    const detail = `${bulletins} bản tin tới ${published.reduce((s, p) => s + p.localities, 0)} đơn vị, ngày ${day}`;
    Object.assign(channel, { state: 'published', publishedAt: isoNow(), detail });
    setStatus('published');
    await event('published', `Đã đăng loudspeaker: ${detail}`, { channel: 'loudspeaker' });
    await record({ status: 'published', day, bulletins, publishedAt: isoNow(), problems: state.drafts.flatMap((d) => d.problems) });
    return { runId, status: 'published', messageIndex: prepared.messageIndex, message: prepared.message, day, localities: prepared.localityCount, bulletins };
  } catch (err) {
    const reason = failureReason(err);
    if (reason !== undefined) {
      const at = isoNow();
      setStatus('failed');
      state.updatedAt = at;
      if (channel.state === 'publishing') channel.state = 'failed';
      else if (channel.state !== 'published' && channel.state !== 'failed') channel.state = 'skipped';
      state.events.push({ at, kind: 'failed', text: reason });
      // The run's record (read by the report) says it failed instead of "drafting" for ever.
      if (hasRecord && patched(BULLETIN_FAILED_PATCH)) await record({ status: 'failed', failure: reason }).catch(() => undefined);
    }
    throw workflowFailure(err);
  }
}

/** What an occasion start ends with. */
export interface OccasionStartResult {
  campaignId?: string;
  started: boolean;
  reason: string;
}

export async function occasionCampaignWorkflow(start: OccasionStartInput): Promise<OccasionStartResult> {
  // The occasion instance is looked for from the time the schedule planned the run for.
  const resolved = await act.resolveOccasionCampaign({ start, at: runTimeOf(workflowInfo()) }).catch((err: unknown) => {
    throw workflowFailure(err);
  });
  const input = resolved.campaign;
  if (!input) return { started: false, reason: resolved.skipped ?? 'Không có chiến dịch để khởi tạo.' };
  try {
    await startChild(campaignWorkflow, {
      workflowId: input.campaignId,
      args: [input],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: CampaignPlan, value: input.planId },
        { key: CampaignOccasion, value: input.occasionId },
        { key: CampaignYear, value: Number(input.occasionDate.slice(0, 4)) },
        { key: SearchStatus, value: 'preparing' },
      ],
    });
    return { campaignId: input.campaignId, started: true, reason: `Đã khởi tạo chiến dịch ${input.campaignId}.` };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { campaignId: input.campaignId, started: false, reason: `Chiến dịch ${input.campaignId} đã có từ trước.` };
    throw workflowFailure(err);
  }
}
