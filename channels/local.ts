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
  poster: {
    folder: 'print',
    summary: 'Xuất tệp PDF in ấn: áp phích A3, A1 và pano ngang 3:1, lề xén 3 mm, chữ dạng vector',
    render: async (_plan, brief) => (await import('./print/files.js')).printFiles(brief),
  },
  eBoard: {
    folder: 'eboard',
    summary: 'Vẽ ảnh ngang 1920×1080 cho bảng tin điện tử (như màn hình sẽ trình chiếu)',
    async render(_plan, brief) {
      const { renderInfographic } = await import('./infographic/render/render.js');
      const { truncationNote } = await import('./infographic/render/labels.js');
      const { eboardPreviewHtml, EBOARD_PREVIEW_IMAGE } = await import('./eboard/preview.js');
      const image = await renderInfographic(brief, 'eboard');
      return {
        files: [
          { name: EBOARD_PREVIEW_IMAGE, body: image.png, contentType: 'image/png', what: `ảnh trình chiếu ${image.width}×${image.height}` },
          { name: 'preview.html', body: eboardPreviewHtml(brief, undefined, true), contentType: 'text/html; charset=utf-8', what: 'trang xem trước (HTML)' },
        ],
        summary: `ảnh ${image.width}×${image.height}${image.truncated.length ? `; ${truncationNote('eboard', image.truncated)}` : ''}`,
        problems: [],
      };
    },
  },
  social: {
    folder: 'social',
    summary: 'Soạn bài ngắn cho Fanpage, Zalo OA kèm ảnh vuông (chưa đăng)',
    async render(_plan, brief) {
      const { socialText, PLATFORM_LIMITS, socialPlatformLabels } = await import('./social/pack.js');
      const { previewHtml, socialImageName } = await import('./social/activities.js');
      const { renderInfographic } = await import('./infographic/render/render.js');
      const texts = (['facebook', 'zalo'] as const).map((p) => socialText(brief, p));
      const image = await renderInfographic(brief, 'social');
      return {
        files: [
          ...texts.map((t) => ({ name: `${t.platform}.txt`, body: t.text, contentType: 'text/plain; charset=utf-8', what: `bài cho ${socialPlatformLabels[t.platform]} (${[...t.text].length}/${PLATFORM_LIMITS[t.platform].text} ký tự)` })),
          { name: socialImageName, body: image.png, contentType: 'image/png', what: `ảnh vuông ${image.width}×${image.height}` },
          { name: 'preview.html', body: previewHtml(brief, texts, true), contentType: 'text/html; charset=utf-8', what: 'trang xem trước (HTML)' },
        ],
        summary: texts.map((t) => `${socialPlatformLabels[t.platform]} ${[...t.text].length} ký tự`).join(', '),
        problems: [],
      };
    },
  },
  video: {
    folder: 'video',
    summary: 'Dựng video ngắn dọc 1080×1920 và ngang 1920×1080 (tối đa 60 giây, phụ đề tiếng Việt) từ infographic và lời dẫn',
    async render(_plan, brief) {
      const { renderInfographic } = await import('./infographic/render/render.js');
      const { speechEngineFor } = await import('../render/audio/engine.js');
      const { VIDEO_SLIDES, videoFiles } = await import('./video/files.js');
      const engine = speechEngineFor();
      if (!engine) return { files: [], summary: 'chưa dựng video', problems: ['Giọng đọc đang tắt: video ngắn cần lời dẫn đọc thành tiếng.'] };
      const slides = { vertical: [] as Buffer[], landscape: [] as Buffer[] };
      for (const format of ['vertical', 'landscape'] as const) for (const name of VIDEO_SLIDES[format]) slides[format].push((await renderInfographic(brief, name, { formats: ['png'] })).png!);
      const made = await videoFiles({ brief, engine, slides });
      return { files: made.files, summary: made.summary, problems: made.problems };
    },
  },
};
