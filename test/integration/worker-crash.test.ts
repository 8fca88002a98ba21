/**
 * Kill the worker (SIGKILL) in the middle of sending briefings, start a new one: the campaign
 * completes and every journalist has exactly one briefing.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Endpoints } from '../../infra/config.js';
import { temporalGateway } from '../../infra/campaign-gateway.js';
import { resolveCampaignInput, startCampaign } from '../../infra/campaign-client.js';
import { S3ObjectStore } from '../../infra/s3.js';
import { createApp } from '../../web/app.js';
import { startWebServer } from '../../web/server.js';
import { approvalLink, campaignResult, formFields, postDecision, waitFor } from '../support/campaign.js';
import { listEmails } from '../support/mailbox.js';
import { freePort } from '../support/ports.js';
import { connectClient } from '../support/temporal.js';
import { killWorker, spawnWorker } from '../support/worker-process.js';

const shared = inject('endpoints');
const JOURNALISTS = 40;

describe('worker crash while sending briefings', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crash-'));
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('SIGKILL mid-send, restart: exactly one briefing per journalist', async () => {
    const tag = randomUUID().slice(0, 8);
    const addresses = Array.from({ length: JOURNALISTS }, (_, i) => `pv-${tag}-${i}@example.org`);
    const mediaFile = path.join(dir, 'media.yaml');
    writeFileSync(
      mediaFile,
      ['sample: true', 'owner: Ủy ban nhân dân phường Mẫu', 'journalists:', ...addresses.flatMap((a, i) => [`  - id: pv-${i}`, `    name: Phóng viên ${i}`, '    outlet: Báo Mẫu', `    email: ${a}`, '    beats: [giáo dục]'])].join('\n') + '\n',
    );
    const port = await freePort();
    const endpoints: Endpoints = { ...shared, taskQueue: `it-crash-${tag}`, publicBaseUrl: `http://127.0.0.1:${port}` };
    const gateway = temporalGateway(endpoints);
    const web = await startWebServer(createApp({ endpoints, store: S3ObjectStore.fromSettings(endpoints.s3), campaigns: gateway }), '127.0.0.1', port);
    cleanups.push(() => web.stop(), () => gateway.close());
    const temporal = await connectClient(endpoints);
    cleanups.push(() => temporal.close());

    // A bundle left behind by a worker killed while it was starting (no such process now).
    const bundles = path.join(endpoints.dataDir, 'workflow-bundle');
    mkdirSync(bundles, { recursive: true });
    const stale = path.join(bundles, 'bundle-2147483646.js');
    writeFileSync(stale, '// stale');

    // The first worker stops (heartbeating) right after the 5th briefing is sent and recorded.
    const first = await spawnWorker(endpoints, { CAMPAIGN_FAILPOINT: 'briefing-sent:5' });
    cleanups.push(() => killWorker(first));
    // Once running, the worker keeps its workflow code in memory: neither its own bundle file
    // nor the stale one is left in the data folder.
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(path.join(bundles, `bundle-${first.child.pid}.js`))).toBe(false);
    const approver = `duyet-${tag}@example.org`;
    const input = await resolveCampaignInput({
      planId: 'phuong-bac-kan-2026',
      occasionId: 'ngay-nha-giao-20-11',
      channels: ['pressBriefing'],
      approvers: [approver],
      mediaListFile: mediaFile,
      publishAt: new Date().toISOString(),
      forceNew: true,
    });
    await startCampaign(temporal.client, endpoints.taskQueue, input);
    const link = await approvalLink(endpoints, approver);
    expect((await postDecision(link, { ...formFields(await (await fetch(link)).text()), decision: 'approve' })).status).toBe(200);

    const countMine = async () => (await listEmails(endpoints)).filter((m) => (m.to ?? []).some((t) => t.address.includes(`-${tag}-`))).length;
    await waitFor(async () => (first.output().includes('[failpoint] briefing-sent:5') ? true : undefined), 60_000, 'the failpoint');
    expect(await countMine()).toBe(5);
    await killWorker(first, 'SIGKILL');

    const second = await spawnWorker(endpoints);
    cleanups.push(() => killWorker(second, 'SIGTERM'));
    const final = await campaignResult(temporal.client, input.campaignId);
    expect(final.status).toBe('published');
    const mails = (await listEmails(endpoints)).filter((m) => (m.to ?? []).some((t) => t.address.includes(`-${tag}-`)));
    const perAddress = new Map<string, number>();
    for (const m of mails) for (const t of m.to ?? []) perAddress.set(t.address, (perAddress.get(t.address) ?? 0) + 1);
    expect([...perAddress.keys()].sort()).toEqual([...addresses].sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
  });
});
