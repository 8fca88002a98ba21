/**
 * The schedules a plan implies: one bulletin series per ongoing loudspeaker task (or per task
 * and locality), one campaign start per occasion the tasks tie to, one report per dated
 * reporting duty. Each has a stable id and a fingerprint of its content, so syncing compares
 * desired and existing schedules without guessing. Pure: same plan and options, same result.
 */
import { findOccasion } from '../calendar/occasions.js';
import { formatClock, formatDayMonth, vnToday } from '../dates.js';
import type { Locality } from '../localities.js';
import type { Plan, Task } from '../plan/schema.js';
import { REPORT_LEAD_DAYS, type DayMonth } from '../report/period.js';
import type { ReportRequest } from '../report/request.js';
import { messagePool, seriesBrief, type BulletinSeriesInput } from './bulletin.js';
import { fingerprint } from './fingerprint.js';
import { OCCASION_START_HOUR, occasionChannels, occasionStartDates, startDaysBefore, type OccasionStartInput } from './occasion.js';
import { dutyDueDates, reportFireDays, type ReportDatesOverride } from './report.js';
import {
  SCHEDULE_TIMEZONE,
  ScheduledWorkflow,
  Weekday,
  weekdayLabels,
  type CalendarRule,
  type DesiredSchedule,
  type DesiredSchedules,
  type ScheduleKind,
  type ScheduleNote,
} from './types.js';

/** Default days of a bulletin series: Monday and Thursday. */
export const DEFAULT_BULLETIN_DAYS: readonly Weekday[] = [Weekday.monday, Weekday.thursday];
/** A series runs this long before the localities' earliest slot, so the script is in the feed in time. */
export const BULLETIN_LEAD_MINUTES = 60;
/** Catch-up windows: a missed run still happens when the server is back within this time. */
export const CATCHUP_MS = { bulletin: 24 * 3600_000, occasion: 7 * 24 * 3600_000, report: 7 * 24 * 3600_000 } as const;
/** How long a bulletin run that needs approval waits for a decision. */
export const BULLETIN_DECIDE_WITHIN_MS = 2 * 24 * 3600_000;
/** Local time a report is compiled on its firing day. */
export const REPORT_HOUR = 8;

export interface DesiredOptions {
  taskQueue: string;
  /** The localities bulletins go to (their slots set the bulletin time). */
  localities: readonly Locality[];
  /** Explicit files; without them bulletins and campaigns read the directory (the plan's owning unit). */
  localitiesFile?: string;
  mediaListFile?: string;
  /** Directory units chosen for the plan's bulletins and campaigns (default: what the owner reaches). */
  units?: readonly string[];
  /** Approvers of occasion campaigns and of bulletin runs that are not pre-approved. */
  approvers: string[];
  /** Tasks whose bulletin series an editor pre-approved with its message pool ('all' for every one). */
  preApproved?: 'all' | readonly string[];
  /** Who pre-approved (recorded with every run). */
  preApprovedBy?: string;
  /** The lead body's contact the reports are emailed to. */
  reportTo: string[];
  /** Due dates the editor gives for duties the plan leaves undated. */
  reportDates?: readonly ReportDatesOverride[];
  /** One series per task and locality (each at its own earliest slot) instead of one per task. */
  perLocality?: boolean;
  bulletinDays?: readonly Weekday[];
  /** "HH:MM" local; default: BULLETIN_LEAD_MINUTES before the earliest slot. */
  bulletinTime?: string;
  /** Put in front of the plan id in every schedule id (tests use it to stay apart). */
  idPrefix?: string;
  /** Plan folder the report workflow reads (default: the repository's plans/). */
  plansDir?: string;
  /** Dated occasion instances before this day are left out (default: today). */
  now?: Date;
}

/** "05:30" minus `minutes`, not before 00:00. */
export function clockMinus(time: string, minutes: number): { hour: number; minute: number } {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = Math.max(0, h * 60 + m - minutes);
  return { hour: Math.floor(total / 60), minute: total % 60 };
}

const hhmm = (t: { hour: number; minute: number }) => formatClock(t.hour, t.minute);

function earliestSlot(localities: readonly Locality[]): string | undefined {
  return localities.flatMap((l) => l.slots.map((s) => s.start)).sort()[0];
}

function finish(base: Omit<DesiredSchedule, 'fingerprint'>): DesiredSchedule {
  const { title: _title, ...content } = base;
  return { ...base, fingerprint: fingerprint(content) };
}

/** Id prefix shared by every schedule of a plan. */
export function planSchedulePrefix(planId: string, idPrefix = ''): string {
  return `sched-${idPrefix}${planId}-`;
}

/** The schedule id of one subject. */
export function scheduleId(planId: string, kind: ScheduleKind, subject: string, idPrefix = ''): string {
  return `${planSchedulePrefix(planId, idPrefix)}${kind}-${subject}`;
}

function bulletinSchedules(plan: Plan, task: Task, o: DesiredOptions, notes: ScheduleNote[]): DesiredSchedule[] {
  const pool = messagePool(plan, task);
  const subject = `Nhiệm vụ ${task.number} (${task.id})`;
  if (pool.length === 0) {
    notes.push({ subject, text: 'nhiệm vụ thường xuyên có kênh truyền thanh nhưng chưa có thông điệp chính (keyMessages); chưa lập bản tin định kỳ.' });
    return [];
  }
  if (pool.length === 1) notes.push({ subject, text: 'chỉ có một thông điệp chính: các bản tin sẽ lặp lại cùng nội dung.' });
  const preApproved = o.preApproved === 'all' || (o.preApproved ?? []).includes(task.id);
  if (!preApproved && o.approvers.length === 0) {
    notes.push({ subject, text: 'bản tin cần phê duyệt nhưng chưa có người phê duyệt (--approvers); chưa lập bản tin định kỳ.' });
    return [];
  }
  const days = [...(o.bulletinDays?.length ? o.bulletinDays : DEFAULT_BULLETIN_DAYS)];
  const groups: { suffix: string; localities: 'all' | string[]; list: readonly Locality[] }[] = o.perLocality
    ? o.localities.map((l) => ({ suffix: `-${l.id}`, localities: [l.id], list: [l] }))
    : [{ suffix: '', localities: 'all', list: o.localities }];
  return groups.flatMap((g) => {
    const slot = earliestSlot(g.list);
    if (!slot && !o.bulletinTime) return [];
    const at = o.bulletinTime ? clockMinus(o.bulletinTime, 0) : clockMinus(slot!, BULLETIN_LEAD_MINUTES);
    const id = scheduleId(plan.id, 'bulletin', `${task.id}${g.suffix}`, o.idPrefix);
    const input: BulletinSeriesInput = {
      seriesId: id,
      planId: plan.id,
      taskId: task.id,
      brief: seriesBrief(plan, task),
      pool,
      ...(preApproved ? { preApprovedBy: o.preApprovedBy ?? 'biên tập viên (khi đồng bộ lịch)' } : {}),
      approvers: preApproved ? [] : [...o.approvers],
      localities: g.localities,
      ...(o.localitiesFile ? { localitiesFile: o.localitiesFile } : {}),
      ...(o.units?.length ? { units: [...o.units] } : {}),
      decideWithinMs: BULLETIN_DECIDE_WITHIN_MS,
    };
    const when = `${days.map((d) => weekdayLabels[d]).join(', ')} lúc ${hhmm(at)}`;
    const where = g.localities === 'all' ? 'mọi đơn vị' : g.list[0]!.name;
    return [
      finish({
        id,
        kind: 'bulletin',
        planId: plan.id,
        title: `Bản tin truyền thanh định kỳ — nhiệm vụ ${task.number} ${task.title} — ${where}, ${when}${preApproved ? ' (đã duyệt trước)' : ' (cần phê duyệt từng lần)'}`,
        calendars: [{ dayOfWeek: days, ...at, comment: when }],
        timezone: SCHEDULE_TIMEZONE,
        workflowType: ScheduledWorkflow.bulletin,
        workflowId: id,
        taskQueue: o.taskQueue,
        args: [input],
        overlap: 'SKIP',
        catchupWindowMs: CATCHUP_MS.bulletin,
      }),
    ];
  });
}

function occasionSchedules(plan: Plan, o: DesiredOptions, notes: ScheduleNote[]): DesiredSchedule[] {
  const tied = new Map<string, string[]>();
  for (const t of plan.tasks) for (const occ of t.occasions) tied.set(occ, [...(tied.get(occ) ?? []), t.id]);
  const today = vnToday(o.now ?? new Date());
  const out: DesiredSchedule[] = [];
  for (const [occasionId, taskIds] of [...tied].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const occasion = findOccasion(occasionId, [plan]);
    const subject = `Sự kiện ${occasionId}`;
    if (!occasion) {
      notes.push({ subject, text: 'không có trong lịch sự kiện; bỏ qua.' });
      continue;
    }
    if (o.approvers.length === 0) {
      notes.push({ subject, text: 'chưa có người phê duyệt (--approvers); chưa lập lịch khởi tạo chiến dịch.' });
      continue;
    }
    const channels = occasionChannels(plan, taskIds);
    const daysBefore = startDaysBefore(occasion, channels);
    const starts = occasionStartDates(occasion, daysBefore, today);
    const time = { hour: OCCASION_START_HOUR, minute: 0 };
    let calendars: CalendarRule[];
    if (starts.annual) {
      const { day, month } = starts.annual;
      calendars = [{ month, dayOfMonth: day, ...time, comment: `Hằng năm ngày ${formatDayMonth(day, month)} lúc 08:00` }];
    } else if (starts.dates.length > 0) {
      calendars = starts.dates.map((d) => {
        const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
        return { year: y, month: m, dayOfMonth: dd, ...time, comment: `Ngày ${formatDayMonth(dd, m)}/${y} lúc 08:00` };
      });
    } else {
      notes.push({ subject: `${subject} (${occasion.name})`, text: occasion.recurrence.kind === 'unscheduled' ? 'chưa có ngày; thêm ngày vào kế hoạch rồi đồng bộ lại.' : 'các ngày đã qua; bỏ qua.' });
      continue;
    }
    const id = scheduleId(plan.id, 'occasion', occasionId, o.idPrefix);
    const input: OccasionStartInput = {
      scheduleId: id,
      planId: plan.id,
      occasionId,
      taskIds,
      channels,
      approvers: [...o.approvers],
      ...(o.localitiesFile ? { localitiesFile: o.localitiesFile } : {}),
      ...(o.mediaListFile ? { mediaListFile: o.mediaListFile } : {}),
      ...(o.units?.length ? { units: [...o.units] } : {}),
      startDaysBefore: daysBefore,
      ...(o.idPrefix ? { idPrefix: o.idPrefix } : {}),
    };
    out.push(
      finish({
        id,
        kind: 'occasion',
        planId: plan.id,
        title: `Khởi tạo chiến dịch ${occasion.name} — ${daysBefore} ngày trước sự kiện (${calendars.map((c) => c.comment).join('; ')})`,
        calendars,
        timezone: SCHEDULE_TIMEZONE,
        workflowType: ScheduledWorkflow.occasion,
        workflowId: id,
        taskQueue: o.taskQueue,
        args: [input],
        overlap: 'SKIP',
        catchupWindowMs: CATCHUP_MS.occasion,
      }),
    );
  }
  return out;
}

function reportSchedules(plan: Plan, o: DesiredOptions, notes: ScheduleNote[]): DesiredSchedule[] {
  const out: DesiredSchedule[] = [];
  for (const duty of plan.reporting) {
    const subject = `Báo cáo ${duty.id} (${duty.reportingBody})`;
    if (duty.cadence === 'whenNeeded') {
      notes.push({ subject, text: 'báo cáo khi phát sinh; không lập lịch.' });
      continue;
    }
    const due = dutyDueDates(duty, o.reportDates, plan);
    if (!due) {
      notes.push({ subject, text: `kế hoạch không ghi ngày báo cáo ("${duty.cadenceAsWritten ?? duty.cadence}") và đây là báo cáo của cơ quan khác, không phải cơ quan chủ trì; bỏ qua. Có thể cho ngày khi đồng bộ: --report-dates ${duty.id}=10/6,10/12.` });
      continue;
    }
    if (due.source === 'semiannual') notes.push({ subject, text: 'kế hoạch ghi định kỳ 6 tháng nhưng không ghi ngày; dùng hạn thông thường 10/6 và 10/12.' });
    if (due.source === 'leadBodyUsual') {
      notes.push({
        subject,
        text: `báo cáo của cơ quan chủ trì, kế hoạch ghi "${duty.cadenceAsWritten ?? duty.cadence}" mà không ghi ngày; dùng kỳ báo cáo 6 tháng và năm thông thường, hạn 10/6 và 10/12. Đổi bằng --report-dates ${duty.id}=dd/mm,dd/mm.`,
      });
    }
    const fire = reportFireDays(due.dates);
    const dueText = due.dates.map((d: DayMonth) => formatDayMonth(d.day, d.month)).join(', ');
    const id = scheduleId(plan.id, 'report', duty.id, o.idPrefix);
    const request: ReportRequest = {
      planId: plan.id,
      dutyId: duty.id,
      schedule: { dueDates: due.dates, leadDays: REPORT_LEAD_DAYS },
      reportTo: [...o.reportTo],
      email: true,
      ...(o.plansDir ? { plansDir: o.plansDir } : {}),
    };
    out.push(
      finish({
        id,
        kind: 'report',
        planId: plan.id,
        title: `Báo cáo định kỳ gửi ${duty.recipients.join('; ')} — hạn ${dueText}, lập trước ${REPORT_LEAD_DAYS} ngày`,
        calendars: fire.map((d) => ({ month: d.month, dayOfMonth: d.day, hour: REPORT_HOUR, minute: 0, comment: `Hằng năm ngày ${formatDayMonth(d.day, d.month)} lúc 08:00` })),
        timezone: SCHEDULE_TIMEZONE,
        workflowType: ScheduledWorkflow.report,
        workflowId: id,
        taskQueue: o.taskQueue,
        args: [request],
        overlap: 'SKIP',
        catchupWindowMs: CATCHUP_MS.report,
      }),
    );
  }
  return out;
}

/** Every schedule the plan implies under these options, and notes on what was left out. */
export function desiredSchedules(plan: Plan, options: DesiredOptions): DesiredSchedules {
  const notes: ScheduleNote[] = [];
  const bulletins = plan.tasks
    .filter((t) => t.timeframe.kind === 'ongoing' && t.channels.includes('loudspeaker'))
    .flatMap((t) => bulletinSchedules(plan, t, options, notes));
  const schedules = [...bulletins, ...occasionSchedules(plan, options, notes), ...reportSchedules(plan, options, notes)];
  return { planId: plan.id, idPrefix: planSchedulePrefix(plan.id, options.idPrefix), schedules, notes };
}
