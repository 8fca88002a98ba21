/**
 * How the worker process is started (by `npm start`, the bench and the crash tests): through
 * tsx, with a bounded V8 heap and glibc limited to two malloc arenas — libvips (sharp) and
 * the Temporal core otherwise keep many arenas of freed memory, and the worker's resident
 * size grows far beyond what it uses.
 */
import path from 'node:path';

export const WORKER_MAIN = path.join(import.meta.dirname, 'main.ts');

export function workerSpawnArgs(): string[] {
  return ['--max-old-space-size=256', '--import', 'tsx', WORKER_MAIN];
}

export function workerSpawnEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: '2', ...base };
}
