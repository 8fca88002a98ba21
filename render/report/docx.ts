/**
 * The report as an editable Word document in the usual shape of an official report (Nghị định
 * 30/2020/NĐ-CP): A4, Times New Roman 13, the issuing body and the national motto side by
 * side, number and place/date placeholders, title, sections I–III with tables, then "Nơi
 * nhận" and the signature block left for the signer. Opens in Word and LibreOffice.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { ReportModel } from '../../domain/report/compile.js';

/** A4 with 30 mm left and 20 mm other margins, in twips. */
const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 1134 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const FONT = 'Times New Roman';

type Run = string | (IRunOptions & { text: string });

function runs(parts: Run[], base: IRunOptions = {}): TextRun[] {
  return parts.map((p) => new TextRun(typeof p === 'string' ? { ...base, text: p } : { ...base, ...p }));
}

function para(parts: Run[] | string, options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean; italics?: boolean; size?: number; indent?: boolean; after?: number; before?: number } = {}): Paragraph {
  const list = typeof parts === 'string' ? [parts] : parts;
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: options.after ?? 120, before: options.before ?? 0, line: 276 },
    ...(options.indent ? { indent: { firstLine: 567 } } : {}),
    children: runs(list, { bold: options.bold, italics: options.italics, ...(options.size ? { size: options.size } : {}) }),
  });
}

const centered = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; after?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, ...(o.size ? { size: o.size } : {}), ...(o.underline ? { underline: {} } : {}) })],
  });

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** Two columns without borders (header block, signature block). */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const lw = Math.round(TEXT_WIDTH * leftShare);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [lw, TEXT_WIDTH - lw],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: lw, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: TEXT_WIDTH - lw, type: WidthType.DXA }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

/** A table cell's content: text, lines, or text spanning several rows (`null` where a span covers it). */
type CellContent = string | string[] | { text: string; rowSpan: number } | null;

/** A bordered data table; `shares` are column widths as fractions of the text width. */
function dataTable(headers: string[], rows: CellContent[][], shares: number[]): Table {
  const widths = shares.map((s) => Math.round(TEXT_WIDTH * s));
  const cell = (raw: Exclude<CellContent, null>, header: boolean, i: number) => {
    const spanned = typeof raw === 'object' && !Array.isArray(raw) ? raw : undefined;
    const content = spanned ? spanned.text : (raw as string | string[]);
    return new TableCell({
      width: { size: widths[i] ?? 1000, type: WidthType.DXA },
      ...(spanned && spanned.rowSpan > 1 ? { rowSpan: spanned.rowSpan } : {}),
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(header ? { shading: { fill: 'EDEDED' } } : {}),
      children: (Array.isArray(content) ? (content.length ? content : ['']) : [content]).map(
        (line) => new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { after: 0 }, children: [new TextRun({ text: line, bold: header, size: 24 })] }),
      ),
    });
  };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ children: r.flatMap((c, i) => (c === null ? [] : [cell(c, false, i)])) })),
    ],
  });
}

const heading = (text: string) => para([text], { bold: true, before: 120, align: AlignmentType.LEFT });
const subheading = (text: string) => para([text], { bold: true, italics: false, align: AlignmentType.LEFT });
const gap = () => new Paragraph({ spacing: { after: 120 }, children: [] });

/** The report as DOCX bytes. */
export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const h = model.header;
  const c = model.closing;
  const headerBlock = twoColumns(
    [
      ...h.issuerLines.map((line, i) => centered(line, { bold: i === h.issuerLines.length - 1, size: 26 })),
      centered('________', { size: 20, after: 120 }),
      centered(h.numberLine, { size: 26 }),
    ],
    [centered(h.motto[0], { bold: true, size: 24 }), centered(h.motto[1], { bold: true, size: 26, underline: true, after: 200 }), centered(h.placeDate, { italics: true, size: 26 })],
    0.4,
  );

  const body: (Paragraph | Table)[] = [
    headerBlock,
    gap(),
    centered(h.title, { bold: true, size: 28 }),
    centered(h.subtitle, { bold: true, size: 28 }),
    centered(h.periodLine, { italics: true, after: 240 }),
    ...model.intro.map((t) => para([t], { indent: true })),

    heading('I. KẾT QUẢ THỰC HIỆN'),
    subheading('1. Tổng hợp chung'),
    dataTable(
      ['TT', 'Nội dung', 'Số lượng'],
      model.summary.map((s, i) => [String(i + 1), s.label, `${s.value}${s.unit ? ` ${s.unit}` : ''}`]),
      [0.08, 0.67, 0.25],
    ),
    gap(),
    subheading('2. Kết quả theo nhiệm vụ và kênh truyền thông'),
    dataTable(
      ['Nhiệm vụ', 'Kênh', 'Chiến dịch/đợt', 'Phiên bản nháp', 'Quyết định duyệt', 'Kết quả đăng, phát'],
      model.taskRows.map((r) => [r.taskSpan ? { text: `${r.taskNumber}. ${r.taskTitle}`, rowSpan: r.taskSpan } : null, r.channelLabel, String(r.runs), String(r.drafts), String(r.decisions), r.result]),
      [0.22, 0.16, 0.11, 0.11, 0.11, 0.29],
    ),
    gap(),
    subheading('3. Các chiến dịch truyền thông'),
    ...(model.campaigns.length === 0
      ? [para(['Trong kỳ báo cáo không có chiến dịch truyền thông nào.'], { indent: true })]
      : [
          dataTable(
            ['Chiến dịch', 'Nhiệm vụ', 'Kênh', 'Phiên bản', 'Phê duyệt (người, thời điểm)', 'Đăng, phát'],
            model.campaigns.map((x) => [x.occasion, x.tasks, x.channels, String(x.versions), x.decisions.length ? x.decisions : ['Chưa có quyết định'], x.publications]),
            [0.18, 0.2, 0.13, 0.1, 0.21, 0.18],
          ),
        ]),
    gap(),
    subheading('4. Bản tin truyền thanh định kỳ'),
    ...(model.series.length === 0
      ? [para(['Trong kỳ báo cáo không có đợt bản tin định kỳ nào.'], { indent: true })]
      : [
          dataTable(
            ['Nhiệm vụ', 'Số đợt', 'Thông điệp đã phát', 'Lượt phát', 'Đơn vị', 'Thời lượng (phút)', 'Phê duyệt'],
            model.series.map((s) => [s.task, String(s.runs), s.messages, String(s.bulletins), String(s.localities), String(s.airMinutes), s.approval]),
            [0.2, 0.08, 0.28, 0.09, 0.08, 0.1, 0.17],
          ),
        ]),
    gap(),
    subheading('5. Bản tin truyền thanh theo đơn vị'),
    ...(model.localities.length === 0
      ? [para(['Trong kỳ báo cáo chưa có bản tin nào được phát trên hệ thống truyền thanh cơ sở.'], { indent: true })]
      : [dataTable(['Đơn vị', 'Số lượt phát', 'Tổng thời lượng (phút)'], model.localities.map((l) => [l.localityName, String(l.bulletins), String(l.airMinutes)]), [0.5, 0.25, 0.25])]),

    heading('II. ĐỐI CHIẾU VỚI MỤC TIÊU CỦA KẾ HOẠCH'),
    dataTable(
      ['Giai đoạn', 'Mục tiêu', 'Chỉ tiêu', 'Minh chứng trong hệ thống'],
      model.targets.map((t) => [t.period, t.text, t.measure || '—', t.evidence]),
      [0.12, 0.4, 0.12, 0.36],
    ),

    heading('III. ĐỀ XUẤT, KIẾN NGHỊ'),
    para([{ text: model.proposals, italics: true }], { indent: true }),
    ...(model.notes.length ? [para([{ text: 'Ghi chú: ', bold: true }, model.notes.join(' ')], { indent: true, size: 24 })] : []),
    para([`Trên đây là báo cáo kết quả công tác truyền thông thực hiện Kế hoạch số ${h.planRef} trong kỳ báo cáo./.`], { indent: true }),
    gap(),
    twoColumns(
      [
        new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: 24 })] }),
        ...c.recipients.map((r) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: r, size: 22 })] })),
      ],
      [
        ...(c.authority ? [centered(c.authority, { bold: true })] : []),
        centered(c.position, { bold: true }),
        centered(c.signatureHint, { italics: true, size: 24 }),
      ],
      0.5,
    ),
  ];

  const doc = new Document({
    creator: 'campaign-ops',
    title: `${h.title} ${h.subtitle}`,
    description: h.periodLine,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } } },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
