/**
 * Calendar dates as the plans use them: days in Asia/Ho_Chi_Minh (UTC+7, no daylight saving),
 * stored as ISO strings `yyyy-mm-dd` and written for people as `dd/mm/yyyy`; and the one set of
 * formatters for dates and times shown to people (numbers: domain/numbers.ts).
 *
 * Pure functions, no I/O and no reliance on the host time zone or on ICU data (`toLocaleString`
 * gives "24/11/2026, 08:00:00", "08:00:00 24/11/2026" or "11/24/2026, 8:00:00 AM" depending on
 * the Node build), so Temporal workflows may use them. Arithmetic is done on UTC midnights,
 * which is exact for whole days.
 *
 * House style:
 * - a date: `05/02/2026` (always two-digit day and month);
 * - a date in words: `ngày 05 tháng 02 năm 2026`, `ngày 22 tháng 8 năm 2025` — the rule of
 *   Nghị định 30/2020/NĐ-CP on administrative documents (days below 10 and the months 1 and 2
 *   take a leading zero), which is also how the shipped plans write their own dates
 *   ("ngày 26/02/2026", "ngày 22/8/2025", "ngày 02/4/2026");
 * - an annual day: `20/11`, `2/9` (no zeros), as occasions are named;
 * - a time: `08:00`; an instant: `08:00 ngày 24/11/2026`, or `08 giờ 00 ngày 24/11/2026` in
 *   formal prose.
 */

/** An ISO calendar date `yyyy-mm-dd` (a day in Asia/Ho_Chi_Minh). */
export type IsoDate = string;

/** Offset of Asia/Ho_Chi_Minh from UTC in milliseconds (fixed: Vietnam has no DST). */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Number of days in a month (month 1–12) of a given year, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when day/month/year name a real date (so 31/02 and 29/02/2026 are false). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Builds an ISO date from parts; the caller checks the parts with isRealDate first. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits an ISO date into numbers. */
export function isoParts(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_RE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * Explains why a date text is not a usable date, in Vietnamese, or returns undefined when it is
 * fine. Accepts `dd/mm/yyyy` (also `d/m/yyyy`) and ISO `yyyy-mm-dd`.
 */
export function dateProblem(text: string): string | undefined {
  const parts = splitDate(text.trim());
  if (!parts) return `"${text}" không phải ngày theo dạng dd/mm/yyyy (ví dụ 20/11/2026) hoặc yyyy-mm-dd (ví dụ 2026-11-20)`;
  return partsProblem(text, parts);
}

/** Why year, month and day of `text` name no real date, or undefined. */
function partsProblem(text: string, { year, month, day }: { year: number; month: number; day: number }): string | undefined {
  if (month < 1 || month > 12) return `"${text}" có tháng ${month}, nhưng tháng chỉ từ 1 đến 12`;
  if (year < 1900 || year > 2200) return `"${text}" có năm ${year} nằm ngoài khoảng hợp lý (1900–2200)`;
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) return `"${text}" không phải ngày có thật: tháng ${month} năm ${year} chỉ có ${max} ngày`;
  return undefined;
}

function splitDate(text: string): { year: number; month: number; day: number } | undefined {
  const iso = ISO_RE.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const vn = VN_RE.exec(text);
  if (vn) return { year: Number(vn[3]), month: Number(vn[2]), day: Number(vn[1]) };
  return undefined;
}

/** Parses `20/11/2026` or `2026-11-20` into an ISO date; undefined when not a real date. */
export function parseVnDate(text: string): IsoDate | undefined {
  const parts = splitDate(text.trim());
  if (!parts || !isRealDate(parts.year, parts.month, parts.day)) return undefined;
  return toIsoDate(parts.year, parts.month, parts.day);
}

/** True for a real calendar date written `yyyy-mm-dd`. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `2026-11-20` → `20/11/2026`; `2026-02-05` → `05/02/2026`. */
export function formatVnDate(date: IsoDate): string {
  const { year, month, day } = isoParts(date);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** Day and month as written for annual occasions: (20, 11) → `20/11`, (2, 9) → `2/9`. */
export function formatDayMonth(day: number, month: number): string {
  return `${day}/${month}`;
}

/** The annual day of a date, as occasions are named: `2026-09-02` → `2/9`. */
export function formatVnDayMonth(date: IsoDate): string {
  const { month, day } = isoParts(date);
  return formatDayMonth(day, month);
}

/**
 * `2026-11-20` → `ngày 20 tháng 11 năm 2026`, `2026-02-05` → `ngày 05 tháng 02 năm 2026`,
 * `2025-08-22` → `ngày 22 tháng 8 năm 2025` (Nghị định 30/2020/NĐ-CP: see the module comment).
 */
export function formatVnLongDate(date: IsoDate): string {
  const { year, month, day } = isoParts(date);
  return `ngày ${pad2(day)} tháng ${month <= 2 ? pad2(month) : month} năm ${year}`;
}

/** A clock time `HH:MM`: (8, 0) → `08:00`. */
export function formatClock(hour: number, minute: number): string {
  return `${pad2(hour)}:${pad2(minute)}`;
}

/** Wall-clock parts of an instant in Asia/Ho_Chi_Minh. */
export function vnParts(at: Date): { date: IsoDate; hour: number; minute: number; second: number } {
  if (Number.isNaN(at.getTime())) throw new RangeError('not an instant: Invalid Date');
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return { date: toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

function instant(at: Date | string | number | undefined): Date | undefined {
  if (at === undefined || at === '') return undefined;
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The time of day of an instant in Vietnam: `08:00`. */
export function formatVnTime(at: Date): string {
  const { hour, minute } = vnParts(at);
  return formatClock(hour, minute);
}

/**
 * An instant (a Date, an ISO string or epoch milliseconds) in Vietnam time:
 * `2026-11-24T01:00:00Z` → `08:00 ngày 24/11/2026`. Empty for a missing or invalid instant.
 */
export function formatVnDateTime(at: Date | string | number | undefined): string {
  const d = instant(at);
  if (!d) return '';
  const { date, hour, minute } = vnParts(d);
  return `${formatClock(hour, minute)} ngày ${formatVnDate(date)}`;
}

/** An instant as formal prose writes it: `08 giờ 00 ngày 24/11/2026`. Empty for a missing or invalid instant. */
export function formatVnSpelledDateTime(at: Date | string | number | undefined): string {
  const d = instant(at);
  if (!d) return '';
  const { date, hour, minute } = vnParts(d);
  return `${pad2(hour)} giờ ${pad2(minute)} ngày ${formatVnDate(date)}`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** Vietnamese weekday name of a date, e.g. "Thứ Sáu". */
export function vnWeekday(date: IsoDate): string {
  return WEEKDAYS[new Date(toUtcMs(date)).getUTCDay()] ?? '';
}

function toUtcMs(date: IsoDate): number {
  const { year, month, day } = isoParts(date);
  return Date.UTC(year, month - 1, day);
}

/** The date `days` days after (negative: before) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(toUtcMs(date) + days * DAY_MS);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** Today's date in Asia/Ho_Chi_Minh for a given instant (default: now). */
export function vnToday(now: Date = new Date()): IsoDate {
  return vnParts(now).date;
}

/** Parses a recurring `dd/mm` (e.g. `10/6`, `20/11`); 29/02 is refused because it is not yearly. */
export function parseDayMonth(text: string): { day: number; month: number } | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2025, month)) return undefined;
  return { day, month };
}

/** A date and time as read from a person or a file: the instant, or why the text is not one. */
export type DateTimeReading = { iso: string; problem?: undefined } | { iso?: undefined; problem: string };

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;
const ZONE = String.raw`\s*(Z|[+-]\d{2}(?::?\d{2})?)?`;
/** `2026-11-24T08:00`, `2026-11-24 08:00:30.5`, `2026-11-24T08:00:00+07:00`, `…Z`. */
const ISO_DATETIME_RE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:T|\s+)${TIME}${ZONE}$`, 'i');
/** `24/11/2026 08:00` (also with a zone). */
const VN_DATETIME_RE = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}),?\s+${TIME}${ZONE}$`, 'i');
/** `08:00 ngày 24/11/2026`, as `formatVnDateTime` writes times, or `08:00 24/11/2026`. */
const VN_TIME_FIRST_RE = new RegExp(String.raw`^${TIME}\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})/(\d{4})$`, 'i');

const DATETIME_EXAMPLES = 'yyyy-mm-ddTHH:MM (giờ Việt Nam, ví dụ 2026-11-24T08:00), có thể kèm múi giờ như +07:00 hoặc Z, hay dd/mm/yyyy HH:MM (ví dụ 24/11/2026 08:00)';

/**
 * Reads a date and time. Without a zone it is Vietnam time (UTC+7), whatever the host's time
 * zone; with one (`Z`, `+07:00`, `+0700`, `+07`) it is that zone. An impossible date or time
 * (31/02, 29/02 in a common year, 24:00, 08:60) is refused with a Vietnamese reason naming the
 * text. The one parser of date-times typed by people or set in files.
 */
export function parseVnDateTime(text: string): DateTimeReading {
  const t = text.trim();
  let date: [string, string, string];
  let time: [string, string, string | undefined, string | undefined];
  let zone: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = ISO_DATETIME_RE.exec(t))) {
    date = [m[1]!, m[2]!, m[3]!];
    time = [m[4]!, m[5]!, m[6], m[7]];
    zone = m[8];
  } else if ((m = VN_DATETIME_RE.exec(t))) {
    date = [m[3]!, m[2]!, m[1]!];
    time = [m[4]!, m[5]!, m[6], m[7]];
    zone = m[8];
  } else if ((m = VN_TIME_FIRST_RE.exec(t))) {
    time = [m[1]!, m[2]!, m[3], m[4]];
    date = [m[7]!, m[6]!, m[5]!];
  } else {
    return { problem: `"${text}" không phải ngày giờ theo dạng ${DATETIME_EXAMPLES}` };
  }
  const [year, month, day] = date.map(Number) as [number, number, number];
  const datePart = partsProblem(text, { year, month, day });
  if (datePart) return { problem: datePart };
  const [hour, minute, second] = [Number(time[0]), Number(time[1]), Number(time[2] ?? 0)];
  if (hour > 23) return { problem: `"${text}" có giờ ${hour}, nhưng giờ chỉ từ 0 đến 23` };
  if (minute > 59) return { problem: `"${text}" có phút ${minute}, nhưng phút chỉ từ 0 đến 59` };
  if (second > 59) return { problem: `"${text}" có giây ${second}, nhưng giây chỉ từ 0 đến 59` };
  const ms = time[3] ? Number(time[3].slice(0, 3).padEnd(3, '0')) : 0;
  let offsetMs = VN_OFFSET_MS;
  if (zone && zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const [zh, zm] = [Number(z[2]), Number(z[3] ?? 0)];
    const minutes = (z[1] === '-' ? -1 : 1) * (zh * 60 + zm);
    if (zm > 59 || minutes < -12 * 60 || minutes > 14 * 60) return { problem: `"${text}" có múi giờ ${zone} không có thật (múi giờ từ -12:00 đến +14:00)` };
    offsetMs = minutes * 60_000;
  } else if (zone) {
    offsetMs = 0;
  }
  return { iso: new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMs).toISOString() };
}
