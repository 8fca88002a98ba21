/** Reads mail that reached the embedded SMTP server, through maildev's HTTP API, parsed by mailparser. */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Endpoints } from '../../infra/config.js';

interface MaildevEmail {
  id: string;
  subject?: string;
  to?: { address: string }[];
  headers?: Record<string, string>;
}

export async function listEmails(endpoints: Endpoints): Promise<MaildevEmail[]> {
  const res = await fetch(`${endpoints.mailUi}/api/email`);
  if (!res.ok) throw new Error(`maildev API ${res.status}`);
  return (await res.json()) as MaildevEmail[];
}

export async function rawEmail(endpoints: Endpoints, id: string): Promise<Buffer> {
  const res = await fetch(`${endpoints.mailUi}/api/email/${id}/source`);
  if (!res.ok) throw new Error(`maildev API ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** Every message addressed to `address`, parsed. */
export async function emailsTo(endpoints: Endpoints, address: string): Promise<ParsedMail[]> {
  const all = await listEmails(endpoints);
  const mine = all.filter((m) => (m.to ?? []).some((t) => t.address.toLowerCase() === address.toLowerCase()));
  return Promise.all(mine.map(async (m) => simpleParser(await rawEmail(endpoints, m.id))));
}

/** Polls until at least `count` messages to `address` arrived (or the timeout passes). */
export async function waitForEmails(endpoints: Endpoints, address: string, count = 1, timeoutMs = 15_000): Promise<ParsedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await emailsTo(endpoints, address);
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}
