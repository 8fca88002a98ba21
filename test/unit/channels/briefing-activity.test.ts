/**
 * sendBriefings with a fake transport (unit tests may mock): ledger, idempotence, the crash
 * window, suppression, and what each kind of SMTP failure does.
 */
import { CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { briefingMessageId, createBriefingActivities, ledgerKeys, type SendBriefingsInput } from '../../../channels/press-briefing/send.js';
import { suppress } from '../../../activities/suppression.js';
import { parseConfig, endpointsFromConfig } from '../../../infra/config.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { bacKanPressContact, bacKanTeachersDay, journalists } from '../../fixtures/channels/briefs.js';
import { HUGE } from '../../fixtures/channels/hostile.js';
import { solidPng } from '../../fixtures/channels/png.js';

const parsed = parseConfig({ PUBLIC_BASE_URL: 'https://tin.example.org' });
if (!parsed.ok) throw new Error('config');
const endpoints = endpointsFromConfig(parsed.config, 'k'.repeat(32));

class FakeMailer {
  sent: Mail.Options[] = [];
  /** Errors to throw, per recipient address, once each. */
  failures = new Map<string, Error[]>();
  async sendMail(options: Mail.Options) {
    const to = (options.to as { address: string }).address;
    const next = this.failures.get(to)?.shift();
    if (next) throw next;
    this.sent.push(options);
    return { messageId: options.messageId, accepted: [to], rejected: [] };
  }
}

const smtpError = (code: string, responseCode?: number, command?: string) => Object.assign(new Error(`${code} ${responseCode ?? ''}`), { code, responseCode, command });

describe('sendBriefings', () => {
  let store: MemoryObjectStore;
  let mailer: FakeMailer;
  let activities: ReturnType<typeof createBriefingActivities>;
  const input: SendBriefingsInput = {
    campaignId: 'campaign-bac-kan-ngay-nha-giao-2026',
    version: 1,
    brief: bacKanTeachersDay,
    recipients: journalists.map((j) => ({ ...j })),
    pressContact: bacKanPressContact,
    embargoUntil: '2026-11-20T08:00:00+07:00',
    postUrl: 'https://tin.example.org/site/posts/phuong-bac-kan/',
    infographicKey: 'campaigns/c/v1/infographic/social.png',
  };

  beforeEach(async () => {
    store = new MemoryObjectStore();
    mailer = new FakeMailer();
    activities = createBriefingActivities({ store, mailer: mailer as unknown as Transporter, endpoints });
    await store.put(input.infographicKey!, solidPng(60, 80), { contentType: 'image/png' });
  });

  it('sends one message per recipient with deterministic Message-ID, unsubscribe headers and the image twice', async () => {
    const r = await activities.sendBriefings(input);
    expect(r).toEqual({ sent: ['duc.tm@example.org', 'trang.lt@example.com'], skippedAlreadySent: [], skippedUnsubscribed: [], failedPermanent: [] });
    expect(mailer.sent).toHaveLength(2);
    const m = mailer.sent[0]!;
    expect(m.messageId).toBe(briefingMessageId(input.campaignId, 1, 'duc.tm@example.org', endpoints.mailFrom));
    expect(m.messageId).toMatch(/^<briefing\.campaign-bac-kan-ngay-nha-giao-2026\.v1\.[0-9a-f]{16}@example\.org>$/);
    expect(m.from).toBe('Ban Biên tập truyền thông <noreply@example.org>');
    expect(m.replyTo).toEqual({ name: 'Nguyễn Thị Thu Hà', address: 'vhxh.backan@example.org' });
    const headers = m.headers as Record<string, string>;
    expect(headers['List-Unsubscribe']).toMatch(/^<https:\/\/tin\.example\.org\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const [inline, attached] = m.attachments as Mail.Attachment[];
    expect(inline).toMatchObject({ filename: 'do-hoa-ngay-nha-giao-viet-nam.png', contentType: 'image/png', contentDisposition: 'inline' });
    expect(String(m.html)).toContain(`src="cid:${inline!.cid}"`);
    expect(attached).toMatchObject({ filename: 'do-hoa-ngay-nha-giao-viet-nam.png', contentDisposition: 'attachment' });
    expect(attached!.cid).toBeUndefined();
    expect(m.subject).toContain('CẤM ĐĂNG TRƯỚC 08:00 ngày 20/11/2026');
    const ledger = JSON.parse(store.objects.get(ledgerKeys(input.campaignId, 1, 'duc.tm@example.org').done)!.body.toString());
    expect(ledger).toMatchObject({ status: 'sent', recipientId: 'pv-tran-minh-duc', messageId: m.messageId, attempts: 1, unconfirmedEarlierAttempts: 0 });
    expect(JSON.stringify(ledger)).not.toContain('duc.tm@');
    expect(store.objects.has(ledgerKeys(input.campaignId, 1, 'duc.tm@example.org').pending)).toBe(false);
  });

  it('a second run sends nothing; a new version sends again', async () => {
    await activities.sendBriefings(input);
    const again = await activities.sendBriefings(input);
    expect(again).toEqual({ sent: [], skippedAlreadySent: ['duc.tm@example.org', 'trang.lt@example.com'], skippedUnsubscribed: [], failedPermanent: [] });
    expect(mailer.sent).toHaveLength(2);
    const v2 = await activities.sendBriefings({ ...input, version: 2 });
    expect(v2.sent).toHaveLength(2);
  });

  it('skips unsubscribed addresses (case-insensitively) and duplicates in the list', async () => {
    await suppress(store, 'TRANG.LT@example.com', 'one-click');
    const r = await activities.sendBriefings({ ...input, recipients: [...input.recipients, { ...input.recipients[0]!, id: 'dup', email: 'Duc.TM@example.org' }] });
    expect(r.sent).toEqual(['duc.tm@example.org']);
    expect(r.skippedUnsubscribed).toEqual(['trang.lt@example.com']);
    expect(mailer.sent).toHaveLength(1);
  });

  it('records permanent failures per recipient, keeps sending the others, and does not retry them', async () => {
    mailer.failures.set('duc.tm@example.org', [smtpError('EENVELOPE', 550, 'RCPT TO')]);
    const r = await activities.sendBriefings(input);
    expect(r.sent).toEqual(['trang.lt@example.com']);
    expect(r.failedPermanent).toEqual([{ id: 'pv-tran-minh-duc', email: 'duc.tm@example.org', code: 'EENVELOPE', message: 'EENVELOPE 550' }]);
    const again = await activities.sendBriefings(input);
    expect(again.failedPermanent).toEqual(r.failedPermanent);
    expect(again.sent).toEqual([]);
    expect(mailer.sent).toHaveLength(1);
  });

  it('rejects bad recipient entries per recipient with a Vietnamese reason', async () => {
    const r = await activities.sendBriefings({
      ...input,
      recipients: [{ id: 'x', name: 'X', outlet: 'Y', email: 'duc@example.org\r\nBcc: evil@example.com' }, { id: 'y', name: HUGE, outlet: '', email: 'y@example.org' }, input.recipients[1]!],
    });
    expect(r.sent).toEqual(['trang.lt@example.com']);
    expect(r.failedPermanent.map((f) => [f.id, f.code])).toEqual([
      ['x', 'EINPUT'],
      ['y', 'EINPUT'],
    ]);
    expect(r.failedPermanent[0]!.message).toBe('Email phóng viên không đúng dạng địa chỉ email.');
    expect(r.failedPermanent[1]!.message).toContain('Họ tên phóng viên dài 10.000 ký tự');
  });

  it('throws a retryable failure on transient errors; the retry skips who was sent and resends with the same Message-ID', async () => {
    mailer.failures.set('trang.lt@example.com', [smtpError('ECONNECTION')]);
    await expect(activities.sendBriefings(input)).rejects.toMatchObject({ type: 'SmtpTransientError', nonRetryable: false });
    expect(mailer.sent).toHaveLength(1);
    const retry = await activities.sendBriefings(input);
    expect(retry).toMatchObject({ sent: ['trang.lt@example.com'], skippedAlreadySent: ['duc.tm@example.org'] });
    expect(mailer.sent[1]!.messageId).toBe(briefingMessageId(input.campaignId, 1, 'trang.lt@example.com', endpoints.mailFrom));
    // The interrupted attempt is visible in the ledger: a possible duplicate, same Message-ID.
    const ledger = JSON.parse(store.objects.get(ledgerKeys(input.campaignId, 1, 'trang.lt@example.com').done)!.body.toString());
    expect(ledger).toMatchObject({ attempts: 2, unconfirmedEarlierAttempts: 1 });
  });

  it('fails the whole activity without retry on authentication errors', async () => {
    mailer.failures.set('duc.tm@example.org', [smtpError('EAUTH', 535, 'AUTH PLAIN')]);
    await expect(activities.sendBriefings(input)).rejects.toMatchObject({ type: 'SmtpFatalError', nonRetryable: true });
    expect(mailer.sent).toHaveLength(0);
  });

  it('refuses bad shared input before sending anything', async () => {
    await expect(activities.sendBriefings({ ...input, brief: { ...bacKanTeachersDay, headline: HUGE } })).rejects.toMatchObject({
      type: 'ContentInputError',
      nonRetryable: true,
      message: expect.stringContaining('Tiêu đề dài 10.000 ký tự'),
    });
    await expect(activities.sendBriefings({ ...input, pressContact: { ...bacKanPressContact, email: 'không-phải-email' } })).rejects.toMatchObject({ nonRetryable: true });
    await expect(activities.sendBriefings({ ...input, campaignId: '../../x' })).rejects.toMatchObject({ nonRetryable: true });
    await expect(activities.sendBriefings({ ...input, infographicKey: 'khong-co.png' })).rejects.toMatchObject({
      nonRetryable: true,
      message: expect.stringContaining('Không tìm thấy đồ họa "khong-co.png"'),
    });
    expect(mailer.sent).toHaveLength(0);
    expect([...store.objects.keys()].filter((k) => k.startsWith('ledger/'))).toEqual([]);
  });
});

describe('sendBriefings as a Temporal activity (MockActivityEnvironment)', () => {
  const input: SendBriefingsInput = {
    campaignId: 'campaign-bac-kan-ngay-nha-giao-2026',
    version: 1,
    brief: bacKanTeachersDay,
    recipients: [0, 1, 2, 3].map((i) => ({ id: `pv-${i}`, name: `Phóng viên ${i}`, email: `pv${i}@example.org`, outlet: 'Báo Thái Nguyên' })),
    pressContact: bacKanPressContact,
  };

  it('heartbeats its progress before each recipient and at the end', async () => {
    const store = new MemoryObjectStore();
    const mailer = new FakeMailer();
    const env = new MockActivityEnvironment();
    const beats: unknown[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d));
    const activities = createBriefingActivities({ store, mailer: mailer as unknown as Transporter, endpoints });
    const r = (await env.run(activities.sendBriefings, input)) as Awaited<ReturnType<typeof activities.sendBriefings>>;
    expect(r.sent).toHaveLength(4);
    expect(beats).toEqual([0, 1, 2, 3, 4].map((done) => ({ done, total: 4 })));
  });

  it('cancelled mid-list, it stops before the next message and keeps the ledger of what went out', async () => {
    const store = new MemoryObjectStore();
    const env = new MockActivityEnvironment();
    const mailer = new FakeMailer();
    const send = mailer.sendMail.bind(mailer);
    // The campaign is cancelled while the second message is on its way.
    mailer.sendMail = async (options) => {
      const out = await send(options);
      if (mailer.sent.length === 2) env.cancel();
      return out;
    };
    const activities = createBriefingActivities({ store, mailer: mailer as unknown as Transporter, endpoints });
    const outcome = await env.run(activities.sendBriefings, input).then(() => 'finished', (err: unknown) => err);
    expect(outcome).toBeInstanceOf(CancelledFailure);
    expect(mailer.sent.map((m) => (m.to as { address: string }).address)).toEqual(['pv0@example.org', 'pv1@example.org']);
    for (const [i, sent] of [[0, true], [1, true], [2, false], [3, false]] as const) {
      const entry = await store.get(ledgerKeys(input.campaignId, 1, `pv${i}@example.org`).done);
      expect(entry !== undefined, `pv${i}`).toBe(sent);
    }
  });
});
