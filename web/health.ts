/**
 * The web server's view of dependency health: one check at a time, its result shared for a few
 * seconds. Concurrent callers wait for the check in flight; callers within `ttlMs` of the last
 * result get that result. So a burst of `/healthz` probes opens one set of connections, not one
 * per probe.
 */
import type { HealthCheck } from '../infra/health.js';

export interface HealthResult {
  checks: HealthCheck[];
  /** True when every check is up (and the check itself did not fail). */
  ok: boolean;
  checkedAt: Date;
  /** The check itself failed (only shown on the signed-in status page). */
  error?: string;
}

export interface SharedHealthOptions {
  /** How long a result is reused. */
  ttlMs?: number;
  /** Monotonic milliseconds, for the cache age (default `performance.now`). */
  clock?: () => number;
  /** Wall clock, for the time shown with a result. */
  now?: () => Date;
}

/** Default reuse of a health result: a few seconds. */
export const HEALTH_TTL_MS = 5_000;

/** `check` behind a single-flight cache. */
export function sharedHealth(check: () => Promise<HealthCheck[]>, opts: SharedHealthOptions = {}): () => Promise<HealthResult> {
  const ttlMs = opts.ttlMs ?? HEALTH_TTL_MS;
  const clock = opts.clock ?? (() => performance.now());
  const now = opts.now ?? (() => new Date());
  let inFlight: Promise<HealthResult> | undefined;
  let last: { at: number; result: HealthResult } | undefined;

  const run = async (): Promise<HealthResult> => {
    try {
      const checks = await check();
      return { checks, ok: checks.every((x) => x.state === 'up'), checkedAt: now() };
    } catch (err) {
      return { checks: [], ok: false, checkedAt: now(), error: (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200) };
    }
  };

  return () => {
    if (inFlight) return inFlight;
    if (last) {
      const age = clock() - last.at;
      if (age >= 0 && age < ttlMs) return Promise.resolve(last.result);
    }
    inFlight = run().then((result) => {
      last = { at: clock(), result };
      inFlight = undefined;
      return result;
    });
    return inFlight;
  };
}
