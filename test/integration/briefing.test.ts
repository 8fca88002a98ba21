/**
 * Press briefings through the real SMTP server (maildev) and the real object store (s3rver):
 * messages are read back from the inbox and parsed with mailparser.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBriefingActivities, type SendBriefingsInput } from '../../channels/press-briefing/send.js';
import { S3ObjectStore } from '../../infra/s3.js';
import { createMailTransport } from '../../infra/smtp.js';
import { unsubscribeRoutes } from '../../web/unsubscribe.js';
import { bacKanPressContact, bacKanTeachersDay } from '../fixtures/channels/briefs.js';
import { solidPng } from '../fixtures/channels/png.js';
import { listEmails, rawEmail } from '../support/mailbox.js';

const endpoints = inject('endpoints');
const SUBJECT = '[Thông cáo báo chí] Ngày Nhà giáo Việt Nam 20/11 — UBND phường Bắc Kạn — CẤM ĐĂNG TRƯỚC 08:00 ngày 20/11/2026';

/** Every message to `address`, parsed with cid links kept (mailparser would inline them as data: URLs). */
async function mailTo(address: string): Promise<ParsedMail[]> {
  const all = await listEmails(endpoints);
  const mine = all.filter((m) => (m.to ?? []).some((t) => t.address.toLowerCase() === address.toLowerCase()));
  return Promise.all(mine.map(async (m) => simpleParser(await rawEmail(endpoints, m.id), { keepCidLinks: true })));
}

/** Polls the inbox until a message with `subject` reached `address` (bounded by the test timeout). */
async function waitForSubject(address: string, subject: string): Promise<ParsedMail[]> {
  for (;;) {
    const found = await mailTo(address);
    if (found.some((m) => m.subject === subject)) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('sendBriefings against the real SMTP server and object store', () => {
  const store = S3ObjectStore.fromSettings(endpoints.s3);
  const mailer = createMailTransport(endpoints.smtpUrl, { pool: true });
  const activities = createBriefingActivities({ store, mailer, endpoints });
  const run = randomUUID().slice(0, 8);
  const duc = `duc.tm.${run}@example.org`;
  const trang = `trang.lt.${run}@example.com`;
  const png = solidPng(120, 150);
  const input: SendBriefingsInput = {
    campaignId: `campaign-it-briefing-${run}`,
    version: 1,
    brief: bacKanTeachersDay,
    recipients: [
      { id: 'pv-tran-minh-duc', name: 'Trần Minh Đức', outlet: 'Báo và Phát thanh, Truyền hình Thái Nguyên', email: duc },
      { id: 'pv-le-thu-trang', name: 'Lê Thu Trang', outlet: 'Báo Giáo dục và Thời đại', email: trang },
    ],
    pressContact: bacKanPressContact,
    embargoUntil: '2026-11-20T08:00:00+07:00',
    postUrl: `${endpoints.publicBaseUrl}/site/posts/phuong-bac-kan-ton-vinh-nha-giao/`,
    infographicKey: `campaigns/campaign-it-briefing-${run}/v1/infographic/social.png`,
  };

  /** A marker sent after the fact through the same server: once it arrived, anything sent before it has too. */
  async function sentinel(address: string): Promise<ParsedMail[]> {
    const subject = `Mốc kiểm tra ${randomUUID().slice(0, 8)}`;
    await mailer.sendMail({ from: endpoints.mailFrom, to: address, subject, text: 'Mốc kiểm tra.' });
    const all = await waitForSubject(address, subject);
    return all.filter((m) => m.subject !== subject && !m.subject?.startsWith('Mốc kiểm tra'));
  }

  beforeAll(async () => {
    await store.put(input.infographicKey!, png, { contentType: 'image/png' });
  });
  afterAll(() => {
    mailer.close();
  });

  it('delivers both alternatives, the inline and the attached image, and the unsubscribe headers', async () => {
    const result = await activities.sendBriefings(input);
    expect(result).toEqual({ sent: [duc, trang], skippedAlreadySent: [], skippedUnsubscribed: [], failedPermanent: [] });

    await waitForSubject(duc, SUBJECT);
    const [mail, ...rest] = await sentinel(duc);
    expect(rest).toHaveLength(0);
    expect(mail!.subject).toBe(SUBJECT);
    expect(mail!.messageId).toMatch(new RegExp(`^<briefing\\.campaign-it-briefing-${run}\\.v1\\.[0-9a-f]{16}@example\\.org>$`));
    expect(mail!.to).toMatchObject({ value: [{ address: duc, name: 'Trần Minh Đức' }] });
    expect(mail!.replyTo).toMatchObject({ value: [{ address: 'vhxh.backan@example.org', name: 'Nguyễn Thị Thu Hà' }] });

    // Plain-text and HTML alternatives.
    expect(mail!.text).toContain('Thông tin được phép đăng tải từ 08 giờ 00 ngày 20/11/2026.');
    expect(mail!.text).toContain('Kính gửi: Anh/Chị Trần Minh Đức — Báo và Phát thanh, Truyền hình Thái Nguyên,');
    expect(mail!.text).toContain('Điện thoại: 0209 3870 123');
    expect(mail!.text).toContain(`Bài viết đầy đủ: ${input.postUrl}`);
    const html = String(mail!.html);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<strong>CẤM ĐĂNG TRƯỚC 08:00 ngày 20/11/2026</strong>');

    // The infographic twice: inline (referenced by cid in the HTML) and as a regular attachment.
    expect(mail!.attachments).toHaveLength(2);
    const inline = mail!.attachments.find((a) => a.contentDisposition === 'inline')!;
    const attached = mail!.attachments.find((a) => a.contentDisposition === 'attachment')!;
    expect(inline.contentType).toBe('image/png');
    expect(inline.content.equals(png)).toBe(true);
    expect(inline.cid).toMatch(/^infographic\.[0-9a-f]{16}@example\.org$/);
    expect(html).toContain(`src="cid:${inline.cid}"`);
    expect(attached.filename).toBe('do-hoa-ngay-nha-giao-viet-nam.png');
    expect(attached.content.equals(png)).toBe(true);

    // RFC 8058 one-click unsubscribe.
    // Header lines as sent; long ones are folded (RFC 5322), so unfold before matching.
    const lines = Object.fromEntries(mail!.headerLines.map((h) => [h.key, h.line.replace(/\r\n[ \t]+/g, ' ')]));
    expect(lines['list-unsubscribe']).toMatch(new RegExp(`^List-Unsubscribe: <${endpoints.publicBaseUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>$`));
    expect(lines['list-unsubscribe-post']).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('sending the same version twice delivers once per recipient', async () => {
    const again = await activities.sendBriefings(input);
    expect(again).toEqual({ sent: [], skippedAlreadySent: [duc, trang], skippedUnsubscribed: [], failedPermanent: [] });
    for (const address of [duc, trang]) {
      const briefings = await sentinel(address);
      expect(briefings, address).toHaveLength(1);
    }
  });

  it('after a one-click unsubscribe that address receives nothing, even for a new version', async () => {
    const app = new Hono();
    app.route('/', unsubscribeRoutes({ store, secret: endpoints.approvalSecret }));
    const [first] = await sentinel(trang);
    const header = first!.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    const url = new URL(/<([^>]+)>/.exec(header)![1]!);
    const res = await app.request(url.pathname, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);

    const v2 = await activities.sendBriefings({ ...input, version: 2 });
    expect(v2).toEqual({ sent: [duc], skippedAlreadySent: [], skippedUnsubscribed: [trang], failedPermanent: [] });
    expect(await sentinel(trang)).toHaveLength(1); // still only the v1 briefing
    const versions = (mails: ParsedMail[]) => mails.map((m) => m.messageId?.match(/\.v(\d+)\./)?.[1]).filter(Boolean).sort();
    while (versions(await mailTo(duc)).length < 2) await new Promise((r) => setTimeout(r, 200));
    expect(versions(await sentinel(duc))).toEqual(['1', '2']);
  });
});
