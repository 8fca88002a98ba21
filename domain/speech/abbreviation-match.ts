/** Expanding abbreviations from a table, as whole tokens, longest first. Pure. */
import { ABBREVIATIONS, type Abbreviation } from './abbreviations.js';
import type { Pass, Recorder } from './expansion.js';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Abbreviations whose final dot may also end the sentence ("… trường học, v.v. Sau đó …"). */
const MAY_END_SENTENCE = new Set(['v.v.']);

/** Letters only, without tone or vowel marks, lower-case, words split by single spaces. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words that an abbreviation usually skips ("KHCN" for "khoa học và công nghệ"). */
const LINKING_WORDS = new Set(['va', 'cua', 'cac', 'voi']);

/** Whether `words` are spelled out by the letters of `abbreviation` (tone marks and "và" aside). */
function initialsMatch(abbreviation: string, words: readonly string[]): boolean {
  const letters = fold(abbreviation).replace(/ /g, '');
  if (letters.length < 2 || words.length < 2) return false;
  const all = words.map((w) => w[0]).join('');
  const content = words.filter((w) => !LINKING_WORDS.has(w)).map((w) => w[0]).join('');
  return letters === all || letters === content;
}

/** An upper-case token that may be an abbreviation: "AI", "UBND", "GD&ĐT", "KT-XH". */
const ACRONYM = String.raw`\p{Lu}[\p{Lu}\p{N}&-]{1,11}`;
const DEFINED_AFTER = new RegExp(String.raw`\(\s*(${ACRONYM})\s*\)`, 'gu');
const DEFINED_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}&])(${ACRONYM})\s*\(\s*([^()\n]{2,120}?)\s*\)`, 'gu');

/**
 * An abbreviation written next to its own expansion is read once: "trí tuệ nhân tạo (AI)" and
 * "AI (trí tuệ nhân tạo)" are both read "trí tuệ nhân tạo". The expansion is the table's, or any
 * words the abbreviation spells ("Trung tâm Dịch vụ tổng hợp (TTDVTH)"); such a definition also
 * reads the abbreviation's later uses in the text. Returns the text and the definitions found.
 */
function readDefinitionsOnce(text: string, spokenOf: ReadonlyMap<string, string>, record: Recorder): { text: string; defined: Map<string, string> } {
  const defined = new Map<string, string>();
  const sameAs = (abbr: string, words: string) => {
    const spoken = spokenOf.get(abbr);
    return (spoken !== undefined && fold(spoken) === fold(words)) || initialsMatch(abbr, fold(words).split(' '));
  };
  // "AI (trí tuệ nhân tạo)" → "trí tuệ nhân tạo".
  let out = text.replace(DEFINED_BEFORE, (m, abbr: string, words: string) => {
    if (!sameAs(abbr, words)) return m;
    if (!spokenOf.has(abbr)) defined.set(abbr, words);
    return record(m, words, 'abbreviation');
  });
  // "trí tuệ nhân tạo (AI)" → "trí tuệ nhân tạo".
  out = out.replace(DEFINED_AFTER, (m, abbr: string, offset: number, whole: string) => {
    const before = fold(whole.slice(Math.max(0, offset - 160), offset)).split(' ');
    const spoken = spokenOf.get(abbr);
    const n = fold(abbr).replace(/ /g, '').length;
    let words: string[] | undefined;
    if (spoken !== undefined && ` ${before.join(' ')}`.endsWith(` ${fold(spoken)}`)) words = fold(spoken).split(' ');
    else {
      for (const take of [n, n + 1, n + 2]) {
        const tail = before.slice(-take);
        if (tail.length === take && initialsMatch(abbr, tail)) words = tail;
        if (words) break;
      }
    }
    if (!words) return m;
    if (!spokenOf.has(abbr)) {
      // The expansion as written: the last words before the parenthesis.
      const written = whole.slice(0, offset).trimEnd().split(/\s+/u).slice(-words.length).join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      defined.set(abbr, written);
    }
    record(m.trim(), '', 'abbreviation');
    return '';
  });
  return { text: out, defined };
}

/** A compiled matcher over a table of abbreviations. */
export interface AbbreviationMatcher {
  /** The normalisation pass, recording each expansion. */
  pass: Pass;
  /** Expands without recording (used to compare text, e.g. "của UBND tỉnh"). */
  expand(text: string): string;
}

/** Compiles a matcher; `extra` entries are matched alongside (and override) the built-in table. */
export function abbreviationMatcher(extra: readonly Abbreviation[] = []): AbbreviationMatcher {
  const byWritten = new Map<string, string>();
  for (const a of [...ABBREVIATIONS, ...extra]) byWritten.set(a.written, a.spoken);
  const keys = [...byWritten.keys()].sort((a, b) => b.length - a.length);
  // A key ending in "." carries its own right boundary; others must not run into a letter, digit or "&".
  const alternatives = keys.map((k) => escapeRegExp(k) + (k.endsWith('.') ? '' : String.raw`(?![\p{L}\p{M}\p{N}&])`));
  const re = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}&])(?:${alternatives.join('|')})`, 'gu');

  const replace = (text: string, record: Recorder | undefined) =>
    text.replace(re, (match, offset: number) => {
      let spoken = byWritten.get(match) ?? match;
      if (record) spoken = record(match, spoken, 'abbreviation');
      const rest = text.slice(offset + match.length);
      if (match.endsWith('.')) {
        if (MAY_END_SENTENCE.has(match) && /^(?:\s*$|\s*\n|\s+\p{Lu})/u.test(rest)) spoken += '.';
        else if (/^[\p{L}\p{N}]/u.test(rest)) spoken += ' ';
      }
      return spoken;
    });

  const pass: Pass = (text, record) => {
    const once = readDefinitionsOnce(text, byWritten, record);
    let out = replace(once.text, record);
    for (const [abbr, words] of once.defined) {
      const uses = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}&])${escapeRegExp(abbr)}(?![\p{L}\p{M}\p{N}&])`, 'gu');
      out = out.replace(uses, (m) => record(m, words, 'abbreviation'));
    }
    return out;
  };
  return { pass, expand: (text) => replace(text, undefined) };
}
