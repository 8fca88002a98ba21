/**
 * Replays the saved histories of real test runs (test/histories/*.pb, recorded by the
 * integration tests with RECORD_HISTORIES=1) against the current workflow code. A change that
 * would break running campaigns — different commands in a different order — fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../support/temporal.js';

const dir = path.join(import.meta.dirname, '..', 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.pb')).sort();

describe('replay of saved workflow histories', () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it('replays every saved history without nondeterminism', async () => {
    const histories = files.map((f) => ({ workflowId: f.replace(/\.pb$/, ''), history: temporal.api.history.v1.History.decode(readFileSync(path.join(dir, f))) }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
