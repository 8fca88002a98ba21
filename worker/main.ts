/**
 * The worker process: `tsx worker/main.ts`. Started by `npm start`'s supervisor, or alone
 * against configured services. Stops cleanly on SIGINT/SIGTERM.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { endpointsFromConfig, loadConfig, ConfigError } from '../infra/config.js';
import { resolveApprovalSecret } from '../infra/secret.js';
import { loadEditors, type Editor } from '../web/dashboard/editors.js';
import { createWorker } from './create-worker.js';
import { gracefulStop, stopOnSignals } from './shutdown.js';

async function main(): Promise<void> {
  // Bundle statistics and per-task chatter stay out of the supervisor's console.
  Runtime.install({ logger: new DefaultLogger((process.env.WORKER_LOG_LEVEL as 'WARN' | undefined) ?? 'WARN') });
  const config = loadConfig();
  const endpoints = endpointsFromConfig(config, resolveApprovalSecret(config));
  // Bundle the workflow code in a child process: webpack's memory is freed when it exits.
  const bundlePath = path.join(config.dataDir, 'workflow-bundle', `bundle-${process.pid}.js`);
  const built = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bundle.ts'), bundlePath], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`bundling the workflow code failed (exit ${built.status})`);
  const handle = await createWorker(endpoints, { workflowBundle: { codePath: bundlePath }, deps: { editors: await editorList(config.editorsFile) } });
  // The worker holds the code in memory once created; the file is not needed any more. Bundles
  // of workers that were killed before they got here are removed too.
  removeBundles(path.dirname(bundlePath));
  // Once and gracefully, whatever signals arrive (Ctrl-C sends SIGINT, the supervisor SIGTERM).
  const stop = gracefulStop(handle.worker);
  stopOnSignals(stop);
  process.send?.({ type: 'ready' });
  console.log(`[worker] đang nhận việc trên hàng đợi "${endpoints.taskQueue}" tại ${endpoints.temporalAddress}`);
  const running = handle.worker.run();
  stop.started();
  await running;
  await handle.close();
  console.log('[worker] đã dừng.');
}

/** The editor list, so approval emails greet people by name; without it they greet by address. */
async function editorList(file: string): Promise<Editor[]> {
  try {
    return await loadEditors(file);
  } catch (err) {
    console.warn(`[worker] chưa đọc được danh sách tài khoản, thư phê duyệt sẽ gọi người nhận bằng địa chỉ email: ${(err as Error).message}`);
    return [];
  }
}

/** Removes this worker's bundle and those of workers no longer running. */
function removeBundles(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = Number(/^bundle-(\d+)\.js$/.exec(name)?.[1]);
    if (!pid || (pid !== process.pid && isRunning(pid))) continue;
    rmSync(path.join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `[worker] dừng vì lỗi: ${(err as Error).stack ?? err}`);
  process.exit(1);
});
