/**
 * A press briefing (cung cấp thông tin cho báo chí) for one journalist: subject, HTML body and
 * plain-text alternative. The subject names the occasion and the issuer (and the embargo when
 * there is one); the body carries the key facts, figures, the infographic inline by content id,
 * the link to the web post and the lead body's press contact.
 */
import { occasionLabel, type ContentBrief } from '../../../domain/brief.js';
import { cleanBriefInto } from '../../../render/content/clean-brief.js';
import { ProblemCollector } from '../../../render/content/clean-text.js';
import { figureView } from '../../../render/content/figures.js';
import { imageInfo } from '../../../render/content/image-info.js';
import { isHttpUrl, taskLabel } from '../../web-portal/render/render-post.js';
import { formatVnDateTime, formatVnSpelledDateTime } from '../../../domain/dates.js';
import { parseInstant } from '../../../render/content/vn-time.js';
import { isEmailAddress } from '../../../domain/email.js';
import { renderBriefingTemplate } from './templates.js';

export interface BriefingRecipient {
  name: string;
  email: string;
  outlet: string;
}

export interface PressContact {
  name: string;
  role?: string;
  phone?: string;
  email: string;
}

export interface BriefingImage {
  filename: string;
  content: Buffer;
  /** Content id without angle brackets; the HTML refers to it as `cid:<cid>`. */
  cid: string;
  alt?: string;
}

export interface RenderBriefingInput {
  brief: ContentBrief;
  recipient: BriefingRecipient;
  pressContact: PressContact;
  /** ISO instant before which nothing may be published. */
  embargoUntil?: string;
  postUrl?: string;
  infographic?: BriefingImage;
  unsubscribeUrl: string;
}

export interface RenderedBriefing {
  subject: string;
  html: string;
  text: string;
}

const PHONE = /^[0-9+().\s-]{6,30}$/;
const FILENAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const CID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}@[A-Za-z0-9.-]{1,200}$/;
/** Width the inline infographic is shown at in the email. */
const EMAIL_IMAGE_WIDTH = 600;

/** "[Thông cáo báo chí] Ngày Nhà giáo Việt Nam 20/11 — UBND phường Bắc Kạn[ — CẤM ĐĂNG TRƯỚC 08:00 ngày 20/11/2026]". */
export function briefingSubject(brief: ContentBrief, embargo?: Date): string {
  const base = brief.correction ? `[Đính chính] ${brief.headline} — ${brief.issuerShort}` : `[Thông cáo báo chí] ${occasionLabel(brief)} — ${brief.issuerShort}`;
  return embargo ? `${base} — CẤM ĐĂNG TRƯỚC ${formatVnDateTime(embargo)}` : base;
}

/**
 * Renders the briefing for one recipient. Throws ContentInputError (Vietnamese, every problem
 * listed) for text over its limit, a bad address, phone, URL, embargo time or attachment name.
 */
export function renderBriefing(input: RenderBriefingInput): RenderedBriefing {
  const c = new ProblemCollector();
  const brief = cleanBriefInto(c, input.brief);
  const recipient = {
    name: c.text('recipient.name', input.recipient?.name, 'personName', { required: true, label: 'Họ tên phóng viên' }),
    outlet: c.text('recipient.outlet', input.recipient?.outlet, 'outlet'),
    email: c.text('recipient.email', input.recipient?.email, 'email', { required: true, label: 'Email phóng viên' }),
  };
  if (recipient.email && !isEmailAddress(recipient.email)) c.add('recipient.email', 'Email phóng viên không đúng dạng địa chỉ email.');
  const contact = {
    name: c.text('pressContact.name', input.pressContact?.name, 'personName', { required: true, label: 'Họ tên người phát ngôn/đầu mối' }),
    role: c.optionalText('pressContact.role', input.pressContact?.role, 'role'),
    phone: c.optionalText('pressContact.phone', input.pressContact?.phone, 'phone'),
    email: c.text('pressContact.email', input.pressContact?.email, 'email', { required: true, label: 'Email đầu mối' }),
  };
  if (contact.phone && !PHONE.test(contact.phone)) c.add('pressContact.phone', 'Số điện thoại đầu mối chỉ được gồm chữ số, dấu cách và các ký tự + ( ) . -');
  if (contact.email && !isEmailAddress(contact.email)) c.add('pressContact.email', 'Email đầu mối không đúng dạng địa chỉ email.');
  const embargo = input.embargoUntil === undefined ? undefined : parseInstant(input.embargoUntil);
  if (input.embargoUntil !== undefined && !embargo) c.add('embargoUntil', 'Thời điểm được phép đăng phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-11-20T08:00:00+07:00.');
  const postUrl = c.optionalText('postUrl', input.postUrl, 'url', { label: 'Địa chỉ bài viết' });
  if (postUrl && !isHttpUrl(postUrl)) c.add('postUrl', 'Địa chỉ bài viết phải bắt đầu bằng http:// hoặc https://.');
  const unsubscribeUrl = c.text('unsubscribeUrl', input.unsubscribeUrl, 'url', { required: true, label: 'Địa chỉ ngừng nhận thông tin' });
  if (unsubscribeUrl && !isHttpUrl(unsubscribeUrl)) c.add('unsubscribeUrl', 'Địa chỉ ngừng nhận thông tin phải bắt đầu bằng http:// hoặc https://.');
  let image: { cid: string; alt: string; filename: string; width?: number; height?: number } | undefined;
  if (input.infographic) {
    const g = input.infographic;
    if (!FILENAME.test(g.filename ?? '')) c.add('infographic.filename', 'Tên tệp đồ họa chỉ được gồm chữ không dấu, chữ số, ".", "_" và "-".');
    if (!CID.test(g.cid ?? '')) c.add('infographic.cid', 'Mã nhúng ảnh (cid) không hợp lệ.');
    if (!Buffer.isBuffer(g.content) || g.content.length === 0) c.add('infographic.content', 'Tệp đồ họa rỗng.');
    const alt = c.text('infographic.alt', g.alt ?? '', 'alt') || `Đồ họa thông tin: ${brief.headline}`;
    const info = Buffer.isBuffer(g.content) ? imageInfo(contentTypeOf(g.filename ?? ''), g.content) : undefined;
    const size =
      info?.width && info.height ? { width: Math.min(EMAIL_IMAGE_WIDTH, info.width), height: Math.round((Math.min(EMAIL_IMAGE_WIDTH, info.width) * info.height) / info.width) } : {};
    image = { cid: g.cid, alt, filename: g.filename, ...size };
  }
  c.throwIfAny();

  const subject = briefingSubject(brief, embargo);
  const data = {
    subject,
    issuer: brief.issuer,
    issuerShort: brief.issuerShort,
    planSymbol: brief.planSymbol,
    task: taskLabel(brief),
    occasion: occasionLabel(brief),
    headline: brief.headline,
    keyMessages: brief.keyMessages,
    figures: brief.figures.map(figureView),
    paragraphs: brief.body,
    leadBody: brief.leadBody,
    embargo: embargo ? { short: formatVnDateTime(embargo), spelled: formatVnSpelledDateTime(embargo) } : undefined,
    recipient,
    contact: { ...contact, tel: contact.phone?.replace(/[^0-9+]/g, '') },
    infographic: image,
    postUrl,
    unsubscribeUrl,
  };
  return {
    subject,
    html: renderBriefingTemplate('html', data),
    text: `${renderBriefingTemplate('text', data).replace(/\n{3,}/g, '\n\n').trim()}\n`,
  };
}

function contentTypeOf(filename: string): string {
  const ext = filename.split('.').pop()?.toLowerCase();
  return ext === 'png' ? 'image/png' : ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : ext === 'webp' ? 'image/webp' : ext === 'svg' ? 'image/svg+xml' : 'application/octet-stream';
}
