/**
 * Cleaning and checking what goes into a loudspeaker script. Every text field is checked for
 * type and length before anything else, then cleaned: HTML entities decoded, markup removed
 * (script and style blocks with their content), control, bidi and zero-width characters removed,
 * whitespace collapsed. A field that is too long or empty once cleaned is an error naming it.
 */
import { sanitizeText } from '../sanitize.js';
import { ScriptInputError } from './errors.js';

/** Longest accepted text field, in characters (before cleaning). */
export const MAX_FIELD_CHARS = 2_000;
/** Longest accepted short field (names, labels, ids). */
export const MAX_SHORT_FIELD_CHARS = 200;
/** Most paragraphs, key messages or figures taken from a brief. */
export const MAX_LIST_ITEMS = 20;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return ENTITIES[name.toLowerCase()] ?? m;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Removes markup: script/style blocks whole, then any tag, then stray angle brackets. */
export function stripMarkup(s: string): string {
  return s
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[a-z!?][^>]*>/gi, ' ')
    .replace(/[<>]/g, ' ');
}

/** Type- and length-checks then cleans one text field. `required` fields must not end up empty. */
export function cleanField(value: unknown, field: string, options: { required?: boolean; max?: number } = {}): string {
  const { required = false, max = MAX_FIELD_CHARS } = options;
  if (value === undefined || value === null) {
    if (required) throw new ScriptInputError(field, 'bị thiếu.');
    return '';
  }
  if (typeof value !== 'string') throw new ScriptInputError(field, `phải là chuỗi văn bản, không phải ${typeof value}.`);
  if (value.length > max) {
    throw new ScriptInputError(
      field,
      `dài ${value.length.toLocaleString('vi-VN')} ký tự, vượt giới hạn ${max.toLocaleString('vi-VN')} ký tự; hãy rút gọn trước khi tạo kịch bản.`,
    );
  }
  // Decode twice at most: "&amp;lt;script&amp;gt;" is still markup once decoded.
  const cleaned = sanitizeText(stripMarkup(decodeEntities(decodeEntities(value))));
  if (required && cleaned.length === 0) throw new ScriptInputError(field, 'trống (sau khi bỏ mã, thẻ và ký tự điều khiển).');
  return cleaned;
}

/** Checks a list field and cleans each item; empty items are dropped. */
export function cleanList(value: unknown, field: string, options: { minItems?: number } = {}): string[] {
  if (!Array.isArray(value)) throw new ScriptInputError(field, 'phải là một danh sách.');
  if (value.length > MAX_LIST_ITEMS) throw new ScriptInputError(field, `có ${value.length} mục, tối đa ${MAX_LIST_ITEMS}.`);
  const items = value.map((v, i) => cleanField(v, `${field}[${i}]`)).filter((s) => s.length > 0);
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
