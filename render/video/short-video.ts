/**
 * Short video from a campaign's infographics and its narration: a vertical 1080×1920 cut for
 * social and Zalo, a 1920×1080 one for e-boards. H.264/AAC MP4 of at most 60 s, the narration
 * spoken sentence by sentence (so each subtitle is timed by its own audio), the subtitles burned
 * in with the product's font and also given as a WebVTT file. Made with ffmpeg.
 */
import '../fonts.js';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TtsVoice } from '../../domain/localities.js';
import { FONT_FAMILY } from '../fonts.js';
import { audioDuration, DEFAULT_LOUDNESS, levelSegment, noSegmentCache, type SegmentCache } from '../audio/bulletin-audio.js';
import { SpeechEngineError, type SpeechEngine } from '../audio/speech-engine.js';

export const VIDEO_FORMATS = {
  vertical: { width: 1080, height: 1920, label: 'dọc 1080×1920 (mạng xã hội, Zalo)', fontSize: 9, marginV: 10 },
  landscape: { width: 1920, height: 1080, label: 'ngang 1920×1080 (màn hình công cộng)', fontSize: 13, marginV: 18 },
} as const;
export type VideoFormat = keyof typeof VIDEO_FORMATS;

/** The longest a short video may run (platform limits for short clips). */
export const MAX_VIDEO_SECONDS = 60;
const GAP_SECONDS = 0.35;
const FPS = 25;

export class VideoTooLongError extends Error {
  constructor(readonly seconds: number) {
    super(`Lời dẫn video dài ${Math.ceil(seconds)} giây, vượt giới hạn ${MAX_VIDEO_SECONDS} giây của video ngắn; hãy rút gọn lời dẫn.`);
    this.name = 'VideoTooLongError';
  }
}

export interface Cue {
  start: number;
  end: number;
  text: string;
}

export interface ShortVideoRequest {
  engine: SpeechEngine;
  /** Narration written for the ear; each sentence becomes one subtitle. */
  narration: string;
  /** The subtitles, when the caller has split the narration itself (else `narrationSentences`). */
  sentences?: readonly string[];
  /** What the engine reads for a subtitle (numbers, symbols in words); default: the subtitle itself. */
  speak?: (sentence: string) => string;
  voice?: TtsVoice;
  /** Images shown in turn (PNG or JPEG), each for an equal share of the narration. */
  slides: Buffer[];
  format: VideoFormat;
  title: string;
  cache?: SegmentCache;
  ffmpeg?: string;
}

export interface ShortVideo {
  mp4: Buffer;
  vtt: string;
  cues: Cue[];
  durationSeconds: number;
  width: number;
  height: number;
}

/** Sentences of the narration, as they are spoken and subtitled. */
export function narrationSentences(narration: string): string[] {
  return narration
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?…])\s+(?=\p{Lu}|\d|["“(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

const stamp = (t: number, sep: '.' | ',') => {
  const ms = Math.round(t * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${sep}${String(ms % 1000).padStart(3, '0')}`;
};

/** WebVTT for the cues. */
export function toWebVtt(cues: readonly Cue[]): string {
  return `WEBVTT\n\n${cues.map((c, i) => `${i + 1}\n${stamp(c.start, '.')} --> ${stamp(c.end, '.')}\n${c.text}\n`).join('\n')}`;
}

/** SubRip for the burn-in (what ffmpeg's subtitles filter reads). */
function toSrt(cues: readonly Cue[]): string {
  return cues.map((c, i) => `${i + 1}\n${stamp(c.start, ',')} --> ${stamp(c.end, ',')}\n${c.text}\n`).join('\n');
}

export async function renderShortVideo(req: ShortVideoRequest): Promise<ShortVideo> {
  const ffmpeg = req.ffmpeg ?? 'ffmpeg';
  const cache = req.cache ?? noSegmentCache;
  const fmt = VIDEO_FORMATS[req.format];
  if (req.slides.length === 0) throw new SpeechEngineError('Video cần ít nhất một ảnh (infographic của chiến dịch).');
  const sentences = req.sentences ? req.sentences.map((x) => x.trim()).filter(Boolean) : narrationSentences(req.narration);
  const speak = req.speak ?? ((x: string) => x);
  if (sentences.length === 0) throw new SpeechEngineError('Lời dẫn video trống.');
  const dir = await mkdtemp(path.join(tmpdir(), 'short-video-'));
  try {
    // The narration, a sentence at a time: its length times its subtitle.
    const voiceKey = JSON.stringify(req.voice ?? {});
    const parts: string[] = [];
    const cues: Cue[] = [];
    let t = 0;
    for (const [i, text] of sentences.entries()) {
      const spoken = speak(text);
      const key = createHash('sha256').update(`speech\0${req.engine.id}\0${voiceKey}\0${DEFAULT_LOUDNESS.integrated}\0${spoken}`).digest('hex');
      let mp3 = await cache.get(key);
      if (!mp3) {
        mp3 = (await levelSegment(await req.engine.synthesize({ text: spoken, voice: req.voice }), { ffmpeg })).mp3;
        await cache.put(key, mp3);
      }
      const file = path.join(dir, `s${i}.mp3`);
      await writeFile(file, mp3);
      const seconds = await audioDuration(file);
      parts.push(file);
      cues.push({ start: t, end: t + seconds, text });
      t += seconds + GAP_SECONDS;
    }
    const duration = t - GAP_SECONDS + 0.5;
    if (duration > MAX_VIDEO_SECONDS) throw new VideoTooLongError(duration);

    const slideSeconds = duration / req.slides.length;
    const slideFiles: string[] = [];
    for (const [i, body] of req.slides.entries()) {
      const file = path.join(dir, `slide${i}.img`);
      await writeFile(file, body);
      slideFiles.push(file);
    }
    await writeFile(path.join(dir, 'subs.srt'), toSrt(cues));
    const style = [`FontName=${FONT_FAMILY}`, `FontSize=${fmt.fontSize}`, 'PrimaryColour=&H00FFFFFF', 'BackColour=&H99000000', 'BorderStyle=4', 'Outline=0', 'Shadow=0', `MarginV=${fmt.marginV}`, 'Alignment=2', 'Bold=1'].join(',');
    const video = slideFiles
      // Each still is read and scaled once a second, then repeated to the frame rate.
      .map((_, i) => `[${i}:v]scale=${fmt.width}:${fmt.height}:force_original_aspect_ratio=decrease,pad=${fmt.width}:${fmt.height}:(ow-iw)/2:(oh-ih)/2:color=0x0B3D91,setsar=1,format=yuv420p,fps=${FPS},trim=duration=${slideSeconds.toFixed(3)}[v${i}]`)
      .join(';');
    const audioInputs = parts.length;
    const a0 = slideFiles.length;
    const audio = parts.map((_, i) => `[${a0 + i}:a]aresample=44100,aformat=channel_layouts=mono${i < parts.length - 1 ? `,apad=pad_dur=${GAP_SECONDS}` : ',apad=pad_dur=0.5'}[a${i}]`).join(';');
    const graph = [
      video,
      `${slideFiles.map((_, i) => `[v${i}]`).join('')}concat=n=${slideFiles.length}:v=1:a=0,subtitles=subs.srt:force_style='${style}'[vout]`,
      audio,
      `${parts.map((_, i) => `[a${i}]`).join('')}concat=n=${audioInputs}:v=0:a=1[aout]`,
    ].join(';');
    const out = path.join(dir, 'video.mp4');
    await runFfmpeg(
      ffmpeg,
      [
        '-hide_banner',
        '-nostats',
        '-y',
        ...slideFiles.flatMap((f) => ['-loop', '1', '-framerate', '1', '-t', slideSeconds.toFixed(3), '-i', f]),
        ...parts.flatMap((f) => ['-i', f]),
        '-filter_complex',
        graph,
        '-map',
        '[vout]',
        '-map',
        '[aout]',
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-crf',
        '23',
        '-tune',
        'stillimage',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-b:a',
        '128k',
        '-t',
        duration.toFixed(3),
        '-movflags',
        '+faststart',
        '-metadata',
        `title=${req.title}`,
        out,
      ],
      dir,
    );
    return { mp4: await readFile(out), vtt: toWebVtt(cues), cues, durationSeconds: await audioDuration(out), width: fmt.width, height: fmt.height };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** ffmpeg in `cwd` (the subtitles filter takes a relative path, free of escaping trouble). */
function runFfmpeg(binary: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err = (err + d.toString('utf8')).slice(-20_000);
    });
    child.on('error', (e: NodeJS.ErrnoException) => reject(new SpeechEngineError(e.code === 'ENOENT' ? `Không tìm thấy ffmpeg (${binary}); hãy cài gói Debian ffmpeg.` : `Không chạy được ffmpeg: ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new SpeechEngineError(`ffmpeg dừng với mã ${code} khi dựng video: ${err.trim().split('\n').slice(-3).join(' ')}`))));
  });
}
