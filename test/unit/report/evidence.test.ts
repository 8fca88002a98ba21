import { beforeAll, describe, expect, it } from 'vitest';
import { gatherEvidence } from '../../../activities/report/evidence.js';
import type { Plan } from '../../../domain/plan/schema.js';
import { periodOfDays } from '../../../domain/report/period.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { loadPlan } from '../../../infra/plan-store.js';

const PLAN = 'lang-son-62-kh-ubnd-2026';
const ID = `campaign-${PLAN}-ngay-nha-giao-20-11-2026`;
const OTHER = 'campaign-quang-ngai-2026-ngay-nha-giao-20-11-2026';
let plan: Plan;
// Temporal cannot be asked: campaigns are found through the audit log instead.
const listCampaigns = async () => undefined;

const json = (store: MemoryObjectStore, key: string, value: unknown) => store.put(key, JSON.stringify(value), { contentType: 'application/json' });

beforeAll(async () => {
  plan = await loadPlan(PLAN);
});

async function seeded(): Promise<MemoryObjectStore> {
  const store = new MemoryObjectStore();
  await json(store, `campaigns/${ID}/inputs/campaign.json`, { planId: PLAN, occasionId: 'ngay-nha-giao-20-11', occasionDate: '2026-11-20', taskIds: ['ls-day-manh-truyen-thong'], channels: ['webPortal', 'pressBriefing', 'loudspeaker'] });
  await json(store, `campaigns/${OTHER}/inputs/campaign.json`, { planId: 'quang-ngai-2026', occasionId: 'ngay-nha-giao-20-11', occasionDate: '2026-11-20', taskIds: [], channels: ['loudspeaker'] });
  const audit = [
    { at: '2026-02-20T01:00:00.000Z', kind: 'started', text: 'trước kỳ' },
    { at: '2026-03-01T01:00:00.000Z', kind: 'drafted', text: 'v1', version: 1 },
    { at: '2026-03-01T02:00:00.000Z', kind: 'approve', text: 'ok', version: 1, decision: { approver: 'a@example.org', decision: 'approve', version: 1, at: '2026-03-01T02:00:00.000Z', step: 1, tokenHash: 'x' } },
    { at: '2026-03-02T00:00:00.000Z', kind: 'published', text: 'đăng', channel: 'webPortal' },
    { at: '2026-03-02T01:00:00.000Z', kind: 'published', text: 'gửi', channel: 'pressBriefing' },
  ];
  for (const [i, e] of audit.entries()) await json(store, `audit/${ID}/${String(i + 1).padStart(6, '0')}.json`, { campaignId: ID, seq: i + 1, ...e });
  await json(store, `audit/${OTHER}/000001.json`, { at: '2026-03-01T01:00:00.000Z', kind: 'drafted', text: 'khác', version: 1 });
  await json(store, 'broadcast/xa-cho-moi/2026-03-02/rundown.json', { locality: 'xa-cho-moi', localityName: 'Xã Chợ Mới', day: '2026-03-02', items: [{ campaignId: ID, slot: 'sang', durationSeconds: 150 }, { campaignId: OTHER, slot: 'sang', durationSeconds: 99 }] });
  await json(store, 'broadcast/xa-cho-moi/2026-07-01/rundown.json', { locality: 'xa-cho-moi', day: '2026-07-01', items: [{ campaignId: ID, slot: 'sang', durationSeconds: 150 }] });
  await json(store, 'site/manifest.json', { schemaVersion: 1, posts: [{ slug: 'tri-an', campaignId: ID, version: 1, title: 'Tri ân', publishedAt: '2026-03-02T00:00:00.000Z' }] });
  await json(store, `ledger/briefings/${ID}/v1/aaa.json`, { status: 'sent', at: '2026-03-02T01:00:00.000Z' });
  await json(store, `ledger/briefings/${ID}/v1/bbb.json`, { status: 'failed', at: '2026-03-02T01:00:00.000Z' });
  await json(store, `ledger/briefings/${ID}/v1/ccc.pending.json`, { attempts: 1 });
  return store;
}

describe('gathering evidence', () => {
  it('reads the plan\'s campaigns in the period from the audit log, rundowns, site manifest and briefing ledger', async () => {
    const store = await seeded();
    const evidence = await gatherEvidence({ store, listCampaigns }, plan, periodOfDays('2026-03-01', '2026-03-31'), new Date('2026-04-01T00:00:00Z'));
    expect(evidence.sources).toEqual({ campaigns: false, bulletins: true, rundowns: true, siteManifest: true, briefingLedger: true });
    expect(evidence.items.map((i) => i.id)).toEqual([ID]);
    const item = evidence.items[0]!;
    expect(item.title).toBe('Ngày Nhà giáo Việt Nam');
    expect(item.drafts).toEqual([{ version: 1, at: '2026-03-01T01:00:00.000Z', summary: 'v1' }]);
    expect(item.decisions).toEqual([{ approver: 'a@example.org', decision: 'approve', version: 1, at: '2026-03-01T02:00:00.000Z' }]);
    expect(item.publications.map((p) => p.channel)).toEqual(['webPortal', 'pressBriefing']);
    expect(item.broadcasts).toEqual([{ locality: 'xa-cho-moi', localityName: 'Xã Chợ Mới', day: '2026-03-02', slot: 'sang', durationSeconds: 150 }]);
    expect(item.posts).toEqual([{ slug: 'tri-an', title: 'Tri ân', publishedAt: '2026-03-02T00:00:00.000Z', version: 1 }]);
    expect(item.briefings).toEqual([{ version: 1, sent: 1, failed: 1 }]);
  });

  it('takes the campaign list from Temporal when it can be asked', async () => {
    const store = await seeded();
    const asked: string[] = [];
    const evidence = await gatherEvidence({ store, listCampaigns: async (planId) => (asked.push(planId), [ID]) }, plan, periodOfDays('2026-03-01', '2026-03-31'));
    expect(asked).toEqual([PLAN]);
    expect(evidence.sources.campaigns).toBe(true);
    expect(evidence.items.map((i) => i.id)).toEqual([ID]);
  });

  it('says which kind of evidence is missing instead of guessing', async () => {
    const store = await seeded();
    await store.delete('site/manifest.json');
    for (const k of await store.list('ledger/briefings/')) await store.delete(k);
    const evidence = await gatherEvidence({ store, listCampaigns }, plan, periodOfDays('2026-03-01', '2026-03-31'));
    expect(evidence.sources).toMatchObject({ siteManifest: false, briefingLedger: false });
    expect(evidence.items[0]!.posts).toEqual([]);
  });

  it('counts a campaign whose bulletins air in the period even when it was approved before', async () => {
    const store = await seeded();
    const evidence = await gatherEvidence({ store, listCampaigns }, plan, periodOfDays('2026-07-01', '2026-07-31'));
    expect(evidence.items.map((i) => [i.id, i.decisions.length, i.broadcasts.length])).toEqual([[ID, 0, 1]]);
  });
});
