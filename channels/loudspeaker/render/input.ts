/**
 * Cleaning and checking what goes into a loudspeaker script. Every text field is checked for
 * type and length before anything else, then cleaned: HTML entities decoded, markup removed
 * (script and style blocks with their content), control, bidi and zero-width characters removed,
 * whitespace collapsed. A field that is too long or empty once cleaned is an error naming it.
 */
import { joinWrappedLines } from '../../../domain/speech/cleanup.js';
import { formatVnNumber } from '../../../domain/numbers.js';
import { cleanText } from '../../../domain/text/clean.js';
import { decodeHtmlEntities } from '../../../domain/text/entities.js';
import { ScriptInputError } from './errors.js';

/** Longest accepted text field, in characters (before cleaning). */
export const MAX_FIELD_CHARS = 2_000;
/** Longest accepted short field (names, labels, ids). */
export const MAX_SHORT_FIELD_CHARS = 200;
/** Most paragraphs, key messages or figures taken from a brief. */
export const MAX_LIST_ITEMS = 20;

/** Removes markup: script/style blocks whole, then any tag, then stray angle brackets. */
export function stripMarkup(s: string): string {
  return s
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[a-z!?][^>]*>/gi, ' ')
    .replace(/[<>]/g, ' ');
}

/** How one field is cleaned. */
export interface CleanOptions {
  required?: boolean;
  max?: number;
  /** Keep the line breaks that start list items (a paragraph holding a list); default: one line. */
  keepLines?: boolean;
}

/** Type- and length-checks then cleans one text field. `required` fields must not end up empty. */
export function cleanField(value: unknown, field: string, options: CleanOptions = {}): string {
  const { required = false, max = MAX_FIELD_CHARS, keepLines = false } = options;
  if (value === undefined || value === null) {
    if (required) throw new ScriptInputError(field, 'bị thiếu.');
    return '';
  }
  if (typeof value !== 'string') throw new ScriptInputError(field, `phải là chuỗi văn bản, không phải ${typeof value}.`);
  if (value.length > max) {
    throw new ScriptInputError(
      field,
      `dài ${formatVnNumber(value.length)} ký tự, vượt giới hạn ${formatVnNumber(max)} ký tự; hãy rút gọn trước khi tạo kịch bản.`,
    );
  }
  // Decoded first (twice at most): "&amp;lt;script&amp;gt;" is still markup once decoded.
  const text = cleanText(stripMarkup(decodeHtmlEntities(value)), { stripEmoji: true, keepNewlines: keepLines });
  const cleaned = keepLines ? joinWrappedLines(text) : text;
  if (required && cleaned.length === 0) throw new ScriptInputError(field, 'trống (sau khi bỏ mã, thẻ và ký tự điều khiển).');
  return cleaned;
}

/** Checks a list field and cleans each item; empty items are dropped. */
export function cleanList(value: unknown, field: string, options: { minItems?: number; keepLines?: boolean } = {}): string[] {
  if (!Array.isArray(value)) throw new ScriptInputError(field, 'phải là một danh sách.');
  if (value.length > MAX_LIST_ITEMS) throw new ScriptInputError(field, `có ${value.length} mục, tối đa ${MAX_LIST_ITEMS}.`);
  const items = value.map((v, i) => cleanField(v, `${field}[${i}]`, { keepLines: options.keepLines ?? false })).filter((s) => s.length > 0);
  if (items.length < (options.minItems ?? 0)) throw new ScriptInputError(field, `cần ít nhất ${options.minItems} mục có nội dung.`);
  return items;
}

/** Ends a sentence with a full stop unless it already ends with . ! ? or …. */
export function asSentence(s: string): string {
  const t = s.trim().replace(/[,;:]+$/u, '');
  return /[.!?…]["”’)]?$/u.test(t) ? t : `${t}.`;
}

/** Drops trailing punctuation so a phrase can sit inside a sentence. */
export function asPhrase(s: string): string {
  return s.trim().replace(/[\s.!?…,;:]+$/u, '');
}

/** "Phường Bắc Kạn" → "phường Bắc Kạn" inside a sentence; other names unchanged. */
export function inSentence(name: string): string {
  return name.replace(/^(Xã|Phường|Đặc khu|Thị trấn|Thôn|Bản|Tổ dân phố|Buổi|Chương trình|Kỷ niệm|Tổng kết)(?=\s)/u, (w) => w.toLocaleLowerCase('vi'));
}
