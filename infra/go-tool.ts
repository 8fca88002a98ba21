/**
 * Finds a service binary that is built from the Go module proxy (the Temporal CLI, VersityGW),
 * in this order: a configured path, the binary on PATH, a cached build in the per-user cache,
 * and a fresh `go install` of the pinned module into that cache (minutes, once, with progress).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LineSplitter } from './lines.js';

/** A pinned Go program: `go install <module>@<version>` builds `<binary>`. */
export interface GoTool {
  /** Name shown to people, e.g. "Temporal CLI". */
  label: string;
  /** The environment variable that names an existing binary. */
  envVar: string;
  module: string;
  version: string;
  binary: string;
  /** Folder under ~/.cache/campaign-ops/ (default: the binary's name). */
  cacheName?: string;
  /** Extra environment for the build (e.g. GOTOOLCHAIN). */
  buildEnv?: Record<string, string>;
  /**
   * Name looked up on PATH (default: `binary`); `false` skips PATH, for tools whose binary
   * has a generic name (`server`, `sql`) that could be any program.
   */
  pathName?: string | false;
}

export type GoToolSource = 'configured' | 'PATH' | 'cache' | 'go install';

export interface ResolvedGoTool {
  path: string;
  source: GoToolSource;
}

/** Per-user cache folder of one tool version (XDG_CACHE_HOME or ~/.cache). */
export function goToolCacheDir(tool: GoTool): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'campaign-ops', tool.cacheName ?? tool.binary, tool.version);
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** The `go` binary: on PATH or where the official tarball puts it. */
export function findGo(): string | undefined {
  return onPath('go') ?? (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
}

/** Builds the tool with Go into its cache folder, streaming progress lines to `log`. */
export async function goInstall(tool: GoTool, goBin: string, log: (line: string) => void): Promise<string> {
  const targetDir = goToolCacheDir(tool);
  mkdirSync(targetDir, { recursive: true });
  const staging = path.join(targetDir, `.build-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  const target = `${tool.module}@${tool.version}`;
  log(`Đang dựng ${tool.label} ${tool.version} bằng Go (chỉ lần đầu, có thể mất vài phút; lần sau dùng bản đã lưu ở ${targetDir})…`);
  const env = { ...process.env, ...tool.buildEnv, GOBIN: staging, GOFLAGS: '-mod=mod' };
  const attempt = (extraEnv: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(goBin, ['install', '-v', target], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
      let count = 0;
      let lastTail = '';
      const lines = new LineSplitter((line) => {
        if (!line.trim()) return;
        count += 1;
        lastTail = line;
        if (line.startsWith('go: downloading') || count % 50 === 0) log(`  [go ${count}] ${line.trim()}`);
      });
      const onData = (buf: Buffer) => lines.write(buf);
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('error', reject);
      child.on('close', (code) => {
        lines.end();
        if (code !== 0) log(`  go install dừng với mã ${code}: ${lastTail}`);
        resolve(code ?? 1);
      });
    });
  try {
    let code = await attempt({});
    if (code !== 0) {
      // The checksum database may be out of reach; every module is still checked against the
      // tool's own go.sum.
      log(`  Thử lại với GOSUMDB=off (vẫn kiểm tra theo go.sum của ${tool.label})…`);
      code = await attempt({ GOSUMDB: 'off' });
    }
    const built = path.join(staging, tool.binary);
    if (code !== 0 || !existsSync(built)) throw new Error(`go install ${target} thất bại (mã ${code}).`);
    const final = path.join(targetDir, tool.binary);
    renameSync(built, final);
    log(`Đã dựng xong ${tool.label}: ${final}`);
    return final;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Why a tool could not be found, with every way to provide it. */
export class GoToolNotFoundError extends Error {
  constructor(tool: GoTool, detail: string, alternatives: string[] = []) {
    super(
      `Không tìm thấy ${tool.label} để chạy dịch vụ nhúng.\n${detail}\n` +
        'Hãy làm một trong các cách sau rồi chạy lại:\n' +
        `  - đặt biến ${tool.envVar} trỏ tới tệp \`${tool.binary}\` đã có;\n` +
        `  - cài Go rồi chạy lại (sản phẩm sẽ tự dựng: go install ${tool.module}@${tool.version})` +
        (alternatives.length ? ';\n' + alternatives.map((a) => `  - ${a}`).join(';\n') + '.' : '.'),
    );
    this.name = 'GoToolNotFoundError';
  }
}

/**
 * Configured path, PATH, cache, `go install`. Returns undefined only when none of them gave a
 * binary and no Go is installed; a configured path that is not executable and a failed build
 * throw with the reason.
 */
export async function resolveGoTool(tool: GoTool, options: { configured?: string; log: (line: string) => void }): Promise<ResolvedGoTool | { problems: string[] }> {
  const { configured, log } = options;
  if (configured) {
    if (!isExecutable(configured)) return { problems: [`${tool.envVar}="${configured}" không phải là tệp chạy được.`] };
    return { path: configured, source: 'configured' };
  }
  const pathName = tool.pathName ?? tool.binary;
  const fromPath = pathName === false ? undefined : onPath(pathName);
  if (fromPath) return { path: fromPath, source: 'PATH' };
  const cached = path.join(goToolCacheDir(tool), tool.binary);
  if (isExecutable(cached)) return { path: cached, source: 'cache' };
  const go = findGo();
  if (!go) return { problems: ['Không có Go trên máy này.'] };
  try {
    return { path: await goInstall(tool, go, log), source: 'go install' };
  } catch (err) {
    return { problems: [`Dựng bằng Go thất bại: ${(err as Error).message}`] };
  }
}
