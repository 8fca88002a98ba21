/**
 * The one HMAC of the product: `base64url(HMAC-SHA256(secret, "<purpose>:<value>"))`.
 *
 * Every signature names what it is for. A purpose is a fixed word without a colon, so the signed
 * text always starts with exactly one `<purpose>:` and a signature made for one purpose never
 * verifies for another (an approval-page CSRF value is no unsubscribe link, a session cookie no
 * dashboard CSRF value). The format is the one every signature already had: links already sent
 * by email and cookies already set keep verifying. Verification compares in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Every purpose anything is signed for, and where. Add a new word here; never reuse one. */
export const SigningPurpose = {
  /** CSRF value of the approval page, bound to the hash of the approval token (web/approval.ts). */
  approvalCsrf: 'csrf',
  /** Unsubscribe links in briefings, bound to the lower-cased address (channels/press-briefing/render/unsubscribe-token.ts). */
  unsubscribe: 'unsubscribe',
  /** Dashboard session cookie payload (web/dashboard/auth.ts). */
  session: 'session',
  /** CSRF value of every dashboard form, bound to the session id. */
  dashboardCsrf: 'dashboard-csrf',
  /** CSRF value of the sign-in confirmation form, bound to the sign-in token hash. */
  signInCsrf: 'sign-in-csrf',
  /** CSRF value of the form asking for a sign-in link, bound to a cookie nonce (web/dashboard/sign-in.ts). */
  signInForm: 'sign-in-form',
} as const;
export type SigningPurpose = (typeof SigningPurpose)[keyof typeof SigningPurpose];

const PURPOSE_RE = /^[a-z][a-z0-9-]*$/;

/** The signature of `value` for `purpose`: 43 base64url characters. Throws without a secret. */
export function sign(secret: string, purpose: SigningPurpose, value: string): string {
  if (!secret) throw new Error('signing needs a secret');
  if (!PURPOSE_RE.test(purpose)) throw new Error(`not a signing purpose: ${purpose}`);
  return createHmac('sha256', secret).update(`${purpose}:${value}`, 'utf8').digest('base64url');
}

/**
 * True when `signature` is the signature of `value` for `purpose` with `secret`. Anything else
 * (no secret, not a string, another purpose, another value, a non-canonical encoding) is false.
 */
export function verify(secret: string, purpose: SigningPurpose, value: string, signature: unknown): boolean {
  if (!secret || typeof signature !== 'string') return false;
  const expected = Buffer.from(sign(secret, purpose, value), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
