/**
 * The files of a campaign's short video, as the campaign drafts them and `campaign render video`
 * writes them: the vertical and the landscape MP4, the subtitles (WebVTT), the narration as
 * spoken (JSON) and the preview page with a player per format. One home for both.
 */
import type { ContentBrief } from '../../domain/brief.js';
import type { TtsVoice } from '../../domain/localities.js';
import { formatDuration } from '../../domain/speech/index.js';
import type { SegmentCache } from '../../render/audio/bulletin-audio.js';
import type { SpeechEngine } from '../../render/audio/speech-engine.js';
import { escapeXml } from '../../render/sanitize.js';
import { MAX_VIDEO_SECONDS, renderShortVideo, VIDEO_FORMATS, VideoTooLongError, type ShortVideo, type VideoFormat } from '../../render/video/short-video.js';
import type { ChannelFile } from '../qa-set/files.js';
import { droppableCount, fittedNarration, spokenForm } from './narration.js';

/** File names inside the version's `video/` folder. */
export const VIDEO_FILES = {
  vertical: 'video-doc-1080x1920.mp4',
  landscape: 'video-ngang-1920x1080.mp4',
  subtitles: 'phu-de.vtt',
  narration: 'loi-dan.json',
  preview: 'preview.html',
} as const;

/** Which infographics each format shows, in turn (those the version has). */
export const VIDEO_SLIDES: Record<VideoFormat, readonly string[]> = {
  vertical: ['poster', 'social'],
  landscape: ['eboard'],
};

export interface VideoNarrationRecord {
  sentences: string[];
  dropped: string[];
  seconds: number;
}

export interface VideoFiles {
  files: ChannelFile[];
  summary: string;
  problems: string[];
  narration: VideoNarrationRecord;
  videos: Record<VideoFormat, ShortVideo>;
}

export interface VideoFilesRequest {
  brief: ContentBrief;
  engine: SpeechEngine;
  voice?: TtsVoice;
  slides: Record<VideoFormat, Buffer[]>;
  cache?: SegmentCache;
}

/**
 * The preview page: a player per format, the narration below. The subtitles are burned into the
 * picture; the WebVTT track (what platforms take as a separate file) is offered but off, so the
 * text is not shown twice.
 */
export function videoPreviewHtml(brief: Pick<ContentBrief, 'headline'>, narration: VideoNarrationRecord): string {
  const player = (f: VideoFormat) => {
    const { width, height, label } = VIDEO_FORMATS[f];
    return `<section>
<h2>Video ${escapeXml(label)}</h2>
<video controls preload="metadata" width="${width}" height="${height}" data-format="${f}">
<source src="${VIDEO_FILES[f]}" type="video/mp4">
<track kind="subtitles" srclang="vi" label="Tiếng Việt" src="${VIDEO_FILES.subtitles}">
</video>
<p><a href="${VIDEO_FILES[f]}" download>Tải video ${escapeXml(label)}</a></p>
</section>`;
  };
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Video ngắn: ${escapeXml(brief.headline)}</title>
<style>body{font-family:"Be Vietnam Pro","Noto Sans",system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}h2{font-size:1.05rem}.players{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}video{display:block;max-width:100%;background:#000}video[data-format=vertical]{height:20rem;width:auto}video[data-format=landscape]{width:30rem;height:auto}ol{padding-left:1.25rem}</style>
</head>
<body>
<div class="players">
${player('vertical')}
${player('landscape')}
</div>
<h2>Lời dẫn (${escapeXml(formatDuration(narration.seconds))}, phụ đề tiếng Việt)</h2>
<ol>
${narration.sentences.map((s) => `<li>${escapeXml(s)}</li>`).join('\n')}
</ol>
${narration.dropped.length ? `<p>Đã lược ${narration.dropped.length} câu cuối để video không quá ${MAX_VIDEO_SECONDS} giây:</p>\n<ul>\n${narration.dropped.map((s) => `<li>${escapeXml(s)}</li>`).join('\n')}\n</ul>\n` : ''}</body>
</html>
`;
}

/**
 * Tries the narration whole, then without its last droppable sentence, and so on, while
 * `attempt` finds it too long (VideoTooLongError); the error of the shortest is thrown.
 */
export async function fitNarration<T>(brief: ContentBrief, attempt: (sentences: string[]) => Promise<T>): Promise<{ result: T; fitted: { sentences: string[]; dropped: string[] } }> {
  const max = droppableCount(brief);
  for (let drop = 0; ; drop += 1) {
    const fitted = fittedNarration(brief, drop);
    try {
      return { result: await attempt(fitted.sentences), fitted };
    } catch (err) {
      if (!(err instanceof VideoTooLongError) || drop >= max) throw err;
    }
  }
}

/**
 * Renders both formats. A narration longer than the limit loses whole sentences from its end
 * (never the headline, the first key message or the plan's attribution) until it fits.
 */
export async function videoFiles(req: VideoFilesRequest): Promise<VideoFiles> {
  const { brief } = req;
  const speak = spokenForm(brief);
  const render = (format: VideoFormat, sentences: string[]) =>
    renderShortVideo({ engine: req.engine, voice: req.voice, narration: sentences.join(' '), sentences, speak, slides: req.slides[format], format, title: brief.headline, cache: req.cache });
  const { result: vertical, fitted } = await fitNarration(brief, (sentences) => render('vertical', sentences));
  const landscape = await render('landscape', fitted.sentences);
  const narration: VideoNarrationRecord = { sentences: fitted.sentences, dropped: fitted.dropped, seconds: Math.round(vertical.durationSeconds * 10) / 10 };
  const seconds = Math.round(vertical.durationSeconds);
  const files: ChannelFile[] = [
    { name: VIDEO_FILES.vertical, body: vertical.mp4, contentType: 'video/mp4', what: `video ${VIDEO_FORMATS.vertical.label}, ${seconds} giây` },
    { name: VIDEO_FILES.landscape, body: landscape.mp4, contentType: 'video/mp4', what: `video ${VIDEO_FORMATS.landscape.label}, ${Math.round(landscape.durationSeconds)} giây` },
    { name: VIDEO_FILES.subtitles, body: vertical.vtt, contentType: 'text/vtt; charset=utf-8', what: `phụ đề tiếng Việt (WebVTT, ${vertical.cues.length} câu)` },
    { name: VIDEO_FILES.narration, body: JSON.stringify(narration, null, 2), contentType: 'application/json; charset=utf-8', what: 'lời dẫn (JSON)' },
    { name: VIDEO_FILES.preview, body: videoPreviewHtml(brief, narration), contentType: 'text/html; charset=utf-8', what: 'trang xem trước (HTML)' },
  ];
  return {
    files,
    summary: `2 video (dọc 1080×1920, ngang 1920×1080), ${seconds} giây, phụ đề tiếng Việt ${vertical.cues.length} câu${fitted.dropped.length ? `; đã lược ${fitted.dropped.length} câu cuối của lời dẫn để không quá ${MAX_VIDEO_SECONDS} giây` : ''}`,
    problems: [],
    narration,
    videos: { vertical, landscape },
  };
}
