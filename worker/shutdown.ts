/**
 * Stopping the worker on signals: once, gracefully, whatever arrives. Ctrl-C under `npm start`
 * sends SIGINT to the whole process group, then the supervisor sends SIGTERM to the worker;
 * calling `Worker.shutdown()` a second time throws IllegalStateError and killed the process in
 * the middle of its graceful stop. Here the first signal asks the worker to stop, and later
 * ones only say that it is stopping (they never end the process early).
 */
import type { State } from '@temporalio/worker';

export interface StoppableWorker {
  getState(): State;
  shutdown(): void;
}

export interface GracefulStop {
  /** The signal handler. */
  (signal: NodeJS.Signals): void;
  /** True once a signal asked the worker to stop. */
  readonly requested: boolean;
  /** Call right after `worker.run()`: stops at once if a signal came before the worker ran. */
  started(): void;
}

export function gracefulStop(worker: StoppableWorker, log: (line: string) => void = (l) => console.log(l)): GracefulStop {
  let requested = false;
  const stopIfRunning = () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  const stop = ((signal: NodeJS.Signals) => {
    if (requested) {
      log(`[worker] đã nhận ${signal} khi đang dừng; tiếp tục dừng êm, chờ các việc đang chạy kết thúc.`);
      return;
    }
    requested = true;
    log(`[worker] nhận ${signal}: ngừng nhận việc mới, chờ các việc đang chạy kết thúc rồi dừng.`);
    stopIfRunning();
  }) as GracefulStop;
  Object.defineProperty(stop, 'requested', { get: () => requested });
  stop.started = () => {
    if (requested) stopIfRunning();
  };
  return stop;
}

/** Routes SIGINT and SIGTERM to `stop` for the life of the process (never `once`: a later signal must not fall back to Node's default, which exits at once). */
export function stopOnSignals(stop: (signal: NodeJS.Signals) => void, target: Pick<NodeJS.Process, 'on'> = process): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) target.on(signal, () => stop(signal));
}
