/**
 * Dates and clock times read aloud: "20/11" → "ngày hai mươi tháng mười một",
 * "22/8/2025" → "ngày hai mươi hai tháng tám năm hai nghìn không trăm hai mươi lăm",
 * "6h30" / "06:30" → "sáu giờ ba mươi phút". Pure.
 */
import type { Pass } from './expansion.js';
import { monthToWords, numberToWords } from './number-words.js';

const B = String.raw`(?<![\p{L}\p{M}\p{N}/.,:-])`;
const E = String.raw`(?![\p{L}\p{M}\p{N}/]|[.,:-]\d)`;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether day/month(/year) is a real calendar date; without a year, 29/2 is allowed. */
export function isValidDate(day: number, month: number, year?: number): boolean {
  if (!Number.isInteger(day) || !Number.isInteger(month) || month < 1 || month > 12 || day < 1) return false;
  const days = [31, year === undefined || isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** "ngày hai mươi tháng mười một[ năm …]" for a valid date. */
export function dateToWords(day: number, month: number, year?: number): string {
  const base = `ngày ${numberToWords(day)} tháng ${monthToWords(month)}`;
  return year === undefined ? base : `${base} năm ${numberToWords(year)}`;
}

/** "sáu giờ ba mươi phút"; minutes 0 are not read ("mười bảy giờ"). */
export function timeToWords(hour: number, minute = 0): string {
  const h = `${numberToWords(hour)} giờ`;
  return minute === 0 ? h : `${h} ${numberToWords(minute)} phút`;
}

function isYear(n: number): boolean {
  return n >= 1000 && n <= 2999;
}

/** Rewrites "ngày"-prefixed or bare dd/mm[/yyyy], dd-mm-yyyy, dd.mm.yyyy and "tháng mm/yyyy". */
export const datePass: Pass = (text, record) => {
  const withDay = (prefix: string | undefined, dd: string, mm: string, yyyy: string | undefined, match: string) => {
    const day = Number(dd);
    const month = Number(mm);
    const year = yyyy === undefined ? undefined : Number(yyyy);
    if (!isValidDate(day, month, year) || (year !== undefined && !isYear(year))) return match;
    let spoken = dateToWords(day, month, year);
    // Keep the writer's "ngày"/"Ngày" rather than saying it twice.
    if (prefix !== undefined) spoken = prefix + spoken.slice('ngày'.length);
    return record(match, spoken, 'date');
  };
  let out = text.replace(
    new RegExp(String.raw`${B}(?:([Nn]gày)\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?${E}`, 'gu'),
    (m, p: string | undefined, d: string, mo: string, y: string | undefined) => withDay(p, d, mo, y, m),
  );
  out = out.replace(
    new RegExp(String.raw`${B}(?:([Nn]gày)\s+)?(\d{1,2})([.-])(\d{1,2})\3(\d{4})${E}`, 'gu'),
    (m, p: string | undefined, d: string, _sep: string, mo: string, y: string) => withDay(p, d, mo, y, m),
  );
  // Month and year: "tháng 6/2026", "6/2026".
  out = out.replace(
    new RegExp(String.raw`${B}(?:([Tt]háng)\s+)?(\d{1,2})\/(\d{4})${E}`, 'gu'),
    (m, p: string | undefined, mo: string, y: string) => {
      const month = Number(mo);
      const year = Number(y);
      if (month < 1 || month > 12 || !isYear(year)) return m;
      return record(m, `${p ?? 'tháng'} ${monthToWords(month)} năm ${numberToWords(year)}`, 'date');
    },
  );
  // "tháng 4" → "tháng tư" (a month name, not a count: "4 tháng" stays a number).
  out = out.replace(new RegExp(String.raw`([Tt]háng)\s+(\d{1,2})${E}`, 'gu'), (m, p: string, mo: string) => {
    const month = Number(mo);
    if (month < 1 || month > 12) return m;
    return record(m, `${p} ${monthToWords(month)}`, 'date');
  });
  return out;
};

/** Rewrites 6h30, 17h, 06:30, "17 giờ 30 (phút)". Hours 0–24, minutes 0–59. */
export const timePass: Pass = (text, record) => {
  const read = (m: string, hh: string, mm: string | undefined) => {
    const hour = Number(hh);
    const minute = mm === undefined ? 0 : Number(mm);
    if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return m;
    return record(m.trim(), timeToWords(hour, minute), 'time');
  };
  let out = text.replace(
    new RegExp(String.raw`${B}(\d{1,2})h(\d{2})?(?:\s?(?:phút|'))?(?![\p{L}\p{M}\p{N}])`, 'gu'),
    (m, h: string, mi: string | undefined) => read(m, h, mi),
  );
  out = out.replace(new RegExp(String.raw`${B}(\d{1,2}):(\d{2})(?![\p{N}:])(?:\s?phút)?`, 'gu'), (m, h: string, mi: string) => read(m, h, mi));
  out = out.replace(
    new RegExp(String.raw`${B}(\d{1,2})\s?giờ(?:\s(\d{1,2})(?:\s?phút)?)?(?![\p{L}\p{M}\p{N}])`, 'gu'),
    (m, h: string, mi: string | undefined) => read(m, h, mi),
  );
  return out;
};
