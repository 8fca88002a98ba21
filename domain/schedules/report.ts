/**
 * Periodic report schedules from a plan's reporting duties: duties with due dates, or the
 * usual 10/6 and 10/12 for six-monthly duties, or dates the editor gives at sync. Pure.
 */
import { fireDays, REPORT_LEAD_DAYS, SEMIANNUAL_DUE_DATES, type DayMonth } from '../report/period.js';
import type { ReportingDuty } from '../plan/schema.js';

/** Dates an editor gives at sync, for one duty or (no duty id) for every undated periodic duty. */
export interface ReportDatesOverride {
  dutyId?: string;
  dates: DayMonth[];
}

/** True when the plan's wording asks for six-monthly reports. */
export function isSemiannual(duty: ReportingDuty): boolean {
  return duty.cadence === 'semiannual' || /6\s*tháng/iu.test(duty.cadenceAsWritten ?? '');
}

/** The due dates of a duty and where they come from; undefined when it has none. */
export function dutyDueDates(duty: ReportingDuty, overrides: readonly ReportDatesOverride[] = []): { dates: DayMonth[]; source: 'plan' | 'editor' | 'semiannual' } | undefined {
  if (duty.dueDates.length > 0) return { dates: duty.dueDates.map((d) => ({ day: d.day, month: d.month })), source: 'plan' };
  const own = overrides.find((o) => o.dutyId === duty.id) ?? (duty.cadence === 'whenNeeded' ? undefined : overrides.find((o) => o.dutyId === undefined));
  if (own && own.dates.length > 0) return { dates: own.dates, source: 'editor' };
  if (isSemiannual(duty)) return { dates: [...SEMIANNUAL_DUE_DATES], source: 'semiannual' };
  return undefined;
}

/** Calendar days a duty's report is compiled. */
export function reportFireDays(dates: readonly DayMonth[]): DayMonth[] {
  return fireDays(dates, REPORT_LEAD_DAYS);
}
