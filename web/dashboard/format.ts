/**
 * How the dashboard writes times and durations for people (Asia/Ho_Chi_Minh, dd/mm/yyyy). Times
 * typed into forms are read by `parseVnDateTime` (domain/dates.ts).
 */
import { VN_OFFSET_MS, daysBetween, formatVnDate, vnWeekday, type IsoDate } from '../../domain/dates.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-23T04:05:00Z` → `11:05 23/11/2026`; empty for missing or invalid input. */
export function vnDateTime(iso: string | undefined): string {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return '';
  const d = new Date(t + VN_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

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

/** 135 → "2 phút 15 giây"; 40 → "40 giây". */
export function readingTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m === 0) return `${rest} giây`;
  return rest ? `${m} phút ${rest} giây` : `${m} phút`;
}

/** An instant → the `datetime-local` value showing it in Vietnam time (minutes). */
export function isoToVnLocal(iso: string | number): string {
  const t = typeof iso === 'number' ? iso : Date.parse(iso);
  return new Date(t + VN_OFFSET_MS).toISOString().slice(0, 16);
}
