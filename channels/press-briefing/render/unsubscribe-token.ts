/**
 * Unsubscribe tokens: `base64url(email) "." base64url(HMAC-SHA256(secret, "unsubscribe:" + email))`
 * with the email lower-cased (domain/signing.ts, purpose `unsubscribe`). The address travels in
 * the token so the web server needs no lookup; the purpose-separated HMAC (an approval signature
 * can never pass as one) proves we issued it. Links already sent keep working: this format must
 * not change. Verification compares in constant time. No I/O.
 */
import { createHash } from 'node:crypto';
import { normalizeEmail } from '../../../domain/email.js';
import { sign, SigningPurpose, verify } from '../../../domain/signing.js';

const B64URL = /^[A-Za-z0-9_-]+$/;
/** Longest token accepted: a 254-character address plus the MAC, base64url. */
export const MAX_TOKEN_LENGTH = 400;

/** SHA-256 (hex) of the normalised address: what keys and ledgers hold instead of the address. */
export function emailHash(email: string): string {
  return createHash('sha256').update(normalizeEmail(email), 'utf8').digest('hex');
}

/** Token for the unsubscribe link of `email`. */
export function createUnsubscribeToken(email: string, secret: string): string {
  if (!secret) throw new Error('unsubscribe tokens need a secret');
  const e = normalizeEmail(email);
  return `${Buffer.from(e, 'utf8').toString('base64url')}.${sign(secret, SigningPurpose.unsubscribe, e)}`;
}

/** The (normalised) address a token was issued for, or undefined when it is malformed or forged. */
export function verifyUnsubscribeToken(token: unknown, secret: string): string | undefined {
  if (!secret || typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = token.split('.');
  if (parts.length !== 2) return undefined;
  const [emailPart, macPart] = parts as [string, string];
  if (!B64URL.test(emailPart) || !B64URL.test(macPart)) return undefined;
  const email = Buffer.from(emailPart, 'base64url').toString('utf8');
  // Only the canonical encoding is accepted, so one address has exactly one valid token.
  if (Buffer.from(email, 'utf8').toString('base64url') !== emailPart || email !== normalizeEmail(email) || !email.includes('@')) return undefined;
  return verify(secret, SigningPurpose.unsubscribe, email, macPart) ? email : undefined;
}
