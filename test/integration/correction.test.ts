/**
 * An urgent correction end to end on the real services, through the real inbox: one approver
 * gets the request, approves by link, and every channel goes out at once — the loudspeakers as
 * an emergency bulletin listed first in the day's rundown (a file for smart stations), the post
 * labelled "Đính chính" with its source, the briefing to the media list — and the audit trail
 * names who approved what and when.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Rundown } from '../../domain/broadcast/rundown.js';
import type { MediaList } from '../../domain/media-list.js';
import { startCampaign } from '../../infra/campaign-client.js';
import { resolveCorrectionInput } from '../../infra/correction-client.js';
import { DirectoryStore } from '../../infra/directory-store.js';
import { approvalLink, campaignResult, formFields, postDecision, startProduct } from '../support/campaign.js';
import { waitForEmails } from '../support/mailbox.js';

const shared = inject('endpoints');
const LANG_SON = 'lang-son-62-kh-ubnd-2026';

describe('an urgent correction', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  beforeAll(async () => {
    product = await startProduct(shared, 'correction');
  });
  afterAll(async () => {
    await product?.stop();
  });

  it('goes out on every channel at once when its one approver approves, as an emergency on the loudspeakers', { timeout: 240_000 }, async () => {
    const approver = `dc-${randomUUID().slice(0, 8)}@example.org`;
    const started = new Date();
    const input = await resolveCorrectionInput(
      {
        planId: LANG_SON,
        headline: 'Không thu phí học thêm bắt buộc',
        claim: 'Từ tháng 12, học sinh phải đóng phí học thêm bắt buộc tại trường',
        facts: ['Sở Giáo dục và Đào tạo không ban hành quy định thu phí học thêm bắt buộc', 'Việc dạy thêm, học thêm thực hiện theo Thông tư số 29/2024/TT-BGDĐT'],
        source: 'Sở Giáo dục và Đào tạo tỉnh Lạng Sơn',
        sourceUrl: 'https://sgddt.langson.example.org/dinh-chinh',
        approver,
      },
      started,
      { directory: new DirectoryStore(product.store) },
    );
    expect(input.reminderAfterMs).toBe(15 * 60_000);
    expect(input.escalateAfterMs).toBe(30 * 60_000);
    expect(Date.parse(input.decideBy) - started.getTime()).toBe(2 * 3600_000);
    await startCampaign(product.client, product.taskQueue, input);

    // The request in the inbox names the correction; one press of the link publishes everything.
    const link = await approvalLink(product.endpoints, approver, 1, 120_000);
    const page = await (await fetch(link)).text();
    expect(page).toContain('Không thu phí học thêm bắt buộc');
    const pressed = Date.now();
    expect((await postDecision(link, { ...formFields(page), decision: 'approve' })).status).toBe(200);
    const final = await campaignResult(product.client, input.campaignId);
    expect(final.status).toBe('published');
    expect(final.channels.map((c) => [c.channel, c.state])).toEqual([
      ['loudspeaker', 'published'],
      ['webPortal', 'published'],
      ['pressBriefing', 'published'],
      ['social', 'published'],
    ]);
    for (const c of final.channels) expect(Date.parse(c.publishedAt!)).toBeGreaterThanOrEqual(pressed);

    // Who approved what and when.
    const approval = final.events.find((e) => e.kind === 'approve')!;
    expect(approval.text).toContain(approver);
    expect(Date.parse(approval.at)).toBeGreaterThanOrEqual(pressed - 1_000);

    // The post: labelled, with the claim called false and the source linked.
    const url = final.channels.find((c) => c.channel === 'webPortal')!.detail!;
    const html = await (await fetch(url.replace(/^https?:\/\/[^/]+/, product.web.url))).text();
    expect(html).toContain('<p class="label-correction">Đính chính</p>');
    expect(html).toContain('Đây là thông tin không chính xác.');
    expect(html).toContain('<a href="https://sgddt.langson.example.org/dinh-chinh" rel="noopener">Sở Giáo dục và Đào tạo tỉnh Lạng Sơn</a>');

    // The briefing, to the province's press list, says it is a correction.
    const media = JSON.parse((await product.store.get(`campaigns/${input.campaignId}/inputs/media.json`))!.body.toString('utf8')) as MediaList;
    const journalist = media.journalists[0]!.email;
    const mails = await waitForEmails(product.endpoints, journalist, 1, 60_000);
    expect(mails.some((m) => m.subject === '[Đính chính] Không thu phí học thêm bắt buộc — UBND tỉnh Lạng Sơn')).toBe(true);

    // The social pack, ready to post, reaches the approver (no page credentials are configured here).
    const packs = await waitForEmails(product.endpoints, approver, 2, 60_000);
    expect(packs.some((m) => (m.text ?? '').includes('Không thu phí học thêm bắt buộc') && m.subject !== undefined && !/phê duyệt/i.test(m.subject))).toBe(true);

    // Every station of the province's communes: an emergency bulletin first in today's rundown.
    const localities = JSON.parse((await product.store.get(`campaigns/${input.campaignId}/inputs/localities.json`))!.body.toString('utf8')) as { id: string; system?: string }[];
    expect(localities.length).toBeGreaterThanOrEqual(3);
    for (const l of localities) {
      const doc = JSON.parse((await product.store.get(`broadcast/${l.id}/${input.occasionDate}/rundown.json`))!.body.toString('utf8')) as Rundown;
      expect(doc.items[0]).toMatchObject({ campaignId: input.campaignId, priority: 'emergency' });
      const script = (await product.store.get(doc.items[0]!.scriptKey))!.body.toString('utf8');
      expect(script).toMatch(/khẩn cấp/);
      expect(script).toContain('không ban hành quy định thu phí học thêm bắt buộc');
      if (l.system === 'ip') {
        expect(doc.items[0]!.audio).toBeDefined();
        const m3u = (await product.store.get(`broadcast/${l.id}/${input.occasionDate}/rundown.m3u`))!.body.toString('utf8');
        expect(m3u.split('\n')[2]).toMatch(/^#EXTINF:\d+,\[khẩn cấp\] /);
      }
    }
  });
});
