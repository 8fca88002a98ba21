/**
 * The campaign workflow: one per plan × occasion × year. It prepares the content brief, fans
 * out drafts on every channel (loudspeaker scripts in batches), asks approvers by email, waits
 * for their decision with reminders, escalation and a deadline, re-drafts on request, and on
 * approval publishes each channel at its time on durable timers.
 */
import {
  CancellationScope,
  condition,
  defineQuery,
  defineUpdate,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type {
  CampaignChannel,
  CampaignInput,
  CampaignState,
  CampaignStatus,
  ChannelState,
  DecisionInput,
  DraftEdits,
  DraftSummary,
} from '../domain/campaign/types.js';
import { isModularChannel } from '../channels/registry.js';
import { FIRST_DRAFTED, moduleStep, ownStep, OWN_STEPS } from '../channels/workflow.js';
import type { CampaignActivityProxies, ChannelDraftContext, ChannelPublishContext } from '../channels/workflow-step.js';
import { CampaignStatus as SearchStatus } from '../domain/search-attributes.js';
import { failureReason, workflowFailure } from './failure.js';

export const statusQuery = defineQuery<CampaignState>('status');
export const decideUpdate = defineUpdate<{ status: CampaignStatus; version: number }, [DecisionInput]>('decide');

/** Where a waiting workflow receives its approvers' decision. */
export interface DecisionInbox {
  /** The decision received since the inbox was last opened. */
  readonly pending: DecisionInput | undefined;
  /** Waits for a new decision from these approvers (any earlier decision is cleared). */
  open(approvers: string[]): void;
  /** Lets more people decide the open question (escalation). */
  allow(approvers: string[]): void;
}

/**
 * Answers the status query with `state` and accepts the decide update only while `state` awaits
 * approval, for its current version and step, from an allowed approver, once; "request changes"
 * needs a comment. `subject` names what is decided in the refusals ("Chiến dịch", "Bản tin").
 */
export function acceptDecisions(state: CampaignState, subject: { name: string; approverOf: string }): DecisionInbox {
  let pending: DecisionInput | undefined;
  let allowed: string[] = [];
  setHandler(statusQuery, () => state);
  setHandler(
    decideUpdate,
    (d) => {
      pending = d;
      state.decisions.push(d);
      return { status: state.status, version: state.version };
    },
    {
      validator: (d) => {
        if (state.status !== 'awaitingApproval' || pending) throw new Error(`${subject.name} không còn chờ phê duyệt.`);
        if (d.version !== state.version) throw new Error(`Phiên bản ${d.version} đã cũ; phiên bản hiện tại là ${state.version}.`);
        if (d.step !== state.step) throw new Error(`Bước duyệt ${d.step} không phải bước hiện tại (${state.step}).`);
        if (!allowed.includes(d.approver.toLowerCase())) throw new Error(`${d.approver} không phải người duyệt ${subject.approverOf}.`);
        if (d.decision === 'requestChanges' && !d.comment?.trim()) throw new Error('Yêu cầu sửa cần có nhận xét.');
      },
    },
  );
  return {
    get pending() {
      return pending;
    },
    open(approvers) {
      allowed = approvers.map((a) => a.toLowerCase());
      pending = undefined;
    },
    allow(approvers) {
      allowed = [...allowed, ...approvers.map((a) => a.toLowerCase())];
    },
  };
}

/** Scripts are drafted and published in batches (the bulletin workflow uses the same size). */
export { LOCALITY_BATCH } from '../channels/loudspeaker/workflow.js';

/** Patch id: a failing campaign sets its CampaignStatus search attribute to "failed" (added later). */
export const FAILED_STATUS_PATCH = 'campaign-failed-status';

/**
 * Patch id: channels other than the first four are drafted and published through the generic
 * `draftChannel` / `publishChannel` activities (added later). Only campaigns that ask for such a
 * channel reach it, so earlier histories never see the marker.
 */
export const CHANNEL_MODULES_PATCH = 'campaign-channel-modules';

// Every activity heartbeats (in its loops, and every 2 s from the worker's keep-alive, see
// activities/heartbeat.ts), so a worker's death is noticed after the 10 s heartbeat timeout,
// not after the start-to-close timeout.
const prep = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', heartbeatTimeout: '10 seconds', retry: { maximumAttempts: 5 } });
const drafting = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '10 seconds', retry: { maximumAttempts: 5 } });
const mail = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '10 seconds', retry: { initialInterval: '2 seconds', maximumAttempts: 8 } });
/** Briefings heartbeat per recipient, so a crashed worker's attempt is retried within seconds. */
const briefings = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '2 seconds', maximumAttempts: 8 },
});
const channelActivities: CampaignActivityProxies = { drafting, mail, briefings };

function isoNow(): string {
  return new Date(Date.now()).toISOString();
}

export async function campaignWorkflow(input: CampaignInput): Promise<CampaignState> {
  const steps = input.leaders.length > 0 ? 2 : 1;
  const state: CampaignState = {
    campaignId: input.campaignId,
    planId: input.planId,
    occasionId: input.occasionId,
    occasionDate: input.occasionDate,
    status: 'preparing',
    version: 1,
    step: 1,
    steps,
    channels: input.channels.map((channel) => ({ channel, state: 'pending', version: 1 })),
    drafts: [],
    decisions: [],
    events: [],
    prefix: `campaigns/${input.campaignId}`,
    awaiting: [],
    localityCount: 0,
    recipientCount: 0,
    startedAt: isoNow(),
    updatedAt: isoNow(),
  };
  let repeatDaily = false;
  let schedule: Record<string, string> = {};
  let auditSeq = 0;

  const event = async (kind: string, text: string, extra: Record<string, unknown> = {}) => {
    const at = isoNow();
    state.events.push({ at, kind, text });
    state.updatedAt = at;
    auditSeq += 1;
    await prep.appendAudit({ campaignId: input.campaignId, seq: auditSeq, entry: { at, kind, text, version: state.version, ...extra } });
  };
  const setStatus = (status: CampaignStatus) => {
    state.status = status;
    state.updatedAt = isoNow();
    upsertSearchAttributes([{ key: SearchStatus, value: status }]);
  };
  const setChannel = (channel: CampaignChannel, s: ChannelState, extra: { publishAt?: string; publishedAt?: string; detail?: string } = {}) => {
    const c = state.channels.find((x) => x.channel === channel);
    if (c) Object.assign(c, { state: s, version: state.version }, extra);
  };

  const inbox = acceptDecisions(state, { name: 'Chiến dịch', approverOf: 'của bước này' });

  /** Renders every requested channel's drafts for the current version. */
  async function renderDrafts(briefKey: string): Promise<void> {
    setStatus('drafting');
    const v = state.version;
    const jobs: Promise<DraftSummary>[] = [];
    const wants = (c: CampaignChannel) => input.channels.includes(c);
    const ctx = (channel: string, infographicKey?: string): ChannelDraftContext => ({ channel, campaignId: input.campaignId, version: v, briefKey, infographicKey, localityCount: state.localityCount });
    // The infographic comes first, for every campaign: the others embed it.
    const first = await ownStep(FIRST_DRAFTED)!.draft(ctx(FIRST_DRAFTED), channelActivities);
    if (wants(FIRST_DRAFTED)) jobs.push(Promise.resolve(first));
    // Then the channels with activities of their own, in registry order.
    for (const { channel, step } of OWN_STEPS) if (channel !== FIRST_DRAFTED && wants(channel)) jobs.push(step.draft(ctx(channel, first.keys[0]), channelActivities));
    // Every other channel through its module, in the campaign's order.
    const modular = input.channels.filter(isModularChannel);
    if (modular.length > 0 && patched(CHANNEL_MODULES_PATCH)) {
      for (const channel of modular) jobs.push(moduleStep.draft(ctx(channel, first.keys[0]), channelActivities));
    }
    state.drafts = await Promise.all(jobs);
    for (const d of state.drafts) setChannel(d.channel, d.problems.length ? 'failed' : 'drafted', { detail: d.summary });
    await event('drafted', `Đã soạn bản nháp phiên bản ${v}: ${state.drafts.map((d) => d.summary).join('; ')}`);
  }

  /** Asks the approvers of the current step and waits, with reminder, escalation and deadline. */
  async function awaitDecision(approvers: string[]): Promise<DecisionInput | 'expired'> {
    inbox.open(approvers);
    state.awaiting = [...approvers];
    const ask = (to: string[], kind: 'request' | 'reminder' | 'escalation') =>
      mail.sendApprovalRequests({
        campaignId: input.campaignId,
        workflowId: workflowInfo().workflowId,
        version: state.version,
        step: state.step,
        steps,
        approvers: to,
        kind,
        round: auditSeq,
        tokenTtlMs: input.tokenTtlMs,
        drafts: state.drafts.map((d) => `${d.channel}: ${d.summary}`),
      });
    setStatus('awaitingApproval');
    await ask(approvers, 'request');
    await event('approvalRequested', `Đã gửi yêu cầu phê duyệt (bước ${state.step}/${steps}) tới ${approvers.join(', ')}`);
    const started = Date.now();
    const deadline = Date.parse(input.decideBy);
    let reminded = false;
    let escalated = input.escalateTo.length === 0;
    while (!inbox.pending) {
      const wakes = [deadline];
      if (!reminded) wakes.push(started + input.reminderAfterMs);
      if (!escalated) wakes.push(started + input.escalateAfterMs);
      const wait = Math.max(0, Math.min(...wakes) - Date.now());
      if (await condition(() => inbox.pending !== undefined, wait)) break;
      const now = Date.now();
      if (now >= deadline) return 'expired';
      if (!reminded && now >= started + input.reminderAfterMs) {
        reminded = true;
        await ask(state.awaiting, 'reminder');
        await event('reminder', `Đã nhắc ${state.awaiting.join(', ')}`);
      }
      if (!escalated && now >= started + input.escalateAfterMs) {
        escalated = true;
        inbox.allow(input.escalateTo);
        state.awaiting = [...state.awaiting, ...input.escalateTo];
        await ask(input.escalateTo, 'escalation');
        await event('escalation', `Chưa có quyết định; đã chuyển lên ${input.escalateTo.join(', ')}`);
      }
    }
    const decision = inbox.pending!;
    state.awaiting = [];
    await event(decision.decision, `${decision.approver}: ${decision.decision}${decision.comment ? ` — ${decision.comment}` : ''}`, { decision });
    return decision;
  }

  /** Publishes one channel at its time. */
  async function publishChannel(channel: CampaignChannel, at: string, postUrl: { value?: string }): Promise<void> {
    setChannel(channel, 'scheduled', { publishAt: at });
    const wait = Date.parse(at) - Date.now();
    if (wait > 0) await sleep(wait);
    setChannel(channel, 'publishing', { publishAt: at });
    const v = state.version;
    let detail = '';
    const ctx: ChannelPublishContext = {
      channel,
      campaignId: input.campaignId,
      version: v,
      at,
      channels: input.channels,
      schedule,
      occasionDate: input.occasionDate,
      localityCount: state.localityCount,
      repeatDaily: !input.publishAt && repeatDaily,
      postUrl,
      now: isoNow,
    };
    const own = ownStep(channel);
    if (own) detail = await own.publish(ctx, channelActivities);
    else if (isModularChannel(channel) && patched(CHANNEL_MODULES_PATCH)) detail = await moduleStep.publish(ctx, channelActivities);
    setChannel(channel, 'published', { publishAt: at, publishedAt: isoNow(), detail });
    await event('published', `Đã đăng ${channel}: ${detail}`, { channel });
  }

  try {
    upsertSearchAttributes([{ key: SearchStatus, value: 'preparing' }]);
    const prepared = await prep.prepareCampaign(input);
    state.localityCount = prepared.localityCount;
    state.recipientCount = prepared.recipientCount;
    repeatDaily = prepared.loudspeakerRepeatDaily;
    schedule = prepared.schedule;
    await event('started', `Bắt đầu chiến dịch ${prepared.title}${input.startedBy ? ` (người khởi tạo: ${input.startedBy})` : ''}`);
    let briefKey = prepared.briefKey;
    let edits: DraftEdits | undefined;

    for (;;) {
      await renderDrafts(briefKey);
      let outcome: DecisionInput | 'expired' | undefined;
      for (state.step = 1; state.step <= steps; state.step++) {
        outcome = await awaitDecision(state.step === 1 ? input.approvers : input.leaders);
        if (outcome === 'expired' || outcome.decision !== 'approve') break;
      }
      if (outcome === 'expired') {
        setStatus('expired');
        await event('expired', 'Quá hạn phê duyệt (ngày sự kiện đã qua); không đăng gì.');
        return state;
      }
      if (!outcome || outcome.decision === 'reject') {
        setStatus('rejected');
        for (const c of state.channels) setChannel(c.channel, 'skipped');
        await event('closed', 'Chiến dịch bị từ chối; không đăng gì, bản nháp được giữ lại.');
        return state;
      }
      if (outcome.decision === 'approve') break;
      // Request changes: a new version with the edited fields, and a new round of approval.
      edits = { ...edits, ...outcome.edits };
      // Shown at once (the search attribute follows when drafting starts), so nobody reads
      // "awaiting approval" next to the new version number while it is being drafted.
      state.status = 'drafting';
      state.version += 1;
      state.step = 1;
      briefKey = (await prep.reviseBrief({ campaignId: input.campaignId, version: state.version, edits, comment: outcome.comment ?? '' })).briefKey;
    }

    setStatus('approved');
    state.step = steps;
    const postUrl: { value?: string } = {};
    setStatus('publishing');
    await Promise.all(input.channels.map((c) => publishChannel(c, prepared.schedule[c] ?? isoNow(), postUrl)));
    setStatus('published');
    await event('closed', 'Đã đăng xong mọi kênh.');
    return state;
  } catch (err) {
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(async () => {
        setStatus('cancelled');
        for (const c of state.channels) if (c.state !== 'published') setChannel(c.channel, 'skipped');
        await event('cancelled', 'Chiến dịch đã bị hủy; không đăng thêm gì, bản nháp được giữ lại.');
      });
      return state;
    }
    const reason = failureReason(err);
    if (reason !== undefined) {
      // The status query answers from this state even after the workflow has failed, also when
      // replaying a campaign that failed before the search attribute was set here.
      const at = isoNow();
      state.status = 'failed';
      state.updatedAt = at;
      for (const c of state.channels) {
        if (c.state === 'publishing') setChannel(c.channel, 'failed');
        else if (c.state !== 'published' && c.state !== 'failed') setChannel(c.channel, 'skipped');
      }
      state.events.push({ at, kind: 'failed', text: reason });
      if (patched(FAILED_STATUS_PATCH)) upsertSearchAttributes([{ key: SearchStatus, value: 'failed' }]);
    }
    throw workflowFailure(err);
  }
}
