/**
 * A Temporal dev server of the test's own (TestWorkflowEnvironment on the official CLI, with the
 * product's search attributes registered) and workers on it with mocked activities, for fast
 * tests of workflow logic. Needs the CLI binary: TEMPORAL_CLI, else the product's cached build.
 */
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll } from 'vitest';
import type { CampaignInput } from '../../domain/campaign/types.js';
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

/**
 * One local Temporal server for the calling test file: started before its tests, torn down
 * after. Read `env()` inside tests and hooks (it is undefined before `beforeAll` ran).
 */
export function useWorkflowEnv(): () => TestWorkflowEnvironment {
  let env: TestWorkflowEnvironment | undefined;
  beforeAll(async () => {
    env = await startWorkflowEnv();
  }, 120_000);
  afterAll(async () => {
    await env?.teardown();
  });
  return () => {
    if (!env) throw new Error('the workflow test server is not started yet');
    return env;
  };
}

export const TEST_EDITOR = 'bien-tap@example.org';

/**
 * A campaign's input as the client builds it, for the sample ward's 20/11 campaign: one editor
 * approves, reminder after a day, escalation after two, decision within three days of now.
 */
export function testCampaignInput(campaignId: string, extra: Partial<CampaignInput> = {}): CampaignInput {
  return {
    campaignId,
    planId: 'phuong-bac-kan-2026',
    occasionId: 'ngay-nha-giao-20-11',
    occasionDate: '2026-11-20',
    taskIds: [],
    channels: ['infographic', 'webPortal'],
    localities: 'all',
    localitiesFile: 'data/localities.yaml',
    mediaListFile: 'data/media.yaml',
    approvers: [TEST_EDITOR],
    escalateTo: [],
    leaders: [],
    reminderAfterMs: 24 * 3600_000,
    escalateAfterMs: 48 * 3600_000,
    tokenTtlMs: 72 * 3600_000,
    decideBy: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
    ...extra,
  };
}
