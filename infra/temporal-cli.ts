/**
 * Finds the official `temporal` CLI that runs the embedded dev server, in this order:
 * TEMPORAL_CLI, `temporal` on PATH, a cached build in the per-user cache, a fresh
 * `go install` of the official module (cached), and finally the Temporal SDK's own download.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLines } from './lines.js';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

export type CliSource = 'TEMPORAL_CLI' | 'PATH' | 'cache' | 'go install' | 'SDK download';

export interface ResolvedCli {
  path: string;
  source: CliSource;
}

export class TemporalCliNotFoundError extends Error {
  constructor(detail: string) {
    super(
      'Không tìm thấy chương trình Temporal CLI để chạy máy chủ Temporal nhúng.\n' +
        `${detail}\n` +
        'Hãy làm một trong các cách sau rồi chạy lại:\n' +
        '  - đặt biến TEMPORAL_CLI trỏ tới tệp `temporal` đã có;\n' +
        `  - cài Go rồi chạy lại (sản phẩm sẽ tự dựng: go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION});\n` +
        '  - hoặc dùng cụm Temporal có sẵn: TEMPORAL_ADDRESS=máy:7233.',
    );
    this.name = 'TemporalCliNotFoundError';
  }
}

/** Per-user cache folder for the CLI binary (XDG_CACHE_HOME or ~/.cache). */
export function cliCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'campaign-ops', 'temporal-cli', TEMPORAL_CLI_VERSION);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Builds the official CLI with Go into the cache, streaming progress lines to `log`. */
async function goInstall(goBin: string, targetDir: string, log: (line: string) => void): Promise<string> {
  mkdirSync(targetDir, { recursive: true });
  const staging = path.join(targetDir, `.build-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  log(`Đang dựng Temporal CLI ${TEMPORAL_CLI_VERSION} bằng Go (lần đầu mất vài phút; lần sau dùng bản đã lưu ở ${targetDir})…`);
  const env = { ...process.env, GOBIN: staging, GOFLAGS: '-mod=mod' };
  const attempt = (extraEnv: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(goBin, ['install', '-v', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
        env: { ...env, ...extraEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let count = 0;
      let lastTail = '';
      const onLine = (line: string) => {
        if (!line.trim()) return;
        count += 1;
        lastTail = line;
        if (line.startsWith('go: downloading') || count % 50 === 0) log(`  [go ${count}] ${line.trim()}`);
      };
      readLines(child.stdout, onLine);
      readLines(child.stderr, onLine);
      child.on('error', reject);
      child.on('close', (code) => {
        if (code !== 0) log(`  go install dừng với mã ${code}: ${lastTail}`);
        resolve(code ?? 1);
      });
    });
  let code = await attempt({});
  if (code !== 0) {
    // The checksum database may be out of reach; every module is still checked against the
    // CLI module's own go.sum.
    log('  Thử lại với GOSUMDB=off (vẫn kiểm tra theo go.sum của Temporal CLI)…');
    code = await attempt({ GOSUMDB: 'off' });
  }
  const built = path.join(staging, 'temporal');
  if (code !== 0 || !existsSync(built)) throw new Error(`go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION} thất bại (mã ${code}).`);
  const final = path.join(targetDir, 'temporal');
  renameSync(built, final);
  log(`Đã dựng xong Temporal CLI: ${final}`);
  return final;
}

/** Lets the Temporal SDK download the CLI (needs internet) into the cache, then uses that file. */
async function sdkDownload(targetDir: string, log: (line: string) => void): Promise<string> {
  const downloadDir = path.join(targetDir, 'sdk-download');
  mkdirSync(downloadDir, { recursive: true });
  log('Đang tải Temporal CLI qua Temporal SDK…');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'cached-download', downloadDir } } });
  await env.teardown();
  const found = readdirSync(downloadDir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(downloadDir, f))
    .find((f) => path.basename(f).startsWith('temporal') && isExecutable(f));
  if (!found) throw new Error(`Không thấy tệp temporal trong ${downloadDir} sau khi tải.`);
  return found;
}

/** Resolves the CLI, building or downloading it when needed. Throws TemporalCliNotFoundError when all ways fail. */
export async function resolveTemporalCli(options: { configured?: string; log: (line: string) => void }): Promise<ResolvedCli> {
  const { configured, log } = options;
  if (configured) {
    if (!isExecutable(configured)) throw new TemporalCliNotFoundError(`TEMPORAL_CLI="${configured}" không phải là tệp chạy được.`);
    return { path: configured, source: 'TEMPORAL_CLI' };
  }
  const fromPath = onPath('temporal');
  if (fromPath) return { path: fromPath, source: 'PATH' };
  const cacheDir = cliCacheDir();
  const cached = path.join(cacheDir, 'temporal');
  if (isExecutable(cached)) return { path: cached, source: 'cache' };
  const problems: string[] = [];
  const go = onPath('go') ?? (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (go) {
    try {
      return { path: await goInstall(go, cacheDir, log), source: 'go install' };
    } catch (err) {
      problems.push(`Dựng bằng Go thất bại: ${(err as Error).message}`);
    }
  } else {
    problems.push('Không có Go trên máy này.');
  }
  try {
    return { path: await sdkDownload(cacheDir, log), source: 'SDK download' };
  } catch (err) {
    problems.push(`Tải qua Temporal SDK thất bại: ${(err as Error).message.split('\n')[0]}`);
  }
  throw new TemporalCliNotFoundError(problems.join('\n'));
}

/** The CLI's own version line, e.g. "temporal version 1.5.1 (Server 1.29.1, UI 2.42.1)". */
export function cliVersion(cliPath: string): string {
  const out = spawnSync(cliPath, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return (out.stdout || out.stderr || '').trim();
}
