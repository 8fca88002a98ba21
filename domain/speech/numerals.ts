/**
 * Numbers in running text read aloud: ranges ("giai đoạn 2026-2030"), percentages ("70,5%"),
 * measures ("60 km/h"), ordinals ("thứ 4"), Roman numerals ("khóa XIV"), ratios ("3/4") and
 * plain numbers ("2.500.000", "01", "4.0"). Pure.
 */
import { NUMBER, type Pass } from './expansion.js';
import { digitsToWords, numberToWords, ordinalToWords, readNumberString } from './number-words.js';

const B = String.raw`(?<![\p{L}\p{M}\p{N}/.,])`;
const E = String.raw`(?![\p{N}/]|[.,]\d)`;

/** Parses a Vietnamese-formatted number ("2.500.000", "70,5") to a JS number. */
export function parseVietnameseNumber(raw: string): number {
  return Number(raw.replaceAll('.', '').replace(',', '.'));
}

function isYear(raw: string): boolean {
  return /^\d{4}$/.test(raw) && Number(raw) >= 1900 && Number(raw) <= 2199;
}

const UNITS: ReadonlyArray<readonly [string, string]> = [
  ['km/h', 'ki-lô-mét mỗi giờ'],
  ['km²', 'ki-lô-mét vuông'],
  ['km2', 'ki-lô-mét vuông'],
  ['km', 'ki-lô-mét'],
  ['m²', 'mét vuông'],
  ['m2', 'mét vuông'],
  ['m³', 'mét khối'],
  ['m3', 'mét khối'],
  ['ha', 'héc-ta'],
  ['kg', 'ki-lô-gam'],
  ['mm', 'mi-li-mét'],
  ['cm', 'xăng-ti-mét'],
  ['m', 'mét'],
  ['°C', 'độ C'],
];
const UNIT_ALTERNATION = UNITS.map(([u]) => u.replace('/', '\\/')).join('|');
const UNIT_RE = new RegExp(String.raw`${B}(${NUMBER})\s?(${UNIT_ALTERNATION})(?![\p{L}\p{M}\p{N}])`, 'gu');
const unitWord = (unit: string) => UNITS.find(([u]) => u === unit)?.[1] ?? unit;

/** "2026-2030", "2030 – 2035", "5-10", "70%-80%", "20-25 mm". */
export const rangePass: Pass = (text, record) =>
  text.replace(
    new RegExp(String.raw`${B}(${NUMBER})(\s?%)?[ \t]?[-–—][ \t]?(${NUMBER})(\s?%)?(?:[ \t]?(${UNIT_ALTERNATION})(?![\p{L}\p{M}\p{N}]))?${E}`, 'gu'),
    (match, a: string, pa: string | undefined, b: string, pb: string | undefined, unit: string | undefined, offset: number) => {
      const from = parseVietnameseNumber(a);
      const to = parseVietnameseNumber(b);
      if (!(from < to)) return match;
      const before = text.slice(Math.max(0, offset - 20), offset).toLowerCase();
      let spoken: string;
      if (isYear(a) && isYear(b) && !pa && !pb && !unit) {
        const ya = readNumberString(a);
        const yb = readNumberString(b);
        if (/(?:giai đoạn|năm học|niên khóa|niên khoá|nhiệm kỳ|khóa|khoá|thời kỳ)\s*$/u.test(before)) spoken = `${ya} đến ${yb}`;
        else if (/từ\s+năm\s*$/u.test(before)) spoken = `${ya} đến năm ${yb}`;
        else if (/từ\s*$/u.test(before)) spoken = `năm ${ya} đến năm ${yb}`;
        else if (/năm\s*$/u.test(before)) spoken = `${ya} đến năm ${yb}`;
        else spoken = `từ năm ${ya} đến năm ${yb}`;
      } else {
        const percent = pa || pb ? ' phần trăm' : unit ? ` ${unitWord(unit)}` : '';
        const lead = /từ\s*$/u.test(before) ? '' : 'từ ';
        spoken = `${lead}${readNumberString(a)} đến ${readNumberString(b)}${percent}`;
      }
      return record(match, spoken, 'range');
    },
  );

/** "100%" → "một trăm phần trăm", "70,5 %" → "bảy mươi phẩy năm phần trăm". */
export const percentPass: Pass = (text, record) =>
  text.replace(new RegExp(String.raw`${B}(${NUMBER})\s?%`, 'gu'), (match, n: string) =>
    record(match, `${readNumberString(n)} phần trăm`, 'percent'),
  );

/** "60 km/h" → "sáu mươi ki-lô-mét mỗi giờ", "35°C" → "ba mươi lăm độ C". */
export const unitPass: Pass = (text, record) =>
  text.replace(UNIT_RE, (match, n: string, unit: string) => {
    return record(match, `${readNumberString(n)} ${unitWord(unit)}`, 'number');
  });

/** "thứ 4" → "thứ tư", "thứ 1" → "thứ nhất". */
export const ordinalPass: Pass = (text, record) =>
  text.replace(new RegExp(String.raw`([Tt]hứ)\s+(\d{1,3})${E}(?![\p{L}])`, 'gu'), (match, word: string, n: string) =>
    record(match, `${word} ${ordinalToWords(Number(n))}`, 'number'),
  );

const ROMAN = /^(X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };

/** Value of a Roman numeral made of I, V, X (1–39), or undefined. */
export function romanToNumber(s: string): number | undefined {
  if (s.length === 0 || !ROMAN.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const ROMAN_CONTEXT = /(?:khóa|khoá|thứ|quý|phần|mục|chương|kỳ|đại hội|lần)\s*$/u;
/** Multi-letter Roman numerals that are also Vietnamese syllables need a context word. */
const ROMAN_SYLLABLES = new Set(['VI', 'XI']);

/** "Đại hội XIV" → "Đại hội mười bốn", "lần thứ IV" → "lần thứ tư", "quý I" → "quý một". */
export const romanPass: Pass = (text, record) =>
  text.replace(/(?<![\p{L}\p{M}\p{N}])[IVX]+(?![\p{L}\p{M}\p{N}])/gu, (match, offset: number) => {
    const value = romanToNumber(match);
    if (value === undefined) return match;
    const before = text.slice(Math.max(0, offset - 12), offset).toLowerCase();
    const inContext = ROMAN_CONTEXT.test(before);
    if ((match.length === 1 || ROMAN_SYLLABLES.has(match)) && !inContext) return match;
    const spoken = /thứ\s*$/u.test(before) ? ordinalToWords(value) : numberToWords(value);
    return record(match, spoken, 'number');
  });

/** A ratio that is not a date: "31/02" → "ba mươi mốt trên hai", "3/4" read the same way. */
export const ratioPass: Pass = (text, record) =>
  text.replace(new RegExp(String.raw`${B}(${NUMBER})\s?\/\s?(${NUMBER})${E}`, 'gu'), (match, a: string, b: string) =>
    record(match, `${readNumberString(a)} trên ${readNumberString(b)}`, 'number'),
  );

/**
 * Every remaining number: "2.500.000", "3,5", "01", "4.0" ("bốn chấm không"), long digit strings
 * digit by digit. Adds a space where a number touches a letter ("5G" → "năm G"). Numbers touching
 * a "/" are left alone: by now they are neither dates nor ratios ("29/02/2025"), and are reported.
 */
export const numberPass: Pass = (text, record) =>
  text.replace(
    new RegExp(String.raw`(?<![\p{N}/])(\d+\.\d{1,2}(?![\p{N}])|${NUMBER})(?![\p{N}/])`, 'gu'),
    (match, _n: string, offset: number) => {
      let spoken: string;
      const dotted = /^(\d+)\.(\d{1,2})$/.exec(match);
      if (dotted) spoken = `${readNumberString(dotted[1] ?? '')} chấm ${digitsOrNumber(dotted[2] ?? '')}`;
      else spoken = readNumberString(match);
      const prev = text[offset - 1] ?? '';
      const next = text[offset + match.length] ?? '';
      const pad = (c: string) => (/[\p{L}\p{M}]/u.test(c) ? ' ' : '');
      return pad(prev) + record(match, spoken, 'number') + pad(next);
    },
  );

function digitsOrNumber(s: string): string {
  return s.startsWith('0') ? digitsToWords(s) : numberToWords(Number(s));
}
