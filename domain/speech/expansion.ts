/** What normalisation for speech rewrote, kept beside the script for the editor. */

/** Kinds of rewrite. */
export const ExpansionKind = {
  abbreviation: 'abbreviation',
  symbol: 'symbol',
  number: 'number',
  percent: 'percent',
  date: 'date',
  time: 'time',
  range: 'range',
  other: 'other',
} as const;
export type ExpansionKind = (typeof ExpansionKind)[keyof typeof ExpansionKind];

/** One rewrite: the written form and how it is read. */
export interface Expansion {
  original: string;
  spoken: string;
  kind: ExpansionKind;
}

/** Records one rewrite and returns the spoken form, so passes can `return record(...)`. */
export type Recorder = (original: string, spoken: string, kind: ExpansionKind) => string;

/** A normalisation step: rewrites text and records what it changed. */
export type Pass = (text: string, record: Recorder) => string;

/** Letters and digits, for token boundaries (use with the `u` flag). */
export const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`;

/**
 * A Vietnamese-formatted number: dot-grouped thousands ("2.500.000") or plain digits, with an
 * optional decimal comma ("70,5"). No capture groups.
 */
export const NUMBER = String.raw`(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?`;
