/**
 * Bulletin audio with the real programs (espeak-ng, ffmpeg): what an operator's player gets.
 * Loudness is measured the way the issue states it, with ffmpeg's ebur128 filter.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateReadingTime } from '../../../domain/speech/reading-time.js';
import { measureLoudness, renderBulletinAudio, type SegmentCache } from '../../../render/audio/bulletin-audio.js';
import { espeakEngine, httpSpeechEngine } from '../../../render/audio/speech-engine.js';

const BODY = [
  'Hưởng ứng Ngày Nhà giáo Việt Nam hai mươi tháng mười một, Ủy ban nhân dân thông báo đến toàn thể bà con.',
  'Năm học hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm hai mươi sáu, phấn đấu tối thiểu bảy mươi phần trăm trường học đạt chuẩn quốc gia.',
  'Đề nghị các gia đình quan tâm, phối hợp với nhà trường trong việc giáo dục con em. Xin trân trọng cảm ơn bà con đã lắng nghe.',
].join('\n\n');
const script = (commune: string) => `Kính thưa bà con nhân dân ${commune}!\n\n${BODY}`;
const tags = (unit: string) => ({ title: 'Tri ân thầy cô', unit, station: `Đài truyền thanh ${unit.toLowerCase()}`, date: '2026-11-19', priority: 'thông thường' });

function memoryCache(): SegmentCache & { size: () => number } {
  const m = new Map<string, Buffer>();
  return { get: async (k) => m.get(k), put: async (k, b) => void m.set(k, b), size: () => m.size };
}

function writeTemp(body: Buffer, name: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'audio-test-')), name);
  writeFileSync(file, body);
  return file;
}

function probe(file: string) {
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], { encoding: 'utf8' })) as {
    streams: { codec_name: string; sample_rate: string; channels: number }[];
    format: { duration: string; tags?: Record<string, string> };
  };
}

describe('bulletin audio for a smart loudspeaker station', { timeout: 120_000 }, () => {
  const text = script('xã Đồng Đăng');
  const made = memoryCache();
  let plain: Awaited<ReturnType<typeof renderBulletinAudio>>;
  beforeAll(async () => {
    plain = await renderBulletinAudio({ engine: espeakEngine(), script: text, tags: tags('Xã Đồng Đăng'), cache: made });
  }, 120_000);

  it('is a mono MP3 at 44.1 kHz, at −16 LUFS within 1 LU, true peak ≤ −1 dBTP, lasting about what the script’s reading time says, tagged', async () => {
    const audio = plain;
    const file = writeTemp(audio.mp3, 'bulletin.mp3');
    const info = probe(file);
    expect(info.streams).toHaveLength(1);
    expect(info.streams[0]).toMatchObject({ codec_name: 'mp3', sample_rate: '44100', channels: 1 });

    const measured = await measureLoudness(file);
    expect(Math.abs(measured.integrated - -16)).toBeLessThanOrEqual(1);
    expect(measured.truePeak).toBeLessThanOrEqual(-1);

    const estimate = estimateReadingTime(text).seconds;
    expect(Number(info.format.duration)).toBeGreaterThan(estimate * 0.8);
    expect(Number(info.format.duration)).toBeLessThan(estimate * 1.2);

    expect(info.format.tags).toMatchObject({ title: 'Tri ân thầy cô', artist: 'Đài truyền thanh xã đồng đăng', album: 'Xã Đồng Đăng', date: '2026-11-19', comment: 'Mức ưu tiên: thông thường' });
  });

  it('speaks the text shared by every commune once: a second station synthesises only its own greeting', async () => {
    const cache = memoryCache();
    const first = await renderBulletinAudio({ engine: espeakEngine(), script: script('xã Đồng Đăng'), tags: tags('Xã Đồng Đăng'), cache });
    const second = await renderBulletinAudio({ engine: espeakEngine(), script: script('phường Lương Văn Tri'), tags: tags('Phường Lương Văn Tri'), cache });
    expect([first.synthesized, first.reused]).toEqual([4, 0]);
    expect([second.synthesized, second.reused]).toEqual([1, 3]);
    expect(Math.abs(second.loudness.integrated - -16)).toBeLessThanOrEqual(1);
  });

  it('plays the station’s own intro and outro around the bulletin, at the same level', async () => {
    // A station jingle, much quieter than the target (−35 dBFS tones).
    const jingle = execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=660:duration=2', '-af', 'volume=-35dB', '-f', 'wav', '-']);
    // The spoken paragraphs come from the cache; only the jingle is levelled now.
    const framed = await renderBulletinAudio({ engine: espeakEngine(), script: text, tags: tags('Xã Đồng Đăng'), intro: jingle, outro: jingle, cache: made });
    expect(framed.synthesized).toBe(1);
    expect(framed.durationSeconds - plain.durationSeconds).toBeGreaterThan(4.5);
    expect(Math.abs(framed.loudness.integrated - -16)).toBeLessThanOrEqual(1);
    expect(framed.loudness.truePeak).toBeLessThanOrEqual(-1);
  });

  it('takes its speech from a TTS service over HTTP, with the key in the header and the station’s rate', async () => {
    const wav = await espeakEngine().synthesize({ text: 'Kính thưa bà con.' });
    const seen: { auth?: string; body: { text: string; rate: number; voice: string } }[] = [];
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
        if (req.headers.authorization !== 'Bearer k-123') {
          res.writeHead(401).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'audio/wav' }).end(wav);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tts`;
    try {
      const audio = await renderBulletinAudio({ engine: httpSpeechEngine({ url, apiKey: 'k-123', voice: 'nu-mien-bac' }), script: 'Kính thưa bà con.', voice: { rate: 0.9 }, tags: tags('Xã Đồng Đăng') });
      expect(audio.durationSeconds).toBeGreaterThan(0.5);
      expect(seen[0]).toEqual({ auth: 'Bearer k-123', body: { text: 'Kính thưa bà con.', voice: 'nu-mien-bac', rate: 0.9, pitch: 0 } });
      await expect(httpSpeechEngine({ url, apiKey: 'sai' }).synthesize({ text: 'x' })).rejects.toThrow(/trả lỗi 401 \(kiểm tra SPEECH_API_KEY\)/);
    } finally {
      server.close();
    }
  });

  it('names the missing program instead of failing obscurely', async () => {
    await expect(espeakEngine({ binary: '/nonexistent/espeak-ng' }).synthesize({ text: 'Xin chào.' })).rejects.toThrow(/Không tìm thấy chương trình espeak-ng/);
  });
});
