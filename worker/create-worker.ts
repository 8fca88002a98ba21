/**
 * Wires the worker: a connection to Temporal, the activities with their dependencies
 * (object store, mail transport), and the workflow code (bundled from `workflows/`).
 */
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { keepAliveInterceptor } from '../activities/heartbeat.js';
import type { Endpoints } from '../infra/config.js';
import { temporalConnectionOptions } from '../infra/temporal-connection.js';
import { S3ObjectStore } from '../infra/s3.js';
import { createMailTransport } from '../infra/smtp.js';
import { workflowsPath } from './workflows-path.js';

export { workflowsPath };

export interface WorkerHandle {
  worker: Worker;
  deps: ActivityDeps;
  /** Closes the mail pool and the connection (after the worker has stopped). */
  close(): Promise<void>;
}

export async function createWorker(
  endpoints: Endpoints,
  options: { workflowBundle?: WorkerOptions['workflowBundle']; taskQueue?: string; identity?: string; deps?: Partial<ActivityDeps> } = {},
): Promise<WorkerHandle> {
  const connection = await NativeConnection.connect(temporalConnectionOptions(endpoints));
  const deps: ActivityDeps = {
    store: options.deps?.store ?? S3ObjectStore.fromSettings(endpoints.s3),
    mailer: options.deps?.mailer ?? createMailTransport(endpoints.smtpUrl, { pool: true }),
    endpoints,
    editors: options.deps?.editors ?? [],
  };
  const worker = await Worker.create({
    connection,
    namespace: endpoints.temporalNamespace,
    taskQueue: options.taskQueue ?? endpoints.taskQueue,
    ...(options.identity ? { identity: options.identity } : {}),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
    activities: createActivities(deps),
    // Heartbeats every 2 s while an activity runs: its heartbeat timeout (10 s) then only fires
    // when this process is gone, and another worker retries it within seconds.
    interceptors: { activity: [keepAliveInterceptor()] },
    // Rendering and bulk sends are memory-hungry; a bounded number at once keeps the worker's
    // footprint flat on a small machine (fan-outs queue instead).
    maxConcurrentActivityTaskExecutions: Number(process.env.WORKER_MAX_ACTIVITIES ?? 6),
  });
  return {
    worker,
    deps,
    async close() {
      deps.mailer.close();
      await connection.close();
    },
  };
}
