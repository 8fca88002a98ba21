/**
 * Text-to-speech behind one small interface. The embedded engine is espeak-ng's Vietnamese
 * voices (a Debian package, installed by the product like tesseract); production points
 * SPEECH_ENGINE=http at a Vietnamese TTS service. Both speak exactly the script written for
 * the ear, and return audio bytes that ffmpeg can read (WAV from espeak-ng).
 */
import { spawn } from 'node:child_process';
import type { TtsVoice } from '../../domain/localities.js';

/** What to say and how; rate is a multiple of the engine's normal speed, pitch in semitones. */
export interface SpeechRequest {
  text: string;
  voice?: TtsVoice;
}

export interface SpeechEngine {
  /** Identifies engine, voice and settings: the same id and text give the same audio. */
  readonly id: string;
  /** Human name for messages ("espeak-ng (giọng vi)"). */
  readonly label: string;
  synthesize(request: SpeechRequest): Promise<Buffer>;
}

/** The engine could not speak: names the engine and what went wrong, in Vietnamese. */
export class SpeechEngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpeechEngineError';
  }
}

/** espeak-ng's Vietnamese voices (Northern, Central, Southern). */
export const ESPEAK_VOICES = ['vi', 'vi-vn-x-central', 'vi-vn-x-south'] as const;
export type EspeakVoice = (typeof ESPEAK_VOICES)[number];

/**
 * espeak-ng's speed in words per minute at rate 1. Vietnamese is written one syllable per word,
 * so this is syllables per minute; chosen so that the audio lasts about what the product's
 * reading-time estimate says (200 syllables a minute with breaths at sentence ends).
 */
export const ESPEAK_BASE_WPM = 125;
/** espeak-ng's pitch scale is 0–99 with 50 as normal; about 4 steps to a semitone. */
const PITCH_STEPS_PER_SEMITONE = 4;

export interface EspeakOptions {
  binary?: string;
  voice?: EspeakVoice;
}

export function espeakEngine(options: EspeakOptions = {}): SpeechEngine {
  const binary = options.binary ?? 'espeak-ng';
  const voice = options.voice ?? 'vi';
  return {
    id: `espeak-ng:${voice}:${ESPEAK_BASE_WPM}`,
    label: `espeak-ng (giọng ${voice})`,
    synthesize: ({ text, voice: tts }) => {
      const wpm = Math.round(ESPEAK_BASE_WPM * (tts?.rate ?? 1));
      const pitch = Math.min(99, Math.max(0, Math.round(50 + (tts?.pitch ?? 0) * PITCH_STEPS_PER_SEMITONE)));
      // -z: no trailing pause; the text comes on stdin so no quoting or length limit applies.
      return run(binary, ['-v', voice, '-s', String(wpm), '-p', String(pitch), '-z', '--stdout'], text, 'espeak-ng');
    },
  };
}

export interface HttpEngineOptions {
  url: string;
  apiKey?: string;
  voice?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * A TTS service over HTTP: POST JSON `{ text, voice, rate, pitch }`, answered with audio bytes
 * (WAV, MP3 or anything ffmpeg reads). The key travels in the Authorization header and comes
 * from configuration only.
 */
export function httpSpeechEngine(options: HttpEngineOptions): SpeechEngine {
  const doFetch = options.fetch ?? fetch;
  const host = new URL(options.url).host;
  return {
    id: `http:${options.url}:${options.voice ?? ''}`,
    label: `dịch vụ đọc văn bản ${host}`,
    async synthesize({ text, voice }) {
      let res: Response;
      try {
        res = await doFetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'audio/*', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
          body: JSON.stringify({ text, voice: options.voice, rate: voice?.rate ?? 1, pitch: voice?.pitch ?? 0 }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
        });
      } catch (err) {
        throw new SpeechEngineError(`Không gọi được dịch vụ đọc văn bản ${host}: ${(err as Error).message}`);
      }
      if (!res.ok) throw new SpeechEngineError(`Dịch vụ đọc văn bản ${host} trả lỗi ${res.status}${res.status === 401 || res.status === 403 ? ' (kiểm tra SPEECH_API_KEY)' : ''}.`);
      const type = res.headers.get('content-type') ?? '';
      if (!/^audio\/|^application\/octet-stream/.test(type)) throw new SpeechEngineError(`Dịch vụ đọc văn bản ${host} không trả về âm thanh (Content-Type: ${type || 'không có'}).`);
      const body = Buffer.from(await res.arrayBuffer());
      if (body.length === 0) throw new SpeechEngineError(`Dịch vụ đọc văn bản ${host} trả về tệp âm thanh rỗng.`);
      return body;
    },
  };
}

/** Runs a program with `input` on stdin and returns its stdout; a failure names the program. */
export function run(binary: string, args: string[], input: string | undefined, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      err = (err + d.toString('utf8')).slice(-4000);
    });
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(new SpeechEngineError(e.code === 'ENOENT' ? `Không tìm thấy chương trình ${name} (${binary}); hãy cài gói Debian ${name} hoặc chạy npm start để cài.` : `Không chạy được ${name}: ${e.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new SpeechEngineError(`${name} dừng với mã ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}
