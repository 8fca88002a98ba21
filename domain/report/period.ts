/**
 * Reporting periods. A scheduled report fires a few days before each due date and covers the
 * days since the previous firing, so consecutive reports leave no gap and never overlap. An
 * on-demand report gives its own dates. Dates are days in Asia/Ho_Chi_Minh. Pure.
 */
import { addDays, formatVnDate, isoParts, toIsoDate, VN_OFFSET_MS, type IsoDate } from '../dates.js';

/** A recurring due date, e.g. 10/6. */
export interface DayMonth {
  day: number;
  month: number;
}

/** The days a report covers, and the instants bounding them. */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
  /** ISO instant the period starts (00:00 local on `from` unless given more precisely). */
  start: string;
  /** ISO instant the period ends (end of `to`, local, unless given more precisely). */
  end: string;
}

/** Days before a due date the report is compiled and sent for review. */
export const REPORT_LEAD_DAYS = 5;
/** The usual "trước ngày 10 tháng 6 và trước ngày 10 tháng 12" due dates. */
export const SEMIANNUAL_DUE_DATES: readonly DayMonth[] = [
  { day: 10, month: 6 },
  { day: 10, month: 12 },
];

const DAY_MS = 24 * 3600_000;

/** 00:00 local of `date` as an ISO instant. */
export function startOfVnDay(date: IsoDate): string {
  const { year, month, day } = isoParts(date);
  return new Date(Date.UTC(year, month - 1, day) - VN_OFFSET_MS).toISOString();
}

/** The last millisecond of `date`, local, as an ISO instant. */
export function endOfVnDayInstant(date: IsoDate): string {
  return new Date(Date.parse(startOfVnDay(date)) + DAY_MS - 1).toISOString();
}

/** A period over whole local days. */
export function periodOfDays(from: IsoDate, to: IsoDate): ReportPeriod {
  if (to < from) throw new RangeError(`kỳ báo cáo kết thúc (${to}) trước khi bắt đầu (${from})`);
  return { from, to, start: startOfVnDay(from), end: endOfVnDayInstant(to) };
}

/** 1 January or 1 July on or before `today`: the start of the usual six-monthly period. */
export function halfYearStart(today: IsoDate): IsoDate {
  const { year, month } = isoParts(today);
  return toIsoDate(year, month >= 7 ? 7 : 1, 1);
}

/** The day/month a report is compiled: `leadDays` before each due date (non-leap reference year). */
export function fireDays(dueDates: readonly DayMonth[], leadDays: number): DayMonth[] {
  return dueDates.map((d) => {
    const p = isoParts(addDays(toIsoDate(2025, d.month, d.day), -leadDays));
    return { day: p.day, month: p.month };
  });
}

/**
 * The period of a scheduled report run on `today`: from the latest firing before today to
 * yesterday. On a firing day that is the whole period since the previous report.
 */
export function scheduledPeriod(today: IsoDate, dueDates: readonly DayMonth[], leadDays: number): ReportPeriod {
  if (dueDates.length === 0) throw new RangeError('no due dates');
  const year = isoParts(today).year;
  const firings = [year - 1, year]
    .flatMap((y) => fireDays(dueDates, leadDays).map((d) => toIsoDate(y, d.month, d.day)))
    .filter((d) => d < today)
    .sort();
  const from = firings[firings.length - 1] ?? addDays(today, -183);
  return periodOfDays(from, addDays(today, -1));
}

/** "từ ngày 05/12/2025 đến ngày 04/06/2026". */
export function formatPeriod(p: Pick<ReportPeriod, 'from' | 'to'>): string {
  return `từ ngày ${formatVnDate(p.from)} đến ngày ${formatVnDate(p.to)}`;
}

/** Object-store folder of a report: `reports/<planId>/<from>_<to>/`. */
export function reportPrefix(planId: string, p: Pick<ReportPeriod, 'from' | 'to'>): string {
  return `reports/${planId}/${p.from}_${p.to}/`;
}
