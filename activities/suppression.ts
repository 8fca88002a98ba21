/**
 * The suppression list: addresses that unsubscribed from briefings. One object per address at
 * `suppression/<sha256(lower-cased email)>.json`, so neither keys nor records hold the address.
 * Written by the web server's unsubscribe route, read by the briefing activity before each send.
 */
import { PreconditionFailedError, type ObjectStore } from '../infra/object-store.js';
import { emailHash } from '../channels/press-briefing/render/unsubscribe-token.js';

/** How the address was unsubscribed: the RFC 8058 one-click POST or the confirmation form. */
export type SuppressionSource = 'one-click' | 'form';

export interface SuppressionRecord {
  emailHash: string;
  unsubscribedAt: string;
  source: SuppressionSource;
}

/** Key of an address's suppression record. */
export function suppressionKey(email: string): string {
  return `suppression/${emailHash(email)}.json`;
}

/** True when the address unsubscribed. */
export async function isSuppressed(store: ObjectStore, email: string): Promise<boolean> {
  return (await store.head(suppressionKey(email))) !== undefined;
}

/** Records an unsubscribe; keeps the first record when there already is one. Returns whether it was new. */
export async function suppress(store: ObjectStore, email: string, source: SuppressionSource, now: Date = new Date()): Promise<boolean> {
  const key = suppressionKey(email);
  if (await store.head(key)) return false;
  const record: SuppressionRecord = { emailHash: emailHash(email), unsubscribedAt: now.toISOString(), source };
  try {
    // Two unsubscribes of one address at once: the first record stays.
    await store.put(key, JSON.stringify(record), { contentType: 'application/json; charset=utf-8', ifNoneMatch: '*' });
  } catch (err) {
    if (err instanceof PreconditionFailedError) return false;
    throw err;
  }
  return true;
}
