/**
 * Saving workflow histories from integration tests (with RECORD_HISTORIES=1) into
 * `test/histories/`, where the replay test runs them against the current workflow code.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export const HISTORIES_DIR = path.join(import.meta.dirname, '..', 'histories');

/** Saves the history of a finished workflow as `<name>.pb` when recording is on. */
export async function recordHistory(client: Client, workflowId: string, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  // Binary protobuf: exact, and independent of the JSON mapping's protobufjs version.
  writeFileSync(path.join(HISTORIES_DIR, `${name}.pb`), temporal.api.history.v1.History.encode(history).finish());
}

export { largestPayload } from './payloads.js';
