/**
 * The report's progress infographic: what the product did in the period as six figures and the
 * share of the plan's targets it holds evidence for. Texts are laid out with the shipped font's
 * metrics (render/layout) and the SVG from `templates/report/progress.svg.hbs` is rasterised
 * with sharp to PNG.
 */
import type { ReportModel } from '../../domain/report/compile.js';
import { formatVnDate } from '../../domain/dates.js';
import { formatVnNumber } from '../../domain/numbers.js';
import { fontMetrics, measureText } from '../fonts.js';
import { layoutText, type LayoutContext, type TextBoxSpec } from '../layout.js';
import sharp from '../sharp.js';
import { reportTemplates } from './html.js';

const WIDTH = 1080;
const HEIGHT = 1350;


/** The figures shown, in order, by summary key. */
const FIGURES: { key: string; label: string }[] = [
  { key: 'campaigns', label: 'Chiến dịch truyền thông' },
  { key: 'decisions', label: 'Quyết định phê duyệt' },
  { key: 'broadcasts', label: 'Lượt phát truyền thanh' },
  { key: 'airMinutes', label: 'Phút phát thanh' },
  { key: 'posts', label: 'Bài đăng cổng thông tin' },
  { key: 'briefings', label: 'Lượt gửi cho báo chí' },
];

function box(field: string, y: number, o: Partial<TextBoxSpec>): TextBoxSpec {
  return { field, x: 80, y, width: WIDTH - 160, maxLines: 1, maxSize: 34, minSize: 20, weight: 700, align: 'middle', valign: 'middle', ellipsis: true, ...o };
}

/** The infographic's SVG source. */
export function renderProgressSvg(model: ReportModel): string {
  const ctx: LayoutContext = { measure: measureText, template: 'report-progress', capHeight: fontMetrics(700).capHeight };
  const issuer = model.header.issuerLines.join(' ');
  const lines = [
    { block: layoutText(issuer, box('issuer', 26, { height: 50, maxSize: 32 }), ctx), fill: '#FFFFFF' },
    { block: layoutText('KẾT QUẢ TRUYỀN THÔNG TRONG KỲ', box('title', 80, { height: 60, maxSize: 46, weight: 800 }), ctx), fill: '#F6D77A' },
    { block: layoutText(`Thực hiện Kế hoạch số ${model.header.planRef}`, box('plan', 146, { height: 40, maxSize: 30, weight: 600 }), ctx), fill: '#FFFFFF' },
    { block: layoutText(model.header.periodLine, box('period', 270, { height: 44, maxSize: 30, weight: 600 }), ctx), fill: '#3B1712' },
  ];
  const header = lines.flatMap(({ block, fill }) => block.lines.map((l) => ({ ...l, fill })));
  const value = (key: string) => model.summary.find((s) => s.key === key)?.value ?? 0;
  const cardW = 440;
  const cardH = 210;
  const cards = FIGURES.map((f, i) => {
    const x = i % 2 === 0 ? 80 : WIDTH - 80 - cardW;
    const y = 350 + Math.floor(i / 2) * (cardH + 36);
    return { x, y, w: cardW, h: cardH, cx: x + cardW / 2 + 5, valueY: y + 112, labelY: y + 168, value: formatVnNumber(value(f.key)), label: f.label };
  });
  const withEvidence = model.targets.filter((t) => t.hasEvidence).length;
  const total = model.targets.length;
  const barWidth = WIDTH - 160;
  return reportTemplates.render('progress.svg.hbs', {
    width: WIDTH,
    height: HEIGHT,
    title: `${model.header.subtitle} — ${model.header.periodLine}`,
    header,
    cards,
    targets: { y: 1140, barY: 1168, barWidth, withEvidence, total, fill: total ? Math.max(26, (barWidth * withEvidence) / total) : 0 },
    footerY: 1290,
    footer: `Số liệu do hệ thống tổng hợp tự động ngày ${formatVnDate(model.compiledOn)}`,
  });
}

/** The infographic as PNG. */
export async function renderProgressPng(model: ReportModel): Promise<Buffer> {
  return sharp(Buffer.from(renderProgressSvg(model), 'utf8'), { density: 72 }).png({ compressionLevel: 6 }).toBuffer();
}
