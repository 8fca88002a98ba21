/**
 * The Q&A set's files: a Word document for schools and meetings, a loudspeaker segment written
 * for the ear, an HTML page for the approval page and the dashboard, and the FAQPage structured
 * data the web post embeds.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ContentBrief } from '../../domain/brief.js';
import { occasionLabel } from '../../domain/brief.js';
import { assertSpeakable, estimateReadingTime, normalizeForSpeech, ordinalToWords, type Expansion } from '../../domain/speech/index.js';
import { escapeXml } from '../../render/sanitize.js';
import type { QaItem } from './questions.js';

type QaBrief = Pick<ContentBrief, 'planSymbol' | 'issuer' | 'occasionName' | 'occasionDate' | 'headline'>;

export const qaTitle = (brief: Pick<ContentBrief, 'planSymbol'>) => `Bộ câu hỏi - đáp về Kế hoạch số ${brief.planSymbol}`;

/** The Word file: title, source line, then each question in bold and its answer. */
export async function qaDocx(brief: QaBrief, items: readonly QaItem[]): Promise<Buffer> {
  const font = 'Times New Roman';
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun({ text: qaTitle(brief).toLocaleUpperCase('vi'), bold: true, size: 28, font })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: `${brief.issuer} — ${occasionLabel(brief)}`, italics: true, size: 26, font })],
    }),
  ];
  items.forEach((q, i) => {
    children.push(new Paragraph({ spacing: { before: 160, after: 60 }, children: [new TextRun({ text: `Câu ${i + 1}. ${q.question}`, bold: true, size: 26, font })] }));
    children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: [new TextRun({ text: `Trả lời: ${q.answer}`, size: 26, font })] }));
  });
  children.push(
    new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: `Các câu trả lời lấy từ nội dung Kế hoạch số ${brief.planSymbol} của ${brief.issuer}.`, italics: true, size: 24, font })] }),
  );
  const doc = new Document({
    creator: brief.issuer,
    title: qaTitle(brief),
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

/** Questions read on air: the first ones, so a segment fits a slot (links are not read). */
export const SPOKEN_QA = 6;

export interface QaSegment {
  text: string;
  seconds: number;
  expansions: Expansion[];
}

/** Task numbers ("III.1") are for readers; a listener hears the task's title. */
const unnumbered = (s: string) => s.replace(/([Nn]hiệm vụ) [^\s“]+ (?=“)/gu, '$1 ');

/**
 * The loudspeaker segment: opens with the topic, reads each question and answer ("Câu hỏi thứ
 * nhất … Trả lời …"), repeats where the plan comes from, and signs off. Normalised for the
 * ear (abbreviations, symbols, numbers and dates in words) and checked to be speakable.
 */
export function qaSegment(brief: QaBrief, items: readonly QaItem[]): QaSegment {
  const spoken = items.filter((q) => !/https?:\/\//.test(q.answer)).slice(0, SPOKEN_QA);
  const paragraphs = [
    `Kính thưa bà con! Sau đây là một số câu hỏi - đáp về Kế hoạch số ${brief.planSymbol} của ${brief.issuer}, nhân dịp ${occasionLabel(brief)}.`,
    ...spoken.map((q, i) => `Câu hỏi thứ ${ordinalToWords(i + 1)}: ${unnumbered(q.question)}\nTrả lời: ${unnumbered(q.answer)}`),
    `Thưa bà con, các câu trả lời trên đều lấy từ Kế hoạch số ${brief.planSymbol} của ${brief.issuer}. Xin cảm ơn bà con đã lắng nghe.`,
  ];
  const symbolIssuers = { [brief.planSymbol]: brief.issuer };
  const { text, expansions } = normalizeForSpeech(paragraphs.join('\n\n'), { symbolIssuers });
  assertSpeakable(text);
  return { text, seconds: estimateReadingTime(text).seconds, expansions };
}

/** schema.org FAQPage data as the JSON inside `<script type="application/ld+json">` (safe to embed). */
export function faqJsonLd(items: readonly Pick<QaItem, 'question' | 'answer'>[]): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: items.map((q) => ({ '@type': 'Question', name: q.question, acceptedAnswer: { '@type': 'Answer', text: q.answer } })),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** A standalone page of the set, for the approval page and the dashboard preview. */
export function qaPreviewHtml(brief: QaBrief, items: readonly QaItem[]): string {
  const rows = items.map((q, i) => `<dt>Câu ${i + 1}. ${escapeXml(q.question)}</dt>\n<dd>${escapeXml(q.answer)}</dd>`).join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(qaTitle(brief))}</title>
<style>body{font-family:"Be Vietnam Pro","Noto Sans",system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.6}dt{font-weight:700;margin-top:1rem}dd{margin:0.25rem 0 0}</style>
</head>
<body>
<h1>${escapeXml(qaTitle(brief))}</h1>
<dl>
${rows}
</dl>
</body>
</html>
`;
}
