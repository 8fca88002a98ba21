import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointsFromConfig, parseConfig } from '../../../infra/config.js';

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.temporal.address).toBeUndefined();
    expect(result.config.s3.endpoint).toBeUndefined();
    expect(result.config.smtp.url).toBeUndefined();
    expect(result.config.dataDir).toBe(path.resolve('.data'));
    const endpoints = endpointsFromConfig(result.config, 'x'.repeat(32));
    expect(endpoints.temporalAddress).toBe('127.0.0.1:7233');
    expect(endpoints.s3.endpoint).toBe('http://127.0.0.1:4569');
    expect(endpoints.smtpUrl).toBe('smtp://127.0.0.1:1025');
    expect(endpoints.publicBaseUrl).toBe('http://localhost:3000');
  });

  it('uses external services when their addresses are given', () => {
    const result = parseConfig({
      TEMPORAL_ADDRESS: 'temporal.example.org:7233',
      S3_ENDPOINT: 'https://s3.example.org',
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
      PUBLIC_BASE_URL: 'https://truyenthong.example.org/',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const endpoints = endpointsFromConfig(result.config, 'x'.repeat(32));
    expect(endpoints.temporalAddress).toBe('temporal.example.org:7233');
    expect(endpoints.temporalUi).toBeUndefined();
    expect(endpoints.s3.endpoint).toBe('https://s3.example.org');
    expect(endpoints.smtpUrl).toBe('smtps://user:secret@mail.example.org:465');
    expect(endpoints.mailUi).toBeUndefined();
    expect(endpoints.publicBaseUrl).toBe('https://truyenthong.example.org');
  });

  it('lists every bad value by variable name, all at once', () => {
    const result = parseConfig({
      TEMPORAL_ADDRESS: 'not an address',
      WEB_PORT: '99999',
      S3_ENDPOINT: 'ftp://files.example.org',
      SMTP_URL: 'mail.example.org',
      APPROVAL_SECRET: 'short',
      S3_BUCKET: 'Bad_Bucket',
      S3_FORCE_PATH_STYLE: 'maybe',
      SMTP_FROM: 'nobody',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.variable).sort()).toEqual(
      ['APPROVAL_SECRET', 'S3_BUCKET', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE', 'SMTP_FROM', 'SMTP_URL', 'TEMPORAL_ADDRESS', 'WEB_PORT'].sort(),
    );
    const port = result.problems.find((p) => p.variable === 'WEB_PORT')!;
    expect(port.value).toBe('99999');
    expect(port.message).toMatch(/cổng/);
  });

  it('stops `campaign doctor` with the problems listed and no stack trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const out = spawnSync(process.execPath, ['bin/campaign.js', 'doctor'], {
      env: { ...process.env, WEB_PORT: 'abc', TEMPORAL_ADDRESS: 'x' },
      encoding: 'utf8',
    });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('WEB_PORT');
    expect(out.stderr).toContain('TEMPORAL_ADDRESS');
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
  it('speaks with the embedded espeak-ng voice by default; a TTS service needs its address; a wrong voice is named', () => {
    const dflt = parseConfig({});
    expect(dflt.ok && dflt.config.speech).toEqual({ engine: 'espeak', url: undefined, apiKey: undefined, voice: 'vi', loudness: -16 });
    const http = parseConfig({ SPEECH_ENGINE: 'http', SPEECH_URL: 'https://tts.example.org/v1/speak', SPEECH_API_KEY: 'k', SPEECH_VOICE: 'banmai' });
    expect(http.ok && http.config.speech).toMatchObject({ engine: 'http', url: 'https://tts.example.org/v1/speak', apiKey: 'k', voice: 'banmai' });
    const bad = parseConfig({ SPEECH_ENGINE: 'http', AUDIO_LOUDNESS: '-5' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.variable)).toEqual(['AUDIO_LOUDNESS']);
    const noUrl = parseConfig({ SPEECH_ENGINE: 'http' });
    expect(!noUrl.ok && noUrl.problems).toEqual([{ variable: 'SPEECH_URL', message: 'cần địa chỉ dịch vụ đọc văn bản khi SPEECH_ENGINE=http' }]);
    const voice = parseConfig({ SPEECH_VOICE: 'vi-hue' });
    expect(!voice.ok && voice.problems[0]).toMatchObject({ variable: 'SPEECH_VOICE', message: expect.stringContaining('vi-vn-x-central (miền Trung)') });
  });
});
