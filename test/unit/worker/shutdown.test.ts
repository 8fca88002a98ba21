/**
 * Ctrl-C under `npm start` sends the worker SIGINT (the terminal's process group) and then
 * SIGTERM (the supervisor): the worker must stop once and gracefully, whatever signals arrive
 * and in whatever order, instead of dying with IllegalStateError on the second one.
 */
import { EventEmitter } from 'node:events';
import { IllegalStateError } from '@temporalio/common';
import type { State } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { gracefulStop, stopOnSignals } from '../../../worker/shutdown.js';

/** Behaves as Temporal's Worker does: shutdown() is only allowed while running. */
class FakeWorker {
  state: State = 'INITIALIZED';
  shutdowns = 0;
  getState() {
    return this.state;
  }
  run() {
    this.state = 'RUNNING';
  }
  shutdown() {
    if (this.state !== 'RUNNING') throw new IllegalStateError(`Not running. Current state: ${this.state}`);
    this.shutdowns += 1;
    this.state = 'STOPPING';
  }
}

function setup() {
  const worker = new FakeWorker();
  const lines: string[] = [];
  const stop = gracefulStop(worker, (l) => lines.push(l));
  const proc = new EventEmitter();
  stopOnSignals(stop, proc as unknown as NodeJS.Process);
  return { worker, lines, stop, proc };
}

describe('worker shutdown on signals', () => {
  it('SIGINT then SIGTERM then SIGINT again: one graceful shutdown, no error', () => {
    const { worker, lines, proc } = setup();
    worker.run();
    expect(() => {
      proc.emit('SIGINT');
      proc.emit('SIGTERM');
      proc.emit('SIGINT');
    }).not.toThrow();
    expect(worker.shutdowns).toBe(1);
    expect(lines[0]).toContain('nhận SIGINT: ngừng nhận việc mới');
    expect(lines.slice(1)).toEqual([
      '[worker] đã nhận SIGTERM khi đang dừng; tiếp tục dừng êm, chờ các việc đang chạy kết thúc.',
      '[worker] đã nhận SIGINT khi đang dừng; tiếp tục dừng êm, chờ các việc đang chạy kết thúc.',
    ]);
  });

  it('SIGTERM first, then SIGINT: the same single shutdown', () => {
    const { worker, proc } = setup();
    worker.run();
    proc.emit('SIGTERM');
    proc.emit('SIGINT');
    expect(worker.shutdowns).toBe(1);
  });

  it('a signal after the worker already stopped on its own changes nothing', () => {
    const { worker, proc } = setup();
    worker.run();
    worker.shutdown();
    worker.state = 'STOPPED';
    expect(() => proc.emit('SIGTERM')).not.toThrow();
    expect(worker.shutdowns).toBe(1);
  });

  it('a signal before the worker runs stops it as soon as it starts', () => {
    const { worker, stop, proc } = setup();
    proc.emit('SIGINT');
    expect(stop.requested).toBe(true);
    worker.run();
    stop.started();
    expect(worker.shutdowns).toBe(1);
    expect(worker.getState()).toBe('STOPPING');
  });
});
