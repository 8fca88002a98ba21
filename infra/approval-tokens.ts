/**
 * Approval tokens in the object store: only the SHA-256 hash is the key; the record says which
 * campaign, version, step and approver the token is bound to, when it expires and when it was
 * used. Shared by the activity that issues tokens and the web server that redeems them.
 */
import { hashToken, newToken, tokenKey, type TokenRecord } from '../domain/approval-token.js';
import type { ObjectStore } from './object-store.js';

export async function issueToken(store: ObjectStore, fields: Omit<TokenRecord, 'tokenHash' | 'issuedAt' | 'expiresAt' | 'usedAt'>, ttlMs: number, now = new Date()): Promise<string> {
  const token = newToken();
  const record: TokenRecord = {
    ...fields,
    tokenHash: hashToken(token),
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
  };
  await store.put(tokenKey(record.tokenHash), JSON.stringify(record), { contentType: 'application/json' });
  return token;
}

export async function readTokenRecord(store: ObjectStore, tokenHash: string): Promise<TokenRecord | undefined> {
  const found = await store.get(tokenKey(tokenHash));
  return found ? (JSON.parse(found.body.toString('utf8')) as TokenRecord) : undefined;
}

export async function markTokenUsed(store: ObjectStore, record: TokenRecord, at: Date): Promise<TokenRecord> {
  const used = { ...record, usedAt: at.toISOString() };
  await store.put(tokenKey(record.tokenHash), JSON.stringify(used), { contentType: 'application/json' });
  return used;
}

export { hashToken };
