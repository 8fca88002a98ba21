/**
 * What a failed send means, from nodemailer's error codes and the SMTP reply code:
 *
 * - `permanent`: this recipient will never get this message (bad address, mailbox refused,
 *   message refused with a 5xx). Recorded for the recipient; the others are still sent.
 * - `transient`: the connection or the server had a moment (timeouts, dropped sockets, 4xx).
 *   The activity throws so Temporal retries it; recipients already sent are skipped then.
 * - `fatal`: nothing can be sent until someone fixes the configuration (authentication,
 *   sender refused). The whole activity fails without retry.
 *
 * Pure: a table and a function, unit-tested on their own.
 */

export const SmtpFailureKind = {
  permanent: 'permanent',
  transient: 'transient',
  fatal: 'fatal',
} as const;
export type SmtpFailureKind = (typeof SmtpFailureKind)[keyof typeof SmtpFailureKind];

/** Nodemailer error codes (lib/errors) and what they mean when there is no SMTP reply code to go by. */
export const SMTP_CODE_KINDS = {
  // Connection and protocol trouble: try again later.
  ECONNECTION: 'transient',
  ETIMEDOUT: 'transient',
  ESOCKET: 'transient',
  EDNS: 'transient',
  ETLS: 'transient',
  EPROTOCOL: 'transient',
  ESTREAM: 'transient',
  EMAXLIMIT: 'transient',
  // Configuration: no message can go out until someone fixes it.
  EAUTH: 'fatal',
  ENOAUTH: 'fatal',
  EOAUTH2: 'fatal',
  ECONFIG: 'fatal',
  EREQUIRETLS: 'fatal',
  // This message to this recipient: rejected before anything was sent (e.g. a malformed address).
  EENVELOPE: 'permanent',
  EMESSAGE: 'permanent',
} as const satisfies Record<string, SmtpFailureKind>;

export interface SmtpFailure {
  kind: SmtpFailureKind;
  code: string;
  responseCode?: number;
  message: string;
}

interface NodemailerErrorLike {
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
  message?: unknown;
}

/**
 * Classifies an error thrown by `transporter.sendMail`. The SMTP reply code wins over the
 * nodemailer code: 4xx is transient and 5xx permanent (RFC 5321), except 503 (bad command
 * sequence — a session problem, so transient), 5xx on authentication (fatal) and 5xx on
 * MAIL FROM (the sender is refused for everyone: fatal). Unknown errors are transient, so
 * Temporal's retry policy, not this table, decides when to give up.
 */
export function classifySmtpError(err: unknown): SmtpFailure {
  const e = (err ?? {}) as NodemailerErrorLike;
  const code = typeof e.code === 'string' ? e.code : 'EUNKNOWN';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const base = { code, message, ...(responseCode !== undefined ? { responseCode } : {}) };
  const byCode: SmtpFailureKind | undefined = (SMTP_CODE_KINDS as Record<string, SmtpFailureKind>)[code];

  if (byCode === 'fatal') return { kind: 'fatal', ...base };
  if (responseCode !== undefined) {
    if (responseCode >= 400 && responseCode < 500) return { kind: 'transient', ...base };
    if (responseCode === 503) return { kind: 'transient', ...base };
    if (responseCode >= 500 && responseCode < 600) {
      if (e.command === 'MAIL FROM' || String(e.command ?? '').startsWith('AUTH')) return { kind: 'fatal', ...base };
      return { kind: 'permanent', ...base };
    }
  }
  return { kind: byCode ?? 'transient', ...base };
}
