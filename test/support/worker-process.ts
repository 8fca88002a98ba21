/**
 * The worker as a separate process (as `npm start` runs it), so a test can SIGKILL it.
 * Configured through the environment from a set of endpoints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Endpoints } from '../../infra/config.js';
import { readLines } from '../../infra/lines.js';
import { workerSpawnArgs, workerSpawnEnv } from '../../worker/process-options.js';

const root = path.join(import.meta.dirname, '..', '..');

export function workerEnv(endpoints: Endpoints, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    DATA_DIR: endpoints.dataDir,
    TEMPORAL_ADDRESS: endpoints.temporalAddress,
    TEMPORAL_NAMESPACE: endpoints.temporalNamespace,
    TEMPORAL_TASK_QUEUE: endpoints.taskQueue,
    S3_ENDPOINT: endpoints.s3.endpoint,
    S3_BUCKET: endpoints.s3.bucket,
    SMTP_URL: endpoints.smtpUrl,
    SMTP_FROM: endpoints.mailFrom,
    PUBLIC_BASE_URL: endpoints.publicBaseUrl,
    APPROVAL_SECRET: endpoints.approvalSecret,
    ...extra,
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
}

/** Spawns `worker/main.ts` and resolves once it polls its task queue. */
export async function spawnWorker(endpoints: Endpoints, extra: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, workerSpawnArgs(), { cwd: root, env: workerSpawnEnv(workerEnv(endpoints, extra)), stdio: ['ignore', 'pipe', 'pipe'] });
  // By lines, so a Vietnamese character split between two chunks stays whole.
  let out = '';
  let polling: () => void = () => undefined;
  readLines(child.stdout!, (line) => {
    out += `${line}\n`;
    if (line.includes('đang nhận việc')) polling();
  });
  readLines(child.stderr!, (line) => (out += `${line}\n`));
  await new Promise<void>((resolve, reject) => {
    polling = resolve;
    if (out.includes('đang nhận việc')) resolve();
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before polling:\n${out}`)));
  });
  return { child, output: () => out };
}

export async function killWorker(worker: WorkerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  const exited = new Promise((r) => worker.child.once('exit', r));
  worker.child.kill(signal);
  await exited;
}
