/**
 * A target's bound as the plan words it, and the words every channel shows for it. "Tối thiểu
 * 70%" is not "70%", and "Phấn đấu 100%" is an aim, not a fact: both must survive into scripts,
 * posts, briefings, infographics and the report. Pure.
 */
import type { Bound, MetricKind } from './vocabulary.js';

/** What the wording around a target's number says. */
export interface BoundReading {
  /** The bound the text states before or after the number; undefined when it states none. */
  bound?: Bound;
  /** "Phấn đấu …": the number is an aim. */
  aim: boolean;
  /** The words that state it, as written (e.g. "Tối thiểu 70%"), for messages. */
  asWritten: string;
}

/** Bound words right before the number (an optional "là", "đạt", "có" may follow them). */
const BEFORE: ReadonlyArray<readonly [Bound, RegExp]> = [
  ['atLeast', /(?:tối thiểu|ít nhất|không dưới|không ít hơn|không thấp hơn)(?:\s+(?:là|đạt|có|bằng))?\s*$/iu],
  ['atMost', /(?:tối đa|không quá|không vượt quá|không vượt|không hơn|không cao hơn)(?:\s+(?:là|đạt|có|bằng))?\s*$/iu],
  ['above', /(?:^|\s)(?:trên|hơn|vượt|vượt quá|cao hơn)(?:\s+(?:là|đạt|có|mức))?\s*$/iu],
  ['below', /(?:^|\s)(?:dưới|ít hơn|thấp hơn)(?:\s+(?:là|đạt|có|mức))?\s*$/iu],
];
/** Bound words right after the number and its unit word: "70% trở lên". */
const AFTER: ReadonlyArray<readonly [Bound, RegExp]> = [
  ['atLeast', /^\s*trở lên/iu],
  ['atMost', /^\s*trở xuống/iu],
];
const AIM = /phấn đấu/iu;

/** Where a number with the target's value is written: "70%", "70,5%", "01", "1.000". */
function findValue(text: string, metric: MetricKind, value: number): { start: number; end: number } | undefined {
  const re = metric === 'percent' ? /(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s*%/gu : /(?<![\d.,/-])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d%/-]|[.,]\d)/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[1] ?? '';
    const n = metric === 'percent' ? Number(raw.replace(',', '.')) : Number(raw.replace(/\./g, ''));
    if (n === value) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/**
 * Reads the bound and aim of a measurable target from its text. Only the clause holding the
 * number counts (from the last ".", ";" or line break before it). Undefined when the number is
 * not written in the text at all (then the file's own fields are all there is).
 */
export function readBound(text: string, metric: MetricKind, value: number): BoundReading | undefined {
  const at = findValue(text, metric, value);
  if (!at) return undefined;
  const clauseStart = Math.max(text.lastIndexOf('.', at.start - 1), text.lastIndexOf(';', at.start - 1), text.lastIndexOf('\n', at.start - 1)) + 1;
  const before = text.slice(clauseStart, at.start);
  const after = text.slice(at.end);
  const hitBefore = BEFORE.find(([, re]) => re.test(before));
  const hitAfter = hitBefore ? undefined : AFTER.find(([, re]) => re.test(after));
  const bound = hitBefore?.[0] ?? hitAfter?.[0];
  const aim = AIM.test(before);
  const from = aim ? clauseStart + before.search(AIM) : hitBefore ? clauseStart + before.search(hitBefore[1]) : at.start;
  const to = hitAfter ? at.end + (hitAfter[1].exec(after)?.[0].length ?? 0) : at.end;
  return { ...(bound ? { bound } : {}), aim, asWritten: text.slice(from, to).trim() };
}

/** The words shown for each bound, before the number ("tối thiểu 70%"). */
const BOUND_WORDS: Record<Bound, string> = {
  exact: '',
  atLeast: 'tối thiểu',
  above: 'trên',
  atMost: 'tối đa',
  below: 'dưới',
};

/** The bounds a brief figure may carry (exact is left out of a figure). */
export const FIGURE_BOUNDS: readonly Bound[] = ['atLeast', 'above', 'atMost', 'below'];

/** Whether `v` is a bound a brief figure may carry. */
export function isFigureBound(v: unknown): v is Exclude<Bound, 'exact'> {
  return typeof v === 'string' && (FIGURE_BOUNDS as readonly string[]).includes(v);
}

/** What a figure or measure says about its number: its bound and whether it is an aim. */
export interface Bounded {
  bound?: Bound;
  aim?: boolean;
}

/**
 * The words that go before a target's number for people: "tối thiểu", "phấn đấu",
 * "phấn đấu tối thiểu", or "" for an exact number. Words, not "≥": residents read and hear them.
 * Unknown bounds (from a hand-made brief) give "".
 */
export function boundWords(b: Bounded): string {
  const words = (b.bound !== undefined && Object.hasOwn(BOUND_WORDS, b.bound) ? BOUND_WORDS[b.bound] : '') || '';
  return [b.aim === true ? 'phấn đấu' : '', words].filter(Boolean).join(' ');
}

/** "tối thiểu 70%" from the bound words and the number as shown; the number alone when exact. */
export function withBound(b: Bounded, shownValue: string): string {
  const words = boundWords(b);
  return words ? `${words} ${shownValue}` : shownValue;
}

/**
 * A target period for people: "năm 2025" for one year, "giai đoạn 2026–2030" for a range.
 * Takes the period label ("2025", "2026–2030"); other text is returned after "giai đoạn".
 */
export function periodPhrase(label: string): string {
  const t = label.trim();
  if (t === '') return '';
  return /^\d{4}$/.test(t) ? `năm ${t}` : `giai đoạn ${t}`;
}
