/**
 * The worker process: `tsx worker/main.ts`. Started by `npm start`'s supervisor, or alone
 * against configured services. Stops cleanly on SIGINT/SIGTERM.
 */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { endpointsFromConfig, loadConfig, ConfigError } from '../infra/config.js';
import { resolveApprovalSecret } from '../infra/secret.js';
import { createWorker } from './create-worker.js';

async function main(): Promise<void> {
  // Bundle statistics and per-task chatter stay out of the supervisor's console.
  Runtime.install({ logger: new DefaultLogger((process.env.WORKER_LOG_LEVEL as 'WARN' | undefined) ?? 'WARN') });
  const config = loadConfig();
  const endpoints = endpointsFromConfig(config, resolveApprovalSecret(config));
  const handle = await createWorker(endpoints);
  const stop = () => handle.worker.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.send?.({ type: 'ready' });
  console.log(`[worker] đang nhận việc trên hàng đợi "${endpoints.taskQueue}" tại ${endpoints.temporalAddress}`);
  await handle.worker.run();
  await handle.close();
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `[worker] dừng vì lỗi: ${(err as Error).stack ?? err}`);
  process.exit(1);
});
