/**
 * How the dashboard writes days and durations for people (Asia/Ho_Chi_Minh, dd/mm/yyyy); times
 * are written by `formatVnDateTime` and typed times read by `parseVnDateTime` (domain/dates.ts).
 */
import { daysBetween, formatClock, formatVnDate, vnParts, vnWeekday, type IsoDate } from '../../domain/dates.js';

/** `Thứ Sáu, 20/11/2026`. */
export function vnDayLabel(date: IsoDate): string {
  return `${vnWeekday(date)}, ${formatVnDate(date)}`;
}

/** "hôm nay", "ngày mai", "còn 12 ngày", "đã qua 3 ngày". */
export function daysAway(today: IsoDate, date: IsoDate): string {
  const n = daysBetween(today, date);
  if (n === 0) return 'hôm nay';
  if (n === 1) return 'ngày mai';
  return n > 0 ? `còn ${n} ngày` : `đã qua ${-n} ngày`;
}

/** An instant → the `datetime-local` value showing it in Vietnam time (minutes). */
export function isoToVnLocal(iso: string | number): string {
  const { date, hour, minute } = vnParts(new Date(iso));
  return `${date}T${formatClock(hour, minute)}`;
}
