/**
 * Approval links: a random token (256 bits) goes only into the email; the store keeps its
 * SHA-256 hash with the campaign, version, step and approver it is bound to. The approval page
 * carries a CSRF value derived from the token hash with the server secret, so a form can only
 * be posted for the token it was served for.
 */
import { randomBytes, createHash } from 'node:crypto';
import { sign, SigningPurpose, verify } from './signing.js';

export interface TokenRecord {
  tokenHash: string;
  campaignId: string;
  workflowId: string;
  version: number;
  step: number;
  approver: string;
  issuedAt: string;
  expiresAt: string;
  /** request | reminder | escalation */
  kind: string;
  usedAt?: string;
}

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True when the text has the shape of a token (anything else is refused before any lookup). */
export function isTokenShaped(token: string): boolean {
  return TOKEN_RE.test(token);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function csrfFor(secret: string, tokenHash: string): string {
  return sign(secret, SigningPurpose.approvalCsrf, tokenHash);
}

export function csrfMatches(secret: string, tokenHash: string, given: string | undefined): boolean {
  return verify(secret, SigningPurpose.approvalCsrf, tokenHash, given);
}

export const TokenProblem = {
  unknown: 'unknown',
  expired: 'expired',
  used: 'used',
  staleVersion: 'staleVersion',
  closed: 'closed',
} as const;
export type TokenProblem = (typeof TokenProblem)[keyof typeof TokenProblem];

/** Why a token may not decide now, or undefined when it may. */
export function tokenProblem(record: TokenRecord | undefined, now: Date, current?: { version: number; step: number; awaiting: boolean }): TokenProblem | undefined {
  if (!record) return 'unknown';
  if (record.usedAt) return 'used';
  if (Date.parse(record.expiresAt) <= now.getTime()) return 'expired';
  if (current && (current.version !== record.version || current.step !== record.step)) return 'staleVersion';
  if (current && !current.awaiting) return 'closed';
  return undefined;
}

/** Key of a token record in the object store. */
export function tokenKey(tokenHash: string): string {
  return `approvals/tokens/${tokenHash}.json`;
}
