/** Expanding abbreviations from a table, as whole tokens, longest first. Pure. */
import { ABBREVIATIONS, type Abbreviation } from './abbreviations.js';
import type { Pass, Recorder } from './expansion.js';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Abbreviations whose final dot may also end the sentence ("… trường học, v.v. Sau đó …"). */
const MAY_END_SENTENCE = new Set(['v.v.']);

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

  return { pass: (text, record) => replace(text, record), expand: (text) => replace(text, undefined) };
}
