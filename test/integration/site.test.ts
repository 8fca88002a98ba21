/**
 * Publishing into the real object store and serving the site from it: the post is valid HTML,
 * the feed parses and lists posts newest first, media round-trips byte for byte, and campaigns
 * publishing at the same instant are all listed while readers only ever see whole documents.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import Parser from 'rss-parser';
import { describe, expect, inject, it } from 'vitest';
import { createSiteActivities } from '../../channels/web-portal/site.js';
import { S3ObjectStore } from '../../infra/s3.js';
import { validatePost } from '../../channels/web-portal/render/index.js';
import { siteRoutes } from '../../web/site.js';
import { bacKanTeachersDay, quangNgaiSchoolOpening } from '../fixtures/channels/briefs.js';
import { solidPng } from '../fixtures/channels/png.js';

const endpoints = inject('endpoints');

describe('the published site on the real object store', () => {
  const store = S3ObjectStore.fromSettings(endpoints.s3);
  const site = createSiteActivities({ store, endpoints });
  const app = new Hono();
  app.route('/', siteRoutes(store));
  const run = randomUUID().slice(0, 8);

  it('publishes posts, regenerates index and feed, and serves them', async () => {
    const png = solidPng(64, 80);
    const infographicKey = `campaigns/it-site-${run}/v1/infographic/social.png`;
    await store.put(infographicKey, png, { contentType: 'image/png' });
    const older = await site.publishPost({ campaignId: `it-site-old-${run}`, version: 1, brief: quangNgaiSchoolOpening, publishedAt: '2026-09-05T00:30:00Z' });
    const newer = await site.publishPost({ campaignId: `it-site-new-${run}`, version: 1, brief: bacKanTeachersDay, infographicKey, publishedAt: '2026-11-20T01:00:00Z' });
    expect(newer.url).toBe(`${endpoints.publicBaseUrl}/site/posts/${newer.slug}/`);

    const post = await app.request(new URL(newer.url).pathname);
    expect(post.status).toBe(200);
    const html = await post.text();
    expect(await validatePost(html)).toEqual({ valid: true, errors: [] });
    expect(html).toContain(`<h1>${bacKanTeachersDay.headline}</h1>`);

    const media = await app.request(`/site/media/${newer.slug}.png`);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await media.arrayBuffer()).equals(png)).toBe(true);

    const feedRes = await app.request('/site/feed.xml');
    expect(feedRes.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const feed = await new Parser().parseString(await feedRes.text());
    const links = feed.items.map((i) => i.link);
    expect(links.indexOf(newer.url)).toBeGreaterThanOrEqual(0);
    expect(links.indexOf(newer.url)).toBeLessThan(links.indexOf(older.url));
    const dates = feed.items.map((i) => new Date(i.pubDate!).getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    const index = await (await app.request('/site/')).text();
    expect(index).toContain(`href="posts/${newer.slug}/"`);
    expect(index.indexOf(newer.slug)).toBeLessThan(index.indexOf(older.slug));

    const missing = await app.request('/site/posts/..%2F..%2Fsecret/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy trang');
  });

  it('six campaigns publishing the same headline at once each keep their own post, all are listed, and readers never see a half-written manifest', async () => {
    const ids = [0, 1, 2, 3, 4, 5].map((i) => `it-site-race-${i}-${run}`);
    let publishing = true;
    const seen: string[] = [];
    // A reader polling the manifest and index throughout, as the site's visitors and the report do.
    const reader = (async () => {
      let reads = 0;
      while (publishing || reads < 3) {
        const manifest = await store.get('site/manifest.json');
        reads += 1;
        if (!manifest) continue;
        try {
          JSON.parse(manifest.body.toString('utf8'));
        } catch {
          seen.push(`manifest of ${manifest.body.length} bytes does not parse`);
        }
      }
      return reads;
    })();
    const results = await Promise.all(
      ids.map((campaignId, i) => site.publishPost({ campaignId, version: 1, brief: { ...bacKanTeachersDay, keyMessages: [`Thông điệp riêng ${campaignId}.`] }, publishedAt: `2026-11-20T0${i}:10:00Z` })),
    ).finally(() => (publishing = false));
    expect(await reader).toBeGreaterThan(0);
    expect(seen).toEqual([]);
    expect(new Set(results.map((r) => r.slug)).size).toBe(ids.length);
    const index = await (await app.request('/site/')).text();
    for (const [i, r] of results.entries()) {
      expect(await (await app.request(new URL(r.url).pathname)).text()).toContain(`Thông điệp riêng ${ids[i]}.`);
      expect(index).toContain(`href="posts/${r.slug}/"`);
    }
    const feed = await new Parser().parseString(await (await app.request('/site/feed.xml')).text());
    for (const r of results) expect(feed.items.map((item) => item.link)).toContain(r.url);
  });
});
