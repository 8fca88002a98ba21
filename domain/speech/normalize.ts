/**
 * Normalising written Vietnamese for reading aloud (loudspeaker scripts, text-to-speech):
 * document symbols read as phrases, dates, times, ranges, percentages and numbers spelled in
 * words, abbreviations expanded, symbols turned into words. Pure; returns the text and a list of
 * every rewrite for the editor.
 */
import type { Abbreviation } from './abbreviations.js';
import { abbreviationMatcher } from './abbreviation-match.js';
import { cleanPass, slashPass, symbolPass, tidyPass } from './cleanup.js';
import { datePass, timePass } from './dates-times.js';
import { documentSymbolPass } from './document-symbols.js';
import type { Expansion, Pass } from './expansion.js';
import { numberPass, ordinalPass, percentPass, rangePass, ratioPass, romanPass, unitPass } from './numerals.js';

export type { Expansion, ExpansionKind } from './expansion.js';

/** Options for {@link normalizeForSpeech}. */
export interface NormalizeOptions {
  /**
   * Full issuers for symbols whose code only names the kind of body, e.g.
   * `{ '62/KH-UBND': 'Ủy ban nhân dân tỉnh Lạng Sơn' }`.
   */
  symbolIssuers?: Readonly<Record<string, string>>;
  /** Extra abbreviations (a commune's own), matched with and overriding the built-in table. */
  extraAbbreviations?: readonly Abbreviation[];
}

/** The text for the ear and what was rewritten to get it. */
export interface SpeechText {
  text: string;
  expansions: Expansion[];
}

/**
 * Rewrites `text` for reading aloud. The order matters:
 * - document symbols first (they hold "/", "-" and abbreviation-like codes of their own);
 * - dates before ranges and ratios (all use digits and "/" or "-");
 * - ranges before units, percentages and plain numbers;
 * - abbreviations before word slashes ("b/c"), word slashes before numbers are spelled, so that a
 *   digit slash that is neither a date nor a ratio ("29/02/2025") is left for the check to report;
 * - leftover symbols and tidying last.
 */
/**
 * A plan not yet numbered is written "Kế hoạch số …/KH-UBND": the placeholder (and its "số")
 * is not read, leaving the numberless symbol for the symbol pass.
 */
const unnumberedPass: Pass = (text, record) =>
  text.replace(/(?:\s+số)?\s*(?:…|\.{2,})\s*(?=\/[A-ZĐ])/gu, (m) => record(m, ' ', 'symbol'));

export function normalizeForSpeech(text: string, options: NormalizeOptions = {}): SpeechText {
  const abbreviations = abbreviationMatcher(options.extraAbbreviations);
  const passes: Pass[] = [
    cleanPass,
    unnumberedPass,
    documentSymbolPass(options.symbolIssuers ?? {}, abbreviations.expand),
    datePass,
    timePass,
    rangePass,
    unitPass,
    percentPass,
    ordinalPass,
    romanPass,
    ratioPass,
    abbreviations.pass,
    slashPass,
    numberPass,
    symbolPass,
    tidyPass,
  ];
  const expansions: Expansion[] = [];
  const record = (original: string, spoken: string, kind: Expansion['kind']) => {
    expansions.push({ original, spoken, kind });
    return spoken;
  };
  const out = passes.reduce((acc, pass) => pass(acc, record), text);
  return { text: out, expansions };
}
