/**
 * A 20/11 campaign with every channel on, end to end on the real embedded services: drafted,
 * approved by the emailed link, published — the post with its Q&A section and FAQ data, the
 * Q&A Word file, the press briefing, the loudspeaker scripts, the social pack to the editor
 * (no accounts configured here), the print PDFs, the unit's e-board showing the image, and the
 * short video's pack; then the periodic report lists each channel (the social and video packs
 * once the editor marks them posted).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ALL_CAMPAIGN_CHANNELS } from '../../domain/campaign/types.js';
import { resolveCampaignInput, startCampaign } from '../../infra/campaign-client.js';
import { approvalLink, campaignResult, formFields, postDecision, startProduct } from '../support/campaign.js';
import { waitForEmails } from '../support/mailbox.js';
import { markPackPosted, markSocialPosted } from '../../channels/social/activities.js';
import { videoPackPlace } from '../../channels/video/activities.js';
import { vnDateOf } from '../../domain/campaign/schedule.js';
import { vnToday } from '../../domain/dates.js';
import type { ReportEvidence } from '../../domain/report/evidence.js';
import type { ReportRequest } from '../../domain/report/request.js';
import type { ReportRunResult } from '../../workflows/report.js';

const shared = inject('endpoints');

describe('campaign with every channel', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  beforeAll(async () => {
    product = await startProduct(shared, 'all-channels');
  });
  afterAll(async () => {
    await product?.stop();
  });

  it('drafts, is approved by link and publishes on every channel', { timeout: 240_000 }, async () => {
    const approver = `bien-tap-${randomUUID().slice(0, 8)}@example.org`;
    const input = await resolveCampaignInput({
      planId: 'phuong-bac-kan-2026',
      occasionId: 'ngay-nha-giao-20-11',
      channels: [...ALL_CAMPAIGN_CHANNELS],
      approvers: [approver],
      publishAt: new Date(Date.now() + 1_000).toISOString(),
      forceNew: true,
    });
    const id = input.campaignId;
    await startCampaign(product.client, product.taskQueue, input);

    const link = await approvalLink(product.endpoints, approver, 1, 120_000);
    const page = await (await fetch(link)).text();
    for (const heading of ['<h3>Bộ câu hỏi - đáp</h3>', '<h3>Bài đăng mạng xã hội</h3>', '<h3>Áp phích, pano (bản in)</h3>']) expect(page).toContain(heading);
    const mails = await waitForEmails(product.endpoints, approver, 1);
    for (const label of ['Bộ câu hỏi - đáp:', 'Mạng xã hội (Fanpage, Zalo OA):', 'Áp phích, pano (bản in):', 'Bảng tin điện tử công cộng:']) expect(mails[0]!.text).toContain(label);
    expect((await postDecision(link, { ...formFields(page), decision: 'approve' })).status).toBe(200);

    const final = await campaignResult(product.client, id);
    expect(final.status).toBe('published');
    expect(final.channels.map((c) => [c.channel, c.state])).toEqual(ALL_CAMPAIGN_CHANNELS.map((c) => [c, 'published']));
    const detail = (ch: string) => final.channels.find((c) => c.channel === ch)!.detail!;

    const post = await (await fetch(detail('webPortal'))).text();
    expect(post).toContain('<h2 id="hoi-dap">Hỏi - đáp</h2>');
    expect(post).toContain('"@type":"FAQPage"');
    const docx = await fetch(`${product.endpoints.publicBaseUrl}/site/hoi-dap/${id}.docx`);
    expect(docx.status).toBe(200);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');

    const social = await waitForEmails(product.endpoints, approver, 2);
    expect(social.some((m) => m.subject?.startsWith('[Bài đăng mạng xã hội]') && m.text?.includes(`Xem chi tiết: ${detail('webPortal')}`))).toBe(true);
    expect(detail('social')).toContain('chờ biên tập viên đăng và đánh dấu đã đăng');

    for (const file of ['ap-phich-a3.pdf', 'ap-phich-a1.pdf', 'pano-3x1.pdf']) {
      const pdf = await fetch(`${product.endpoints.publicBaseUrl}/site/in-an/${id}-${file}`);
      expect(pdf.status).toBe(200);
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }

    const board = /(http\S+\/site\/bang-tin\/[a-z0-9-]+\/)/.exec(detail('eBoard'))![1]!;
    expect(await (await fetch(board)).text()).toContain('<title>Bảng tin điện tử — Ủy ban nhân dân phường Bắc Kạn</title>');
    const playlist = (await (await fetch(`${board}playlist.json`)).json()) as { items: { campaignId: string; image: string }[] };
    const item = playlist.items.find((i) => i.campaignId === id)!;
    expect((await fetch(`${board}${item.image}`)).headers.get('content-type')).toBe('image/png');

    // The editor posts the pack on Fanpage by hand and marks it (as the campaign page's button does).
    expect(await markSocialPosted(product.store, id, 'facebook', approver, new Date().toISOString())).toBe('marked');
    expect(detail('video')).toContain('chờ biên tập viên đăng và đánh dấu đã đăng');
    expect(await markPackPosted(product.store, videoPackPlace(id), 'zalo', approver, new Date().toISOString())).toBe('marked');
    // The periodic report over the campaign's window lists every channel's publication.
    const request: ReportRequest = {
      planId: 'phuong-bac-kan-2026',
      dutyId: 'pbk-bc-so-gddt',
      period: { from: vnDateOf(final.startedAt), to: vnToday(), start: final.startedAt, end: new Date().toISOString() },
      reportTo: [],
      email: false,
    };
    const report = (await product.client.workflow.execute('reportWorkflow', { taskQueue: product.taskQueue, workflowId: `report-all-${randomUUID().slice(0, 8)}`, args: [request] })) as ReportRunResult;
    const evidence = JSON.parse((await product.store.get(report.files.evidence))!.body.toString('utf8')) as ReportEvidence;
    const mine = evidence.items.find((i) => i.id === id)!;
    expect([...new Set(mine.publications.map((p) => p.channel))].sort()).toEqual([...ALL_CAMPAIGN_CHANNELS].sort());
    const html = (await product.store.get(report.files.html))!.body.toString('utf8');
    for (const line of ['1 bộ câu hỏi - đáp đã công bố', '1 bài đăng mạng xã hội (Fanpage, Zalo OA)', '1 bộ tệp in áp phích, pano đã công bố', '1 ảnh trình chiếu trên bảng tin điện tử', '1 video ngắn đã đăng']) expect(html).toContain(line);
  });
});
