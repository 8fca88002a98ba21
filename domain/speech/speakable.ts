/**
 * Checking that text is fit for an announcer or text-to-speech: no digits, no "/", no symbols,
 * no web addresses and no abbreviation left unexpanded. Pure.
 */
import { ABBREVIATIONS, DOCUMENT_ISSUERS, DOCUMENT_TYPES } from './abbreviations.js';

const KNOWN = new Set<string>([
  ...ABBREVIATIONS.flatMap((a) => [a.written, a.written.replace(/\.$/, '')]),
  ...Object.keys(DOCUMENT_TYPES).filter((k) => k.length > 1),
  ...Object.keys(DOCUMENT_ISSUERS),
]);

const SYMBOLS = /[\d/\\%&<>@#*_|{}[\]^~`$=+°§]/u;
const URL_LIKE = /:\/\/|^www\./iu;
const EDGE_PUNCTUATION = /^[\s.,;:!?…"“”'‘’()«»-]+|[\s.,;:!?…"“”'‘’()«»-]+$/gu;
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?$/;

/** Whether a word could be a Vietnamese syllable (ignoring tone and vowel marks). */
export function isPlausibleSyllable(word: string): boolean {
  const bare = word.toLowerCase().replace(/đ/g, 'd').normalize('NFD').replace(/\p{M}/gu, '');
  return SYLLABLE.test(bare);
}

/** Whether a letters-only word looks like an acronym a listener would not understand. */
export function looksLikeAcronym(word: string): boolean {
  if (!/^[\p{L}\p{M}]+$/u.test(word)) return false;
  const letters = [...word.normalize('NFC')];
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  if (upper >= 2 && upper === letters.length) return !isPlausibleSyllable(word);
  // Mixed forms such as "TTg", "CTr".
  return /\p{Lu}{2,}\p{Ll}/u.test(word);
}

function isProblem(token: string): boolean {
  if (SYMBOLS.test(token) || URL_LIKE.test(token)) return true;
  const word = token.replace(EDGE_PUNCTUATION, '');
  if (word.length === 0) return false;
  if (KNOWN.has(word) || KNOWN.has(token)) return true;
  return word.split('-').some((part) => KNOWN.has(part) || looksLikeAcronym(part));
}

/**
 * The tokens (whitespace-separated, edge punctuation removed) that cannot be read aloud as they
 * stand, each once, in order of appearance. Empty when the text is speakable.
 */
export function findUnspeakable(text: string): string[] {
  const found: string[] = [];
  for (const token of text.split(/\s+/u)) {
    if (token.length === 0 || !isProblem(token)) continue;
    const shown = token.replace(EDGE_PUNCTUATION, '') || token;
    if (!found.includes(shown)) found.push(shown);
  }
  return found;
}

/** Thrown when text meant for the ear still holds digits, symbols or abbreviations. */
export class UnspeakableTextError extends Error {
  constructor(readonly tokens: readonly string[]) {
    super(
      `Văn bản đọc còn ${tokens.length} chỗ không đọc được thành lời: ${tokens.map((t) => `"${t}"`).join(', ')}. ` +
        'Hãy viết rõ thành chữ (số, ký hiệu, chữ viết tắt) hoặc bổ sung vào bảng chữ viết tắt.',
    );
    this.name = 'UnspeakableTextError';
  }
}

/** Throws {@link UnspeakableTextError} naming every token that cannot be read aloud. */
export function assertSpeakable(text: string): void {
  const tokens = findUnspeakable(text);
  if (tokens.length > 0) throw new UnspeakableTextError(tokens);
}
