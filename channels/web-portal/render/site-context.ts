/**
 * What every site page needs to know about the site: its title and description, its absolute
 * base URL (for canonical links and the feed) and relative links back to its root, so the
 * pages work wherever the `site/` prefix is served from.
 */

/** Default title and description of the published site. */
export const DEFAULT_SITE = {
  title: 'Thông tin tuyên truyền',
  description: 'Tin, bài truyền thông thực hiện các kế hoạch, nghị quyết của cơ quan, đơn vị.',
} as const;

/** The site a page belongs to. `baseUrl` is absolute, without a trailing slash (…/site). */
export interface SiteInfo {
  title: string;
  description: string;
  baseUrl: string;
}

/** Template data for the site header/footer of a page `depth` folders below the site root. */
export function siteChrome(site: SiteInfo, depth: number) {
  const up = depth === 0 ? './' : '../'.repeat(depth);
  return {
    title: site.title,
    description: site.description,
    homeHref: up,
    feedHref: `${up}feed.xml`,
    feedUrl: `${up}feed.xml`,
  };
}

/** Absolute URL of a post. */
export function postUrl(siteBaseUrl: string, slug: string): string {
  return `${siteBaseUrl.replace(/\/+$/, '')}/posts/${slug}/`;
}
