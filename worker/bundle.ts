/**
 * Bundles the workflow code into one file: `tsx worker/bundle.ts <out.js>`. The worker runs this
 * in a short-lived child process, so webpack's memory is never part of the long-running worker.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowsPath } from './workflows-path.js';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: tsx worker/bundle.ts <out.js>\n');
  process.exit(2);
}
const quiet = { trace() {}, debug() {}, info() {}, log() {}, warn: console.warn, error: console.error };
const { code } = await bundleWorkflowCode({ workflowsPath, logger: quiet });
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, code);
