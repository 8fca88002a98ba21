/**
 * A web post: one complete HTML5 article page in Vietnamese, rendered from a ContentBrief with
 * the site templates. Every text is cleaned and held to its limit first (clean-brief.ts); the
 * templates escape everything they print.
 */
import type { ContentBrief } from '../../../domain/brief.js';
import { isSafeSlug } from '../../../domain/slug.js';
import { cleanBriefInto } from '../../../render/content/clean-brief.js';
import { ProblemCollector } from '../../../render/content/clean-text.js';
import { figureView } from '../../../render/content/figures.js';
import { DEFAULT_SITE, siteChrome, postUrl, type SiteInfo } from './site-context.js';
import { renderSiteTemplate } from './templates.js';
import { formatVnTime } from '../../../domain/dates.js';
import { parseInstant, vnIsoInstant, vnLongDate } from '../../../render/content/vn-time.js';
import { faqJsonLd } from '../../qa-set/render.js';

/** The infographic as the post shows it. `src` is relative to the post page or an absolute http(s) URL. */
export interface PostImage {
  src: string;
  alt: string;
  caption: string;
  width: number;
  height: number;
}

export interface RenderPostInput {
  brief: ContentBrief;
  slug: string;
  /** ISO instant with a time zone, e.g. 2026-11-20T08:00:00+07:00. */
  publishedAt: string;
  /** ISO instant of the last revision, when the post was revised after publication. */
  updatedAt?: string;
  infographic?: PostImage;
  siteTitle: string;
  /** Absolute URL of the site root without trailing slash, e.g. http://localhost:3000/site. */
  siteBaseUrl: string;
  siteDescription?: string;
  /** The campaign's Q&A set, shown as a section with FAQPage structured data. */
  faq?: PostFaq;
}

/** A Q&A section of a post: the pairs and, when published, the address of the Word file. */
export interface PostFaq {
  items: { question: string; answer: string }[];
  docxUrl?: string;
}

export interface RenderedPost {
  html: string;
  /** Words in the headline, lead and body (what a reader reads). */
  wordCount: number;
}

const RELATIVE_SRC = /^(?:\.\.?\/)*[a-z0-9][a-z0-9._/-]*$/;

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Counts words the way a reader would: runs of letters or digits. */
export function countWords(texts: readonly string[]): number {
  return texts.reduce((n, t) => n + (t.match(/[\p{L}\p{N}]+(?:[-'’.,/][\p{L}\p{N}]+)*/gu)?.length ?? 0), 0);
}

/** Cuts `text` to at most `max` characters at a word boundary, adding "…" when cut. */
export function summarize(text: string, max = 300): string {
  if ([...text].length <= max) return text;
  const cut = [...text].slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`;
}

/** The lead (sapo) of a brief: its key messages, or its first paragraph when it has none. */
export function sapoOf(brief: ContentBrief): { sapo: string; paragraphs: string[] } {
  if (brief.keyMessages.length > 0) return { sapo: brief.keyMessages.join(' '), paragraphs: brief.body };
  const [first = '', ...rest] = brief.body;
  return { sapo: first, paragraphs: rest };
}

/** "Nhiệm vụ 2: Tăng cường …" for a task brief; undefined for a plan-level brief. */
export function taskLabel(brief: ContentBrief): string | undefined {
  if (!brief.taskTitle && !brief.taskNumber) return undefined;
  const noun = (brief.taskIds?.length ?? 0) > 1 ? 'Các nhiệm vụ' : 'Nhiệm vụ';
  const task = brief.taskNumber ? `${noun} ${brief.taskNumber}` : noun;
  return `${task}${brief.taskTitle ? `: ${brief.taskTitle}` : ''}`;
}

/** "Thuộc Kế hoạch số 62/KH-UBND của Ủy ban nhân dân tỉnh Lạng Sơn — Nhiệm vụ 2: …". */
export function planLine(brief: ContentBrief): string {
  const plan = `Thuộc Kế hoạch số ${brief.planSymbol} của ${brief.issuer}`;
  const task = taskLabel(brief);
  return task ? `${plan} — ${task}` : plan;
}

/**
 * Renders a post. Throws ContentInputError (Vietnamese, every problem listed) when a field is
 * over its limit, a required one is empty, or the slug, dates, URL or image are unusable.
 */
export function renderPost(input: RenderPostInput): RenderedPost {
  const c = new ProblemCollector();
  const brief = cleanBriefInto(c, input.brief);
  if (!isSafeSlug(input.slug)) c.add('slug', 'Đường dẫn bài viết (slug) chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang.');
  const published = parseInstant(input.publishedAt);
  if (!published) c.add('publishedAt', 'Thời điểm đăng phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-11-20T08:00:00+07:00.');
  const updated = input.updatedAt === undefined ? undefined : parseInstant(input.updatedAt);
  if (input.updatedAt !== undefined && !updated) c.add('updatedAt', 'Thời điểm cập nhật phải là thời điểm ISO 8601 có múi giờ.');
  const siteTitle = c.text('siteTitle', input.siteTitle, 'siteTitle', { required: true });
  const siteDescription = c.text('siteDescription', input.siteDescription ?? DEFAULT_SITE.description, 'planTitle', { label: 'Mô tả trang tin' });
  if (typeof input.siteBaseUrl !== 'string' || !isHttpUrl(input.siteBaseUrl)) c.add('siteBaseUrl', 'Địa chỉ trang tin phải là địa chỉ http:// hoặc https:// đầy đủ.');
  const image = input.infographic ? cleanImage(c, input.infographic) : undefined;
  c.throwIfAny();

  const site: SiteInfo = { title: siteTitle, description: siteDescription, baseUrl: input.siteBaseUrl.replace(/\/+$/, '') };
  const { sapo, paragraphs } = sapoOf(brief);
  const html = renderSiteTemplate('article', {
    page: { title: `${brief.headline} · ${site.title}`, description: summarize(sapo), canonicalUrl: postUrl(site.baseUrl, input.slug) },
    site: siteChrome(site, 2),
    post: {
      headline: brief.headline,
      publishedIso: vnIsoInstant(published!),
      publishedText: `${vnLongDate(published!)}, ${formatVnTime(published!)} (GMT+7)`,
      updated: updated && updated.getTime() !== published!.getTime() ? { iso: vnIsoInstant(updated), text: `${vnLongDate(updated)}, ${formatVnTime(updated)}` } : undefined,
      sapo,
      infographic: image,
      paragraphs,
      figures: brief.figures.map(figureView),
      planLine: planLine(brief),
      planDetail: brief.planTitle ? `Tên kế hoạch: ${brief.planTitle}` : undefined,
      leadBody: brief.leadBody,
      tags: brief.tags,
      correction: correctionView(input.brief.correction),
      faq: input.faq?.items.length ? { items: input.faq.items, docxUrl: input.faq.docxUrl, jsonLd: faqJsonLd(input.faq.items) } : undefined,
    },
  });
  return { html, wordCount: countWords([brief.headline, sapo, ...paragraphs]) };
}

function cleanImage(c: ProblemCollector, image: PostImage): PostImage | undefined {
  const src = typeof image.src === 'string' ? image.src : '';
  if (!(RELATIVE_SRC.test(src) && !src.includes('//')) && !isHttpUrl(src)) {
    c.add('infographic.src', 'Địa chỉ ảnh phải là đường dẫn tương đối trong trang tin hoặc địa chỉ http(s) đầy đủ.');
  }
  const alt = c.text('infographic.alt', image.alt, 'alt', { required: true });
  const caption = c.text('infographic.caption', image.caption, 'caption');
  for (const dim of ['width', 'height'] as const) {
    const v = image[dim];
    if (!Number.isInteger(v) || v < 1 || v > 20_000) c.add(`infographic.${dim}`, `Kích thước ảnh (${dim === 'width' ? 'chiều rộng' : 'chiều cao'}) phải là số nguyên từ 1 đến 20.000 điểm ảnh.`);
  }
  return { src, alt, caption, width: image.width, height: image.height };
}

/** What a correction post shows besides its text: the label and the source, linked when safe. */
function correctionView(correction: RenderPostInput['brief']['correction']): { source: string; sourceUrl?: string } | undefined {
  if (!correction) return undefined;
  return { source: correction.source, sourceUrl: correction.sourceUrl && isHttpUrl(correction.sourceUrl) ? correction.sourceUrl : undefined };
}
