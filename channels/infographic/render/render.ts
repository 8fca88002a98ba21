/**
 * Renders an infographic from a content brief: lays out every text with the shipped font's
 * metrics, fills the template's handlebars SVG with the measured lines, and rasterises it with
 * sharp to PNG and WebP.
 */
import { createHash } from 'node:crypto';
import type { ContentBrief } from '../../../domain/brief.js';
import { fontMetrics, measureText } from '../../../render/fonts.js';
import {
  layoutList,
  layoutText,
  TextTooLongError,
  type LaidOutText,
  type LayoutContext,
  type ListBlock,
  type TextBlock,
  type TextBoxSpec,
} from '../../../render/layout.js';
import sharp from '../../../render/sharp.js';
import { infographicContent, type InfographicContent } from './content.js';
import { renderTemplateFile, TEMPLATE_SOURCE_VERSION } from './handlebars.js';
import { getTemplate, TEXT_FIELDS, type BoxSpec, type InfographicTemplate, type TextField } from './templates.js';

/** Bump when the renderer changes what it draws for the same template sources. */
export const RENDERER_VERSION = 2;

export interface RenderOptions {
  /** Output formats (default both). Rendering only PNG is faster (used by the bench). */
  formats?: Array<'png' | 'webp'>;
  /** zlib level for PNG, 0–9 (default 1: fast; the flat artwork still compresses well). */
  pngCompressionLevel?: number;
  /** WebP quality (default 90). */
  webpQuality?: number;
}

export interface RenderedInfographic {
  template: string;
  /** Output size in pixels. */
  width: number;
  height: number;
  png: Buffer;
  webp: Buffer;
  /** Every drawn text line, in output pixels. */
  layout: LaidOutText[];
  /** Fields that were cut with an ellipsis or had items left out. */
  truncated: string[];
  /** sha256 of template name, template source version and the brief fields used. */
  contentHash: string;
}

/** An SVG ready to rasterise, with its layout. */
export interface InfographicSvg {
  template: InfographicTemplate;
  svg: string;
  layout: LaidOutText[];
  truncated: string[];
  contentHash: string;
}

/** A required field is empty. */
export class MissingFieldError extends Error {
  override readonly name = 'MissingFieldError';
  constructor(
    readonly field: string,
    readonly template: string,
  ) {
    super(`Trường "${field}" đang trống, mẫu "${template}" cần nội dung này`);
  }
}

interface FigureView {
  card: { x: number; y: number; width: number; height: number };
  value: TextBlock;
  bound: TextBlock | null;
  label: TextBlock;
  period: TextBlock | null;
  tag: TextBlock | null;
  bar: { x: number; y: number; width: number; height: number; fill: number } | null;
}

const EMPTY_BLOCK = (field: string, y: number): TextBlock => ({ field, lines: [], fontSize: 0, top: y, height: 0, truncated: false });

/** Lays out the first candidate that fits; only the last may be cut (if the box allows it). */
function layoutCandidates(field: string, candidates: string[], box: BoxSpec, ctx: LayoutContext): TextBlock {
  const spec: TextBoxSpec = { ...box, field };
  const usable = candidates.filter((c) => c.length > 0);
  for (let i = 0; i < usable.length - 1; i++) {
    try {
      return layoutText(usable[i] ?? '', { ...spec, ellipsis: false }, ctx);
    } catch (e) {
      if (!(e instanceof TextTooLongError)) throw e;
    }
  }
  const last = usable[usable.length - 1];
  return last === undefined ? EMPTY_BLOCK(field, box.y) : layoutText(last, spec, ctx);
}

function layoutFigures(t: InfographicTemplate, content: InfographicContent, ctx: LayoutContext) {
  const spec = t.figures;
  if (!spec) return { figures: [] as FigureView[], omitted: 0 };
  const shown = content.figures.slice(0, spec.maxFigures);
  const used = shown.length * spec.rowHeight + Math.max(0, shown.length - 1) * spec.rowGap;
  const start = spec.top + Math.max(0, (spec.height - used) / 2);
  const figures = shown.map((f, i): FigureView => {
    const top = start + i * (spec.rowHeight + spec.rowGap);
    const at = (b: BoxSpec): BoxSpec => ({ ...b, y: b.y + top });
    const field = `figures[${i}]`;
    return {
      card: { x: spec.card.x, y: top, width: spec.card.width, height: spec.rowHeight },
      value: layoutCandidates(`${field}.value`, [f.value], at(f.bound ? spec.valueBounded : spec.value), ctx),
      bound: f.bound ? layoutCandidates(`${field}.bound`, [f.bound], at(spec.bound), ctx) : null,
      label: layoutCandidates(`${field}.label`, [f.label], at(spec.label), ctx),
      period: f.period ? layoutCandidates(`${field}.period`, f.periodShown, at(spec.period), ctx) : null,
      tag: f.ratio === undefined && f.tag ? layoutCandidates(`${field}.tag`, [f.tag], at(spec.tag), ctx) : null,
      bar:
        f.ratio === undefined
          ? null
          : { ...spec.bar, y: spec.bar.y + top, fill: Math.max(spec.bar.height, spec.bar.width * f.ratio) },
    };
  });
  return { figures, omitted: content.figures.length - shown.length };
}

/** The card behind the bullets hugs them (centred where the list is), with `geo.panelPad` around. */
function bulletPanel(t: InfographicTemplate, list: ListBlock | null) {
  const first = list?.items[0];
  const last = list?.items[list.items.length - 1];
  if (!first || !last || t.geo.panelX === undefined || t.geo.panelWidth === undefined) return null;
  const pad = t.geo.panelPad ?? 30;
  const y = first.top - pad;
  return { x: t.geo.panelX, y, width: t.geo.panelWidth, height: last.top + last.height + pad - y };
}

function briefHash(t: InfographicTemplate, content: InfographicContent): string {
  return createHash('sha256')
    .update(JSON.stringify({ template: t.name, source: TEMPLATE_SOURCE_VERSION, renderer: RENDERER_VERSION, content }))
    .digest('hex');
}

/**
 * Lays out a brief for a template and fills its SVG. Throws `TextTooLongError` when a text
 * cannot fit (and may not be cut), `MissingFieldError` for an empty headline, and
 * `UnknownTemplateError` for an unknown template.
 */
export function renderInfographicSvg(brief: ContentBrief, templateName: string): InfographicSvg {
  const t = getTemplate(templateName);
  const content = infographicContent(brief);
  const ctx: LayoutContext = { measure: measureText, template: t.name, capHeight: fontMetrics(700).capHeight };
  if (!content.fields.headline[0]) throw new MissingFieldError('headline', t.name);

  const text = {} as Record<TextField, TextBlock | null>;
  for (const field of TEXT_FIELDS) {
    const box = t.boxes[field];
    text[field] = box ? layoutCandidates(field, content.fields[field], box, ctx) : null;
  }
  const keyMessages: ListBlock | null = t.keyMessages
    ? layoutList(content.keyMessages, { ...t.keyMessages, field: 'keyMessages' }, ctx)
    : null;
  const { figures, omitted: figuresOmitted } = layoutFigures(t, content, ctx);

  const blocks: TextBlock[] = [
    ...Object.values(text).filter((b): b is TextBlock => b !== null),
    ...(keyMessages?.items ?? []),
    ...figures.flatMap((f) => [f.bound, f.value, f.label, f.period, f.tag].filter((b): b is TextBlock => b !== null)),
  ];
  const truncated = blocks.filter((b) => b.truncated).map((b) => b.field);
  if (keyMessages && keyMessages.omitted > 0) truncated.push('keyMessages');
  if (figuresOmitted > 0) truncated.push('figures');

  const scale = t.pixelWidth / t.width;
  const layout = blocks.flatMap((b) =>
    b.lines.map((l) => ({
      ...l,
      x: l.x * scale,
      y: l.y * scale,
      width: l.width * scale,
      height: l.height * scale,
      fontSize: l.fontSize * scale,
      baseline: l.baseline * scale,
      anchorX: l.anchorX * scale,
      letterSpacing: l.letterSpacing * scale,
    })),
  );

  const svg = renderTemplateFile(t.file, {
    width: t.width,
    height: t.height,
    pixelWidth: t.pixelWidth,
    pixelHeight: t.pixelHeight,
    geo: t.geo,
    text,
    bullets: (keyMessages?.items ?? []).map((block) => {
      const first = block.lines[0];
      return { block, markerY: first ? first.y + first.height / 2 : block.top };
    }),
    panel: bulletPanel(t, keyMessages),
    figures,
    title: content.fields.headline[0],
  });
  return { template: t, svg, layout, truncated: [...new Set(truncated)], contentHash: briefHash(t, content) };
}

/**
 * Renders a brief with the named template to PNG and WebP. See `renderInfographicSvg` for the
 * errors. `webp`/`png` are empty buffers for formats left out via `options.formats`.
 */
export async function renderInfographic(
  brief: ContentBrief,
  templateName: string,
  options: RenderOptions = {},
): Promise<RenderedInfographic> {
  const { template: t, svg, layout, truncated, contentHash } = renderInfographicSvg(brief, templateName);
  const formats = options.formats ?? ['png', 'webp'];
  const input = Buffer.from(svg, 'utf8');
  // One pipeline per format, run in parallel on separate threads: faster than rasterising once
  // to a raw buffer and encoding twice.
  const load = () => sharp(input, { density: 72, limitInputPixels: false }).removeAlpha();
  const [png, webp] = await Promise.all([
    formats.includes('png')
      ? load().png({ compressionLevel: options.pngCompressionLevel ?? 1, adaptiveFiltering: false }).toBuffer()
      : Buffer.alloc(0),
    formats.includes('webp')
      ? load().webp({ quality: options.webpQuality ?? 90, effort: 2 }).toBuffer()
      : Buffer.alloc(0),
  ]);
  return { template: t.name, width: t.pixelWidth, height: t.pixelHeight, png, webp, layout, truncated, contentHash };
}
