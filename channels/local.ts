/**
 * How `campaign render <channel>` draws a channel module on this machine: the same files its
 * draft activity writes, from a plan and a brief, with no service. One entry per module.
 */
import type { ContentBrief } from '../domain/brief.js';
import type { Plan } from '../domain/plan/schema.js';
import type { ChannelFile } from './qa-set/files.js';

export interface LocalChannelRender {
  files: ChannelFile[];
  summary: string;
  problems: string[];
}

export interface LocalChannelRenderer {
  /** The channel's folder in a draft (same as in a campaign version). */
  folder: string;
  /** One line for `campaign help`. */
  summary: string;
  render(plan: Plan, brief: ContentBrief): Promise<LocalChannelRender>;
}

export const LOCAL_RENDERERS: Record<string, LocalChannelRenderer> = {
  qaSet: {
    folder: 'qa',
    summary: 'Soạn bộ câu hỏi - đáp từ kế hoạch (Word, đoạn đọc trên loa, trang xem trước)',
    render: async (plan, brief) => (await import('./qa-set/files.js')).qaFiles(plan, brief),
  },
};
