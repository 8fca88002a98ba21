/**
 * Instants as the published site writes them (Asia/Ho_Chi_Minh, UTC+7, no daylight saving):
 * the weekday-and-words form of posts, `<time datetime>` values and the RFC 822 form RSS wants.
 * Built on the formatters of domain/dates.ts. Pure; never depends on the host time zone.
 */
import { formatVnLongDate, VN_OFFSET_MS, vnParts, vnWeekday } from '../../domain/dates.js';

// An ISO 8601 instant with an explicit offset or Z, e.g. 2026-11-20T08:00:00+07:00.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO instant with a time zone; undefined when it is not one. */
export function parseInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "Thứ Sáu, ngày 20 tháng 11 năm 2026". */
export function vnLongDate(at: Date): string {
  const { date } = vnParts(at);
  return `${vnWeekday(date)}, ${formatVnLongDate(date)}`;
}

/** The same instant as ISO 8601 with the +07:00 offset, for `<time datetime>`. */
export function vnIsoInstant(at: Date): string {
  const { date, hour, minute, second } = vnParts(at);
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}+07:00`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** RFC 822 date-time in Vietnam time, e.g. "Fri, 20 Nov 2026 08:00:00 +0700" (RSS 2.0 pubDate). */
export function rfc822(at: Date): string {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0700`;
}
