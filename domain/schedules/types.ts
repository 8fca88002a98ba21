/**
 * What the product schedules on Temporal for a plan: recurring loudspeaker bulletins for
 * ongoing tasks, the start of each occasion's campaign ahead of time, and the periodic report.
 * Pure data; `desiredSchedules` computes them from a plan, `infra/schedules.ts` makes Temporal
 * match them.
 */

/** The kinds of schedule the product manages. */
export const ScheduleKind = { bulletin: 'bulletin', occasion: 'occasion', report: 'report' } as const;
export type ScheduleKind = (typeof ScheduleKind)[keyof typeof ScheduleKind];

export const scheduleKindLabels: Record<ScheduleKind, string> = {
  bulletin: 'Bản tin truyền thanh định kỳ',
  occasion: 'Khởi tạo chiến dịch trước sự kiện',
  report: 'Báo cáo định kỳ',
};

/** Days of the week as Temporal spells them. */
export const Weekday = {
  sunday: 'SUNDAY',
  monday: 'MONDAY',
  tuesday: 'TUESDAY',
  wednesday: 'WEDNESDAY',
  thursday: 'THURSDAY',
  friday: 'FRIDAY',
  saturday: 'SATURDAY',
} as const;
export type Weekday = (typeof Weekday)[keyof typeof Weekday];

export const weekdayLabels: Record<Weekday, string> = {
  SUNDAY: 'Chủ nhật',
  MONDAY: 'Thứ Hai',
  TUESDAY: 'Thứ Ba',
  WEDNESDAY: 'Thứ Tư',
  THURSDAY: 'Thứ Năm',
  FRIDAY: 'Thứ Sáu',
  SATURDAY: 'Thứ Bảy',
};

/** The time zone of every schedule. */
export const SCHEDULE_TIMEZONE = 'Asia/Ho_Chi_Minh';

/** One calendar rule, in local time (Asia/Ho_Chi_Minh). Absent fields mean "every". */
export interface CalendarRule {
  dayOfWeek?: Weekday[];
  year?: number;
  /** 1–12. */
  month?: number;
  dayOfMonth?: number;
  hour: number;
  minute: number;
  /** Vietnamese description, e.g. "Thứ Hai, Thứ Năm lúc 04:30". */
  comment: string;
}

/** The workflows schedules start. */
export const ScheduledWorkflow = {
  bulletin: 'bulletinWorkflow',
  occasion: 'occasionCampaignWorkflow',
  report: 'reportWorkflow',
} as const;
export type ScheduledWorkflow = (typeof ScheduledWorkflow)[keyof typeof ScheduledWorkflow];

/** A schedule the plan implies, with everything Temporal needs and a fingerprint of it. */
export interface DesiredSchedule {
  /** Stable id: `sched-<prefix><planId>-<kind>-<subject>`. */
  id: string;
  kind: ScheduleKind;
  planId: string;
  /** Vietnamese one-line description (schedule note, CLI). */
  title: string;
  calendars: CalendarRule[];
  timezone: typeof SCHEDULE_TIMEZONE;
  workflowType: ScheduledWorkflow;
  /** Base id of the workflows it starts (Temporal appends the scheduled time). */
  workflowId: string;
  taskQueue: string;
  args: unknown[];
  overlap: 'SKIP';
  catchupWindowMs: number;
  /** Hash of everything above except the title: equal fingerprints mean nothing to update. */
  fingerprint: string;
}

/** Something sync tells the editor about the plan (a duty without dates, a task skipped…). */
export interface ScheduleNote {
  subject: string;
  text: string;
}

/** The result of planning: what to schedule, and what was left out and why. */
export interface DesiredSchedules {
  planId: string;
  /** Every id starting with this belongs to this plan's managed schedules. */
  idPrefix: string;
  schedules: DesiredSchedule[];
  notes: ScheduleNote[];
}
