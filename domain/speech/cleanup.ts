/** Cleaning before normalisation and tidying after it. Pure. */
import type { Pass } from './expansion.js';

// Control characters except tab and newline; zero-width and bidi-override characters.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

/** Removes control and invisible characters and normalises Unicode (NFC) and line endings. */
export function stripInvisible(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(INVISIBLE, ' ');
}

const LIST_MARKER = /^[ \t]*(?:[-+•*·–—]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][).]|[IVX]{1,5}\.)[ \t]+/gmu;

/**
 * Prepares written text for the ear: drops list markers at line starts ("- ", "1.", "2.1.",
 * "a)", "II."), markdown emphasis and headings, the document end mark "./.", and collapses spaces.
 */
export const cleanPass: Pass = (text) =>
  stripInvisible(text)
    .replace(/\t/g, ' ')
    .replace(/\.\/\./g, '.')
    .replace(/^[ \t]*#{1,6}[ \t]+/gmu, '')
    .replace(LIST_MARKER, '')
    .replace(/[*_`]+/g, '')
    .replace(/[ \u00A0]+/g, ' ')
    .replace(/[–—]/g, '-');

const URL_LIKE = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;
const PER_UNIT = new Set(['năm', 'tháng', 'tuần', 'ngày', 'giờ', 'người', 'lượt', 'lần', 'buổi', 'kỳ', 'quý', 'hộ', 'lớp', 'trường']);

/** Splits out web and mail addresses so a pass can leave them alone (they are reported as unspeakable). */
function outsideAddresses(text: string, rewrite: (piece: string) => string): string {
  const urls = text.match(URL_LIKE) ?? [];
  return text
    .split(URL_LIKE)
    .map(rewrite)
    .reduce((acc, piece, i) => acc + piece + (urls[i] ?? ''), '');
}

/**
 * A slash between words: "xã/phường" → "xã hoặc phường", "hoạt động/năm" and "01/năm" →
 * "… mỗi năm".
 * Runs before numbers are spelled, so a slash between digits ("29/02/2025", not a date) stays and
 * is reported.
 */
export const slashPass: Pass = (text, record) =>
  outsideAddresses(text, (piece) =>
    piece.replace(/(?<=([\p{L}\p{M}\p{N})]))\s*\/\s*(?=([\p{L}\p{M}]+))/gu, (m, prev: string, next: string) => {
      const perUnit = PER_UNIT.has(next.toLowerCase());
      // After a digit only a unit makes sense ("01/năm"); anything else is left and reported.
      if (!perUnit && /\p{N}/u.test(prev)) return m;
      return ` ${record(m.trim(), perUnit ? 'mỗi' : 'hoặc', 'symbol')} `;
    }),
  );

/**
 * Symbols left after the number and abbreviation passes: "&" → "và", "%" → "phần trăm",
 * "°" → "độ", parentheses → commas. Web and mail addresses are left alone.
 */
export const symbolPass: Pass = (text, record) =>
  outsideAddresses(text, (piece) =>
    piece
      .replace(/\s*&\s*/g, (m) => ` ${record(m.trim(), 'và', 'symbol')} `)
      .replace(/\s*%/g, (m) => ` ${record(m.trim(), 'phần trăm', 'symbol')}`)
      .replace(/°\s?C(?![\p{L}])/gu, (m) => ` ${record(m, 'độ C', 'symbol')}`)
      .replace(/°/g, (m) => ` ${record(m, 'độ', 'symbol')}`)
      .replace(/\s*\(\s*/g, ', ')
      .replace(/\s*\)/g, ','),
  );

/** Collapses spaces and stray punctuation left by the passes and capitalises sentence starts. */
export const tidyPass: Pass = (text) =>
  text
    .split('\n')
    .map((line) =>
      line
        .replace(/ {2,}/g, ' ')
        .replace(/ +([,.;:!?…])/g, '$1')
        .replace(/,(?:\s*,)+/g, ',')
        .replace(/[,;:]+(\s*[.!?])/g, '$1')
        .replace(/,+(\s*[;:])/g, '$1')
        .replace(/([.!?])[,;:]+/g, '$1')
        .replace(/^[\s,;]+/, '')
        .trim(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(/(^|[.!?]\s+|\n)(\p{Ll})/gu, (_m, lead: string, c: string) => lead + c.toUpperCase());
