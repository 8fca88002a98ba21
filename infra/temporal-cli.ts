/**
 * Finds the official `temporal` CLI that runs the embedded dev server, in this order:
 * TEMPORAL_CLI, `temporal` on PATH, a cached build in the per-user cache, a fresh
 * `go install` of the official module (cached), and finally the Temporal SDK's own download.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { goToolCacheDir, GoToolNotFoundError, isExecutable, resolveGoTool, type GoTool } from './go-tool.js';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

export type CliSource = 'TEMPORAL_CLI' | 'PATH' | 'cache' | 'go install' | 'SDK download';

export interface ResolvedCli {
  path: string;
  source: CliSource;
}

export const TEMPORAL_CLI_TOOL: GoTool = {
  label: 'Temporal CLI',
  envVar: 'TEMPORAL_CLI',
  module: TEMPORAL_CLI_MODULE,
  version: TEMPORAL_CLI_VERSION,
  binary: 'temporal',
  cacheName: 'temporal-cli',
};

export class TemporalCliNotFoundError extends GoToolNotFoundError {
  constructor(detail: string) {
    super(TEMPORAL_CLI_TOOL, detail, ['hoặc dùng cụm Temporal có sẵn: TEMPORAL_ADDRESS=máy:7233']);
    this.name = 'TemporalCliNotFoundError';
  }
}

/** Per-user cache folder for the CLI binary (XDG_CACHE_HOME or ~/.cache). */
export function cliCacheDir(): string {
  return goToolCacheDir(TEMPORAL_CLI_TOOL);
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
  const found = await resolveGoTool(TEMPORAL_CLI_TOOL, options);
  if ('path' in found) return { path: found.path, source: found.source === 'configured' ? 'TEMPORAL_CLI' : found.source };
  if (options.configured) throw new TemporalCliNotFoundError(found.problems.join('\n'));
  const problems = [...found.problems];
  try {
    return { path: await sdkDownload(cliCacheDir(), options.log), source: 'SDK download' };
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
