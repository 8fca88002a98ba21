/**
 * A Temporal dev server of the test's own (TestWorkflowEnvironment on the official CLI, with the
 * product's search attributes registered) and workers on it with mocked activities, for fast
 * tests of workflow logic. Needs the CLI binary: TEMPORAL_CLI, else the product's cached build.
 */
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { cliCacheDir } from '../../infra/temporal-cli.js';
import { CampaignOccasion, CampaignPlan, CampaignStatus, CampaignYear } from '../../domain/search-attributes.js';
import type { Activities } from '../../activities/index.js';
import { freePort } from './ports.js';
import { workflowBundle } from './temporal.js';

export async function startWorkflowEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: process.env.TEMPORAL_CLI || path.join(cliCacheDir(), 'temporal') },
      port: await freePort(),
      searchAttributes: [CampaignPlan, CampaignOccasion, CampaignStatus, CampaignYear],
    },
  });
}

let queues = 0;

/** A worker of the product's workflows with these activities, on a task queue of its own. */
export async function mockWorker(env: TestWorkflowEnvironment, activities: Partial<Activities>): Promise<{ taskQueue: string; worker: Worker }> {
  const taskQueue = `wf-test-${process.pid}-${++queues}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
  return { taskQueue, worker };
}
