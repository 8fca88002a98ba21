/**
 * Heartbeats: how Temporal learns within seconds that the worker running an activity died.
 *
 * Every activity that can run longer than a few seconds is scheduled with a heartbeat timeout
 * (ACTIVITY_HEARTBEAT_TIMEOUT, see the proxies in workflows/). When its worker is SIGKILLed the
 * heartbeats stop, the server times the attempt out after that timeout and another worker
 * retries it, instead of waiting out the start-to-close timeout (minutes).
 *
 * Two sources of heartbeats:
 * - `heartbeat(details)`, called by the activities in their loops (per locality, recipient,
 *   template, approver…), reports progress;
 * - `keepAliveInterceptor`, registered on the worker, heartbeats every KEEP_ALIVE_MS while any
 *   activity runs, so a single long step (an infographic render on a loaded machine, a large
 *   object-store listing) is not mistaken for a dead worker. It repeats the last progress the
 *   activity reported.
 * Both are no-ops outside an activity (the CLI and the bench call activity code directly).
 */
import { asyncLocalStorage, type Context } from '@temporalio/activity';
import { CancelledFailure } from '@temporalio/common';
import type { ActivityInboundCallsInterceptor, ActivityInterceptorsFactory } from '@temporalio/worker';

/** The heartbeat timeout of long activities: recovery after a worker's death takes about this plus the retry backoff. */
export const ACTIVITY_HEARTBEAT_TIMEOUT = '10 seconds';
/** How often the worker heartbeats for a running activity (well inside the 10 s timeout). */
export const KEEP_ALIVE_MS = 2_000;

const lastDetails = new WeakMap<Context, unknown>();

/** Reports progress of the current activity (no-op outside one). */
export function heartbeat(details?: unknown): void {
  const ctx = asyncLocalStorage.getStore();
  if (!ctx) return;
  lastDetails.set(ctx, details);
  ctx.heartbeat(details);
}

/**
 * Reports progress; when the activity was cancelled meanwhile (the campaign was cancelled),
 * throws a CancelledFailure with `message` so the loop stops before its next item.
 */
export function heartbeatOrStop(details: unknown, message: string): void {
  heartbeat(details);
  if (asyncLocalStorage.getStore()?.cancellationSignal.aborted) throw new CancelledFailure(message);
}

/** Worker interceptor: heartbeats every `everyMs` while an activity runs. */
export function keepAliveInterceptor(everyMs = KEEP_ALIVE_MS): ActivityInterceptorsFactory {
  return (ctx) => {
    const inbound: ActivityInboundCallsInterceptor = {
      async execute(input, next) {
        const timer = setInterval(() => {
          try {
            ctx.heartbeat(lastDetails.get(ctx));
          } catch {
            // the activity is finishing; nothing to keep alive
          }
        }, everyMs);
        timer.unref();
        try {
          return await next(input);
        } finally {
          clearInterval(timer);
        }
      },
    };
    return { inbound };
  };
}
