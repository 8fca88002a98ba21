/**
 * Vietnamese number words for reading aloud. Pure; no I/O.
 *
 * Rules (northern standard, as read on grassroots radio):
 * - 1 after "mươi" (tens ≥ 2) is "mốt" (21 "hai mươi mốt"); elsewhere "một" (11 "mười một", 101).
 * - 4 after "mươi" is "tư" (24 "hai mươi tư"); 14 stays "mười bốn".
 * - 5 after "mười"/"mươi" is "lăm" (15 "mười lăm", 25 "hai mươi lăm"); 105 "một trăm linh năm".
 * - Zero tens before a nonzero unit, after hundreds, is "linh" (105 "một trăm linh năm").
 * - A group of three inside a larger number always reads its hundreds, "không trăm" when zero
 *   (2026 "hai nghìn không trăm hai mươi sáu"); a group that is entirely zero is skipped
 *   (1 000 005 "một triệu không trăm linh năm").
 * - Scales: nghìn, triệu, tỷ. Supported range: |n| ≤ 999 999 999 999.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'] as const;

/** The largest integer {@link numberToWords} reads. */
export const MAX_SPOKEN_INTEGER = 999_999_999_999n;

function digit(d: number): string {
  const word = DIGITS[d];
  if (word === undefined) throw new RangeError(`Not a digit: ${d}`);
  return word;
}

/** Reads a group 0–999. `full` makes it read its hundreds even when zero ("không trăm …"). */
function readGroup(value: number, full: boolean): string[] {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const units = value % 10;
  const words: string[] = [];
  const saysHundreds = full || hundreds > 0;
  if (saysHundreds) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units !== 0) {
      if (saysHundreds) words.push('linh');
      words.push(digit(units));
    }
  } else if (tens === 1) {
    words.push('mười');
    if (units === 5) words.push('lăm');
    else if (units !== 0) words.push(digit(units));
  } else {
    words.push(digit(tens), 'mươi');
    if (units === 1) words.push('mốt');
    else if (units === 4) words.push('tư');
    else if (units === 5) words.push('lăm');
    else if (units !== 0) words.push(digit(units));
  }
  return words;
}

/**
 * Reads an integer in Vietnamese words: 2026 → "hai nghìn không trăm hai mươi sáu",
 * -5 → "âm năm". Throws RangeError for non-integers and for |n| > 999 999 999 999.
 */
export function numberToWords(n: number | bigint): string {
  let value: bigint;
  if (typeof n === 'bigint') {
    value = n;
  } else {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Not a safe integer: ${n}`);
    value = BigInt(n);
  }
  if (value < 0n) return `âm ${numberToWords(-value)}`;
  if (value > MAX_SPOKEN_INTEGER) throw new RangeError(`Number too large to read: ${value}`);
  if (value === 0n) return 'không';

  const groups: number[] = [];
  for (let rest = value; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));

  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    const leading = i === groups.length - 1;
    words.push(...readGroup(group, !leading));
    const scale = SCALES[i];
    if (scale) words.push(scale);
  }
  return words.join(' ');
}

/** Reads each digit of a string of digits: "0912" → "không chín một hai". */
export function digitsToWords(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError(`Not a digit string: ${JSON.stringify(digits)}`);
  return [...digits].map((d) => digit(Number(d))).join(' ');
}

/**
 * Reads a number as Vietnamese writes it: dot groups thousands, comma marks decimals.
 * "1.000" → "một nghìn", "2.500.000" → "hai triệu năm trăm nghìn", "3,5" → "ba phẩy năm",
 * "3,05" → "ba phẩy không năm", "01" → "một". Integer strings longer than three digits that
 * start with 0 (phone-like codes) and integers beyond the supported range are read digit by digit.
 * Throws RangeError for anything that is not such a number.
 */
export function readNumberString(raw: string): string {
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(raw.trim());
  if (!match) throw new RangeError(`Not a Vietnamese-formatted number: ${JSON.stringify(raw)}`);
  const intText = (match[1] ?? '').replaceAll('.', '');
  const fraction = match[2];
  let intWords: string;
  if (intText.length > 3 && intText.startsWith('0')) intWords = digitsToWords(intText);
  else if (BigInt(intText) > MAX_SPOKEN_INTEGER) intWords = digitsToWords(intText);
  else intWords = numberToWords(BigInt(intText));
  if (fraction === undefined) return intWords;
  return `${intWords} phẩy ${fractionToWords(fraction)}`;
}

/** Digits after the decimal comma: leading zeros read "không", the rest as a number. */
function fractionToWords(fraction: string): string {
  const zeros = /^0*/.exec(fraction)?.[0].length ?? 0;
  const rest = fraction.slice(zeros);
  const words: string[] = Array.from({ length: zeros }, () => 'không');
  if (rest.length > 0) words.push(rest.length > 12 ? digitsToWords(rest) : numberToWords(BigInt(rest)));
  return words.join(' ');
}

/** Ordinal after "thứ": 1 → "nhất", 4 → "tư", otherwise the cardinal (2 → "hai", 14 → "mười bốn"). */
export function ordinalToWords(n: number): string {
  if (n === 1) return 'nhất';
  if (n === 4) return 'tư';
  return numberToWords(n);
}

/** Month name after "tháng": 4 → "tư", 1 → "một", 12 → "mười hai". Throws RangeError outside 1–12. */
export function monthToWords(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Not a month: ${month}`);
  return month === 4 ? 'tư' : numberToWords(month);
}
