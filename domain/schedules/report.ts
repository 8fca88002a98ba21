/**
 * Periodic report schedules from a plan's reporting duties: duties with due dates, or dates the
 * editor gives at sync, or the usual 10/6 and 10/12 (six-monthly and yearly reports) for
 * six-monthly duties and for the lead body's own undated "định kỳ … theo quy định" report.
 * Pure.
 */
import { fireDays, REPORT_LEAD_DAYS, SEMIANNUAL_DUE_DATES, type DayMonth } from '../report/period.js';
import type { Plan, ReportingDuty } from '../plan/schema.js';

/** Dates an editor gives at sync, for one duty or (no duty id) for every undated periodic duty. */
export interface ReportDatesOverride {
  dutyId?: string;
  dates: DayMonth[];
}

/** True when the plan's wording asks for six-monthly reports. */
export function isSemiannual(duty: ReportingDuty): boolean {
  return duty.cadence === 'semiannual' || /6\s*tháng/iu.test(duty.cadenceAsWritten ?? '');
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/**
 * True when the duty is the report the plan's lead body itself owes: its reporting body is the
 * lead body, possibly with a note ("Phòng Văn hóa - Xã hội (tham mưu UBND phường)").
 */
export function isLeadBodyDuty(plan: Pick<Plan, 'leadBody'>, duty: ReportingDuty): boolean {
  if (plan.leadBody === undefined) return false;
  const lead = fold(plan.leadBody);
  const body = fold(duty.reportingBody);
  return body === lead || body.startsWith(`${lead} (`) || body.startsWith(`${lead},`);
}

/** Where a duty's due dates come from. */
export type DueDateSource = 'plan' | 'editor' | 'semiannual' | 'leadBodyUsual';

/**
 * The due dates of a duty and where they come from; undefined when it has none. Precedence:
 * the plan's own dates, then the editor's at sync, then the usual 10/6 and 10/12 — for a duty
 * written as six-monthly, or for the lead body's own periodic / "theo quy định" report (plans
 * rarely write the dates; other bodies' undated reports are left to the editor).
 */
export function dutyDueDates(
  duty: ReportingDuty,
  overrides: readonly ReportDatesOverride[] = [],
  plan?: Pick<Plan, 'leadBody'>,
): { dates: DayMonth[]; source: DueDateSource } | undefined {
  if (duty.dueDates.length > 0) return { dates: duty.dueDates.map((d) => ({ day: d.day, month: d.month })), source: 'plan' };
  const own = overrides.find((o) => o.dutyId === duty.id) ?? (duty.cadence === 'whenNeeded' ? undefined : overrides.find((o) => o.dutyId === undefined));
  if (own && own.dates.length > 0) return { dates: own.dates, source: 'editor' };
  if (isSemiannual(duty)) return { dates: [...SEMIANNUAL_DUE_DATES], source: 'semiannual' };
  if (plan && (duty.cadence === 'periodic' || duty.cadence === 'asRegulated') && isLeadBodyDuty(plan, duty)) {
    return { dates: [...SEMIANNUAL_DUE_DATES], source: 'leadBodyUsual' };
  }
  return undefined;
}

/** Calendar days a duty's report is compiled. */
export function reportFireDays(dates: readonly DayMonth[]): DayMonth[] {
  return fireDays(dates, REPORT_LEAD_DAYS);
}
