/**
 * Vietnamese letters and syllables: the unaccented skeleton of a word, whether a string can be a
 * Vietnamese syllable, how much of a text carries diacritics, and case patterns. Pure.
 */

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** The letter without any mark: "ệ" → "e", "đ" → "d", "ư" → "u". Lowercase input expected. */
export function baseLetter(c: string): string {
  if (c === 'đ' || c === 'Đ') return c === 'đ' ? 'd' : 'D';
  return c.normalize('NFD').replace(/\p{M}/gu, '');
}

/** "Đẩy mạnh" → "day manh": every mark removed, lowercased. */
export function skeleton(word: string): string {
  return word.toLowerCase().replace(/đ/gu, 'd').normalize('NFD').replace(/\p{M}/gu, '');
}

/** Whether the character carries a Vietnamese mark (tone, hat, horn, breve, or is đ). */
export function hasMark(c: string): boolean {
  return c === 'đ' || c === 'Đ' || /\p{M}/u.test(c.normalize('NFD'));
}

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?';
const NUCLEUS = '(?:[aeiouy]{1,3})';
const CODA = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`, 'u');

/** Whether a lowercase word has the letter structure of one Vietnamese syllable. */
export function looksLikeSyllable(word: string): boolean {
  const s = skeleton(word);
  if (!/^[a-z]+$/u.test(s) || s.length > 7) return false;
  if (!SYLLABLE.test(s)) return false;
  // At most one tone mark, and only Vietnamese letters.
  const tones = word.normalize('NFD').match(TONES)?.length ?? 0;
  return tones <= 1 && /^[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]+$/u.test(word.normalize('NFC'));
}

/** Share of letters-only words that carry a mark: about 0.6 for Vietnamese, near 0 without diacritics. */
export function markedShare(text: string): number {
  const words = text.match(/\p{L}+/gu) ?? [];
  const vn = words.filter((w) => w.length <= 7);
  if (vn.length === 0) return 0;
  return vn.filter((w) => [...w].some(hasMark)).length / vn.length;
}

/** How a word is cased, to put the restored word back the same way. */
export type CasePattern = 'lower' | 'upper' | 'title';

export function applyCase(word: string, pattern: CasePattern): string {
  if (pattern === 'upper') return word.toLocaleUpperCase('vi');
  if (pattern === 'title') return word.charAt(0).toLocaleUpperCase('vi') + word.slice(1);
  return word;
}

/** Folds for comparing names: lowercase, NFC, single spaces, no trailing punctuation. */
export function fold(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ').replace(/[\s.;:,]+$/u, '').trim();
}
