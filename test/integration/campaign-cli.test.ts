/**
 * The campaign CLI against real services, and the workflow's two-step rule and expiry:
 * `start --json` → `status --json` → `list`; a second start of the same campaign is refused;
 * `cancel`; an editor then a leader approve; an undecided campaign expires at its deadline;
 * `render post | briefing` against the real object store.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CampaignState } from '../../domain/campaign/types.js';
import { resolveCampaignInput, startCampaign } from '../../infra/campaign-client.js';
import { DirectoryStore, UnitConflictError } from '../../infra/directory-store.js';
import { approvalLink, campaignResult, formFields, postDecision, startProduct, waitFor } from '../support/campaign.js';
import { workerEnv } from '../support/worker-process.js';
import { runCampaign } from '../support/cli-process.js';

const shared = inject('endpoints');

function cli(args: string[], env: NodeJS.ProcessEnv) {
  return runCampaign(args, env);
}

describe('campaign CLI and approval rules', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    product = await startProduct(shared, 'cli');
    env = workerEnv(product.endpoints);
  });
  afterAll(async () => {
    await product?.stop();
  });

  it('start --json, status --json, list, a refused duplicate, cancel', async () => {
    const approver = `cli-${randomUUID().slice(0, 8)}@example.org`;
    // A plan-specific year keeps this test's campaign id apart from the others.
    const args = ['start', '--plan', 'lang-son-62-kh-ubnd-2026', '--occasion', 'ngay-nha-giao-20-11', '--date', '20/11/2027', '--channels', 'infographic', '--approvers', approver, '--json'];
    const started = await cli([...args, '--force-new'], env);
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    const { id } = JSON.parse(started.stdout) as { id: string };
    expect(id).toMatch(/^campaign-lang-son-62-kh-ubnd-2026-ngay-nha-giao-20-11-2027-/);

    await approvalLink(product.endpoints, approver);
    const status = await cli(['status', id, '--json'], env);
    expect(status.code).toBe(0);
    const state = JSON.parse(status.stdout) as CampaignState;
    expect(state.status).toBe('awaitingApproval');
    expect(state.channels.map((c) => [c.channel, c.state])).toEqual([['infographic', 'drafted']]);
    const human = await cli(['status', id], env);
    expect(human.stdout).toContain('Chờ phê duyệt');

    const list = await waitFor(async () => {
      const out = await cli(['list', '--plan', 'lang-son-62-kh-ubnd-2026', '--json'], env);
      const rows = JSON.parse(out.stdout) as { campaignId: string; status?: string }[];
      return rows.find((r) => r.campaignId === id && r.status === 'awaitingApproval');
    }, 30_000, 'the campaign in the list');
    expect(list.campaignId).toBe(id);

    // The same plan, occasion and year without --force-new: the first start wins, the second is refused.
    const first = await cli(args, env);
    expect(first.code).toBe(0);
    const again = await cli(args, env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã được khởi tạo trước đó');
    const baseId = (JSON.parse(first.stdout) as { id: string }).id;

    for (const c of [id, baseId]) {
      const cancelled = await cli(['cancel', c], env);
      expect(cancelled.code).toBe(0);
      expect((await campaignResult(product.client, c)).status).toBe('cancelled');
    }
    const bad = await cli(['start', '--plan', 'khong-co', '--occasion', 'ngay-nha-giao-20-11', '--approvers', 'not-an-email'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('plan:');
    expect(bad.stderr).toContain('approvers:');
  });

  it('two-step rule: an editor approves, then a leader', async () => {
    const editor = `bien-tap-${randomUUID().slice(0, 8)}@example.org`;
    const leader = `lanh-dao-${randomUUID().slice(0, 8)}@example.org`;
    // The second step is for a leader of the plan's issuing unit: this one joins phường Bắc Kạn.
    const directory = new DirectoryStore(product.store);
    for (let attempt = 0; ; attempt++) {
      const current = (await directory.get('phuong-bac-kan'))!;
      try {
        await directory.save({ ...current.unit, editors: [...current.unit.editors, { email: leader, name: 'Lãnh đạo thử nghiệm', role: 'leader' }] }, { by: 'kiem-thu@example.org', expectedRevision: current.revision });
        break;
      } catch (err) {
        if (!(err instanceof UnitConflictError) || attempt > 5) throw err;
      }
    }
    const input = await resolveCampaignInput({
      planId: 'phuong-bac-kan-2026',
      occasionId: 'ngay-nha-giao-20-11',
      channels: ['infographic'],
      approvers: [editor],
      leaders: [leader],
      publishAt: new Date().toISOString(),
      forceNew: true,
    }, new Date(), { directory });
    await startCampaign(product.client, product.taskQueue, input);
    const l1 = await approvalLink(product.endpoints, editor);
    expect((await postDecision(l1, { ...formFields(await (await fetch(l1)).text()), decision: 'approve' })).status).toBe(200);
    const l2 = await approvalLink(product.endpoints, leader);
    const mid = await product.client.workflow.getHandle(input.campaignId).query<CampaignState>('status');
    expect([mid.status, mid.step]).toEqual(['awaitingApproval', 2]);
    // The editor's link is spent: it cannot decide step two.
    const page2 = await (await fetch(l2)).text();
    expect((await postDecision(l1, { ...formFields(page2), decision: 'approve' })).status).toBe(409);
    expect((await postDecision(l2, { ...formFields(await (await fetch(l2)).text()), decision: 'approve' })).status).toBe(200);
    const final = await campaignResult(product.client, input.campaignId);
    expect(final.status).toBe('published');
    expect(final.decisions.map((d) => [d.approver, d.step])).toEqual([
      [editor, 1],
      [leader, 2],
    ]);
  });

  it('expires with a clear status when the deadline passes undecided, publishing nothing', async () => {
    const approver = `het-han-${randomUUID().slice(0, 8)}@example.org`;
    const input = await resolveCampaignInput({
      planId: 'phuong-bac-kan-2026',
      occasionId: 'ngay-nha-giao-20-11',
      channels: ['infographic', 'webPortal'],
      approvers: [approver],
      decideBy: new Date(Date.now() + 8_000).toISOString(),
      forceNew: true,
    });
    await startCampaign(product.client, product.taskQueue, input);
    const final = await campaignResult(product.client, input.campaignId);
    expect(final.status).toBe('expired');
    expect(final.channels.every((c) => c.state !== 'published')).toBe(true);
    expect(final.events.at(-1)?.text).toContain('Quá hạn phê duyệt');
    const link = await approvalLink(product.endpoints, approver);
    expect((await fetch(link)).status).toBe(409);
  });

  it('render post and render briefing keep what they write in the object store too', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'render-store-'));
    try {
      const args = ['--plan', 'lang-son-62-kh-ubnd-2026', '--occasion', 'ngay-nha-giao-20-11', '--date', '20/11/2026', '--json'];
      const post = await cli(['render', 'post', ...args, '--out', out], env);
      expect(post.stderr).toBe('');
      expect(post.code).toBe(0);
      const p = JSON.parse(post.stdout) as { taskIds: string[]; files: { file: string; key: string; size: number }[]; stored: boolean };
      expect(p.taskIds).toEqual(['ls-day-manh-truyen-thong', 'ls-truyen-thong-toan-xa-hoi']);
      expect(p.stored).toBe(true);
      for (const f of p.files) expect((await product.store.get(f.key))?.body.equals(readFileSync(f.file))).toBe(true);
      expect(p.files.map((f) => path.basename(f.key)).sort()).toEqual(['index.html', 'infographic.png']);

      const briefing = await cli(['render', 'briefing', ...args, '--out', out], env);
      expect(briefing.stderr).toBe('');
      expect(briefing.code).toBe(0);
      const b = JSON.parse(briefing.stdout) as { subject: string; files: { key: string }[]; listUnsubscribe: string };
      const eml = b.files.find((f) => f.key.endsWith('/briefing/briefing.eml'))!;
      const mail = await simpleParser((await product.store.get(eml.key))!.body, { keepCidLinks: true });
      expect(mail.subject).toBe(b.subject);
      expect(b.listUnsubscribe.startsWith(`<${product.endpoints.publicBaseUrl}/unsubscribe/`)).toBe(true);
      expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r?\n\s+/g, ' ')).toContain(b.listUnsubscribe);
      const inline = mail.attachments.find((a) => a.contentDisposition === 'inline')!;
      expect(mail.html).toContain(`cid:${inline.cid}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
