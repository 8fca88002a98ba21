/**
 * A workflow waiting on a durable timer survives a restart of the worker and of the Temporal
 * dev server (same SQLite file) and completes. Uses a Temporal server of its own so that
 * stopping it does not disturb other tests.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import type { Endpoints } from '../../infra/config.js';
import { S3ObjectStore } from '../../infra/s3.js';
import { startTemporalServer, type TemporalServerHandle } from '../../infra/temporal-server.js';
import { waitForEmails } from '../support/mailbox.js';
import { recordHistory } from '../support/histories.js';
import { freePorts } from '../support/ports.js';
import { startTestWorker } from '../support/temporal.js';

const shared = inject('endpoints');
const cliPath = inject('temporalCli');

describe('restart', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'campaign-restart-'));
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a workflow on a timer survives restarts of the worker and of the Temporal server', async () => {
    expect(cliPath, 'the embedded Temporal CLI path').not.toBe('');
    const [port, uiPort] = await freePorts(2);
    const serverOptions = {
      cliPath,
      dbFile: path.join(dir, 'temporal.sqlite'),
      logFile: path.join(dir, 'temporal.log'),
      port: port!,
      uiPort: uiPort!,
      namespace: 'default',
    };
    let server: TemporalServerHandle = await startTemporalServer(serverOptions);
    cleanups.push(() => server.stop());
    const endpoints: Endpoints = { ...shared, temporalAddress: server.address };
    const taskQueue = `it-restart-${randomUUID().slice(0, 8)}`;
    const probeId = `restart-${randomUUID().slice(0, 8)}`;
    const recipient = `${probeId}@example.org`;

    let worker = await startTestWorker(endpoints, taskQueue);
    let connection = await Connection.connect({ address: server.address });
    let client = new Client({ connection });
    const handle = await client.workflow.start('selfCheckWorkflow', {
      taskQueue,
      workflowId: probeId,
      args: [{ probeId, recipient, delaySeconds: 8 }],
    });
    // Wait until the timer is really recorded in history before pulling the plug.
    for (let i = 0; i < 100; i++) {
      const history = await handle.fetchHistory();
      if (history.events?.some((e) => e.timerStartedEventAttributes)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await worker.stop();
    await connection.close();
    await server.stop();

    server = await startTemporalServer(serverOptions);
    connection = await Connection.connect({ address: server.address });
    client = new Client({ connection });
    worker = await startTestWorker({ ...endpoints, temporalAddress: server.address }, taskQueue);
    cleanups.push(() => worker.stop());
    cleanups.push(() => connection.close());

    const result = await client.workflow.getHandle(probeId).result();
    expect(result.objectKey).toBe(`self-check/${probeId}.txt`);
    expect(await S3ObjectStore.fromSettings(shared.s3).head(result.objectKey)).toBeDefined();
    const mails = await waitForEmails(shared, recipient);
    expect(mails).toHaveLength(1);
    const history = await client.workflow.getHandle(probeId).fetchHistory();
    expect(history.events?.some((e) => e.timerFiredEventAttributes)).toBe(true);
    await recordHistory(client, probeId, 'self-check-restart');
  });
});
