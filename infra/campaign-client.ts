/**
 * Starting, inspecting, listing and cancelling campaigns — the client code shared by the CLI
 * and the web dashboard. Requests are validated here with every problem named by field, before
 * anything reaches Temporal.
 */
import { randomBytes } from 'node:crypto';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure, TypedSearchAttributes } from '@temporalio/common';
import { z } from 'zod';
import { occasionTaskIds } from '../domain/brief-builder.js';
import { occasionsBetween } from '../domain/calendar/index.js';
import { addDays, parseVnDate, parseVnDateTime, vnToday } from '../domain/dates.js';
import { isEmailAddress } from '../domain/email.js';
import { campaignId } from '../domain/campaign/ids.js';
import { endOfVnDay } from '../domain/campaign/schedule.js';
import { ALL_CAMPAIGN_CHANNELS, DEFAULT_CAMPAIGN_CHANNELS, type CampaignChannel, type CampaignInput, type CampaignState } from '../domain/campaign/types.js';
import { CampaignOccasion, CampaignPlan, CampaignStatus, CampaignYear } from '../domain/search-attributes.js';
import { leaderProblems } from '../domain/directory/access.js';
import { resolveAudience } from './campaign-audience.js';
import { processDirectoryOrSamples, type DirectoryReader } from './directory-store.js';
import { processPlans, type PlanReader } from './plan-library.js';
import { PlanNotFoundError } from './plan-store.js';

export const DEFAULTS = {
  reminderAfterMs: 24 * 3600_000,
  escalateAfterMs: 48 * 3600_000,
  tokenTtlMs: 72 * 3600_000,
};

export interface StartRequest {
  planId: string;
  /** A version of the plan in the library (default: the current one). */
  planVersion?: number;
  occasionId: string;
  /** Date of the occasion (dd/mm/yyyy or ISO); default: its next occurrence from today. */
  date?: string;
  taskIds?: string[];
  channels?: string[];
  localities?: 'all' | string[];
  /** Directory units to read out on (a province's commune-tier units); default: what the plan's owning unit reaches. */
  units?: string[];
  /** When every channel publishes (see parseVnDateTime: without a zone, Vietnam time). */
  publishAt?: string;
  approvers: string[];
  escalateTo?: string[];
  leaders?: string[];
  reminderAfterMs?: number;
  escalateAfterMs?: number;
  tokenTtlMs?: number;
  /** Deadline for a decision (as publishAt); default: end of the occasion day. */
  decideBy?: string;
  /** Explicit locality and media list files instead of the directory. */
  localitiesFile?: string;
  mediaListFile?: string;
  forceNew?: boolean;
  startedBy?: string;
  /** Id prefix of the schedule set that starts this campaign (see `campaignId`). */
  idPrefix?: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class CampaignRequestError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`Không khởi tạo được chiến dịch:\n${problems.map((p) => `  - ${p.field}: ${p.message}`).join('\n')}`);
    this.name = 'CampaignRequestError';
  }
}

const email = z.string().trim().toLowerCase().refine(isEmailAddress, 'không phải địa chỉ email hợp lệ');

/**
 * Validates a request against the plan files and the directory (default: the process's, else
 * the shipped samples) and builds the workflow input. Throws CampaignRequestError listing every
 * problem.
 */
export async function resolveCampaignInput(req: StartRequest, now: Date = new Date(), options: { directory?: DirectoryReader; plans?: PlanReader } = {}): Promise<CampaignInput> {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  let plan;
  let planVersion = 0;
  try {
    ({ plan, version: planVersion } = await (options.plans ?? processPlans()).get(req.planId, req.planVersion));
  } catch (err) {
    add('plan', err instanceof PlanNotFoundError ? err.message : (err as Error).message);
  }
  let occasionDate: string | undefined;
  let tiedTasks: string[] = [];
  if (plan) {
    const today = vnToday(now);
    let from = today;
    let to = addDays(today, 400);
    if (req.date) {
      const d = parseVnDate(req.date);
      if (!d) add('date', `"${req.date}" không phải ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd`);
      else from = to = d;
    }
    const found = occasionsBetween(from, to, [plan]).find((o) => o.occasionId === req.occasionId);
    if (!found) add('occasion', `sự kiện "${req.occasionId}" không có trong lịch của kế hoạch ${plan.id}${req.date ? ` vào ngày ${req.date}` : ' trong 400 ngày tới'}`);
    else {
      occasionDate = found.date;
      tiedTasks = occasionTaskIds(plan, found);
    }
    for (const t of req.taskIds ?? []) if (!plan.tasks.some((x) => x.id === t)) add('tasks', `kế hoạch ${plan.id} không có nhiệm vụ "${t}"`);
  }
  const channels = (req.channels?.length ? req.channels : DEFAULT_CAMPAIGN_CHANNELS) as string[];
  for (const c of channels) if (!ALL_CAMPAIGN_CHANNELS.includes(c as CampaignChannel)) add('channels', `kênh "${c}" không hợp lệ; chọn trong: ${ALL_CAMPAIGN_CHANNELS.join(', ')}`);
  const localities = req.localities ?? 'all';
  const directory = options.directory ?? (await processDirectoryOrSamples()).directory;
  const audience = plan
    ? await resolveAudience({ planId: plan.id, channels, localities, ...(req.units ? { units: req.units } : {}), ...(req.localitiesFile ? { localitiesFile: req.localitiesFile } : {}), ...(req.mediaListFile ? { mediaListFile: req.mediaListFile } : {}) }, directory)
    : undefined;
  for (const p of audience?.problems ?? []) add(p.field, p.message);
  // A second-step leader must be a leader of the plan's issuing unit.
  if (plan && req.leaders?.length) {
    const owner = await directory.ownerOfPlan(plan.id);
    for (const m of leaderProblems(owner, req.leaders)) add('leaders', m);
  }
  const approvers: string[] = [];
  if (req.approvers.length === 0) add('approvers', 'cần ít nhất một người phê duyệt (email)');
  for (const [field, list] of [['approvers', req.approvers], ['escalateTo', req.escalateTo ?? []], ['leaders', req.leaders ?? []]] as const) {
    for (const a of list) {
      const r = email.safeParse(a);
      if (!r.success) add(field, `"${a}" ${r.error.issues[0]!.message}`);
      else if (field === 'approvers') approvers.push(r.data);
    }
  }
  // Times without a zone are Vietnam time, whatever the host's zone; impossible ones are refused.
  const publishAt = req.publishAt ? parseVnDateTime(req.publishAt) : undefined;
  if (publishAt?.problem) add('publishAt', publishAt.problem);
  const decideBy = req.decideBy ? parseVnDateTime(req.decideBy) : undefined;
  if (decideBy?.problem) add('decideBy', decideBy.problem);
  for (const f of ['reminderAfterMs', 'escalateAfterMs', 'tokenTtlMs'] as const) {
    const v = req[f];
    if (v !== undefined && (!Number.isFinite(v) || v <= 0)) add(f, 'phải là khoảng thời gian dương');
  }
  if (problems.length || !plan || !occasionDate) throw new CampaignRequestError(problems);

  const suffix = req.forceNew ? `r${now.getTime().toString(36)}${randomBytes(2).toString('hex')}` : undefined;
  return {
    campaignId: campaignId(plan.id, req.occasionId, occasionDate, suffix, req.idPrefix),
    planId: plan.id,
    ...(planVersion > 0 ? { planVersion } : {}),
    occasionId: req.occasionId,
    occasionDate,
    taskIds: req.taskIds?.length ? req.taskIds : tiedTasks,
    channels: channels as CampaignChannel[],
    localities,
    ...(req.localitiesFile ? { localitiesFile: req.localitiesFile } : { units: audience?.units ?? [] }),
    ...(req.mediaListFile ? { mediaListFile: req.mediaListFile } : audience?.mediaListUnit ? { mediaListUnit: audience.mediaListUnit } : {}),
    ...(audience?.ownerId ? { ownerUnit: audience.ownerId } : {}),
    publishAt: publishAt?.iso,
    approvers,
    escalateTo: (req.escalateTo ?? []).map((a) => a.trim().toLowerCase()),
    leaders: (req.leaders ?? []).map((a) => a.trim().toLowerCase()),
    reminderAfterMs: req.reminderAfterMs ?? DEFAULTS.reminderAfterMs,
    escalateAfterMs: req.escalateAfterMs ?? DEFAULTS.escalateAfterMs,
    tokenTtlMs: req.tokenTtlMs ?? DEFAULTS.tokenTtlMs,
    decideBy: decideBy?.iso ?? endOfVnDay(occasionDate),
    startedBy: req.startedBy,
  };
}

export class CampaignExistsError extends Error {
  constructor(readonly campaignId: string) {
    super(`Chiến dịch ${campaignId} đã được khởi tạo trước đó. Xem: campaign status ${campaignId}. Muốn chạy lần mới có chủ ý, thêm --force-new.`);
    this.name = 'CampaignExistsError';
  }
}

/** Starts the workflow; the id is derived from plan, occasion and year, so a duplicate is refused. */
export async function startCampaign(client: Client, taskQueue: string, input: CampaignInput): Promise<{ campaignId: string; runId: string }> {
  try {
    const handle = await client.workflow.start('campaignWorkflow', {
      taskQueue,
      workflowId: input.campaignId,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      ...(input.ownerUnit || input.planVersion ? { memo: { ...(input.ownerUnit ? { unitId: input.ownerUnit } : {}), ...(input.planVersion ? { planVersion: input.planVersion } : {}) } } : {}),
      typedSearchAttributes: new TypedSearchAttributes([
        { key: CampaignPlan, value: input.planId },
        { key: CampaignOccasion, value: input.occasionId },
        { key: CampaignYear, value: Number(input.occasionDate.slice(0, 4)) },
        { key: CampaignStatus, value: 'preparing' },
      ]),
    });
    return { campaignId: input.campaignId, runId: handle.firstExecutionRunId };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) throw new CampaignExistsError(input.campaignId);
    throw err;
  }
}

/** The reason a failed workflow gives (the Vietnamese message of what failed), from its close event. */
async function failureOf(client: Client, id: string): Promise<string | undefined> {
  try {
    await client.workflow.getHandle(id).result();
    return undefined;
  } catch (err) {
    if (!(err instanceof WorkflowFailedError)) return undefined;
    // Campaigns that failed before the workflow named the reason end with "Activity task
    // failed", caused by the activity's ApplicationFailure: its message is the reason.
    for (let e: unknown = err.cause; e; e = (e as { cause?: unknown }).cause) if (e instanceof ApplicationFailure) return e.message;
    return err.cause?.message ?? err.message;
  }
}

export interface CampaignStatusResult {
  state: CampaignState;
  workflowStatus: string;
  /** Why the campaign failed (status "failed"). */
  failure?: string;
}

export async function campaignStatus(client: Client, id: string): Promise<CampaignStatusResult | undefined> {
  try {
    const handle = client.workflow.getHandle(id);
    const [state, description] = await Promise.all([handle.query<CampaignState>('status'), handle.describe()]);
    const workflowStatus = description.status.name;
    let failure = state.status === 'failed' ? [...state.events].reverse().find((e) => e.kind === 'failed')?.text : undefined;
    if (workflowStatus === 'FAILED') {
      failure ??= await failureOf(client, id);
      state.status = 'failed';
    }
    return { state, workflowStatus, ...(failure ? { failure } : {}) };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
}

export interface CampaignListing {
  campaignId: string;
  planId?: string;
  occasionId?: string;
  year?: number;
  status?: string;
  workflowStatus: string;
  startedAt: string;
  /** The plan's issuing unit recorded in the workflow memo at start (campaigns started before it have none). */
  unitId?: string;
  /** Why a failed campaign failed; only with `{ reasons: true }`. */
  failure?: string;
}

/** Failed campaigns whose reason is looked up in one listing (one request each). */
const MAX_REASONS = 50;

/**
 * Campaigns found through their search attributes, newest first. A campaign whose workflow
 * failed is "failed" whatever its search attribute says (campaigns that failed before the
 * workflow set it kept "preparing" or "drafting"); `reasons` adds why it failed.
 */
export async function listCampaigns(
  client: Client,
  filter: { planId?: string; occasionId?: string; status?: string } = {},
  options: { reasons?: boolean } = {},
): Promise<CampaignListing[]> {
  const q = [`WorkflowType = 'campaignWorkflow'`];
  const quote = (s: string) => `'${s.replace(/'/g, '')}'`;
  if (filter.planId) q.push(`CampaignPlan = ${quote(filter.planId)}`);
  if (filter.occasionId) q.push(`CampaignOccasion = ${quote(filter.occasionId)}`);
  if (filter.status === 'failed') q.push(`(CampaignStatus = 'failed' OR ExecutionStatus = 'Failed')`);
  else if (filter.status) q.push(`CampaignStatus = ${quote(filter.status)}`, `ExecutionStatus != 'Failed'`);
  const out: CampaignListing[] = [];
  for await (const wf of client.workflow.list({ query: q.join(' AND ') })) {
    const sa = wf.typedSearchAttributes;
    out.push({
      campaignId: wf.workflowId,
      planId: sa.get(CampaignPlan),
      occasionId: sa.get(CampaignOccasion),
      year: sa.get(CampaignYear),
      status: wf.status.name === 'FAILED' ? 'failed' : sa.get(CampaignStatus),
      workflowStatus: wf.status.name,
      startedAt: wf.startTime.toISOString(),
      ...(typeof wf.memo?.unitId === 'string' ? { unitId: wf.memo.unitId } : {}),
    });
    if (out.length >= 500) break;
  }
  if (options.reasons) {
    for (const row of out.filter((r) => r.workflowStatus === 'FAILED').slice(0, MAX_REASONS)) {
      const failure = await failureOf(client, row.campaignId);
      if (failure) row.failure = failure;
    }
  }
  return out.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

export async function cancelCampaign(client: Client, id: string): Promise<boolean> {
  try {
    await client.workflow.getHandle(id).cancel();
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}
