/**
 * The files of a Q&A set, as the campaign drafts them and `campaign render qaSet` writes them:
 * the set (JSON), the Word file, the loudspeaker segment and the preview page. One home for
 * both, so the CLI shows what a campaign will send.
 */
import type { ContentBrief } from '../../domain/brief.js';
import type { Plan } from '../../domain/plan/schema.js';
import { formatDuration } from '../../domain/speech/index.js';
import { buildQaSet, MIN_QA, type QaItem } from './questions.js';
import { qaDocx, qaPreviewHtml, qaSegment } from './render.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ChannelFile {
  /** File name inside the channel's folder. */
  name: string;
  body: Buffer | string;
  contentType: string;
  /** What the file is, for people. */
  what: string;
}

export interface QaFiles {
  items: QaItem[];
  files: ChannelFile[];
  summary: string;
  problems: string[];
}

export async function qaFiles(plan: Plan, brief: ContentBrief, postUrl?: string): Promise<QaFiles> {
  const items = buildQaSet(plan, { brief, postUrl });
  const segment = qaSegment(brief, items);
  const files: ChannelFile[] = [
    { name: 'qa.json', body: JSON.stringify(items, null, 2), contentType: 'application/json; charset=utf-8', what: 'bộ câu hỏi - đáp kèm nguồn trong kế hoạch (JSON)' },
    { name: 'hoi-dap.docx', body: await qaDocx(brief, items), contentType: DOCX_TYPE, what: 'tệp Word cho trường học, hội nghị' },
    { name: 'loa.txt', body: segment.text, contentType: 'text/plain; charset=utf-8', what: `đoạn đọc trên loa (${formatDuration(segment.seconds)})` },
    { name: 'preview.html', body: qaPreviewHtml(brief, items), contentType: 'text/html; charset=utf-8', what: 'trang xem trước (HTML)' },
  ];
  return {
    items,
    files,
    summary: `${items.length} câu hỏi - đáp, tệp Word, đoạn đọc trên loa ${formatDuration(segment.seconds)}`,
    problems: items.length < MIN_QA ? [`Kế hoạch chỉ đủ dữ liệu cho ${items.length} câu hỏi - đáp (cần ít nhất ${MIN_QA}).`] : [],
  };
}
