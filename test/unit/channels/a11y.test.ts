/**
 * axe-core against the rendered pages in Debian's Chromium (headless, no network): no
 * violations at all, and in particular the image and heading rules ran and passed.
 */
import axe from 'axe-core';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderUnsubscribePage } from '../../../channels/press-briefing/render/index.js';
import { DEFAULT_SITE, renderPost, renderSiteIndex, renderSiteNotFound } from '../../../channels/web-portal/render/index.js';
import { bacKanTeachersDay, quangNgaiSchoolOpening } from '../../fixtures/channels/briefs.js';
import { HOSTILE } from '../../fixtures/channels/hostile.js';

/** Debian's Chromium; `npm test` installs it (see README). */
const CHROMIUM = '/usr/bin/chromium';
const site = { ...DEFAULT_SITE, baseUrl: 'http://localhost:3000/site' };

interface AxeSummary {
  violations: { id: string; impact: string | null; nodes: { html: string }[] }[];
  passes: string[];
}

const IMAGE_AND_HEADING_RULES = ['image-alt', 'page-has-heading-one', 'heading-order', 'empty-heading', 'document-title', 'html-has-lang', 'html-lang-valid'];

describe('axe-core in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function audit(html: string): Promise<AxeSummary> {
    const page = await browser.newPage();
    try {
      // Images point at files that are not there; block every request so nothing waits on them.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: axe.source });
      return await page.evaluate(async () => {
        const r = await (globalThis as unknown as { axe: typeof axe }).axe.run({ resultTypes: ['violations', 'passes'] });
        return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, nodes: v.nodes.map((n) => ({ html: n.html })) })), passes: r.passes.map((p) => p.id) };
      });
    } finally {
      await page.close();
    }
  }

  it('the article page with an infographic has no violations; image and heading rules pass', async () => {
    const { html } = renderPost({
      brief: bacKanTeachersDay,
      slug: 'phuong-bac-kan',
      publishedAt: '2026-11-20T01:00:00Z',
      infographic: { src: '../../media/phuong-bac-kan.png', alt: 'Đồ họa: 100% cán bộ, công chức được phổ biến Nghị quyết số 71-NQ/TW', caption: 'Đồ họa: UBND phường Bắc Kạn', width: 1080, height: 1350 },
      siteTitle: site.title,
      siteBaseUrl: site.baseUrl,
    });
    const r = await audit(html);
    expect(r.violations).toEqual([]);
    for (const rule of IMAGE_AND_HEADING_RULES) expect(r.passes, rule).toContain(rule);
  });

  it('an article built from hostile input is still accessible', async () => {
    const { html } = renderPost({
      brief: { ...quangNgaiSchoolOpening, headline: HOSTILE, body: [HOSTILE] },
      slug: 'x',
      publishedAt: '2026-09-05T00:00:00Z',
      infographic: { src: '../../media/x.png', alt: HOSTILE, caption: HOSTILE, width: 800, height: 600 },
      siteTitle: site.title,
      siteBaseUrl: site.baseUrl,
    });
    const r = await audit(html);
    expect(r.violations).toEqual([]);
    expect(r.passes).toContain('image-alt');
  });

  const posts = [
    { slug: 'a', title: bacKanTeachersDay.headline, summary: bacKanTeachersDay.keyMessages[0]!, publishedAt: '2026-11-20T01:00:00Z', issuerShort: 'UBND phường Bắc Kạn', tags: [] },
    { slug: 'b', title: quangNgaiSchoolOpening.headline, summary: '', publishedAt: '2026-09-05T00:00:00Z', issuerShort: 'UBND tỉnh Quảng Ngãi', tags: [] },
  ];
  it.each([
    ['site index', () => renderSiteIndex(posts, site)],
    ['empty site index', () => renderSiteIndex([], site)],
    ['site 404', () => renderSiteNotFound(site)],
    ['unsubscribe confirmation', () => renderUnsubscribePage('confirm', { email: 'duc.tm@example.org', action: '/unsubscribe/x' })],
    ['unsubscribe done', () => renderUnsubscribePage('done', { email: 'duc.tm@example.org' })],
    ['unsubscribe invalid link', () => renderUnsubscribePage('invalid')],
  ])('the %s page has no violations', async (_name, render) => {
    const r = await audit(render());
    expect(r.violations).toEqual([]);
    expect(r.passes).toContain('page-has-heading-one');
  });
});
