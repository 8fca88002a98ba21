/**
 * A bulletin as a file for an IP ("smart") loudspeaker system: the station's intro, the spoken
 * script and its outro, joined, levelled to a stated loudness (EBU R 128 integrated loudness,
 * −16 LUFS by default, true peak ≤ −1 dBTP) and encoded as mono MP3 at 44.1 kHz with ID3 tags
 * (title, unit, date, priority). Loudness is measured with ffmpeg's ebur128 filter, the same
 * measurement the tests and the operator's tools use, and the gain is corrected until the file
 * is within half a loudness unit of the target.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { TtsVoice } from '../../domain/localities.js';
import { run, SpeechEngineError, type SpeechEngine } from './speech-engine.js';

export interface LoudnessTarget {
  /** Integrated loudness, LUFS. */
  integrated: number;
  /** Highest true peak allowed, dBTP. */
  truePeak: number;
}

/** The product's default for loudspeaker bulletins (the level of speech programmes on the web and mobile). */
export const DEFAULT_LOUDNESS: LoudnessTarget = { integrated: -16, truePeak: -1 };
export const AUDIO_SAMPLE_RATE = 44_100;
const BITRATE = '96k';

export interface AudioTags {
  title: string;
  /** The unit whose station broadcasts it, e.g. "Phường Bắc Kạn". */
  unit: string;
  /** The station's on-air name, e.g. "Đài truyền thanh phường Bắc Kạn". */
  station: string;
  /** Broadcast day, YYYY-MM-DD. */
  date: string;
  /** Priority label in Vietnamese ("thông thường", "ưu tiên", "khẩn cấp"). */
  priority: string;
}

export interface Loudness {
  integrated: number;
  truePeak: number;
}

export interface BulletinAudio {
  mp3: Buffer;
  durationSeconds: number;
  loudness: Loudness;
}

const dbToLinear = (db: number) => Math.pow(10, db / 20);

/** Reads ebur128's summary (and the input's duration) from ffmpeg's report. */
function parseLoudness(report: string): Loudness & { seconds?: number } {
  const summary = report.slice(report.lastIndexOf('Summary:'));
  const integrated = Number(summary.match(/I:\s+(-?[\d.]+|-inf) LUFS/)?.[1] ?? NaN);
  const truePeak = Number(summary.match(/Peak:\s+(-?[\d.]+|-inf) dBFS/)?.[1] ?? NaN);
  if (!Number.isFinite(integrated) || !Number.isFinite(truePeak)) throw new SpeechEngineError('ffmpeg không đo được độ lớn âm thanh (ebur128).');
  const d = report.match(/Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/);
  return { integrated, truePeak, ...(d ? { seconds: Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]) } : {}) };
}

/** Integrated loudness and true peak of an audio file, by ffmpeg's ebur128 filter. */
export async function measureLoudness(file: string, ffmpeg = 'ffmpeg'): Promise<Loudness & { seconds?: number }> {
  return parseLoudness(await runCapturingStderr(ffmpeg, ['-hide_banner', '-nostats', '-i', file, '-filter_complex', 'ebur128=peak=true', '-f', 'null', '-']));
}

/** A filter graph's output written to `file` and measured on the way, in one ffmpeg run. */
const measuredOutput = (graph: string) => `${graph},asplit[out][m];[m]ebur128=peak=true,anullsink`;

/** Duration of an audio file in seconds (ffprobe). */
export async function audioDuration(file: string, ffprobe = 'ffprobe'): Promise<number> {
  const out = await run(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=noprint_wrappers=1:nokey=1', file], undefined, 'ffprobe');
  const seconds = Number(out.toString('utf8').trim());
  if (!Number.isFinite(seconds)) throw new SpeechEngineError('ffprobe không đọc được độ dài tệp âm thanh.');
  return seconds;
}

/** Where levelled segments are kept between bulletins (the object store in the product). */
export interface SegmentCache {
  get(key: string): Promise<Buffer | undefined>;
  put(key: string, body: Buffer): Promise<void>;
}

/** A cache that forgets: every segment is made again. */
export const noSegmentCache: SegmentCache = { get: async () => undefined, put: async () => undefined };

/**
 * Levels one piece of audio (a spoken paragraph, a station's jingle) to the target and encodes
 * it as mono MP3: gently compressed so that speech peaks do not stop the level from reaching the
 * target, then gain and a limiter, measured again until within half a loudness unit.
 */
export async function levelSegment(audio: Buffer, options: { target?: LoudnessTarget; ffmpeg?: string } = {}): Promise<{ mp3: Buffer; loudness: Loudness; seconds: number }> {
  const ffmpeg = options.ffmpeg ?? 'ffmpeg';
  const target = options.target ?? DEFAULT_LOUDNESS;
  const dir = await mkdtemp(path.join(tmpdir(), 'bulletin-audio-'));
  try {
    const input = path.join(dir, 'segment.in');
    await writeFile(input, audio);
    const premaster = path.join(dir, 'premaster.wav');
    const before = parseLoudness(
      await runCapturingStderr(ffmpeg, ['-hide_banner', '-nostats', '-y', '-i', input, '-filter_complex', measuredOutput('[0:a]aresample=48000,aformat=channel_layouts=mono,highpass=f=70,acompressor=threshold=0.125:ratio=3:attack=5:release=120'), '-map', '[out]', '-c:a', 'pcm_s16le', premaster]),
    );
    if (before.integrated < -60) throw new SpeechEngineError('Âm thanh gần như im lặng; kiểm tra công cụ đọc văn bản hoặc tệp nhạc hiệu.');
    const mp3 = path.join(dir, 'segment.mp3');
    const limit = dbToLinear(target.truePeak - 1);
    let gain = target.integrated - before.integrated;
    let loudness: Loudness & { seconds?: number } = before;
    for (let attempt = 0; attempt < 3; attempt++) {
      // Measured on the encoded file, as the station will play it (MP3 at this rate reads about
      // half a unit quieter than the signal that went in).
      const filter = `volume=${gain.toFixed(2)}dB,alimiter=limit=${limit.toFixed(4)}:attack=2:release=50:level=disabled,aresample=${AUDIO_SAMPLE_RATE}`;
      await runCapturingStderr(ffmpeg, ['-hide_banner', '-nostats', '-y', '-i', premaster, '-af', filter, '-ac', '1', '-c:a', 'libmp3lame', '-b:a', BITRATE, '-write_xing', '0', mp3]);
      loudness = await measureLoudness(mp3, ffmpeg);
      const miss = target.integrated - loudness.integrated;
      if (Math.abs(miss) <= 0.5 && loudness.truePeak <= target.truePeak) break;
      // The limiter takes some loudness when the gain is large: ask for the difference again.
      if (loudness.truePeak > target.truePeak) gain -= loudness.truePeak - target.truePeak + 0.2;
      else gain += miss;
    }
    const { integrated, truePeak, seconds } = loudness;
    return { mp3: await readFile(mp3), loudness: { integrated, truePeak }, seconds: seconds ?? (await audioDuration(mp3)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Half a second of silence in the segments' format, put between paragraphs. */
async function silence(ffmpeg: string, seconds: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bulletin-silence-'));
  try {
    const file = path.join(dir, 'silence.mp3');
    await runCapturingStderr(ffmpeg, ['-hide_banner', '-nostats', '-y', '-f', 'lavfi', '-i', `anullsrc=r=${AUDIO_SAMPLE_RATE}:cl=mono`, '-t', String(seconds), '-c:a', 'libmp3lame', '-b:a', BITRATE, '-write_xing', '0', file]);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface BulletinAudioRequest {
  engine: SpeechEngine;
  /** The script written for the ear, as paragraphs (blank-line separated text is split). */
  script: string;
  voice?: TtsVoice;
  /** The station's own jingles, if it has them (any format ffmpeg reads). */
  intro?: Buffer;
  outro?: Buffer;
  tags: AudioTags;
  target?: LoudnessTarget;
  cache?: SegmentCache;
  ffmpeg?: string;
}

export interface BulletinAudioResult extends BulletinAudio {
  /** Paragraphs spoken now, and those found already levelled in the cache. */
  synthesized: number;
  reused: number;
}

const hash = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

/**
 * One bulletin for one station. Each distinct paragraph is spoken and levelled once and kept in
 * the cache (a national bulletin differs between communes only in the lines that name them), and
 * a station's file is its segments joined without re-encoding, then tagged. Every segment is at
 * the target, so the whole is too (checked by the tests with ebur128).
 */
export async function renderBulletinAudio(req: BulletinAudioRequest): Promise<BulletinAudioResult> {
  const ffmpeg = req.ffmpeg ?? 'ffmpeg';
  const target = req.target ?? DEFAULT_LOUDNESS;
  const cache = req.cache ?? noSegmentCache;
  const settings = `${target.integrated}/${target.truePeak}/${AUDIO_SAMPLE_RATE}/${BITRATE}`;
  let synthesized = 0;
  let reused = 0;
  const segment = async (key: string, make: () => Promise<Buffer>): Promise<Buffer> => {
    const cached = await cache.get(key);
    if (cached) {
      reused += 1;
      return cached;
    }
    const { mp3 } = await levelSegment(await make(), { target, ffmpeg });
    await cache.put(key, mp3);
    synthesized += 1;
    return mp3;
  };
  const paragraphs = req.script
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (paragraphs.length === 0) throw new SpeechEngineError('Kịch bản trống: không có gì để đọc.');
  const voiceKey = JSON.stringify(req.voice ?? {});
  const pieces: Buffer[] = [];
  if (req.intro) pieces.push(await segment(hash('jingle', settings, req.intro), async () => req.intro!));
  for (const text of paragraphs) pieces.push(await segment(hash('speech', req.engine.id, voiceKey, settings, text), () => req.engine.synthesize({ text, voice: req.voice })));
  if (req.outro) pieces.push(await segment(hash('jingle', settings, req.outro), async () => req.outro!));
  // Silence has no loudness to level: it is kept as made.
  const gapKey = hash('silence', settings);
  let gap = await cache.get(gapKey);
  if (!gap) {
    gap = await silence(ffmpeg, 0.5);
    await cache.put(gapKey, gap);
  }
  const joined: Buffer[] = [];
  pieces.forEach((p, i) => {
    if (i > 0) joined.push(gap!);
    joined.push(p);
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'bulletin-join-'));
  try {
    const list: string[] = [];
    for (const [i, body] of joined.entries()) {
      const file = path.join(dir, `part-${i}.mp3`);
      await writeFile(file, body);
      list.push(`file '${file}'`);
    }
    await writeFile(path.join(dir, 'list.txt'), list.join('\n'));
    const out = path.join(dir, 'bulletin.mp3');
    const t = req.tags;
    const tags = { title: t.title, artist: t.station, album: t.unit, date: t.date, comment: `Mức ưu tiên: ${t.priority}`, priority: t.priority };
    await runCapturingStderr(ffmpeg, [
      '-hide_banner',
      '-nostats',
      '-y',
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      path.join(dir, 'list.txt'),
      '-c',
      'copy',
      '-id3v2_version',
      '3',
      ...Object.entries(tags).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]),
      out,
    ]);
    const measured = parseLoudness(await runCapturingStderr(ffmpeg, ['-hide_banner', '-nostats', '-i', out, '-filter_complex', 'ebur128=peak=true', '-f', 'null', '-']));
    const durationSeconds = measured.seconds ?? (await audioDuration(out));
    return { mp3: await readFile(out), durationSeconds, loudness: { integrated: measured.integrated, truePeak: measured.truePeak }, synthesized, reused };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs ffmpeg (which reports on stderr) and returns stderr; a failure quotes its last lines. */
function runCapturingStderr(binary: string, args: string[]): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString('utf8');
      if (err.length > 200_000) err = err.slice(-100_000);
    });
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(new SpeechEngineError(e.code === 'ENOENT' ? `Không tìm thấy ffmpeg (${binary}); hãy cài gói Debian ffmpeg hoặc chạy npm start để cài.` : `Không chạy được ffmpeg: ${e.message}`)),
    );
    child.on('close', (code) => (code === 0 ? resolve(err) : reject(new SpeechEngineError(`ffmpeg dừng với mã ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`))));
  });
}
