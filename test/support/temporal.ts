/**
 * Test helpers for Temporal: one prebundled copy of the workflow code per test file, and a
 * worker on a task queue of the test's own.
 */
import { bundleWorkflowCode, DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Client } from '@temporalio/client';
import type { ActivityDeps } from '../../activities/deps.js';
import type { Endpoints } from '../../infra/config.js';
import { createWorker, workflowsPath } from '../../worker/create-worker.js';
import { connectTemporal } from '../../infra/temporal-connection.js';

// Keep test output readable: only warnings and errors from the SDK.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed in this test process
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath, logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } });
  return bundle;
}

export async function startTestWorker(endpoints: Endpoints, taskQueue: string, deps: Partial<ActivityDeps> = {}) {
  const handle = await createWorker({ ...endpoints, taskQueue }, { workflowBundle: await workflowBundle(), taskQueue, deps });
  const running = handle.worker.run();
  return {
    ...handle,
    /** Shuts the worker down and waits for it to stop. */
    async stop() {
      if (handle.worker.getState() === 'RUNNING') handle.worker.shutdown();
      await running;
      await handle.close();
    },
  };
}

export async function connectClient(endpoints: Endpoints): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await connectTemporal(endpoints);
  return { client: new Client({ connection, namespace: endpoints.temporalNamespace }), close: () => connection.close() };
}
