/**
 * Instants written the Vietnamese way (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) and the
 * RFC 822 form RSS wants. Pure; never depends on the host time zone.
 */
import { VN_OFFSET_MS, formatVnDate, formatVnLongDate, toIsoDate, vnWeekday } from '../../domain/dates.js';

// An ISO 8601 instant with an explicit offset or Z, e.g. 2026-11-20T08:00:00+07:00.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO instant with a time zone; undefined when it is not one. */
export function parseInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Wall-clock parts of an instant in Asia/Ho_Chi_Minh. */
export function vnParts(at: Date): { date: string; hour: number; minute: number } {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return { date: toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** "Thứ Sáu, ngày 20 tháng 11 năm 2026". */
export function vnLongDate(at: Date): string {
  const { date } = vnParts(at);
  return `${vnWeekday(date)}, ${formatVnLongDate(date)}`;
}

/** "08:00 20/11/2026". */
export function vnShortDateTime(at: Date): string {
  const { date, hour, minute } = vnParts(at);
  return `${pad(hour)}:${pad(minute)} ${formatVnDate(date)}`;
}

/** "08 giờ 00 ngày 20/11/2026". */
export function vnSpelledDateTime(at: Date): string {
  const { date, hour, minute } = vnParts(at);
  return `${pad(hour)} giờ ${pad(minute)} ngày ${formatVnDate(date)}`;
}

/** "HH:mm" in Vietnam. */
export function vnTime(at: Date): string {
  const { hour, minute } = vnParts(at);
  return `${pad(hour)}:${pad(minute)}`;
}

/** The same instant as ISO 8601 with the +07:00 offset, for `<time datetime>`. */
export function vnIsoInstant(at: Date): string {
  const { date, hour, minute } = vnParts(at);
  const seconds = new Date(at.getTime() + VN_OFFSET_MS).getUTCSeconds();
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(seconds)}+07:00`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** RFC 822 date-time in Vietnam time, e.g. "Fri, 20 Nov 2026 08:00:00 +0700" (RSS 2.0 pubDate). */
export function rfc822(at: Date): string {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0700`;
}

/** "20/11" for an ISO date (as occasions are named). */
export function dayMonth(isoDate: string): string {
  const [, m, d] = isoDate.split('-');
  return `${Number(d)}/${Number(m)}`;
}
