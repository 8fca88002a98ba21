/**
 * Press briefings by email, one message per journalist, through the pooled SMTP transport.
 *
 * Idempotence. Each (campaign, version, recipient) has a ledger object at
 * `ledger/briefings/<campaignId>/v<version>/<sha256(email)>.json`, written after the SMTP
 * server accepted the message (or permanently refused it). A recipient with a ledger entry is
 * never sent that version again, so a retried activity or a re-run workflow skips everyone
 * already done. Each message carries a deterministic Message-ID,
 * `<briefing.<campaignId>.v<version>.<first 16 hex of sha256(email)>@<sender domain>>`.
 *
 * The remaining window, stated honestly: if the worker dies (or the store write fails) after
 * the SMTP server accepted a message and before its ledger entry is written, the retry sends
 * that one message again. SMTP has no transaction we could join with the store, so this window
 * cannot be closed, only kept small and made visible: a `.pending.json` marker written before
 * each send counts attempts, the ledger entry then says `unconfirmedEarlierAttempts`, and the
 * duplicate has the same Message-ID as the first copy, so mail clients and archives that
 * de-duplicate by Message-ID (Gmail and most archives do) show it once. We prefer a rare,
 * recognisable duplicate over silently losing a briefing.
 *
 * Unsubscribes (see suppression.ts) are checked before each send. Every message carries
 * `List-Unsubscribe` (HTTPS, HMAC token) and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
 * (RFC 8058). There is no mailto: variant because no one reads the sender's mailbox.
 *
 * Failures (see smtp-errors.ts): permanent ones are recorded per recipient and the others are
 * still sent; transient ones throw a retryable failure (Temporal retries; finished recipients
 * are skipped); fatal ones (authentication, sender refused) fail the activity without retry.
 */
import { failpoint } from '../../activities/failpoints.js';
import { heartbeatOrStop } from '../../activities/heartbeat.js';
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { ContentBrief } from '../../domain/brief.js';
import { isSafeId, slugify } from '../../domain/slug.js';
import { isEmailAddress, normalizeEmail, senderDomain } from '../../domain/email.js';
import {
  createUnsubscribeToken,
  emailHash,
  renderBriefing,
  type BriefingImage,
  type PressContact,
  type RenderedBriefing,
} from './render/index.js';
import { cleanText } from '../../domain/text/clean.js';
import { ContentInputError, ProblemCollector } from '../../render/content/clean-text.js';
import { imageInfo } from '../../render/content/image-info.js';
import type { ObjectStore } from '../../infra/object-store.js';
import type { ActivityDeps } from '../../activities/deps.js';
import { infographicAlt } from '../web-portal/site.js';
import { classifySmtpError } from '../../activities/smtp-errors.js';
import { isSuppressed } from '../../activities/suppression.js';

/** A journalist from the media list (structurally; no dependency on the media-list module). */
export interface BriefingRecipientInput {
  id: string;
  name: string;
  email: string;
  outlet: string;
}

export interface SendBriefingsInput {
  campaignId: string;
  version: number;
  brief: ContentBrief;
  recipients: BriefingRecipientInput[];
  pressContact: PressContact;
  /** ISO instant with time zone before which the content may not be published. */
  embargoUntil?: string;
  postUrl?: string;
  /** Key of the infographic in the store; attached inline (cid) and as a regular attachment. */
  infographicKey?: string;
}

export interface FailedRecipient {
  id: string;
  email: string;
  code: string;
  message: string;
}

export interface SendBriefingsResult {
  /** Addresses sent to by this run. */
  sent: string[];
  /** Addresses sent to by an earlier run or attempt (per the ledger). */
  skippedAlreadySent: string[];
  /** Addresses that unsubscribed. */
  skippedUnsubscribed: string[];
  /** Permanent failures: bad input for the recipient, or the server refused for good. */
  failedPermanent: FailedRecipient[];
}

/** A ledger entry: no address, only its hash and the recipient id. */
export interface LedgerEntry {
  status: 'sent' | 'failed';
  recipientId: string;
  emailHash: string;
  messageId: string;
  at: string;
  attempts: number;
  /** Attempts before this one whose outcome is unknown (possible duplicate with the same Message-ID). */
  unconfirmedEarlierAttempts: number;
  code?: string;
  responseCode?: number;
  message?: string;
}

/** Most recipients one activity call takes; bigger lists are split by the caller. */
export const MAX_RECIPIENTS = 2_000;

/** Ledger keys of a recipient's briefing for one campaign version. */
export function ledgerKeys(campaignId: string, version: number, email: string) {
  const base = `ledger/briefings/${campaignId}/v${version}/${emailHash(email)}`;
  return { done: `${base}.json`, pending: `${base}.pending.json` };
}

/** The deterministic Message-ID of a briefing. */
export function briefingMessageId(campaignId: string, version: number, email: string, mailFrom: string): string {
  return `<briefing.${campaignId}.v${version}.${emailHash(email).slice(0, 16)}@${senderDomain(mailFrom)}>`;
}

/** Public unsubscribe URL for an address. */
export function unsubscribeUrl(publicBaseUrl: string, email: string, secret: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/unsubscribe/${createUnsubscribeToken(email, secret)}`;
}

const CANCELLED = 'Chiến dịch đã bị hủy: ngừng gửi thư báo chí, các thư đã gửi được giữ trong sổ gửi.';
const heartbeat = (details: unknown) => heartbeatOrStop(details, CANCELLED);

async function readJson<T>(store: ActivityDeps['store'], key: string): Promise<T | undefined> {
  const obj = await store.get(key);
  if (!obj) return undefined;
  try {
    return JSON.parse(obj.body.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

const json = (v: unknown) => JSON.stringify(v);
const JSON_TYPE = { contentType: 'application/json; charset=utf-8' } as const;

/** The infographic of a briefing as the message carries it: inline by content id, and attached. */
export type BriefingAttachment = BriefingImage & { contentType: string };

/**
 * Loads the infographic at `key` for a briefing: checks it is an image, names the attachment
 * after the occasion and gives it a content id derived from the key at the sender's domain.
 * Throws ContentInputError when the key is missing or not an image.
 */
export async function loadBriefingImage(store: ObjectStore, key: string, brief: ContentBrief, mailFrom: string): Promise<BriefingAttachment> {
  const obj = await store.get(key);
  if (!obj) throw new ContentInputError([{ path: 'infographicKey', message: `Không tìm thấy đồ họa "${key}" trong kho.` }]);
  const info = imageInfo(obj.contentType, obj.body);
  if (!info) throw new ContentInputError([{ path: 'infographicKey', message: `Đồ họa "${key}" không phải ảnh PNG, JPEG, WebP hoặc SVG.` }]);
  const cid = `infographic.${createHash('sha256').update(key).digest('hex').slice(0, 16)}@${senderDomain(mailFrom)}`;
  const filename = `do-hoa-${slugify(brief.occasionName)}.${info.ext}`;
  return { filename, content: obj.body, cid, alt: obj.metadata.alt ?? infographicAlt(brief), contentType: info.contentType };
}

export interface BriefingMailInput {
  brief: ContentBrief;
  pressContact: PressContact;
  embargoUntil?: string;
  postUrl?: string;
  infographic?: BriefingAttachment;
  recipient: BriefingRecipientInput;
  /** The sender (SMTP_FROM). */
  mailFrom: string;
  messageId: string;
  /** The recipient's own unsubscribe link (see `unsubscribeUrl`). */
  unsubscribeUrl: string;
}

/**
 * One journalist's briefing as it goes out: the rendered subject, HTML and text, and the
 * message nodemailer sends — sender, reply-to the press contact, Message-ID, the one-click
 * unsubscribe headers, and the infographic inline (by cid) and as an attachment. Throws
 * ContentInputError for content the renderer refuses.
 */
export function briefingMail(input: BriefingMailInput): { rendered: RenderedBriefing; mail: Mail.Options } {
  const image = input.infographic;
  const rendered = renderBriefing({
    brief: input.brief,
    pressContact: input.pressContact,
    embargoUntil: input.embargoUntil,
    postUrl: input.postUrl,
    infographic: image,
    recipient: { name: input.recipient.name, email: input.recipient.email, outlet: input.recipient.outlet },
    unsubscribeUrl: input.unsubscribeUrl,
  });
  const mail: Mail.Options = {
    from: input.mailFrom,
    to: { name: cleanText(input.recipient.name), address: input.recipient.email },
    replyTo: { name: cleanText(input.pressContact.name), address: input.pressContact.email.trim() },
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: input.messageId,
    headers: {
      'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    attachments: image
      ? [
          { filename: image.filename, content: image.content, contentType: image.contentType, cid: image.cid, contentDisposition: 'inline' as const },
          { filename: image.filename, content: image.content, contentType: image.contentType, contentDisposition: 'attachment' as const },
        ]
      : [],
  };
  return { rendered, mail };
}

export function createBriefingActivities({ store, mailer, endpoints }: ActivityDeps) {
  return {
    /**
     * Sends the briefing of one campaign version to every recipient not yet sent, not
     * unsubscribed. Safe to retry and to re-run: see the module comment for the guarantees.
     */
    async sendBriefings(input: SendBriefingsInput): Promise<SendBriefingsResult> {
      const result: SendBriefingsResult = { sent: [], skippedAlreadySent: [], skippedUnsubscribed: [], failedPermanent: [] };
      let image: BriefingAttachment | undefined;
      try {
        const problems = new ProblemCollector();
        if (!isSafeId(input.campaignId)) problems.add('campaignId', 'Mã chiến dịch chỉ được gồm chữ, số, "-", "_" và dấu chấm ở giữa (tối đa 200 ký tự).');
        if (!Number.isInteger(input.version) || input.version < 1) problems.add('version', 'Phiên bản phải là số nguyên dương.');
        problems.list('recipients', input.recipients, { label: 'Danh sách phóng viên', max: MAX_RECIPIENTS });
        problems.throwIfAny();
        image = input.infographicKey !== undefined ? await loadBriefingImage(store, input.infographicKey, input.brief, endpoints.mailFrom) : undefined;
        // Everything shared by all recipients is checked once, before anyone gets mail.
        renderBriefing({ ...shared(input, image), recipient: { name: 'Kiểm tra', email: 'kiem-tra@example.org', outlet: '' }, unsubscribeUrl: endpoints.publicBaseUrl });
      } catch (err) {
        if (err instanceof ContentInputError) throw ApplicationFailure.nonRetryable(err.message, 'ContentInputError', err.problems);
        throw err;
      }

      const seen = new Set<string>();
      let done = 0;
      for (const r of input.recipients) {
        heartbeat({ done, total: input.recipients.length });
        done += 1;
        const email = typeof r?.email === 'string' ? r.email.trim() : '';
        const id = typeof r?.id === 'string' ? r.id.slice(0, 120) : '';
        const check = new ProblemCollector();
        check.text('recipient.id', r?.id, 'id', { required: true, label: 'Mã phóng viên' });
        check.text('recipient.name', r?.name, 'personName', { required: true, label: 'Họ tên phóng viên' });
        check.text('recipient.outlet', r?.outlet, 'outlet');
        if (!isEmailAddress(email)) check.add('recipient.email', 'Email phóng viên không đúng dạng địa chỉ email.');
        if (check.problems.length > 0) {
          result.failedPermanent.push({ id, email: email.slice(0, 254), code: 'EINPUT', message: check.problems.map((p) => p.message).join(' ') });
          continue;
        }
        const normal = normalizeEmail(email);
        if (seen.has(normal)) continue; // the same address twice in one list gets one message
        seen.add(normal);

        const keys = ledgerKeys(input.campaignId, input.version, email);
        const entry = await readJson<LedgerEntry>(store, keys.done);
        if (entry?.status === 'sent') {
          result.skippedAlreadySent.push(email);
          continue;
        }
        if (entry?.status === 'failed') {
          result.failedPermanent.push({ id, email, code: entry.code ?? 'EUNKNOWN', message: entry.message ?? '' });
          continue;
        }
        if (await isSuppressed(store, email)) {
          result.skippedUnsubscribed.push(email);
          continue;
        }

        const pending = await readJson<{ attempts: number }>(store, keys.pending);
        const attempts = (pending?.attempts ?? 0) + 1;
        await store.put(keys.pending, json({ attempts, startedAt: new Date().toISOString() }), JSON_TYPE);

        const messageId = briefingMessageId(input.campaignId, input.version, email, endpoints.mailFrom);
        const unsubscribe = unsubscribeUrl(endpoints.publicBaseUrl, email, endpoints.approvalSecret);
        const base = { recipientId: id, emailHash: emailHash(email), messageId, attempts, unconfirmedEarlierAttempts: attempts - 1 };
        let mail;
        try {
          mail = briefingMail({ ...shared(input, image), recipient: { id, name: r.name, email, outlet: r.outlet }, mailFrom: endpoints.mailFrom, messageId, unsubscribeUrl: unsubscribe }).mail;
        } catch (err) {
          if (!(err instanceof ContentInputError)) throw err;
          await store.delete(keys.pending);
          result.failedPermanent.push({ id, email, code: 'EINPUT', message: err.problems.map((p) => p.message).join(' ') });
          continue;
        }
        try {
          await mailer.sendMail(mail);
        } catch (err) {
          const failure = classifySmtpError(err);
          if (failure.kind === 'fatal') {
            throw ApplicationFailure.nonRetryable(`Máy chủ thư từ chối gửi (${failure.code}${failure.responseCode ? ` ${failure.responseCode}` : ''}): ${failure.message}. Cần kiểm tra cấu hình SMTP.`, 'SmtpFatalError');
          }
          if (failure.kind === 'transient') {
            throw ApplicationFailure.retryable(`Lỗi tạm thời khi gửi thư (${failure.code}${failure.responseCode ? ` ${failure.responseCode}` : ''}): ${failure.message}. Sẽ thử lại.`, 'SmtpTransientError');
          }
          const failed: LedgerEntry = { status: 'failed', ...base, at: new Date().toISOString(), code: failure.code, responseCode: failure.responseCode, message: failure.message };
          await store.put(keys.done, json(failed), JSON_TYPE);
          await store.delete(keys.pending);
          result.failedPermanent.push({ id, email, code: failure.code, message: failure.message });
          continue;
        }
        const sentEntry: LedgerEntry = { status: 'sent', ...base, at: new Date().toISOString() };
        await store.put(keys.done, json(sentEntry), JSON_TYPE);
        await store.delete(keys.pending);
        result.sent.push(email);
        await failpoint('briefing-sent', result.sent.length);
      }
      heartbeat({ done, total: input.recipients.length });
      return result;
    },
  };
}

/** The parts of a briefing that are the same for every recipient. */
function shared(input: SendBriefingsInput, image: BriefingAttachment | undefined) {
  return { brief: input.brief, pressContact: input.pressContact, embargoUntil: input.embargoUntil, postUrl: input.postUrl, infographic: image };
}

export type BriefingActivities = ReturnType<typeof createBriefingActivities>;
