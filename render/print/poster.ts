/**
 * Print files from a brief: the poster (áp phích) in A3 and A1 portrait and a 3:1 landscape
 * pano, each with 3 mm bleed, every text set as vector type in Be Vietnam Pro. One design,
 * drawn in units of the trimmed width, so A1 is A3 enlarged. A text that cannot fit its box at
 * the smallest size allowed is an error naming the field, never a cut.
 */
import { occasionLabel, type ContentBrief } from '../../domain/brief.js';
import { formatVnLongDate } from '../../domain/dates.js';
import { formatFigureValue } from '../../domain/numbers.js';
import { periodPhrase, withBound } from '../../domain/plan/bounds.js';
import type { FontWeight } from '../fonts.js';
import { MM, PdfDocument, textWidth, type PdfPage } from './pdf.js';

export const PrintFormat = { a3: 'a3', a1: 'a1', pano: 'pano' } as const;
export type PrintFormat = (typeof PrintFormat)[keyof typeof PrintFormat];

/** Trimmed sizes in millimetres. */
export const PRINT_SIZES: Record<PrintFormat, { width: number; height: number; label: string }> = {
  a3: { width: 297, height: 420, label: 'Áp phích A3 (297 × 420 mm)' },
  a1: { width: 594, height: 841, label: 'Áp phích A1 (594 × 841 mm)' },
  pano: { width: 3000, height: 1000, label: 'Pano ngang 3:1 (3000 × 1000 mm)' },
};
export const BLEED_MM = 3;

export class PrintTextTooLongError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'PrintTextTooLongError';
  }
}

const RED = '#a4161a';
const DARK_RED = '#7d0f13';
const GOLD = '#d4a017';
const CREAM = '#fdf6e3';
const INK = '#1b1b1f';
const WHITE = '#ffffff';

/** Greedy word wrap at `size`; undefined when more than `maxLines` lines are needed. */
function wrap(text: string, weight: FontWeight, size: number, maxWidth: number, maxLines: number): string[] | undefined {
  const words = text.trim().split(/\s+/u);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (textWidth(next, weight, size) <= maxWidth) line = next;
    else {
      if (!line || textWidth(w, weight, size) > maxWidth) return undefined;
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines.length <= maxLines ? lines : undefined;
}

/** The largest size from `max` down to `min` at which `text` fits; throws when none does. */
function fit(field: string, label: string, text: string, weight: FontWeight, max: number, min: number, width: number, maxLines: number): { size: number; lines: string[] } {
  for (let size = max; size >= min; size -= Math.max(0.5, max / 40)) {
    const lines = wrap(text, weight, size, width, maxLines);
    if (lines) return { size, lines };
  }
  throw new PrintTextTooLongError(field, `${label} quá dài cho bản in (tối đa ${maxLines} dòng); hãy rút gọn.`);
}

function block(page: PdfPage, t: { size: number; lines: string[] }, x: number, y: number, o: { weight: FontWeight; color: string; align?: 'left' | 'center'; leading?: number }): number {
  const lead = t.size * (o.leading ?? 1.25);
  t.lines.forEach((l, i) => page.text(l, x, y + t.size + i * lead, { size: t.size, weight: o.weight, color: o.color, align: o.align }));
  return y + t.size + (t.lines.length - 1) * lead + t.size * 0.35;
}

const figureText = (f: ContentBrief['figures'][number]) => withBound(f, formatFigureValue(f));

function portrait(page: PdfPage, brief: ContentBrief): void {
  const u = page.width / (297 * MM); // one A3 millimetre, scaled to this page
  const mm = (v: number) => v * u * MM;
  const b = page.bleed;
  const W = page.width;
  page.rect(-b, -b, W + 2 * b, page.height + 2 * b, CREAM);
  page.rect(-b, -b, W + 2 * b, mm(40) + b, RED);
  page.rect(-b, mm(40), W + 2 * b, mm(2), GOLD);
  const issuer = fit('issuer', 'Tên cơ quan', brief.issuer.toLocaleUpperCase('vi'), 700, mm(8), mm(5), W - mm(40), 2);
  block(page, issuer, W / 2, mm(40) / 2 - (issuer.lines.length * issuer.size * 1.25) / 2 - issuer.size * 0.2, { weight: 700, color: WHITE, align: 'center' });

  let y = mm(56);
  const occasion = fit('occasionName', 'Tên sự kiện', brief.occasionName.toLocaleUpperCase('vi'), 800, mm(13), mm(8), W - mm(40), 2);
  y = block(page, occasion, W / 2, y, { weight: 800, color: RED, align: 'center', leading: 1.15 });
  page.text(formatVnLongDate(brief.occasionDate), W / 2, y + mm(9), { size: mm(7), weight: 600, color: DARK_RED, align: 'center' });
  page.rect(W / 2 - mm(30), y + mm(15), mm(60), mm(0.8), GOLD);

  y += mm(24);
  const headline = fit('headline', 'Tiêu đề', brief.headline, 800, mm(20), mm(11), W - mm(36), 4);
  y = block(page, headline, W / 2, y, { weight: 800, color: RED, align: 'center', leading: 1.18 });

  y += mm(10);
  for (const [i, m] of brief.keyMessages.slice(0, 3).entries()) {
    const t = fit(`keyMessages[${i}]`, `Thông điệp ${i + 1}`, m, 400, mm(8.5), mm(6), W - mm(60), 3);
    page.rect(mm(24), y + t.size * 0.35, mm(4), mm(4), RED);
    y = block(page, t, mm(34), y, { weight: 400, color: INK }) + mm(5);
  }

  const figures = brief.figures.slice(0, 3);
  if (figures.length) {
    const top = Math.max(y + mm(4), mm(300));
    const cell = (W - mm(40)) / figures.length;
    figures.forEach((f, i) => {
      const cx = mm(20) + cell * i + cell / 2;
      const value = fit(`figures[${i}].value`, 'Chỉ tiêu', figureText(f), 800, mm(16), mm(8), cell - mm(6), 2);
      const after = block(page, value, cx, top, { weight: 800, color: RED, align: 'center', leading: 1.05 });
      const label = fit(`figures[${i}].label`, 'Nhãn chỉ tiêu', `${f.label}${f.period ? ` (${periodPhrase(f.period)})` : ''}`, 600, mm(6), mm(4.2), cell - mm(8), 4);
      block(page, label, cx, after + mm(2), { weight: 600, color: INK, align: 'center' });
    });
  }

  const footTop = page.height - mm(34);
  page.rect(-b, footTop - mm(2), W + 2 * b, mm(2), GOLD);
  page.rect(-b, footTop, W + 2 * b, mm(34) + b, RED);
  page.text(`Thực hiện ${brief.resolution}`, W / 2, footTop + mm(14), { size: mm(8), weight: 700, color: WHITE, align: 'center' });
  const plan = fit('planSymbol', 'Dòng kế hoạch', `Kế hoạch số ${brief.planSymbol} của ${brief.issuer}`, 400, mm(5.5), mm(4), W - mm(30), 1);
  block(page, plan, W / 2, footTop + mm(19), { weight: 400, color: WHITE, align: 'center' });
}

function pano(page: PdfPage, brief: ContentBrief): void {
  const H = page.height;
  const W = page.width;
  const b = page.bleed;
  const h = (v: number) => (v / 100) * H; // percent of the height
  page.rect(-b, -b, W + 2 * b, H + 2 * b, CREAM);
  // Left third: the occasion on red.
  const split = W * 0.36;
  page.rect(-b, -b, split + b, H + 2 * b, RED);
  page.rect(split, -b, h(1.2), H + 2 * b, GOLD);
  let y = h(10);
  const issuer = fit('issuer', 'Tên cơ quan', brief.issuer.toLocaleUpperCase('vi'), 700, h(5), h(3), split - h(16), 2);
  y = block(page, issuer, h(8), y, { weight: 700, color: WHITE });
  const occasion = fit('occasionName', 'Tên sự kiện', brief.occasionName.toLocaleUpperCase('vi'), 800, h(11), h(6), split - h(16), 3);
  y = block(page, occasion, h(8), y + h(8), { weight: 800, color: WHITE, leading: 1.1 });
  page.text(formatVnLongDate(brief.occasionDate), h(8), y + h(8), { size: h(5), weight: 600, color: GOLD });
  page.text(`Thực hiện ${brief.resolution}`, h(8), H - h(10), { size: h(4.2), weight: 700, color: WHITE });

  // Right: the headline, the messages and the figures.
  const x = split + h(8);
  const width = W - x - h(8);
  const headline = fit('headline', 'Tiêu đề', brief.headline, 800, h(13), h(7), width, 2);
  let ry = block(page, headline, x, h(10), { weight: 800, color: RED, leading: 1.12 });
  const messages = brief.keyMessages.slice(0, 2).join(' ');
  if (messages) {
    const t = fit('keyMessages', 'Thông điệp', messages, 400, h(5.5), h(3.5), width, 3);
    ry = block(page, t, x, ry + h(5), { weight: 400, color: INK });
  }
  const figures = brief.figures.slice(0, 3);
  const cell = width / Math.max(1, figures.length);
  figures.forEach((f, i) => {
    const cx = x + cell * i;
    const value = fit(`figures[${i}].value`, 'Chỉ tiêu', figureText(f), 800, h(11), h(6), cell - h(4), 1);
    const after = block(page, value, cx, Math.max(ry + h(6), h(62)), { weight: 800, color: RED });
    const label = fit(`figures[${i}].label`, 'Nhãn chỉ tiêu', f.label, 600, h(4), h(2.8), cell - h(6), 3);
    block(page, label, cx, after, { weight: 600, color: INK });
  });
  page.text(`Kế hoạch số ${brief.planSymbol} của ${brief.issuer}`, W - h(8), H - h(6), { size: h(3), weight: 400, color: INK, align: 'right' });
}

/** The print-ready PDF of `format`: one page, trimmed size plus 3 mm bleed on every side. */
export function renderPrintPdf(brief: ContentBrief, format: PrintFormat): Buffer {
  const size = PRINT_SIZES[format];
  const doc = new PdfDocument({ title: `${occasionLabel(brief)} — ${brief.headline}`, author: brief.issuer });
  const page = doc.page(size.width * MM, size.height * MM, BLEED_MM * MM);
  if (format === 'pano') pano(page, brief);
  else portrait(page, brief);
  return doc.render();
}
