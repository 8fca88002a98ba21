/**
 * Short videos with the real programs (espeak-ng, ffmpeg): what a Fanpage or an e-board gets.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderInfographic } from '../../../channels/infographic/render/render.js';
import { espeakEngine, type SpeechEngine } from '../../../render/audio/speech-engine.js';
import { narrationSentences, renderShortVideo, VideoTooLongError } from '../../../render/video/short-video.js';
import { langSonTeachersDay } from '../../fixtures/briefs.js';

const NARRATION =
  'Kính thưa bà con! Hưởng ứng Ngày Nhà giáo Việt Nam hai mươi tháng mười một, tỉnh Lạng Sơn phấn đấu tối thiểu bảy mươi phần trăm trường học đạt chuẩn quốc gia. Hãy cùng tri ân các thầy cô giáo.';

function probe(body: Buffer) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'video-test-')), 'v.mp4');
  writeFileSync(file, body);
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], { encoding: 'utf8' })) as {
    streams: { codec_type: string; codec_name: string; width?: number; height?: number }[];
    format: { duration: string; format_name: string };
  };
}

describe('short video from the infographics and the narration', { timeout: 180_000 }, () => {
  let poster: Buffer;
  let eboard: Buffer;
  beforeAll(async () => {
    poster = (await renderInfographic(langSonTeachersDay, 'poster', { formats: ['png'] })).png!;
    eboard = (await renderInfographic(langSonTeachersDay, 'eboard', { formats: ['png'] })).png!;
  }, 60_000);

  it('vertical for social: H.264/AAC 1080×1920, as long as its narration, one subtitle per spoken sentence', async () => {
    const video = await renderShortVideo({ engine: espeakEngine(), narration: NARRATION, slides: [poster], format: 'vertical', title: 'Tri ân thầy cô' });
    const info = probe(video.mp4);
    expect(info.format.format_name).toContain('mp4');
    expect(info.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 1080, height: 1920 });
    expect(info.streams.find((s) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'aac' });
    const seconds = Number(info.format.duration);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(Math.abs(seconds - video.cues.at(-1)!.end)).toBeLessThan(1.5);

    const sentences = narrationSentences(NARRATION);
    expect(sentences).toEqual(['Kính thưa bà con!', expect.stringMatching(/^Hưởng ứng Ngày Nhà giáo Việt Nam/), 'Hãy cùng tri ân các thầy cô giáo.']);
    expect(video.cues.map((c) => c.text)).toEqual(sentences);
    for (const [i, c] of video.cues.entries()) {
      expect(c.end).toBeGreaterThan(c.start);
      if (i > 0) expect(c.start).toBeGreaterThanOrEqual(video.cues[i - 1]!.end);
    }
    expect(video.vtt.startsWith('WEBVTT\n\n1\n00:00:00.000 --> ')).toBe(true);
    expect(video.vtt).toContain('\nHãy cùng tri ân các thầy cô giáo.\n');
  });

  it('landscape for e-boards: 1920×1080 from the e-board image', async () => {
    const video = await renderShortVideo({ engine: espeakEngine(), narration: 'Kính thưa bà con! Hãy cùng tri ân các thầy cô giáo.', slides: [eboard], format: 'landscape', title: 'Tri ân thầy cô' });
    expect(probe(video.mp4).streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 1920, height: 1080 });
  });

  it('refuses a narration longer than a minute, saying how long it is', async () => {
    // An engine that "speaks" 61 seconds of tone for any text.
    const slow: SpeechEngine = {
      id: 'tone-61',
      label: 'tone',
      synthesize: async () => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=61', '-ar', '8000', '-f', 'wav', '-'], { maxBuffer: 16 * 1024 * 1024 }),
    };
    const err = await renderShortVideo({ engine: slow, narration: 'Một câu rất dài.', slides: [poster], format: 'vertical', title: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VideoTooLongError);
    expect((err as Error).message).toMatch(/dài 6[12] giây, vượt giới hạn 60 giây/);
  });
});
