/**
 * Vietnamese formatting for dates, numbers and percentages as they appear in government
 * communication ("ngày 20 tháng 11 năm 2026", "20/11/2026", "1.000", "12,5%"). Pure.
 */
import type { BriefFigure } from '../domain/brief.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parseIsoDate(iso: string): DateParts | undefined {
  const m = ISO_DATE.exec(iso.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "ngày 20 tháng 11 năm 2026". Following the administrative style, days below 10 and the
 * months 1 and 2 get a leading zero ("ngày 05 tháng 02 năm 2026"). Invalid input is returned as is.
 */
export function viDateLong(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const month = d.month <= 2 ? pad2(d.month) : String(d.month);
  return `ngày ${pad2(d.day)} tháng ${month} năm ${d.year}`;
}

/** "20/11/2026". Invalid input is returned as is. */
export function viDateShort(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${pad2(d.day)}/${pad2(d.month)}/${d.year}` : iso;
}

/** "20/11" (day and month only). Invalid input is returned as is. */
export function viDayMonth(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${pad2(d.day)}/${pad2(d.month)}` : iso;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** vi-VN grouping: 1000 → "1.000", 12.5 → "12,5". Non-finite numbers give "". */
export function viNumber(n: number): string {
  return Number.isFinite(n) ? numberFormat.format(n) : '';
}

/** 70 → "70%", 12.5 → "12,5%". */
export function viPercent(n: number): string {
  const s = viNumber(n);
  return s ? `${s}%` : '';
}

/** Count as written in plans: at least two digits ("01", "12", "1.000"). */
export function viCount(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Number.isInteger(n) && n >= 0 && n < 10 ? pad2(n) : viNumber(n);
}

/** The big figure of a target: "70%", "01", "01/năm". */
export function figureValue(f: Pick<BriefFigure, 'value' | 'unit'>): string {
  switch (f.unit) {
    case 'percent':
      return viPercent(f.value);
    case 'count':
      return viCount(f.value);
    case 'perYear':
      return `${viCount(f.value)}/năm`;
  }
}

/** Upper-cases the first letter (Vietnamese-aware), e.g. "ngày 20…" → "Ngày 20…". */
export function capitalize(s: string): string {
  const first = s.codePointAt(0);
  if (first === undefined) return s;
  const ch = String.fromCodePoint(first);
  return ch.toLocaleUpperCase('vi') + s.slice(ch.length);
}
