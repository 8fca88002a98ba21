/**
 * Email addresses as briefings use them: a deliberately plain syntax check (no quoted local
 * parts, no comments, no whitespace or control characters — nothing that could bend a header)
 * and the domain of the configured sender for Message-IDs and content ids.
 */

const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** True for a plain `local@domain.tld` address of at most 254 characters. */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && ADDRESS.test(value) && !value.includes('..');
}

/** Domain of a `Name <user@domain>` or `user@domain` sender; a fixed fallback when there is none. */
export function senderDomain(mailFrom: string): string {
  const address = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const domain = address.split('@')[1]?.toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : 'campaign-ops.local';
}
