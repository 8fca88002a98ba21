/**
 * The campaign end to end on real services: start → approval email → link parsed → GET twice
 * and HEAD change nothing → POST approve → published on every channel. Then request changes,
 * old links refused, and forged, replayed and cross-campaign tokens refused.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CampaignState } from '../../domain/campaign/types.js';
import { listEmails } from '../support/mailbox.js';
import { resolveCampaignInput, startCampaign } from '../../infra/campaign-client.js';
import { approvalLink, campaignResult, formFields, postDecision, startProduct, waitFor } from '../support/campaign.js';
import { waitForEmails } from '../support/mailbox.js';
import { largestPayload, recordHistory } from '../support/histories.js';

const shared = inject('endpoints');
const PLAN = 'phuong-bac-kan-2026';
const OCCASION = 'ngay-nha-giao-20-11';

describe('campaign approval through email links', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  beforeAll(async () => {
    product = await startProduct(shared, 'campaign');
  });
  afterAll(async () => {
    await product?.stop();
  });

  const status = (id: string) => product.client.workflow.getHandle(id).query<CampaignState>('status');

  async function start(channels: string[], extra: Partial<Parameters<typeof resolveCampaignInput>[0]> = {}) {
    const approver = `bien-tap-${randomUUID().slice(0, 8)}@example.org`;
    const input = await resolveCampaignInput({
      planId: PLAN,
      occasionId: OCCASION,
      channels,
      approvers: [approver],
      publishAt: new Date(Date.now() + 1_000).toISOString(),
      forceNew: true,
      ...extra,
    });
    await startCampaign(product.client, product.taskQueue, input);
    return { id: input.campaignId, approver, input };
  }

  it('GET and HEAD change nothing; the POST approves; every channel publishes', async () => {
    const { id, approver } = await start(['infographic', 'webPortal', 'pressBriefing', 'loudspeaker']);
    const link = await approvalLink(product.endpoints, approver);
    expect(link.startsWith(product.endpoints.publicBaseUrl)).toBe(true);

    const first = await fetch(link);
    const html = await first.text();
    expect(first.status).toBe(200);
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    expect(html).toContain('Phê duyệt nội dung truyền thông');
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(link, { method: 'HEAD' })).status).toBe(200);
    expect((await status(id)).status).toBe('awaitingApproval');
    expect((await status(id)).decisions).toHaveLength(0);

    const res = await postDecision(link, { ...formFields(html), decision: 'approve' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã ghi nhận quyết định');

    const final = await campaignResult(product.client, id);
    expect(final.status).toBe('published');
    expect(final.channels.every((c) => c.state === 'published')).toBe(true);
    expect(final.decisions).toMatchObject([{ approver, decision: 'approve', version: 1 }]);

    // Scripts landed in each locality's feed, and each operator got exactly one email.
    const rundowns = await product.store.list('broadcast/');
    const mine = [];
    for (const key of rundowns.filter((k) => k.endsWith('rundown.json'))) {
      const doc = JSON.parse((await product.store.get(key))!.body.toString('utf8')) as { items: { campaignId: string }[] };
      if (doc.items.some((i) => i.campaignId === id)) mine.push(key);
    }
    expect(mine.length).toBe(final.localityCount);
    expect(final.localityCount).toBeGreaterThan(1);

    // The post is on the local site and in its index and feed.
    const postUrl = final.channels.find((c) => c.channel === 'webPortal')!.detail!;
    expect(postUrl.startsWith(`${product.endpoints.publicBaseUrl}/site/posts/`)).toBe(true);
    const post = await fetch(postUrl);
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('Ngày Nhà giáo Việt Nam');
    const slug = new URL(postUrl).pathname.split('/').filter(Boolean).pop()!;
    expect(await (await fetch(`${product.endpoints.publicBaseUrl}/site/`)).text()).toContain(`posts/${slug}/`);
    expect(await (await fetch(`${product.endpoints.publicBaseUrl}/site/feed.xml`)).text()).toContain(postUrl);

    // Every journalist of the media list got exactly one briefing of this campaign, linking the post.
    const media = JSON.parse((await product.store.get(`campaigns/${id}/inputs/media.json`))!.body.toString('utf8')) as { journalists: { email: string }[] };
    expect(media.journalists.length).toBeGreaterThan(1);
    for (const j of media.journalists) {
      const mails = (await waitForEmails(product.endpoints, j.email, 1)).filter((m) => (m.messageId ?? '').includes(id));
      expect(mails, j.email).toHaveLength(1);
      expect(mails[0]!.text).toContain(postUrl);
      expect(mails[0]!.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    }

    // The audit log holds the decision with who, when and which version.
    const audit = await product.store.list(`audit/${id}/`);
    const entries = await Promise.all(audit.map(async (k) => JSON.parse((await product.store.get(k))!.body.toString('utf8')) as { kind: string; decision?: { approver: string; version: number } }));
    expect(entries.find((e) => e.kind === 'approve')?.decision).toMatchObject({ approver, version: 1 });

    // The used link is refused now and changes nothing.
    const replay = await postDecision(link, { ...formFields(html), decision: 'reject' });
    expect(replay.status).toBe(409);
    await recordHistory(product.client, id, 'campaign-approved');
    // Artifacts travel as keys: no payload in the history comes near Temporal's limits.
    const history = await product.client.workflow.getHandle(id).fetchHistory();
    expect(largestPayload(history)).toBeGreaterThan(100);
    expect(largestPayload(history)).toBeLessThan(64 * 1024);
  });

  it('request changes renders a new version, refuses the old link, then approves', async () => {
    const { id, approver } = await start(['infographic', 'loudspeaker'], { localities: ['phuong-bac-kan-trung-tam'] });
    const link1 = await approvalLink(product.endpoints, approver);
    const page1 = await (await fetch(link1)).text();
    const changed = await postDecision(link1, {
      ...formFields(page1),
      decision: 'requestChanges',
      comment: 'Nhấn mạnh vai trò nhà giáo.',
      headline: 'Tri ân thầy cô – Đột phá phát triển giáo dục và đào tạo',
      keyMessages: 'Tôn vinh nhà giáo tiêu biểu.\nLan tỏa mô hình hay, cách làm hiệu quả.',
    });
    expect(changed.status).toBe(200);

    const s2 = await waitFor(async () => {
      const s = await status(id);
      return s.version === 2 && s.status === 'awaitingApproval' ? s : undefined;
    });
    expect(s2.drafts.find((d) => d.channel === 'infographic')?.keys[0]).toContain('/v2/');
    const brief = JSON.parse((await product.store.get(`campaigns/${id}/v2/brief.json`))!.body.toString('utf8')) as { headline: string; keyMessages: string[] };
    expect(brief.headline).toBe('Tri ân thầy cô – Đột phá phát triển giáo dục và đào tạo');
    expect(brief.keyMessages).toEqual(['Tôn vinh nhà giáo tiêu biểu.', 'Lan tỏa mô hình hay, cách làm hiệu quả.']);
    const script = (await product.store.get(`campaigns/${id}/v2/loudspeaker/phuong-bac-kan-trung-tam.txt`))!.body.toString('utf8');
    expect(script).toContain('Tôn vinh nhà giáo tiêu biểu');

    // The first link is for version 1: refused, nothing changes.
    expect((await fetch(link1)).status).toBe(409);
    const link2 = await approvalLink(product.endpoints, approver, 2);
    expect(link2).not.toBe(link1);
    const page2 = await (await fetch(link2)).text();
    expect((await postDecision(link2, { ...formFields(page2), decision: 'approve' })).status).toBe(200);
    const final = await campaignResult(product.client, id);
    expect(final.status).toBe('published');
    expect(final.version).toBe(2);
    expect(final.decisions.map((d) => [d.decision, d.version])).toEqual([
      ['requestChanges', 1],
      ['approve', 2],
    ]);
    await recordHistory(product.client, id, 'campaign-changes-requested');
  });

  it('forged, replayed and cross-campaign tokens are refused and change nothing', async () => {
    const a = await start(['infographic'], { localities: ['phuong-bac-kan-trung-tam'] });
    const b = await start(['infographic'], { localities: ['phuong-bac-kan-trung-tam'] });
    const linkA = await approvalLink(product.endpoints, a.approver);
    const linkB = await approvalLink(product.endpoints, b.approver);
    const pageA = await (await fetch(linkA)).text();
    const pageB = await (await fetch(linkB)).text();

    // Forged: a well-formed token nobody issued; and a malformed one.
    const forged = `${product.endpoints.publicBaseUrl}/approve/${'A'.repeat(43)}`;
    expect((await fetch(forged)).status).toBe(404);
    expect((await postDecision(forged, { ...formFields(pageA), decision: 'approve' })).status).toBe(404);
    expect((await fetch(`${product.endpoints.publicBaseUrl}/approve/..%2F..%2Fetc`)).status).toBe(404);
    // Cross-campaign: B's form fields (its CSRF and campaign id) posted to A's link.
    expect((await postDecision(linkA, { ...formFields(pageB), decision: 'approve' })).status).toBe(403);
    // No CSRF value at all.
    expect((await postDecision(linkA, { campaignId: a.id, version: '1', decision: 'approve' })).status).toBe(403);
    expect((await status(a.id)).status).toBe('awaitingApproval');
    expect((await status(b.id)).status).toBe('awaitingApproval');

    // Reject A properly, then replay the same POST.
    const ok = await postDecision(linkA, { ...formFields(pageA), decision: 'reject' });
    expect(ok.status).toBe(200);
    expect((await postDecision(linkA, { ...formFields(pageA), decision: 'approve' })).status).toBe(409);
    const finalA = await campaignResult(product.client, a.id);
    expect(finalA.status).toBe('rejected');
    expect(finalA.decisions).toHaveLength(1);
    expect((await status(b.id)).decisions).toHaveLength(0);
    await product.client.workflow.getHandle(b.id).cancel();
    expect((await campaignResult(product.client, b.id)).status).toBe('cancelled');
    await recordHistory(product.client, a.id, 'campaign-rejected');
    await recordHistory(product.client, b.id, 'campaign-cancelled');
  });

  it('an expired link is refused with 410', async () => {
    const { id, approver } = await start(['infographic'], { localities: ['phuong-bac-kan-trung-tam'], tokenTtlMs: 1_500 });
    const link = await approvalLink(product.endpoints, approver);
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await fetch(link)).status).toBe(410);
    expect((await status(id)).decisions).toHaveLength(0);
    await product.client.workflow.getHandle(id).cancel();
  });

  it('reminds after the reminder time and escalates to the second approver', async () => {
    const second = `lanh-dao-${randomUUID().slice(0, 8)}@example.org`;
    const { id, approver } = await start(['infographic'], {
      localities: ['phuong-bac-kan-trung-tam'],
      reminderAfterMs: 1_500,
      escalateAfterMs: 3_000,
      escalateTo: [second],
    });
    const reminders = await waitForEmails(product.endpoints, approver, 2, 30_000);
    expect(reminders.map((m) => m.subject)).toHaveLength(2);
    expect(reminders.some((m) => (m.text ?? '').includes('vẫn đang chờ quyết định'))).toBe(true);
    const escalationLink = await approvalLink(product.endpoints, second);
    const page = await (await fetch(escalationLink)).text();
    expect((await postDecision(escalationLink, { ...formFields(page), decision: 'approve' })).status).toBe(200);
    const final = await campaignResult(product.client, id);
    expect(final.status).toBe('published');
    expect(final.decisions[0]?.approver).toBe(second);
    expect(final.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['reminder', 'escalation']));
    expect((await listEmails(product.endpoints)).length).toBeGreaterThan(0);
    await recordHistory(product.client, id, 'campaign-escalated');
  });
});
