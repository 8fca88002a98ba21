/**
 * Text layout for SVG templates. Pure given a measurer: wraps text by measured glyph widths,
 * keeps document symbols ("71-NQ/TW", "62/KH-UBND", "157/QĐ-TTg"), dates and percentages
 * whole, shrinks the font between a template's bounds, and either truncates with an ellipsis
 * (when the template allows it) or throws `TextTooLongError`. SVG never wraps text itself, so
 * every line the templates draw comes from here, with its measured box.
 */
import type { FontWeight, TextMeasurer } from './fonts.js';
import { breakCost } from './vi-breaks.js';

/** One text box of a template. Coordinates are in the SVG's user units (px). */
export interface TextBoxSpec {
  /** Brief field the text comes from, used in errors and in the layout record. */
  field: string;
  x: number;
  /** Top of the box. */
  y: number;
  width: number;
  /** Height available; defaults to `maxLines` lines at `maxSize`. */
  height?: number;
  maxLines: number;
  maxSize: number;
  minSize: number;
  /** Shrink step in px (default 2). */
  step?: number;
  /** Line height as a multiple of the font size (default 1.25). */
  lineHeight?: number;
  weight: FontWeight;
  align?: 'start' | 'middle' | 'end';
  valign?: 'top' | 'middle' | 'bottom';
  /** The template allows truncating with "…" when the text cannot fit at `minSize`. */
  ellipsis?: boolean;
  /** Render in capitals (Vietnamese-aware upper-casing, applied before measuring). */
  uppercase?: boolean;
  /** Extra space between characters, in em. */
  letterSpacing?: number;
  /**
   * Even out line lengths (for centred headlines). Without it lines are ragged (the last may
   * be short); either way breaks avoid splitting Vietnamese compounds where they can.
   */
  balance?: boolean;
}

/** A text box holding a list (bullets): each item wraps on its own; all share one size. */
export interface ListBoxSpec extends Omit<TextBoxSpec, 'height' | 'balance'> {
  height: number;
  /** Items beyond this are left out (and the field reported as truncated). */
  maxItems: number;
  /** Space between items, in em of the chosen size. */
  itemGap?: number;
}

/** One laid-out line: its measured box and where to anchor it in SVG. */
export interface LaidOutText {
  field: string;
  text: string;
  /** Left edge of the measured text. */
  x: number;
  /** Top of the line box. */
  y: number;
  width: number;
  /** Height of the line box. */
  height: number;
  fontSize: number;
  weight: FontWeight;
  /** Baseline y for SVG `<text y>`. */
  baseline: number;
  /** x for SVG `<text x>` together with `anchor` as `text-anchor`. */
  anchorX: number;
  anchor: 'start' | 'middle' | 'end';
  /** Letter spacing in px (0 when none). */
  letterSpacing: number;
}

/** A laid-out text box. */
export interface TextBlock {
  field: string;
  lines: LaidOutText[];
  fontSize: number;
  /** Top of the first line and total height of the lines. */
  top: number;
  height: number;
  truncated: boolean;
}

/** A laid-out list. */
export interface ListBlock {
  field: string;
  items: TextBlock[];
  fontSize: number;
  truncated: boolean;
  /** Items left out because the template shows at most `maxItems`, or (with ellipsis) for lack of room. */
  omitted: number;
}

/** What layout needs besides the spec. */
export interface LayoutContext {
  measure: TextMeasurer;
  /** Template name, for error messages. */
  template: string;
  /** Cap height as a fraction of the font size (for vertical centring); default 0.7. */
  capHeight?: number;
}

/** The text cannot fit its box even at the template's smallest size. */
export class TextTooLongError extends Error {
  override readonly name = 'TextTooLongError';
  constructor(
    readonly field: string,
    /** Length of the text in characters. */
    readonly length: number,
    readonly maxLines: number,
    readonly minSize: number,
    readonly template: string,
    /** Why, when it is not just the length (e.g. a word wider than the box). */
    readonly detail?: string,
  ) {
    super(
      `Trường "${field}" dài ${length} ký tự, không vừa ${maxLines} dòng ở cỡ chữ nhỏ nhất ${minSize}px ` +
        `của mẫu "${template}"${detail ? ` (${detail})` : ''}`,
    );
  }
}

const NBSP = '\u00A0';
const ELLIPSIS = '…';

/** Number-and-symbol of a document: 71-NQ/TW, 02-CTr/TU, 62/KH-UBND, 157/QĐ-TTg, 39/2020/TT-BTTTT. */
const DOC_SYMBOL = /\d+(?:\/\d+)*[-/]\p{Lu}[\p{L}\d]*(?:[-/][\p{L}\d]+)*/u;
/** Dates (20/11/2026, 20/11, 20-11-2026), percentages (100%, 12,5%), ranges (2026–2030). */
const DATE_OR_NUMBER = /\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d+(?:[.,]\d+)*\s?%|\d{4}\s?[–-]\s?\d{4}/u;
/** Tokens that must never be split across lines. */
export const UNBREAKABLE = new RegExp(`${DOC_SYMBOL.source}|${DATE_OR_NUMBER.source}`, 'gu');

/**
 * Binds words that should travel together with no-break spaces: a range/percent with inner
 * spaces, "số"/"ngày" and the number after them, and a number with the word after it.
 */
function glue(text: string): string {
  return text
    .replace(/\d{4} ?[–-] ?\d{4}|\d+(?:[.,]\d+)* %/gu, (m) => m.replace(/ /g, NBSP))
    .replace(/(^|[\s(])(số|Số|SỐ|ngày|Ngày|NGÀY) (?=\d)/gu, `$1$2${NBSP}`)
    .replace(/(^|\s)(\d[\d.,%]*) (?=\p{L})/gu, `$1$2${NBSP}`);
}

/** True when the token contains something that must never be split (symbol, date, percent). */
function isUnbreakable(token: string): boolean {
  UNBREAKABLE.lastIndex = 0;
  return UNBREAKABLE.test(token);
}

const graphemeSegmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });
function graphemes(s: string): string[] {
  return Array.from(graphemeSegmenter.segment(s), (g) => g.segment);
}

const show = (s: string) => s.replace(/\u00A0/g, ' ');

interface FontAt {
  weight: FontWeight;
  size: number;
  letterSpacing: number;
}

/**
 * Greedy wrap. Returns the lines, or null when an unbreakable token is wider than `width`.
 * Glued groups that do not fit split at their no-break spaces; plain words wider than a line
 * are broken between graphemes.
 */
function wrap(
  tokens: string[],
  width: number,
  font: FontAt,
  measure: TextMeasurer,
  opts: { limit?: number; force?: boolean } = {},
): string[] | null {
  const w = (s: string) => measure(show(s), font);
  const limit = opts.limit ?? Infinity;
  const pieces: string[] = [];
  let approx = 0;
  for (const token of tokens) {
    // Stop early once the pieces so far clearly need more than `limit` lines: callers only
    // need the first lines and to know that the text does not fit.
    if (approx > width * (limit + 2) * 2) break;
    approx += w(token);
    if (w(token) <= width) {
      pieces.push(token);
      continue;
    }
    for (const part of token.split(NBSP)) {
      if (w(part) <= width) pieces.push(part);
      else if (isUnbreakable(part) && !opts.force) return null;
      else {
        // A plain word longer than a line (e.g. a URL or garbage): break between graphemes.
        let chunk = '';
        let chunks = 0;
        for (const g of graphemes(part)) {
          if (chunk && w(chunk + g) > width) {
            pieces.push(chunk);
            chunk = g;
            // This word alone already needs more lines than allowed.
            if (++chunks > limit + 1) break;
          } else chunk += g;
        }
        if (chunk) pieces.push(chunk);
      }
    }
  }
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const candidate = line ? `${line} ${piece}` : piece;
    if (!line || w(candidate) <= width) line = candidate;
    else {
      lines.push(line);
      line = piece;
      if (lines.length > limit) return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Re-breaks `lines` into the same number of lines, minimising squared slack (even lines, or
 * all but the last when `ragged`) plus a penalty for breaking inside Vietnamese compounds or
 * after a connective (see vi-breaks).
 */
function balanced(lines: string[], width: number, font: FontAt, measure: TextMeasurer, ragged = false): string[] {
  const n = lines.length;
  if (n < 2) return lines;
  const words = lines.flatMap((l) => l.split(' '));
  const m = words.length;
  if (m > 200) return lines;
  const w = (i: number, j: number) => measure(show(words.slice(i, j).join(' ')), font);
  const penalty = (0.45 * width) ** 2;
  // best[k][j]: cost of setting words[0..j) in k lines; from[k][j]: start of the k-th line.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 1; k <= n; k++) {
    for (let j = k; j <= m - (n - k); j++) {
      for (let i = j - 1; i >= k - 1; i--) {
        const prev = best[k - 1]![i]!;
        if (prev === Infinity) continue;
        const lineWidth = w(i, j);
        if (lineWidth > width) break;
        // Ragged (left-aligned body text): the last line may be short without cost.
        const slack = ragged && j === m ? 0 : width - lineWidth;
        const brk = j < m ? breakCost(words[j - 1]!, words[j]!) * penalty : 0;
        const cost = prev + slack * slack + brk;
        if (cost < best[k]![j]!) {
          best[k]![j] = cost;
          from[k]![j] = i;
        }
      }
    }
  }
  if (best[n]![m] === Infinity) return lines;
  const out: string[] = [];
  for (let k = n, j = m; k > 0; k--) {
    const i = from[k]![j]!;
    out.unshift(words.slice(i, j).join(' '));
    j = i;
  }
  return out;
}

/** Cuts `text` so that `text + "…"` fits `width`, at a word boundary when possible. */
function withEllipsis(text: string, width: number, font: FontAt, measure: TextMeasurer): string {
  const w = (s: string) => measure(show(s), font);
  if (w(text + ELLIPSIS) <= width) return text + ELLIPSIS;
  const words = text.split(/[ \u00A0]/);
  while (words.length > 1) {
    words.pop();
    const candidate = words.join(' ').replace(/[\s,;:.–-]+$/u, '');
    if (w(candidate + ELLIPSIS) <= width) return candidate + ELLIPSIS;
  }
  const gs = graphemes(words[0] ?? '');
  while (gs.length > 0 && w(gs.join('') + ELLIPSIS) > width) gs.pop();
  return gs.join('') + ELLIPSIS;
}

function prepare(text: string, spec: Pick<TextBoxSpec, 'uppercase'>): { prepared: string; tokens: string[] } {
  const normalized = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const prepared = glue(spec.uppercase ? normalized.toLocaleUpperCase('vi') : normalized);
  return { prepared, tokens: prepared ? prepared.split(' ') : [] };
}

function sizes(spec: Pick<TextBoxSpec, 'maxSize' | 'minSize' | 'step'>): number[] {
  const step = Math.max(0.5, spec.step ?? 2);
  const out: number[] = [];
  for (let s = spec.maxSize; s > spec.minSize; s -= step) out.push(s);
  out.push(spec.minSize);
  return out;
}

function fontAt(spec: Pick<TextBoxSpec, 'weight' | 'letterSpacing'>, size: number): FontAt {
  return { weight: spec.weight, size, letterSpacing: (spec.letterSpacing ?? 0) * size };
}

/** Positions wrapped lines inside the box. */
function place(
  lines: string[],
  spec: TextBoxSpec,
  font: FontAt,
  top: number,
  ctx: LayoutContext,
): LaidOutText[] {
  const lineBox = font.size * (spec.lineHeight ?? 1.25);
  const capHeight = ctx.capHeight ?? 0.7;
  const align = spec.align ?? 'start';
  return lines.map((raw, i) => {
    const text = show(raw);
    const width = ctx.measure(text, font);
    const x = align === 'start' ? spec.x : align === 'middle' ? spec.x + (spec.width - width) / 2 : spec.x + spec.width - width;
    const anchorX = align === 'start' ? spec.x : align === 'middle' ? spec.x + spec.width / 2 : spec.x + spec.width;
    const y = top + i * lineBox;
    return {
      field: spec.field,
      text,
      x,
      y,
      width,
      height: lineBox,
      fontSize: font.size,
      weight: font.weight,
      baseline: y + lineBox / 2 + (capHeight * font.size) / 2,
      anchorX,
      anchor: align,
      letterSpacing: font.letterSpacing,
    };
  });
}

interface Wrapped {
  lines: string[];
  font: FontAt;
  truncated: boolean;
}

/** Wraps at the largest size that fits; falls back to ellipsis or throws. */
function fit(text: string, spec: TextBoxSpec, maxLinesAt: (size: number) => number, ctx: LayoutContext): Wrapped {
  const { prepared, tokens } = prepare(text, spec);
  let unbreakableTooWide = false;
  for (const size of sizes(spec)) {
    const font = fontAt(spec, size);
    const lines = wrap(tokens, spec.width, font, ctx.measure, { limit: maxLinesAt(size) });
    if (!lines) {
      unbreakableTooWide = true;
      continue;
    }
    if (lines.length <= maxLinesAt(size)) {
      return { lines: balanced(lines, spec.width, font, ctx.measure, !spec.balance), font, truncated: false };
    }
  }
  const font = fontAt(spec, spec.minSize);
  const maxLines = Math.max(0, maxLinesAt(spec.minSize));
  if (spec.ellipsis && maxLines > 0) {
    // Hard-break what cannot wrap so that every kept line fits, then cut the last one.
    const lines = wrap(tokens, spec.width, font, ctx.measure, { limit: maxLines, force: true }) ?? [];
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? '', spec.width, font, ctx.measure);
    return { lines: kept, font, truncated: true };
  }
  throw new TextTooLongError(
    spec.field,
    [...show(prepared)].length,
    maxLines,
    spec.minSize,
    ctx.template,
    unbreakableTooWide ? 'có ký hiệu văn bản quá dài để nằm trên một dòng' : undefined,
  );
}

/**
 * Lays out one text box: the largest size between `maxSize` and `minSize` at which the text
 * fits `maxLines` lines of `width` (and the box height). Throws `TextTooLongError` when it
 * cannot fit, unless `spec.ellipsis` allows truncation (then `truncated` is true).
 */
export function layoutText(text: string, spec: TextBoxSpec, ctx: LayoutContext): TextBlock {
  const lh = spec.lineHeight ?? 1.25;
  const height = spec.height ?? spec.maxLines * spec.maxSize * lh;
  const maxLinesAt = (size: number) => Math.min(spec.maxLines, Math.floor((height + 0.001) / (size * lh)));
  const { lines, font, truncated } = fit(text, spec, maxLinesAt, ctx);
  const total = lines.length * font.size * lh;
  const valign = spec.valign ?? 'top';
  const top = valign === 'top' ? spec.y : valign === 'middle' ? spec.y + (height - total) / 2 : spec.y + height - total;
  return { field: spec.field, lines: place(lines, spec, font, top, ctx), fontSize: font.size, top, height: total, truncated };
}

/**
 * Lays out a list: every item wraps within `maxLines` lines, all at one size, stacked with
 * `itemGap` between them, within `height`. Items beyond `maxItems` are omitted (reported as
 * truncation). Throws `TextTooLongError` naming the item (e.g. `keyMessages[2]`) when it
 * cannot fit, unless `spec.ellipsis` allows truncation.
 */
export function layoutList(items: string[], spec: ListBoxSpec, ctx: LayoutContext): ListBlock {
  const lh = spec.lineHeight ?? 1.25;
  const gapEm = spec.itemGap ?? 0.6;
  const all = items.filter((s) => s.trim().length > 0);
  const shown = all.slice(0, spec.maxItems);
  let omitted = all.length - shown.length;
  const itemSpec = (i: number): TextBoxSpec => ({ ...spec, field: `${spec.field}[${i}]`, height: undefined, valign: 'top' });

  const attempt = (size: number): Wrapped[] | undefined => {
    const font = fontAt(spec, size);
    const out: Wrapped[] = [];
    let total = 0;
    for (const item of shown) {
      const wrapped = wrap(prepare(item, spec).tokens, spec.width, font, ctx.measure, { limit: spec.maxLines });
      if (!wrapped || wrapped.length > spec.maxLines) return undefined;
      const lines = balanced(wrapped, spec.width, font, ctx.measure, true);
      total += lines.length * size * lh;
      out.push({ lines, font, truncated: false });
    }
    total += Math.max(0, out.length - 1) * gapEm * size;
    return total <= spec.height + 0.001 ? out : undefined;
  };

  let chosen: Wrapped[] | undefined;
  for (const size of sizes(spec)) {
    chosen = attempt(size);
    if (chosen) break;
  }
  let truncated = omitted > 0;
  const size = chosen?.[0]?.font.size ?? spec.minSize;
  if (!chosen) {
    // At the smallest size: each item must fit its lines (or be cut), then the stack the height.
    const perItem = shown.map((item, i) =>
      fit(item, { ...itemSpec(i), maxSize: spec.minSize }, () => spec.maxLines, ctx),
    );
    const heights = perItem.map((w) => w.lines.length * spec.minSize * lh);
    const gap = gapEm * spec.minSize;
    const total = () => heights.reduce((a, b) => a + b, 0) + Math.max(0, heights.length - 1) * gap;
    if (total() > spec.height + 0.001 && !spec.ellipsis) {
      const length = shown.reduce((n, s) => n + [...s].length, 0);
      const lines = Math.max(1, Math.floor((spec.height + gap) / (spec.minSize * lh)));
      throw new TextTooLongError(spec.field, length, lines, spec.minSize, ctx.template);
    }
    while (total() > spec.height + 0.001 && perItem.length > 0) {
      perItem.pop();
      heights.pop();
      omitted++;
    }
    chosen = perItem;
    truncated = truncated || perItem.some((w) => w.truncated) || omitted > 0;
  }

  const fontSize = chosen[0]?.font.size ?? size;
  const blocks: TextBlock[] = [];
  let cursor = spec.y;
  chosen.forEach((w, i) => {
    const lines = place(w.lines, itemSpec(i), w.font, cursor, ctx);
    const height = w.lines.length * w.font.size * lh;
    blocks.push({ field: `${spec.field}[${i}]`, lines, fontSize: w.font.size, top: cursor, height, truncated: w.truncated });
    cursor += height + gapEm * w.font.size;
  });
  if ((spec.valign ?? 'top') !== 'top' && blocks.length > 0) {
    const used = cursor - gapEm * fontSize - spec.y;
    const shift = spec.valign === 'middle' ? (spec.height - used) / 2 : spec.height - used;
    for (const b of blocks) {
      b.top += shift;
      for (const l of b.lines) {
        l.y += shift;
        l.baseline += shift;
      }
    }
  }
  return { field: spec.field, items: blocks, fontSize, truncated, omitted };
}
