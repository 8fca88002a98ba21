/**
 * Email addresses, checked one way everywhere (plans, media lists, editor lists, schedules,
 * campaign requests, the dashboard, briefings) and the "Name <address>" mailbox form of the
 * configured sender. Pure.
 *
 * The check is deliberately plain and strict: exactly one address, ASCII only, no quoted local
 * part, no comment, nothing that could bend a header or be read as a list. Mail libraries read
 * "a,b@x.org" or "a;b@x.org" as two recipients; such text is refused, never sent.
 */

/** Longest address accepted (the practical limit of a forward path, RFC 5321 errata). */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;

// RFC 5322 dot-atom text: letters, digits and ! # $ % & ' * + / = ? ^ _ ` { | } ~ -, in
// dot-separated runs (no leading, trailing or doubled dot). No comma, semicolon, space, angle
// bracket, double quote, parenthesis, backslash, colon or @ — and so never two addresses.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// Host names: labels of letters, digits and inner hyphens, at least two labels, the last one
// (the top-level domain) starting with a letter.
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LABEL = /^[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/;

/** True for exactly one plain `local@domain.tld` address of at most 254 characters. */
export function isEmailAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_EMAIL_LENGTH) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  if (local.length > MAX_LOCAL_LENGTH || !LOCAL.test(local)) return false;
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && TOP_LABEL.test(labels[labels.length - 1]!);
}

/** The canonical form used for comparing, tokens, hashes and suppression: trimmed, lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A sender or recipient as mail headers write it: an optional display name and one address. */
export interface Mailbox {
  name?: string;
  address: string;
}

// `Name <address>` with the name quoted or not. An unquoted name may not hold what would end
// it or split the header (`< > " , ; @` and controls); a quoted one may hold anything but a
// quote, a backslash or a control character.
const NAMED = /^(?:"([^"\\\p{Cc}]*)"|([^<>",;@\p{Cc}]*?))\s*<([^<>]*)>$/u;

/**
 * Reads `user@example.org`, `Ban biên tập <user@example.org>` or `"Sở GD&ĐT, tỉnh X" <user@example.org>`;
 * undefined when the text is anything else (two addresses, a bad address, a stray bracket).
 */
export function parseMailbox(text: string): Mailbox | undefined {
  const t = text.trim();
  if (isEmailAddress(t)) return { address: t };
  const m = NAMED.exec(t);
  if (!m || !isEmailAddress(m[3])) return undefined;
  const name = (m[1] ?? m[2] ?? '').trim();
  return name ? { name, address: m[3] } : { address: m[3] };
}

/** True for text `parseMailbox` reads. */
export function isMailbox(text: unknown): text is string {
  return typeof text === 'string' && parseMailbox(text) !== undefined;
}

/** Domain of the configured sender (`Name <user@domain>` or `user@domain`), for Message-IDs and content ids; a fixed fallback when there is none. */
export function senderDomain(mailFrom: string): string {
  return parseMailbox(mailFrom)?.address.split('@')[1]?.toLowerCase() ?? 'campaign-ops.local';
}
