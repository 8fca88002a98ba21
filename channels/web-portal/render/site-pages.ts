/**
 * The pages around the posts: the site index (newest first), the RSS 2.0 feed and the
 * Vietnamese "not found" page. Rendered from short post summaries kept in the site manifest.
 */
import { cleanText } from '../../../domain/text/clean.js';
import { postUrl, siteChrome, type SiteInfo } from './site-context.js';
import { renderSiteTemplate } from './templates.js';
import { parseInstant, rfc822, vnIsoInstant, vnLongDate } from '../../../render/content/vn-time.js';

/** What the index and the feed need to know about one published post. */
export interface SitePostSummary {
  slug: string;
  title: string;
  summary: string;
  /** ISO instant. */
  publishedAt: string;
  issuerShort: string;
  tags: string[];
}

const time = (s: SitePostSummary) => parseInstant(s.publishedAt)?.getTime() ?? 0;

/** Newest first; equal times by slug so the order never depends on input order. */
export function newestFirst<T extends SitePostSummary>(posts: readonly T[]): T[] {
  return [...posts].sort((a, b) => time(b) - time(a) || a.slug.localeCompare(b.slug));
}

/** The site's front page listing every post, newest first. */
export function renderSiteIndex(posts: readonly SitePostSummary[], site: SiteInfo): string {
  return renderSiteTemplate('index', {
    page: { title: site.title, description: site.description, canonicalUrl: `${site.baseUrl}/` },
    site: siteChrome(site, 0),
    posts: newestFirst(posts).map((p) => {
      const at = parseInstant(p.publishedAt) ?? new Date(0);
      return { href: `posts/${p.slug}/`, title: p.title, summary: p.summary, issuerShort: p.issuerShort, publishedIso: vnIsoInstant(at), publishedText: vnLongDate(at) };
    }),
  });
}

/** RSS 2.0 feed of every post, newest first; lastBuildDate is the newest post's date (stable output). */
export function renderFeed(posts: readonly SitePostSummary[], site: SiteInfo): string {
  const sorted = newestFirst(posts);
  const newest = sorted[0] ? parseInstant(sorted[0].publishedAt) : undefined;
  return renderSiteTemplate('feed', {
    channel: {
      title: cleanText(site.title),
      link: `${site.baseUrl}/`,
      description: cleanText(site.description) || cleanText(site.title),
      feedUrl: `${site.baseUrl}/feed.xml`,
      lastBuildDate: newest ? rfc822(newest) : undefined,
    },
    items: sorted.map((p) => ({
      title: cleanText(p.title),
      link: postUrl(site.baseUrl, p.slug),
      pubDate: rfc822(parseInstant(p.publishedAt) ?? new Date(0)),
      description: cleanText(p.summary),
      categories: p.tags.map((t) => cleanText(t)).filter(Boolean),
    })),
  });
}

/** The Vietnamese 404 page of the site (links are root-relative to `/site/`). */
export function renderSiteNotFound(site: SiteInfo, homeHref = '/site/'): string {
  const chrome = { ...siteChrome(site, 0), homeHref, feedHref: `${homeHref}feed.xml`, feedUrl: `${homeHref}feed.xml` };
  return renderSiteTemplate('notFound', { page: { title: `Không tìm thấy trang · ${site.title}` }, site: chrome });
}
