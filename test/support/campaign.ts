/**
 * A running product for campaign tests: a worker and the web server on the shared real
 * services, with the public base URL pointing at this web server so email links work.
 */
import { randomUUID } from 'node:crypto';
import type { CampaignState } from '../../domain/campaign/types.js';
import type { Endpoints } from '../../infra/config.js';
import { temporalGateway } from '../../infra/campaign-gateway.js';
import { S3ObjectStore } from '../../infra/s3.js';
import { createApp } from '../../web/app.js';
import { startWebServer } from '../../web/server.js';
import { waitForEmails } from './mailbox.js';
import { freePort } from './ports.js';
import { connectClient, startTestWorker } from './temporal.js';

export async function startProduct(shared: Endpoints, name: string) {
  const port = await freePort();
  const taskQueue = `it-${name}-${randomUUID().slice(0, 8)}`;
  const endpoints: Endpoints = { ...shared, taskQueue, publicBaseUrl: `http://127.0.0.1:${port}` };
  let worker = await startTestWorker(endpoints, taskQueue);
  const store = S3ObjectStore.fromSettings(endpoints.s3);
  const gateway = temporalGateway(endpoints);
  const web = await startWebServer(createApp({ endpoints, store, campaigns: gateway }), '127.0.0.1', port);
  const temporal = await connectClient(endpoints);
  return {
    endpoints,
    taskQueue,
    store,
    web,
    client: temporal.client,
    get worker() {
      return worker;
    },
    async restartWorker() {
      worker = await startTestWorker(endpoints, taskQueue);
      return worker;
    },
    async stop() {
      await web.stop();
      await worker.stop().catch(() => undefined);
      await gateway.close();
      await temporal.close();
    },
  };
}

/** The approval link in the newest approval email to `address` (waits for `count` emails). */
export async function approvalLink(endpoints: Endpoints, address: string, count = 1, timeoutMs = 60_000): Promise<string> {
  const mails = await waitForEmails(endpoints, address, count, timeoutMs);
  if (mails.length < count) throw new Error(`expected ${count} approval emails to ${address}, got ${mails.length}`);
  const newest = mails.sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0))[mails.length - 1]!;
  const m = /(https?:\/\/\S+\/approve\/[A-Za-z0-9_-]{43})/.exec(newest.text ?? '');
  if (!m) throw new Error(`no approval link in: ${newest.text}`);
  return m[1]!;
}

/** Reads the hidden form fields of an approval page. */
export function formFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out[m[1]!] = m[2]!;
  return out;
}

export async function postDecision(link: string, fields: Record<string, string>): Promise<Response> {
  return fetch(link, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
}

export async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 60_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits for a campaign workflow to finish and returns its final state. */
export async function campaignResult(client: { workflow: { getHandle(id: string): { result(): Promise<unknown> } } }, id: string): Promise<CampaignState> {
  return (await client.workflow.getHandle(id).result()) as CampaignState;
}
