/**
 * One set of real embedded services for the campaign benches (Temporal dev server, VersityGW,
 * maildev) in a temp folder on free loopback ports, with the web server for approval links;
 * started on first use and stopped by `npm run bench` at the end. Workers are the bench's own
 * processes (as `npm start` runs them), so their memory can be read.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { temporalGateway } from '../infra/campaign-gateway.js';
import { parseConfig, type Endpoints } from '../infra/config.js';
import { S3ObjectStore } from '../infra/s3.js';
import { startServices } from '../infra/services.js';
import { createApp } from '../web/app.js';
import { startWebServer } from '../web/server.js';
import { freePorts } from '../test/support/ports.js';
import { killWorker, spawnWorker, type WorkerProcess } from '../test/support/worker-process.js';
import { connectTemporal } from '../infra/temporal-connection.js';

export interface BenchEnv {
  dir: string;
  endpoints: Endpoints;
  client: Client;
  store: S3ObjectStore;
  /** A worker process on the bench's task queue (stopped by `stopWorkers`). */
  addWorker(): Promise<WorkerProcess>;
  stopWorkers(): Promise<void>;
}

let env: Promise<BenchEnv> | undefined;
let stop: (() => Promise<void>) | undefined;

async function start(): Promise<BenchEnv> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'campaign-bench-'));
  const [tp, tui, s3, smtp, mail, web] = await freePorts(6);
  const parsed = parseConfig({
    DATA_DIR: dir,
    TEMPORAL_PORT: String(tp),
    TEMPORAL_UI_PORT: String(tui),
    S3_PORT: String(s3),
    SMTP_PORT: String(smtp),
    MAIL_UI_PORT: String(mail),
    WEB_PORT: String(web),
    TEMPORAL_TASK_QUEUE: 'bench-campaign',
    TEMPORAL_CLI: process.env.TEMPORAL_CLI,
    VERSITYGW: process.env.VERSITYGW,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const services = await startServices(parsed.config, () => undefined);
  const endpoints: Endpoints = { ...services.endpoints, publicBaseUrl: `http://127.0.0.1:${web}` };
  const gateway = temporalGateway(endpoints);
  const store = S3ObjectStore.fromSettings(endpoints.s3);
  const server = await startWebServer(createApp({ endpoints, store, campaigns: gateway }), '127.0.0.1', web!);
  const connection = await connectTemporal(endpoints);
  const client = new Client({ connection });
  const workers: WorkerProcess[] = [];
  stop = async () => {
    for (const w of workers) await killWorker(w, 'SIGTERM').catch(() => undefined);
    await connection.close();
    await server.stop();
    await gateway.close();
    await services.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    dir,
    endpoints,
    client,
    store,
    async addWorker() {
      const w = await spawnWorker(endpoints);
      workers.push(w);
      return w;
    },
    async stopWorkers() {
      for (const w of workers.splice(0)) await killWorker(w, 'SIGTERM');
    },
  };
}

export function benchEnv(): Promise<BenchEnv> {
  env ??= start();
  return env;
}

export async function stopBenchEnv(): Promise<void> {
  if (env) await env.catch(() => undefined);
  await stop?.();
  env = undefined;
  stop = undefined;
}

/** Peak resident set (VmHWM) of a process, in MB. */
export function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** A locality list of `n` sample communes, each with a station and an operator. */
export function localityFile(dir: string, n: number): string {
  const lines = ['sample: true', 'owner: Ủy ban nhân dân tỉnh Mẫu (dữ liệu đo hiệu năng)', 'localities:'];
  for (let i = 1; i <= n; i++) {
    lines.push(
      `  - id: xa-mau-${i}`,
      `    name: Xã Mẫu ${i}`,
      '    tier: xa',
      `    station: Đài truyền thanh xã Mẫu ${i}`,
      '    slots:',
      `      - { id: sang, label: Buổi sáng, start: "0${5 + (i % 2)}:30", durationMinutes: 20 }`,
      '    operator:',
      `      name: Người vận hành ${i}`,
      `      email: van-hanh-${i}@example.org`,
      `      phone: "0000 000 ${String(i).padStart(4, '0')}"`,
    );
  }
  const file = path.join(dir, `localities-${n}.yaml`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** A media list of `n` journalists with addresses `<prefix>-<i>@example.org`. */
export function mediaFile(dir: string, prefix: string, n: number): { file: string; addresses: string[] } {
  const addresses = Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}@example.org`);
  const file = path.join(dir, `media-${prefix}.yaml`);
  writeFileSync(
    file,
    ['sample: true', 'owner: Ủy ban nhân dân tỉnh Mẫu', 'journalists:', ...addresses.flatMap((a, i) => [`  - id: pv-${i + 1}`, `    name: Phóng viên ${i + 1}`, '    outlet: Báo Mẫu', `    email: ${a}`, '    beats: [giáo dục]'])].join('\n') + '\n',
  );
  return { file, addresses };
}
