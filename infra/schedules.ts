/**
 * Making Temporal's schedules match what a plan implies. `syncSchedules` compares desired
 * schedules (domain/schedules) with the existing ones by id and content fingerprint (kept in
 * the schedule action's memo): it creates the missing, updates the changed (keeping a pause),
 * deletes the plan's own schedules that are no longer desired, and leaves equal ones alone —
 * so running it twice changes nothing. Also listing, pausing, resuming and triggering.
 *
 * Listing schedules goes through Temporal's visibility store and is eventually consistent; a
 * schedule created a moment ago may be missing from `list` for a short while. Sync therefore
 * describes every desired id directly and uses the listing only to find schedules to delete.
 */
import { Client, ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type ScheduleDescription, type ScheduleOptions } from '@temporalio/client';
import { parseDayMonth } from '../domain/dates.js';
import { isEmailAddress, normalizeEmail } from '../domain/email.js';
import type { Locality } from '../domain/localities.js';
import { DEFAULT_REPORT_TO } from '../domain/report/request.js';
import { desiredSchedules } from '../domain/schedules/desired.js';
import type { ReportDatesOverride } from '../domain/schedules/report.js';
import type { DesiredSchedule, DesiredSchedules, ScheduleKind, ScheduleNote, Weekday } from '../domain/schedules/types.js';
import { CampaignPlan } from '../domain/search-attributes.js';
import { resolveAudience } from './campaign-audience.js';
import { processDirectoryOrSamples, type DirectoryReader } from './directory-store.js';
import { loadPlan } from './plan-store.js';

/** Written in every managed schedule's memo, so only the product's own schedules are touched. */
export const MANAGED_BY = 'campaign-ops';

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const;

/** Temporal's options for a desired schedule. */
export function toScheduleOptions(d: DesiredSchedule): ScheduleOptions {
  return {
    scheduleId: d.id,
    spec: {
      timezone: d.timezone,
      calendars: d.calendars.map((c) => ({
        hour: c.hour,
        minute: c.minute,
        ...(c.dayOfWeek ? { dayOfWeek: c.dayOfWeek } : {}),
        ...(c.month ? { month: MONTHS[c.month - 1]! } : {}),
        ...(c.dayOfMonth ? { dayOfMonth: c.dayOfMonth } : {}),
        ...(c.year ? { year: c.year } : {}),
        comment: c.comment,
      })),
    },
    action: {
      type: 'startWorkflow',
      workflowType: d.workflowType,
      workflowId: d.workflowId,
      taskQueue: d.taskQueue,
      args: d.args,
      memo: { scheduleFingerprint: d.fingerprint, scheduleId: d.id },
      typedSearchAttributes: [{ key: CampaignPlan, value: d.planId }],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: d.catchupWindowMs },
    memo: { managedBy: MANAGED_BY, planId: d.planId, kind: d.kind, title: d.title },
    state: { note: d.title },
  };
}

export type SyncAction = 'created' | 'updated' | 'deleted' | 'unchanged';

export interface SyncChange {
  id: string;
  kind?: ScheduleKind;
  title?: string;
  action: SyncAction;
}

/** What a sync did (or, with dryRun, would do). */
export interface SyncReport {
  planId: string;
  idPrefix: string;
  dryRun: boolean;
  changes: SyncChange[];
  notes: ScheduleNote[];
}

/** Counts per action, e.g. for the CLI summary. */
export function countChanges(report: SyncReport): Record<SyncAction, number> {
  const out: Record<SyncAction, number> = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
  for (const c of report.changes) out[c.action] += 1;
  return out;
}

/** How each change is named in the CLI's table and on the dashboard. */
export const syncActionLabels: Record<SyncAction, string> = { created: 'tạo mới', updated: 'cập nhật', deleted: 'xóa', unchanged: 'giữ nguyên' };

/** "2 tạo mới, 0 cập nhật, 1 xóa, 4 giữ nguyên". */
export function describeChangeCounts(report: SyncReport): string {
  const n = countChanges(report);
  return (['created', 'updated', 'deleted', 'unchanged'] as const).map((a) => `${n[a]} ${syncActionLabels[a]}`).join(', ');
}

async function describeOrUndefined(client: Client, id: string): Promise<ScheduleDescription | undefined> {
  try {
    return await client.schedule.getHandle(id).describe();
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) return undefined;
    throw err;
  }
}

const isOurs = (memo: Record<string, unknown> | undefined, planId: string) => memo?.managedBy === MANAGED_BY && memo.planId === planId;

/** Ids of existing schedules that start with `prefix` (from visibility; eventually consistent). */
export async function listScheduleIds(client: Client, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const s of client.schedule.list()) if (s.scheduleId.startsWith(prefix)) ids.push(s.scheduleId);
  return ids.sort();
}

/** Makes the plan's schedules on Temporal equal to `desired`. */
export async function syncSchedules(client: Client, desired: DesiredSchedules, options: { dryRun?: boolean } = {}): Promise<SyncReport> {
  const dryRun = options.dryRun ?? false;
  const changes: SyncChange[] = [];
  for (const d of desired.schedules) {
    const existing = await describeOrUndefined(client, d.id);
    const base = { id: d.id, kind: d.kind, title: d.title };
    if (!existing) {
      if (!dryRun) {
        try {
          await client.schedule.create(toScheduleOptions(d));
        } catch (err) {
          if (!(err instanceof ScheduleAlreadyRunning)) throw err;
          // Created by a concurrent sync a moment ago: compare like any existing schedule.
          const now = await describeOrUndefined(client, d.id);
          if (now?.action.memo?.scheduleFingerprint === d.fingerprint) {
            changes.push({ ...base, action: 'unchanged' });
            continue;
          }
          await updateSchedule(client, d);
          changes.push({ ...base, action: 'updated' });
          continue;
        }
      }
      changes.push({ ...base, action: 'created' });
    } else if (existing.action.memo?.scheduleFingerprint === d.fingerprint) {
      changes.push({ ...base, action: 'unchanged' });
    } else {
      if (!dryRun) await updateSchedule(client, d);
      changes.push({ ...base, action: 'updated' });
    }
  }
  const wanted = new Set(desired.schedules.map((d) => d.id));
  for (const id of await listScheduleIds(client, desired.idPrefix)) {
    if (wanted.has(id)) continue;
    const existing = await describeOrUndefined(client, id);
    if (!existing || !isOurs(existing.memo, desired.planId)) continue;
    if (!dryRun) {
      try {
        await client.schedule.getHandle(id).delete();
      } catch (err) {
        if (!(err instanceof ScheduleNotFoundError)) throw err;
      }
    }
    changes.push({ id, kind: existing.memo?.kind as ScheduleKind | undefined, title: existing.memo?.title as string | undefined, action: 'deleted' });
  }
  return { planId: desired.planId, idPrefix: desired.idPrefix, dryRun, changes, notes: desired.notes };
}

/** Replaces a schedule's spec, action and policies; a paused schedule stays paused. */
async function updateSchedule(client: Client, d: DesiredSchedule): Promise<void> {
  const { spec, action, policies } = toScheduleOptions(d);
  await client.schedule.getHandle(d.id).update((previous) => ({
    spec,
    action,
    policies,
    state: { paused: previous.state.paused, note: previous.state.paused ? previous.state.note : d.title, remainingActions: previous.state.remainingActions },
  }));
}

/** A managed schedule as the CLI lists it. */
export interface ScheduleListing {
  id: string;
  planId: string;
  kind?: ScheduleKind;
  title?: string;
  paused: boolean;
  nextRuns: string[];
  recentRuns: { scheduledAt: string; workflowId: string }[];
}

/** The product's schedules, optionally of one plan, sorted by id. */
export async function listManagedSchedules(client: Client, filter: { planId?: string; idPrefix?: string; include?: readonly string[] } = {}): Promise<ScheduleListing[]> {
  // The list comes from Temporal's visibility store, which lags a moment behind a pause or a
  // run; it only tells which schedules exist. Each one's state is read with describe, which is
  // current, so a page reloaded right after "pause" shows it paused.
  const ids: string[] = [];
  for await (const s of client.schedule.list()) {
    const memo = s.memo ?? {};
    if (memo.managedBy !== MANAGED_BY) continue;
    if (filter.planId && memo.planId !== filter.planId) continue;
    if (filter.idPrefix && !s.scheduleId.startsWith(filter.idPrefix)) continue;
    ids.push(s.scheduleId);
  }
  // Schedules the caller has just created, which the list may not show yet.
  for (const id of filter.include ?? []) if (!ids.includes(id)) ids.push(id);
  const described = await mapLimit(ids, 8, (id) => describeOrUndefined(client, id));
  const out: ScheduleListing[] = [];
  described.forEach((d, i) => {
    // Deleted since it was listed, or not ours, or outside the filter (an included id).
    if (!d || d.memo?.managedBy !== MANAGED_BY) return;
    if (filter.planId && d.memo.planId !== filter.planId) return;
    const memo = d.memo;
    out.push({
      id: ids[i]!,
      planId: String(memo.planId ?? ''),
      kind: memo.kind as ScheduleKind | undefined,
      title: memo.title as string | undefined,
      paused: d.state.paused,
      nextRuns: d.info.nextActionTimes.map((t) => t.toISOString()),
      recentRuns: d.info.recentActions.map((a) => ({ scheduledAt: a.scheduledAt.toISOString(), workflowId: a.action.workflow.workflowId })),
    });
  });
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** A schedule id is not one of the product's. */
export class UnknownScheduleError extends Error {
  constructor(readonly id: string) {
    super(`Không có lịch "${id}" do hệ thống quản lý. Xem: campaign schedules list.`);
    this.name = 'UnknownScheduleError';
  }
}

async function managedHandle(client: Client, id: string) {
  const found = await describeOrUndefined(client, id);
  if (!found || found.memo?.managedBy !== MANAGED_BY) throw new UnknownScheduleError(id);
  return { handle: client.schedule.getHandle(id), description: found };
}

export async function pauseSchedule(client: Client, id: string, note = 'Tạm dừng bằng lệnh campaign schedules pause'): Promise<void> {
  await (await managedHandle(client, id)).handle.pause(note);
}

export async function resumeSchedule(client: Client, id: string): Promise<void> {
  const { handle, description } = await managedHandle(client, id);
  await handle.unpause(typeof description.memo?.title === 'string' ? description.memo.title : 'Tiếp tục');
}

/** Runs the schedule's action now; skipped when its previous run is still going (overlap SKIP). */
export async function triggerSchedule(client: Client, id: string): Promise<void> {
  await (await managedHandle(client, id)).handle.trigger(ScheduleOverlapPolicy.SKIP);
}

/** Full description of one managed schedule. */
export async function describeSchedule(client: Client, id: string): Promise<ScheduleDescription> {
  return (await managedHandle(client, id)).description;
}

/** What an editor asks `schedules sync` for; raw values are checked by `planSchedules`. */
export interface ScheduleRequest {
  planId: string;
  taskQueue: string;
  plansDir?: string;
  localitiesFile?: string;
  mediaListFile?: string;
  /** Directory units bulletins and campaigns are read out on (default: what the plan's owner reaches). */
  units?: string[];
  approvers?: string[];
  /** Task ids, or ['all']. */
  preApproved?: string[];
  preApprovedBy?: string;
  reportTo?: string[];
  /** "10/6,10/12" for every undated periodic duty, or "DUTY_ID=10/6,10/12". */
  reportDates?: string[];
  perLocality?: boolean;
  /** Weekday names: mon, tue, wed, thu, fri, sat, sun (or Vietnamese t2…t7, cn). */
  bulletinDays?: string[];
  bulletinTime?: string;
  idPrefix?: string;
  now?: Date;
}

/** A schedule request with bad values; the message lists every problem by option. */
export class ScheduleRequestError extends Error {
  constructor(readonly problems: { field: string; message: string }[]) {
    super(`Không lập được lịch:\n${problems.map((p) => `  - ${p.field}: ${p.message}`).join('\n')}`);
    this.name = 'ScheduleRequestError';
  }
}

const WEEKDAYS: Record<string, Weekday> = {
  mon: 'MONDAY', tue: 'TUESDAY', wed: 'WEDNESDAY', thu: 'THURSDAY', fri: 'FRIDAY', sat: 'SATURDAY', sun: 'SUNDAY',
  t2: 'MONDAY', t3: 'TUESDAY', t4: 'WEDNESDAY', t5: 'THURSDAY', t6: 'FRIDAY', t7: 'SATURDAY', cn: 'SUNDAY',
};

/** Loads the plan and localities, checks the request, and computes the desired schedules. */
export async function planSchedules(req: ScheduleRequest, options: { directory?: DirectoryReader } = {}): Promise<DesiredSchedules> {
  const problems: { field: string; message: string }[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  let plan;
  try {
    plan = await loadPlan(req.planId, req.plansDir);
  } catch (err) {
    add('plan', (err as Error).message);
  }
  let localities: Locality[] = [];
  if (plan) {
    const directory = options.directory ?? (await processDirectoryOrSamples()).directory;
    const audience = await resolveAudience(
      { planId: plan.id, channels: [], ...(req.units?.length ? { units: req.units } : {}), ...(req.localitiesFile ? { localitiesFile: req.localitiesFile } : {}), ...(req.mediaListFile ? { mediaListFile: req.mediaListFile } : {}) },
      directory,
    );
    for (const p of audience.problems) add(p.field === 'localities' ? 'localities-file' : p.field === 'mediaList' ? 'media-list-file' : p.field, p.message);
    localities = audience.localities;
  }
  const emails = (field: string, list: string[] = []) => {
    const out = list.map(normalizeEmail).filter(Boolean);
    for (const a of out) if (!isEmailAddress(a)) add(field, `"${a}" không phải địa chỉ email hợp lệ`);
    return out;
  };
  const approvers = emails('approvers', req.approvers);
  const reportTo = emails('report-to', req.reportTo?.length ? req.reportTo : [DEFAULT_REPORT_TO]);
  const preApprovedBy = req.preApprovedBy ? normalizeEmail(req.preApprovedBy) || undefined : undefined;
  if (req.preApproved?.length && !preApprovedBy) add('approved-by', 'cần email của người duyệt trước khi dùng --pre-approved');
  if (preApprovedBy && !isEmailAddress(preApprovedBy)) add('approved-by', `"${preApprovedBy}" không phải địa chỉ email hợp lệ`);
  const reportDates: ReportDatesOverride[] = [];
  for (const raw of req.reportDates ?? []) {
    const [dutyId, list] = raw.includes('=') ? (raw.split('=', 2) as [string, string]) : [undefined, raw];
    const dates = list.split(',').map((d) => d.trim()).filter(Boolean).map((d) => ({ d, p: parseDayMonth(d) }));
    for (const { d, p } of dates) if (!p) add('report-dates', `"${d}" không phải ngày/tháng dạng dd/mm, ví dụ 10/6`);
    if (plan && dutyId && !plan.reporting.some((r) => r.id === dutyId)) add('report-dates', `kế hoạch ${plan.id} không có nhiệm vụ báo cáo "${dutyId}"`);
    reportDates.push({ ...(dutyId ? { dutyId } : {}), dates: dates.flatMap(({ p }) => (p ? [p] : [])) });
  }
  const bulletinDays = (req.bulletinDays ?? []).map((d) => {
    const w = WEEKDAYS[d.trim().toLowerCase()];
    if (!w) add('bulletin-days', `"${d}" không phải thứ trong tuần (mon, tue, wed, thu, fri, sat, sun hoặc t2…t7, cn)`);
    return w;
  });
  if (req.bulletinTime && !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(req.bulletinTime)) add('bulletin-time', `"${req.bulletinTime}" không phải giờ dạng HH:MM`);
  const preApproved = req.preApproved?.includes('all') ? 'all' : (req.preApproved ?? []);
  if (plan && preApproved !== 'all') for (const t of preApproved) if (!plan.tasks.some((x) => x.id === t)) add('pre-approved', `kế hoạch ${plan.id} không có nhiệm vụ "${t}"`);
  if (req.idPrefix && !/^[a-z0-9]+(?:-[a-z0-9]+)*-$/.test(req.idPrefix)) add('id-prefix', 'chỉ gồm chữ thường không dấu, chữ số và gạch ngang, kết thúc bằng "-"');
  if (problems.length || !plan) throw new ScheduleRequestError(problems);
  const desired = desiredSchedules(plan, {
    taskQueue: req.taskQueue,
    localities,
    ...(req.localitiesFile ? { localitiesFile: req.localitiesFile } : {}),
    ...(req.mediaListFile ? { mediaListFile: req.mediaListFile } : {}),
    ...(req.units?.length ? { units: req.units } : {}),
    approvers,
    preApproved,
    ...(preApprovedBy ? { preApprovedBy } : {}),
    reportTo,
    reportDates,
    perLocality: req.perLocality ?? false,
    bulletinDays: bulletinDays.filter((d): d is Weekday => d !== undefined),
    ...(req.bulletinTime ? { bulletinTime: req.bulletinTime } : {}),
    ...(req.idPrefix ? { idPrefix: req.idPrefix } : {}),
    ...(req.plansDir ? { plansDir: req.plansDir } : {}),
    ...(req.now ? { now: req.now } : {}),
  });
  if (!req.reportTo?.length && desired.schedules.some((d) => d.kind === 'report')) {
    desired.notes.push({ subject: 'Báo cáo định kỳ', text: `chưa có địa chỉ email của cơ quan chủ trì (--report-to); báo cáo sẽ gửi tới địa chỉ mẫu ${DEFAULT_REPORT_TO}.` });
  }
  return desired;
}
