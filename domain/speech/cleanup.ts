/** Cleaning before normalisation and tidying after it. Pure. */
import { cleanText } from '../text/clean.js';
import { decodeHtmlEntities } from '../text/entities.js';
import type { Pass } from './expansion.js';

const LIST_MARKER = /^[ \t]*(?:[-+•*·–—]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][).]|[IVX]{1,5}\.)[ \t]+/u;
/** An item dash after a clause, on the same line: "Sở Nội vụ: - Chủ trì …; - Phối hợp …". */
const INLINE_DASH_ITEM = /([:;.!?])[ \t]+([-+•–—])[ \t]+/gu;
/** A body's letter after a clause, on the same line: "…; b) Ủy ban nhân dân các xã: …". */
const INLINE_BODY_ITEM = /([:;.!?])[ \t]+([a-zđ]\))[ \t]+(?=\p{Lu})/gu;

/**
 * Joins lines that were only wrapped (text pasted from a PDF or a narrow column) and keeps the
 * breaks that start list items, so a paragraph holding a list keeps it and nothing else changes.
 */
export function joinWrappedLines(text: string): string {
  return text
    .split('\n')
    .reduce<string[]>((lines, line) => {
      if (lines.length > 0 && !LIST_MARKER.test(line)) lines[lines.length - 1] = `${lines[lines.length - 1]} ${line}`.trim();
      else lines.push(line);
      return lines;
    }, [])
    .join('\n');
}

/** Ends a line as a sentence unless it already ends one or leads in to a list (":"). */
function endSentence(line: string): string {
  const t = line.trimEnd();
  if (t === '' || /[.!?…:]["”’)]?$/u.test(t)) return t;
  return `${t.replace(/[;,]+$/u, '')}.`;
}

/**
 * A list, one item a line, is read item by item: the markers go, and an item (or the line that
 * leads in to items) that does not end a sentence gets a full stop, so it is not run into the
 * next. Items written on one line after a clause ("a) Sở Giáo dục và Đào tạo: - Chủ trì …;
 * - Tổ chức …") are first put on lines of their own.
 */
function readListsItemByItem(text: string): string {
  const lines = text.replace(INLINE_DASH_ITEM, '$1\n$2 ').replace(INLINE_BODY_ITEM, '$1\n$2 ').split('\n');
  const marked = lines.map((l) => LIST_MARKER.test(l));
  const nextFilled = (i: number) => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim() !== '') return j;
    return -1;
  };
  return lines
    .map((line, i) => {
      const bare = line.replace(LIST_MARKER, '');
      const next = nextFilled(i);
      return next >= 0 && (marked[i] || marked[next]) ? endSentence(bare) : bare;
    })
    .join('\n');
}

/**
 * Prepares written text for the ear: decodes HTML character references pasted with the text
 * ("Gi&aacute;o" → "Giáo", "&amp;" → "&"), reads lists item by item (markers at line starts
 * such as "- ", "1.", "2.1.", "a)", "II." dropped), drops markdown emphasis and headings and the
 * document end mark "./.", and collapses spaces.
 */
export const cleanPass: Pass = (text) =>
  readListsItemByItem(
    cleanText(decodeHtmlEntities(text), { keepNewlines: true })
      .replace(/\.\/\./g, '.')
      .replace(/^[ \t]*#{1,6}[ \t]+/gmu, ''),
  )
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
