/**
 * Ctrl-C under `npm start`: the worker process gets SIGINT (the terminal) and then SIGTERM (the
 * supervisor). It stops once and gracefully — exit code 0, no IllegalStateError.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { spawnWorker } from '../support/worker-process.js';

const shared = inject('endpoints');

describe('worker process on repeated signals', () => {
  it('SIGINT then SIGTERM then SIGINT: one graceful stop, exit code 0', async () => {
    const worker = await spawnWorker({ ...shared, taskQueue: `signals-${randomUUID()}` });
    const exited = new Promise<number | null>((resolve) => worker.child.once('exit', (code) => resolve(code)));
    worker.child.kill('SIGINT');
    worker.child.kill('SIGTERM');
    worker.child.kill('SIGINT');
    const code = await exited;
    expect(worker.output()).not.toContain('IllegalStateError');
    expect(worker.output()).toContain('[worker] đã dừng.');
    expect(code).toBe(0);
  }, 120_000);
});
