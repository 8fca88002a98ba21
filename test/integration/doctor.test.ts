/**
 * `campaign doctor` and `/healthz` against the real services: green when everything runs,
 * and a named failure when a dependency is unreachable.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../web/app.js';
import { startWebServer, type WebServerHandle } from '../../web/server.js';
import { freePort } from '../support/ports.js';
import { startTestWorker } from '../support/temporal.js';
import { runCampaign } from '../support/cli-process.js';
import { createS3Client, ensureBucket } from '../../infra/s3.js';

const endpoints = inject('endpoints');
const dataDir = inject('dataDir');
const taskQueue = `it-doctor-${randomUUID().slice(0, 8)}`;

function runDoctor(args: string[], env: Record<string, string>) {
  return runCampaign(['doctor', ...args], { ...process.env, ...env });
}

describe('campaign doctor and /healthz on real services', () => {
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let web: WebServerHandle;
  let env: Record<string, string>;

  beforeAll(async () => {
    worker = await startTestWorker(endpoints, taskQueue);
    const webPort = await freePort();
    web = await startWebServer(createApp({ endpoints: { ...endpoints, taskQueue } }), '127.0.0.1', webPort);
    env = {
      DATA_DIR: dataDir,
      TEMPORAL_ADDRESS: endpoints.temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      S3_ENDPOINT: endpoints.s3.endpoint,
      S3_BUCKET: endpoints.s3.bucket,
      SMTP_URL: endpoints.smtpUrl,
      WEB_PORT: String(webPort),
    };
  });
  afterAll(async () => {
    await web?.stop();
    await worker?.stop();
  });

  it('/healthz says only ok when every dependency is up: no addresses, no versions', async () => {
    const res = await fetch(`${web.url}/healthz`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'ok' });
    expect(text).not.toContain(endpoints.temporalAddress);
    expect(text).not.toContain(new URL(endpoints.s3.endpoint).host);
  });

  it('doctor --deep exits 0 with a table of every service', async () => {
    const out = await runDoctor(['--deep', '--json'], env);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as { ok: boolean; checks: { service: string; state: string; address: string; version?: string }[] };
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.service)).toEqual(['temporal', 'worker', 'objectStore', 'smtp', 'directory', 'plans', 'web', 'speech', 'social', 'worker']);
    // No social accounts file: a working setup where packs go to the editors by email.
    expect(report.checks.find((c) => c.service === 'social')).toMatchObject({ state: 'up', detail: expect.stringContaining('gói bài mạng xã hội gửi biên tập viên qua email') });
    // The audio path for smart loudspeakers: espeak-ng spoke and ffmpeg levelled a sentence.
    expect(report.checks.find((c) => c.service === 'speech')).toMatchObject({ state: 'up', address: 'espeak-ng (giọng vi)', detail: expect.stringMatching(/LUFS/) });
    // The directory the setup seeded is readable, and the shipped plans have their issuing units.
    expect(report.checks.find((c) => c.service === 'directory')).toMatchObject({ state: 'up', detail: expect.stringMatching(/^\d+ đơn vị, 3 kế hoạch có đơn vị ban hành$/) });
    // The plan library the setup seeded holds the shipped plans, each readable.
    expect(report.checks.find((c) => c.service === 'plans')).toMatchObject({ state: 'up', detail: expect.stringMatching(/^\d+ kế hoạch, \d+ phiên bản$/) });
    // The details /healthz no longer gives are here.
    const temporal = report.checks.find((c) => c.service === 'temporal')!;
    expect(temporal.address).toBe(endpoints.temporalAddress);
    expect(temporal.version).toMatch(/^\d+\.\d+/);
    const human = await runDoctor([], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Dịch vụ\s+Địa chỉ\s+Trạng thái\s+Phiên bản/);
    expect(human.stdout).toContain('Mọi dịch vụ đều hoạt động.');
  });

  it('doctor names the units whose Facebook Page or Zalo OA is configured, never a token', async () => {
    const token = 'EAAB-bi-mat-cua-phuong-0123456789';
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'doctor-social-')), 'accounts.yaml');
    writeFileSync(file, `units:\n  phuong-bac-kan:\n    facebook: { pageId: "1234567890", accessToken: "${token}" }\n`);
    const out = await runDoctor(['--json'], { ...env, SOCIAL_ACCOUNTS_FILE: file });
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as { checks: { service: string; state: string; address: string; detail?: string }[] };
    expect(report.checks.find((c) => c.service === 'social')).toEqual({
      service: 'social',
      address: file,
      state: 'up',
      detail: 'tệp hợp lệ; 1 đơn vị có Trang Facebook, 0 đơn vị có Zalo OA: Phường Bắc Kạn (Trang Facebook); các đơn vị khác nhận gói bài qua email',
    });
    expect(out.stdout).not.toContain(token);
  });

  it('doctor exits 1 and names the object store when it is unreachable', async () => {
    const closed = await freePort();
    const out = await runDoctor(['--json'], { ...env, S3_ENDPOINT: `http://127.0.0.1:${closed}` });
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout) as { ok: boolean; checks: { service: string; state: string }[] };
    expect(report.checks.filter((c) => c.state === 'down').map((c) => c.service)).toEqual(['objectStore', 'directory', 'plans']);
  });

  it('doctor exits 1 when the directory and the plan library are empty: never seeded, nothing imported', async () => {
    const bucket = `doctor-${randomUUID().slice(0, 8)}`;
    await ensureBucket(createS3Client(endpoints.s3), bucket);
    const out = await runDoctor(['--json'], { ...env, S3_BUCKET: bucket });
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout) as { checks: { service: string; state: string; detail?: string }[] };
    expect(report.checks.filter((c) => c.state === 'down')).toEqual([
      expect.objectContaining({ service: 'directory', detail: expect.stringContaining('danh bạ trống') }),
      expect.objectContaining({ service: 'plans', detail: expect.stringContaining('kho kế hoạch trống') }),
    ]);
  });
});
