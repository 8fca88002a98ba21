/**
 * The two-person rule's second step is for a leader of the plan's issuing unit: refused at start
 * (the CLI and the dashboard share resolveCampaignInput) and again in the workflow's first
 * activity, so a campaign started some other way cannot slip a stranger in.
 */
import { describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { createPrepareActivities } from '../../../activities/campaign/prepare.js';
import type { ActivityDeps } from '../../../activities/deps.js';
import { CampaignRequestError, resolveCampaignInput } from '../../../infra/campaign-client.js';
import { DirectoryStore, loadSampleUnits, MemoryDirectory } from '../../../infra/directory-store.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';

const now = new Date('2026-10-25T03:00:00Z');
const base = { planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', channels: ['infographic'], approvers: ['bientap.vhxh@example.org'] };

describe('second-step leaders', () => {
  it('accepts a leader of the issuing unit and refuses anyone else, naming the unit and its leaders', async () => {
    const directory = new MemoryDirectory(await loadSampleUnits());
    const ok = await resolveCampaignInput({ ...base, leaders: ['lanhdao.ubnd@example.org'] }, now, { directory });
    expect(ok.leaders).toEqual(['lanhdao.ubnd@example.org']);
    expect(ok.ownerUnit).toBe('phuong-bac-kan');

    // Another editor of the same unit, and a leader of another province: both refused.
    for (const leader of ['bientap.dvth@example.org', 'lanhdao.langson@example.org']) {
      const err = await resolveCampaignInput({ ...base, leaders: [leader] }, now, { directory }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CampaignRequestError);
      const problem = (err as CampaignRequestError).problems.find((p) => p.field === 'leaders');
      expect(problem?.message).toContain(`${leader} không phải lãnh đạo của Phường Bắc Kạn`);
      expect(problem?.message).toContain('Lê Văn Đạo (lanhdao.ubnd@example.org)');
    }
  });

  it('the workflow input check refuses the same input the start check would', async () => {
    const store = new MemoryObjectStore();
    await new DirectoryStore(store).seed(await loadSampleUnits());
    const { prepareCampaign } = createPrepareActivities({ store } as unknown as ActivityDeps);
    const input = await resolveCampaignInput({ ...base, leaders: ['lanhdao.ubnd@example.org'] }, now, { directory: new MemoryDirectory(await loadSampleUnits()) });
    const err = await prepareCampaign({ ...input, leaders: ['bientap.vhxh@example.org'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect((err as ApplicationFailure).nonRetryable).toBe(true);
    expect((err as Error).message).toContain('bientap.vhxh@example.org không phải lãnh đạo của Phường Bắc Kạn');
    await expect(prepareCampaign(input)).resolves.toMatchObject({ briefKey: expect.any(String) });
  });
});

describe('approval emails of a directory editor', () => {
  it('greet the editor of the campaign’s unit by the name the directory lists', async () => {
    const { createApprovalActivities } = await import('../../../activities/campaign/approval.js');
    const store = new MemoryObjectStore();
    await new DirectoryStore(store).seed(await loadSampleUnits());
    const input = await resolveCampaignInput(base, now, { directory: new MemoryDirectory(await loadSampleUnits()) });
    const prefix = `campaigns/${input.campaignId}`;
    await store.put(`${prefix}/inputs/campaign.json`, JSON.stringify(input), { contentType: 'application/json' });
    const brief = { headline: 'Tri ân thầy cô', keyMessages: ['Tôn vinh nhà giáo.'], occasionName: 'Ngày Nhà giáo Việt Nam', occasionDate: '2026-11-20', planSymbol: '…/KH-UBND', issuer: 'Ủy ban nhân dân phường Bắc Kạn', issuerShort: 'UBND phường Bắc Kạn' };
    await store.put(`${prefix}/v1/brief.json`, JSON.stringify(brief), { contentType: 'application/json' });
    const sent: { text: string }[] = [];
    const mailer = { sendMail: async (m: { text: string }) => void sent.push(m) } as unknown as ActivityDeps['mailer'];
    const endpoints = { publicBaseUrl: 'http://localhost', mailFrom: 'noreply@example.org', approvalSecret: 's'.repeat(40) } as ActivityDeps['endpoints'];
    const { sendApprovalRequests } = createApprovalActivities({ store, mailer, endpoints, editors: [] });
    await sendApprovalRequests({ campaignId: input.campaignId, workflowId: input.campaignId, version: 1, step: 1, steps: 1, approvers: ['bientap.vhxh@example.org'], kind: 'request', round: 0, tokenTtlMs: 3_600_000, drafts: [] });
    expect(sent[0]?.text).toContain('Kính gửi Nguyễn Thu Biên,');
  });
});

describe('approval page of a directory editor', () => {
  it('names the approver as the campaign’s unit lists them', async () => {
    const { harness } = await import('../dashboard/harness.js');
    const { issueToken } = await import('../../../infra/approval-tokens.js');
    const store = new MemoryObjectStore();
    await new DirectoryStore(store).seed(await loadSampleUnits());
    const h = harness({ store });
    const input = await resolveCampaignInput(base, now, { directory: new MemoryDirectory(await loadSampleUnits()) });
    const id = input.campaignId;
    const { campaignState } = await import('../dashboard/harness.js');
    h.states.set(id, campaignState({ campaignId: id, prefix: `campaigns/${id}`, awaiting: ['bientap.vhxh@example.org'], drafts: [], channels: [] }));
    await store.put(`campaigns/${id}/inputs/campaign.json`, JSON.stringify(input), { contentType: 'application/json' });
    await store.put(`campaigns/${id}/v1/brief.json`, JSON.stringify({ headline: 'Tri ân thầy cô', keyMessages: ['Tôn vinh nhà giáo.'], occasionName: 'Ngày Nhà giáo Việt Nam', occasionDate: '2026-11-20', planSymbol: '…/KH-UBND', issuer: 'Ủy ban nhân dân phường Bắc Kạn', issuerShort: 'UBND phường Bắc Kạn' }), { contentType: 'application/json' });
    const token = await issueToken(store, { campaignId: id, workflowId: id, version: 1, step: 1, approver: 'bientap.vhxh@example.org', kind: 'request' }, 3_600_000, h.clock.now);
    const res = await h.app.request(`/approve/${token}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Nguyễn Thu Biên (bientap.vhxh@example.org)');
  });
});
