/**
 * Dashboard authentication, three small pieces:
 *
 * - Sign-in links: a random 256-bit token goes only into the email; the object store keeps its
 *   SHA-256 hash under `auth/tokens/<hash>.json` with the address, an expiry and `usedAt`
 *   (same rules as approval links: random, hashed, expiring, single use).
 * - Sessions: a cookie `<payload>.<mac>` where the payload holds the address, a random session
 *   id and the expiry, and the MAC is HMAC-SHA256 of `session:<payload>` with the server secret.
 * - CSRF: a value per session (HMAC of `dashboard-csrf:<session id>`) carried by every form.
 */
import { randomBytes } from 'node:crypto';
import { hashToken, isTokenShaped, newToken } from '../../domain/approval-token.js';
import { sign, SigningPurpose, verify } from '../../domain/signing.js';
import type { ObjectStore } from '../../infra/object-store.js';

/** How long an emailed sign-in link works. */
export const SIGN_IN_TTL_MS = 15 * 60_000;
/** How long a session lasts (a working day and then some); absolute, not sliding. */
export const SESSION_TTL_MS = 12 * 3600_000;

export interface SignInRecord {
  tokenHash: string;
  email: string;
  issuedAt: string;
  expiresAt: string;
  /** Where to go after signing in (a local path). */
  next?: string;
  usedAt?: string;
}

export const SignInProblem = { unknown: 'unknown', expired: 'expired', used: 'used' } as const;
export type SignInProblem = (typeof SignInProblem)[keyof typeof SignInProblem];

/** Key of a sign-in token record. */
export function signInKey(tokenHash: string): string {
  return `auth/tokens/${tokenHash}.json`;
}

/** Stores the hash of a new sign-in token and returns the token itself (for the email only). */
export async function issueSignInToken(store: ObjectStore, email: string, now: Date, next?: string): Promise<string> {
  const token = newToken();
  const record: SignInRecord = {
    tokenHash: hashToken(token),
    email,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SIGN_IN_TTL_MS).toISOString(),
    ...(next ? { next } : {}),
  };
  await store.put(signInKey(record.tokenHash), JSON.stringify(record), { contentType: 'application/json' });
  return token;
}

/** The record of a token, or the reason it cannot sign anyone in. Malformed tokens are never looked up. */
export async function checkSignInToken(store: ObjectStore, token: string, now: Date): Promise<{ record: SignInRecord } | { problem: SignInProblem }> {
  if (!isTokenShaped(token)) return { problem: 'unknown' };
  const found = await store.get(signInKey(hashToken(token)));
  if (!found) return { problem: 'unknown' };
  const record = JSON.parse(found.body.toString('utf8')) as SignInRecord;
  if (record.usedAt) return { problem: 'used' };
  if (Date.parse(record.expiresAt) <= now.getTime()) return { problem: 'expired' };
  return { record };
}

export async function markSignInTokenUsed(store: ObjectStore, record: SignInRecord, at: Date): Promise<void> {
  await store.put(signInKey(record.tokenHash), JSON.stringify({ ...record, usedAt: at.toISOString() }), { contentType: 'application/json' });
}

export interface Session {
  email: string;
  /** Random id; the CSRF value is derived from it. */
  id: string;
  /** Expiry, milliseconds since the epoch. */
  expiresAt: number;
}

/** A new session for an address and the cookie value that carries it. */
export function createSession(secret: string, email: string, now: Date): { session: Session; cookie: string } {
  const session: Session = { email, id: randomBytes(16).toString('base64url'), expiresAt: now.getTime() + SESSION_TTL_MS };
  const payload = Buffer.from(JSON.stringify({ e: session.email, i: session.id, x: session.expiresAt }), 'utf8').toString('base64url');
  return { session, cookie: `${payload}.${sign(secret, SigningPurpose.session, payload)}` };
}

/** The session in a cookie value, when its MAC is right and it has not expired. */
export function readSession(secret: string, cookie: string | undefined, now: Date): Session | undefined {
  if (!cookie || cookie.length > 1024) return undefined;
  const dot = cookie.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const payload = cookie.slice(0, dot);
  if (!verify(secret, SigningPurpose.session, payload, cookie.slice(dot + 1))) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const { e, i, x } = (data ?? {}) as { e?: unknown; i?: unknown; x?: unknown };
  if (typeof e !== 'string' || typeof i !== 'string' || typeof x !== 'number') return undefined;
  if (x <= now.getTime()) return undefined;
  return { email: e, id: i, expiresAt: x };
}

/** The CSRF value every form of this session carries. */
export function csrfForSession(secret: string, session: Session): string {
  return sign(secret, SigningPurpose.dashboardCsrf, session.id);
}

export function csrfMatchesSession(secret: string, session: Session, given: unknown): boolean {
  return verify(secret, SigningPurpose.dashboardCsrf, session.id, given);
}

/** The CSRF value of the sign-in confirmation form, bound to the token it was served for. */
export function csrfForSignIn(secret: string, tokenHash: string): string {
  return sign(secret, SigningPurpose.signInCsrf, tokenHash);
}

export function csrfMatchesSignIn(secret: string, tokenHash: string, given: unknown): boolean {
  return verify(secret, SigningPurpose.signInCsrf, tokenHash, given);
}

/**
 * True when a POST may come from our own pages: no Origin header (older clients, same-origin
 * forms in some browsers), or an Origin equal to the public base URL's or to the request's own.
 */
export function originAllowed(origin: string | undefined, publicBaseUrl: string, requestUrl: string): boolean {
  if (!origin) return true;
  try {
    return origin === new URL(publicBaseUrl).origin || origin === new URL(requestUrl).origin;
  } catch {
    return false;
  }
}

/** A local path to return to after signing in; anything else (other hosts, `//x`, `/\x`) becomes `/`. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return '/';
  if (!/^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]*$/.test(next)) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/sign-out')) return '/';
  return next;
}

export { hashToken };
