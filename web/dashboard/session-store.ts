/**
 * What the server remembers about sessions and sign-in requests, kept in the object store so
 * it holds across restarts and for every web process:
 *
 * - Signed-out sessions: `auth/revoked/<session id>.json`. A session cookie is signed and
 *   carries its own expiry, so signing out must also be written down: a copy of the cookie
 *   taken before sign-out is refused afterwards.
 * - Sign-in link limits: a sliding window of request times per address and per client address
 *   (`auth/limits/<sha256>.json`), changed by compare-and-swap so simultaneous requests all
 *   count.
 */
import { createHash } from 'node:crypto';
import { updateJsonDocument } from '../../infra/json-document.js';
import { PreconditionFailedError, type ObjectStore } from '../../infra/object-store.js';
import type { Session } from './auth.js';

const revokedKey = (sessionId: string) => `auth/revoked/${createHash('sha256').update(sessionId).digest('hex')}.json`;

/** Writes the session down as signed out (idempotent). */
export async function revokeSession(store: ObjectStore, session: Session, now: Date): Promise<void> {
  const record = { revokedAt: now.toISOString(), expiresAt: new Date(session.expiresAt).toISOString() };
  try {
    await store.put(revokedKey(session.id), JSON.stringify(record), { contentType: 'application/json', ifNoneMatch: '*' });
  } catch (err) {
    if (!(err instanceof PreconditionFailedError)) throw err;
  }
}

/** True when the session was signed out. */
export async function isSessionRevoked(store: ObjectStore, session: Session): Promise<boolean> {
  return (await store.head(revokedKey(session.id))) !== undefined;
}

export interface RateLimit {
  /** At most this many requests… */
  max: number;
  /** …within this many milliseconds. */
  windowMs: number;
}

/**
 * Counts one request against `key` and says whether it is within the limit. A refused request
 * is not counted, so a flood does not extend its own ban.
 */
export async function takeFromLimit(store: ObjectStore, key: string, limit: RateLimit, now: Date): Promise<boolean> {
  const docKey = `auth/limits/${createHash('sha256').update(key).digest('hex')}.json`;
  let allowed = false;
  await updateJsonDocument(
    store,
    docKey,
    (j) => (Array.isArray((j as { times?: unknown }).times) ? (j as { times: number[] }) : { times: [] }),
    (current) => {
      const t = now.getTime();
      const times = (current?.times ?? []).filter((x) => typeof x === 'number' && t - x < limit.windowMs);
      allowed = times.length < limit.max;
      return allowed ? { times: [...times, t] } : undefined;
    },
  );
  return allowed;
}
