/**
 * The embedded object store: VersityGW (Apache-2.0), an S3 server over a folder. Each object is
 * a file under `<dataDir>/objects/<bucket>/`, written to a temporary file and linked into place,
 * so a reader never sees half an object; it answers If-Match / If-None-Match with 412, which the
 * product's shared documents rely on. The binary is built once from the Go module proxy and
 * cached like the Temporal CLI (VERSITYGW, PATH, cache, `go install`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GoToolNotFoundError, resolveGoTool, type GoTool, type ResolvedGoTool } from './go-tool.js';
import type { ObjectStore } from './object-store.js';

export const VERSITYGW_TOOL: GoTool = {
  label: 'VersityGW (kho đối tượng S3 nhúng)',
  envVar: 'VERSITYGW',
  module: 'github.com/versity/versitygw/cmd/versitygw',
  version: 'v1.8.0',
  binary: 'versitygw',
};

export class VersityGwNotFoundError extends GoToolNotFoundError {
  constructor(detail: string) {
    super(VERSITYGW_TOOL, detail, ['hoặc dùng kho S3 có sẵn: S3_ENDPOINT=https://… cùng S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY']);
    this.name = 'VersityGwNotFoundError';
  }
}

/** Finds or builds the VersityGW binary; throws VersityGwNotFoundError saying how to provide one. */
export async function resolveVersityGw(options: { configured?: string; log: (line: string) => void }): Promise<ResolvedGoTool> {
  const found = await resolveGoTool(VERSITYGW_TOOL, options);
  if ('path' in found) return found;
  throw new VersityGwNotFoundError(found.problems.join('\n'));
}

export interface EmbeddedS3Options {
  binary: string;
  /** Top folder; each bucket is a sub-folder. */
  directory: string;
  port: number;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  logFile: string;
  startTimeoutMs?: number;
}

export interface EmbeddedS3Handle {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const HEALTH_PATH = '/healthz';

function lastLines(file: string, n: number): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

/** Starts VersityGW on 127.0.0.1 over `directory` and resolves once it answers its health path. */
export async function startEmbeddedS3(options: EmbeddedS3Options): Promise<EmbeddedS3Handle> {
  mkdirSync(options.directory, { recursive: true });
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(options.binary, ['--port', `127.0.0.1:${options.port}`, '--region', options.region, '--health', HEALTH_PATH, '--quiet', 'posix', options.directory], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The root credentials go through the environment, not the command line (visible in ps).
    env: { ...process.env, ROOT_ACCESS_KEY: options.accessKeyId, ROOT_SECRET_KEY: options.secretAccessKey },
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let exited: string | undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = `Kho đối tượng VersityGW đã dừng (mã ${code ?? signal}).`;
      resolve();
    });
  });
  child.on('error', (err) => {
    exited = `Không chạy được ${options.binary}: ${err.message}`;
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  let lastError = '';
  for (;;) {
    if (exited) break;
    try {
      const res = await fetch(`${endpoint}${HEALTH_PATH}`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) break;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    if (Date.now() > deadline) break;
    await sleep(100);
  }
  if (exited || Date.now() > deadline) {
    child.kill('SIGKILL');
    await Promise.race([exitedPromise, sleep(5_000)]);
    await new Promise<void>((resolve) => log.end(resolve));
    throw new Error(`${exited ?? `Kho đối tượng tại ${endpoint} không sẵn sàng: ${lastError}.`} Nhật ký cuối:\n${lastLines(options.logFile, 15)}`);
  }
  return {
    endpoint,
    process: child,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        await Promise.race([exitedPromise, sleep(5_000)]);
        if (!exited) {
          child.kill('SIGKILL');
          await exitedPromise;
        }
      }
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}

const S3RVER_OBJECT = '._S3rver_object';
const S3RVER_METADATA = '._S3rver_metadata.json';

/** Every object file of an s3rver bucket folder, as [key, file]. */
function s3rverObjects(bucketDir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file, `${prefix}${name}/`);
      else if (name.endsWith(S3RVER_OBJECT)) out.push([`${prefix}${name.slice(0, -S3RVER_OBJECT.length)}`, file]);
    }
  };
  walk(bucketDir, '');
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * Moves what an earlier version stored with s3rver (`<dataDir>/s3/<bucket>/…._S3rver_object`)
 * into the running store, with content type, cache control and metadata, then renames the old
 * folder to `s3.migrated-<time>` so it is kept but not read again. An object already present in
 * the new store is left as it is. Returns how many objects were copied, or undefined when there
 * was nothing to migrate.
 */
export async function migrateS3rverData(oldDir: string, bucket: string, store: ObjectStore, log: (line: string) => void): Promise<number | undefined> {
  const bucketDir = path.join(oldDir, bucket);
  if (!existsSync(bucketDir)) return undefined;
  const objects = s3rverObjects(bucketDir);
  log(`Đang chuyển ${objects.length} đối tượng từ kho cũ (s3rver, ${oldDir}) sang kho mới…`);
  let copied = 0;
  for (const [key, file] of objects) {
    if (await store.head(key)) continue;
    let meta: Record<string, string> = {};
    try {
      meta = JSON.parse(await readFile(file.slice(0, -S3RVER_OBJECT.length) + S3RVER_METADATA, 'utf8')) as Record<string, string>;
    } catch {
      // An object without its metadata file keeps its bytes; its type falls back to binary.
    }
    const metadata = Object.fromEntries(
      Object.entries(meta)
        .filter(([k]) => k.startsWith('x-amz-meta-'))
        .map(([k, v]) => {
          let value = v;
          try {
            value = decodeURIComponent(v);
          } catch {
            // kept as stored
          }
          return [k.slice('x-amz-meta-'.length), value];
        }),
    );
    await store.put(key, await readFile(file), {
      contentType: meta['content-type'] ?? 'application/octet-stream',
      ...(meta['cache-control'] ? { cacheControl: meta['cache-control'] } : {}),
      metadata,
    });
    copied += 1;
    if (copied % 500 === 0) log(`  … ${copied}/${objects.length}`);
  }
  const kept = `${oldDir}.migrated-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(oldDir, kept);
  log(`Đã chuyển ${copied} đối tượng; kho cũ được giữ ở ${kept}.`);
  return copied;
}
