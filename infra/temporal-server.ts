/**
 * The embedded Temporal dev server: the official CLI's `server start-dev`, persisting to a
 * SQLite file, with the product's search attributes registered. Also the connection helpers
 * used against any Temporal cluster (embedded or external).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeFlags } from '../domain/search-attributes.js';
import { connectTemporal, type TemporalTarget } from './temporal-connection.js';

export interface TemporalServerOptions {
  cliPath: string;
  dbFile: string;
  logFile: string;
  ip?: string;
  port: number;
  uiPort: number;
  namespace: string;
  /** Give up waiting for the server after this long. */
  startTimeoutMs?: number;
}

export interface TemporalServerHandle {
  address: string;
  uiUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function lastLines(file: string, n: number): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

/** Waits until the frontend answers and the namespace exists. */
export async function waitForTemporal(address: string, namespace: string, timeoutMs: number, isDead?: () => string | undefined, target?: TemporalTarget): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    const dead = isDead?.();
    if (dead) throw new Error(dead);
    try {
      // An external server is reached with its TLS / API key; the embedded one by its address.
      const connection = await connectTemporal(target ?? { temporalAddress: address }, { connectTimeout: 1_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = (err as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`Máy chủ Temporal tại ${address} không sẵn sàng sau ${Math.round(timeoutMs / 1000)} giây: ${lastError}`);
}

/**
 * Starts `temporal server start-dev` and resolves once it accepts connections. The CLI picks
 * free ports of its own for the HTTP API and metrics; another process can take one between
 * its pick and its bind, so a start that dies on "address already in use" is tried again.
 */
export async function startTemporalServer(options: TemporalServerOptions): Promise<TemporalServerHandle> {
  const attempts = 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchTemporalServer(options);
    } catch (err) {
      if (attempt >= attempts || !(err instanceof TemporalExitedError) || !/address already in use/.test(err.message)) throw err;
      await sleep(500 * attempt);
    }
  }
}

/** The server process exited while we waited for it. */
class TemporalExitedError extends Error {
  override readonly name = 'TemporalExitedError';
}

async function launchTemporalServer(options: TemporalServerOptions): Promise<TemporalServerHandle> {
  const ip = options.ip ?? '127.0.0.1';
  mkdirSync(path.dirname(options.dbFile), { recursive: true });
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    options.dbFile,
    '--ip',
    ip,
    '--port',
    String(options.port),
    '--ui-port',
    String(options.uiPort),
    '--ui-ip',
    ip,
    '--log-level',
    'warn',
    ...(options.namespace === 'default' ? [] : ['--namespace', options.namespace]),
    ...Object.entries(searchAttributeFlags).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
  ];
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  /** Why the process is gone, in one line; the log's last lines are added once it is flushed. */
  let exited: string | undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = `Máy chủ Temporal đã dừng (mã ${code ?? signal}).`;
      resolve();
    });
  });
  child.on('error', (err) => {
    exited = `Không chạy được ${options.cliPath}: ${err.message}`;
  });
  const address = `${ip}:${options.port}`;
  try {
    await waitForTemporal(address, options.namespace, options.startTimeoutMs ?? 60_000, () => exited);
  } catch (err) {
    const hadExited = exited !== undefined;
    child.kill('SIGKILL');
    await Promise.race([exitedPromise, sleep(5_000)]);
    await new Promise<void>((resolve) => log.end(resolve));
    if (!hadExited) throw err;
    throw new TemporalExitedError(`${exited} Nhật ký cuối:\n${lastLines(options.logFile, 15)}`);
  }
  return {
    address,
    uiUrl: `http://${ip}:${options.uiPort}`,
    process: child,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitedPromise;
      clearTimeout(timer);
      log.end();
    },
  };
}

/**
 * Registers the product's search attributes on a cluster that lacks them (the embedded server
 * gets them from its start flags). Returns the names it added.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const have = new Set(Object.keys(existing.customAttributes ?? {}));
  const typeCode = { Keyword: 2, Int: 3 } as const; // temporal.api.enums.v1.IndexedValueType
  const missing = Object.entries(searchAttributeFlags).filter(([name]) => !have.has(name));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, typeCode[type]])),
  });
  return missing.map(([name]) => name);
}
