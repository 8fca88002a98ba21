import { Hono } from 'hono';
import Parser from 'rss-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { SITE_KEYS, createSiteActivities, readManifest } from '../../../channels/web-portal/site.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { validatePost } from '../../../channels/web-portal/render/index.js';
import { siteRoutes } from '../../../web/site.js';
import { bacKanTeachersDay, quangNgaiSchoolOpening } from '../../fixtures/channels/briefs.js';
import { HOSTILE, HUGE } from '../../fixtures/channels/hostile.js';
import { solidPng } from '../../fixtures/channels/png.js';

const endpoints = { publicBaseUrl: 'http://localhost:3000' };
const text = (store: MemoryObjectStore, key: string) => store.objects.get(key)?.body.toString('utf8');

describe('publishPost', () => {
  let store: MemoryObjectStore;
  let site: ReturnType<typeof createSiteActivities>;
  beforeEach(async () => {
    store = new MemoryObjectStore();
    site = createSiteActivities({ store, endpoints });
    await store.put('campaigns/c1/v1/infographic/social.png', solidPng(40, 50), { contentType: 'image/png' });
  });

  it('writes the post, its infographic, the manifest, the index and an RSS feed', async () => {
    const r = await site.publishPost({ campaignId: 'c1', version: 1, brief: bacKanTeachersDay, infographicKey: 'campaigns/c1/v1/infographic/social.png', publishedAt: '2026-11-20T01:00:00Z' });
    expect(r).toEqual({
      slug: 'phuong-bac-kan-ton-vinh-nha-giao-lan-toa-mo-hinh-hay-trong-doi-moi-giao-duc',
      url: 'http://localhost:3000/site/posts/phuong-bac-kan-ton-vinh-nha-giao-lan-toa-mo-hinh-hay-trong-doi-moi-giao-duc/',
      key: 'site/posts/phuong-bac-kan-ton-vinh-nha-giao-lan-toa-mo-hinh-hay-trong-doi-moi-giao-duc/index.html',
      version: 1,
    });
    const html = text(store, r.key)!;
    expect((await validatePost(html)).valid).toBe(true);
    expect(html).toMatch(/<img src="..\/..\/media\/phuong-bac-kan[a-z-]+\.png" alt="Đồ họa thông tin: Phường Bắc Kạn tôn vinh nhà giáo[^"]*100% cán bộ[^"]*" width="40" height="50">/);
    expect(html).toContain('<figcaption>Đồ họa: UBND phường Bắc Kạn — Ngày Nhà giáo Việt Nam 20/11</figcaption>');
    expect(store.objects.get(`site/media/${r.slug}.png`)?.contentType).toBe('image/png');
    expect(text(store, SITE_KEYS.index)).toContain(`href="posts/${r.slug}/"`);
    expect((await validatePost(text(store, SITE_KEYS.index)!)).valid).toBe(true);
    const manifest = await readManifest(store);
    expect(manifest.posts).toHaveLength(1);
    expect(manifest.posts[0]).toMatchObject({ slug: r.slug, campaignId: 'c1', version: 1, publishedAt: '2026-11-20T01:00:00Z' });
  });

  it('the feed parses with rss-parser and lists posts newest first', async () => {
    await site.publishPost({ campaignId: 'c-old', version: 1, brief: quangNgaiSchoolOpening, publishedAt: '2026-09-05T00:30:00Z' });
    await site.publishPost({ campaignId: 'c-new', version: 1, brief: bacKanTeachersDay, publishedAt: '2026-11-20T01:00:00Z' });
    // Published last but dated earliest: still listed last.
    await site.publishPost({ campaignId: 'c-older', version: 1, brief: { ...quangNgaiSchoolOpening, headline: 'Bản tin tháng Tám' }, publishedAt: '2026-08-22T01:00:00Z' });
    const feed = await new Parser().parseString(text(store, SITE_KEYS.feed)!);
    expect(feed.title).toBe('Thông tin tuyên truyền');
    expect(feed.link).toBe('http://localhost:3000/site/');
    expect(feed.language).toBe('vi');
    expect(feed.items.map((i) => i.title)).toEqual([bacKanTeachersDay.headline, quangNgaiSchoolOpening.headline, 'Bản tin tháng Tám']);
    expect(feed.items[0]!.link).toBe('http://localhost:3000/site/posts/phuong-bac-kan-ton-vinh-nha-giao-lan-toa-mo-hinh-hay-trong-doi-moi-giao-duc/');
    expect(feed.items[0]!.guid).toBe(feed.items[0]!.link);
    expect(feed.items[0]!.pubDate).toBe('Fri, 20 Nov 2026 08:00:00 +0700');
    expect(new Date(feed.items[0]!.pubDate!).toISOString()).toBe('2026-11-20T01:00:00.000Z');
    expect(feed.items[0]!.content).toContain('Phát triển giáo dục và đào tạo là quốc sách hàng đầu');
    expect(feed.items[0]!.categories).toEqual(['giáo dục', 'Nghị quyết 71', 'Ngày Nhà giáo Việt Nam']);
    const index = text(store, SITE_KEYS.index)!;
    expect(index.indexOf(bacKanTeachersDay.headline)).toBeLessThan(index.indexOf(quangNgaiSchoolOpening.headline));
  });

  it('gives colliding titles unique slugs', async () => {
    const a = await site.publishPost({ campaignId: 'c-a', version: 1, brief: bacKanTeachersDay, publishedAt: '2026-11-20T01:00:00Z' });
    const b = await site.publishPost({ campaignId: 'c-b', version: 1, brief: bacKanTeachersDay, publishedAt: '2026-11-20T02:00:00Z' });
    expect(b.slug).toBe(`${a.slug}-2`);
  });

  it('campaigns publishing the same headline at the same instant each keep their own post, all listed', async () => {
    const ids = ['c-a', 'c-b', 'c-c', 'c-d'];
    const results = await Promise.all(ids.map((campaignId, i) => site.publishPost({ campaignId, version: 1, brief: { ...bacKanTeachersDay, keyMessages: [`Thông điệp của ${campaignId}.`] }, publishedAt: `2026-11-20T0${i}:00:00Z` })));
    const slugs = results.map((r) => r.slug);
    expect(new Set(slugs).size).toBe(ids.length);
    for (const [i, r] of results.entries()) {
      // Each address holds its own campaign's post, not another's written over it.
      expect(text(store, r.key), ids[i]).toContain(`Thông điệp của ${ids[i]}.`);
      expect(store.objects.get(r.key)?.metadata.campaign).toBe(ids[i]);
      expect(text(store, SITE_KEYS.index)).toContain(`href="posts/${r.slug}/"`);
    }
    expect((await readManifest(store)).posts.map((p) => p.campaignId).sort()).toEqual(ids);
    const feed = await new Parser().parseString(text(store, SITE_KEYS.feed)!);
    expect(feed.items).toHaveLength(ids.length);
  });

  it('carries over posts and slug claims that earlier releases kept in other shapes', async () => {
    const json = (key: string, value: unknown) => store.put(key, JSON.stringify(value), { contentType: 'application/json' });
    const entry = (campaignId: string, slug: string) => ({ slug, campaignId, version: 1, title: 'Khai giảng', summary: 'Tóm tắt', publishedAt: '2026-09-05T00:30:00Z', issuerShort: 'UBND', tags: [] });
    // Oldest release: posts only in the manifest. Previous release: one entry and one slug claim per campaign.
    await json(SITE_KEYS.manifest, { schemaVersion: 1, posts: [entry('c-oldest', 'khai-giang')] });
    await json(`${SITE_KEYS.legacyEntries}c-old.json`, entry('c-old', 'khai-giang-2'));
    await json(`${SITE_KEYS.legacySlugs}c-claimed.json`, { campaignId: 'c-claimed', slug: 'khai-giang-3' });
    const next = await site.publishPost({ campaignId: 'c-new', version: 1, brief: { ...quangNgaiSchoolOpening, headline: 'Khai giảng' }, publishedAt: '2026-11-20T01:00:00Z' });
    const manifest = await readManifest(store);
    expect(manifest.schemaVersion).toBe(2);
    expect(manifest.posts.map((p) => p.campaignId)).toEqual(['c-new', 'c-old', 'c-oldest']);
    expect(manifest.slugs).toMatchObject({ 'c-oldest': 'khai-giang', 'c-old': 'khai-giang-2', 'c-claimed': 'khai-giang-3' });
    // The new post takes none of the addresses already given out.
    expect(next.slug).toBe('khai-giang-4');
    for (const slug of ['khai-giang', 'khai-giang-2', 'khai-giang-4']) expect(text(store, SITE_KEYS.index)).toContain(`href="posts/${slug}/"`);
  });

  it('a lost compare-and-swap on the manifest is applied again from the winner\'s version, never over it', async () => {
    // A store that lets another publish slip in between every read and write of the manifest.
    let sneaked = 0;
    const racing = Object.create(store) as MemoryObjectStore;
    racing.put = async (key, body, options) => {
      if (key === SITE_KEYS.manifest && options.ifMatch && sneaked < 3) {
        sneaked += 1;
        await site.publishPost({ campaignId: `c-rival-${sneaked}`, version: 1, brief: bacKanTeachersDay, publishedAt: '2026-11-20T02:00:00Z' });
      }
      return store.put(key, body, options);
    };
    const mine = await createSiteActivities({ store: racing, endpoints }).publishPost({ campaignId: 'c-mine', version: 1, brief: bacKanTeachersDay, publishedAt: '2026-11-20T01:00:00Z' });
    const manifest = await readManifest(store);
    expect(manifest.posts.map((p) => p.campaignId)).toEqual(['c-mine', 'c-rival-1', 'c-rival-2', 'c-rival-3']);
    expect(new Set(manifest.posts.map((p) => p.slug)).size).toBe(4);
    expect(manifest.slugs['c-mine']).toBe(mine.slug);
    for (const p of manifest.posts) expect(text(store, SITE_KEYS.index)).toContain(`href="posts/${p.slug}/"`);
  });

  it('republishing the same campaign version is idempotent and keeps the slug', async () => {
    const input = { campaignId: 'c1', version: 1, brief: bacKanTeachersDay, publishedAt: '2026-11-20T01:00:00Z' };
    const first = await site.publishPost(input);
    const snapshot = new Map([...store.objects].map(([k, v]) => [k, v.body.toString('base64')]));
    const again = await site.publishPost(input);
    expect(again).toEqual(first);
    expect(new Map([...store.objects].map(([k, v]) => [k, v.body.toString('base64')]))).toEqual(snapshot);
  });

  it('a new version revises the post at the same address; an older version never rolls it back', async () => {
    const v1 = await site.publishPost({ campaignId: 'c1', version: 1, brief: bacKanTeachersDay, publishedAt: '2026-11-20T01:00:00Z' });
    const v2 = await site.publishPost({ campaignId: 'c1', version: 2, brief: { ...bacKanTeachersDay, headline: 'Tiêu đề đã sửa' }, publishedAt: '2026-11-21T01:00:00Z' });
    expect(v2.slug).toBe(v1.slug);
    expect(text(store, v2.key)).toContain('<h1>Tiêu đề đã sửa</h1>');
    expect(text(store, v2.key)).toContain('Cập nhật');
    const stale = await site.publishPost({ campaignId: 'c1', version: 1, brief: bacKanTeachersDay, publishedAt: '2026-11-20T01:00:00Z' });
    expect(stale.version).toBe(2);
    expect(text(store, v2.key)).toContain('<h1>Tiêu đề đã sửa</h1>');
    expect((await readManifest(store)).posts).toHaveLength(1);
  });

  it('escapes hostile input in the post, index and feed; the feed still parses', async () => {
    const brief = { ...bacKanTeachersDay, headline: HOSTILE, keyMessages: [HOSTILE], tags: ['<b>&</b>'] };
    const r = await site.publishPost({ campaignId: 'c-x', version: 1, brief, publishedAt: '2026-11-20T01:00:00Z' });
    expect(r.slug).toBe('script-alert-x-script-img-src-x-onerror-alert-1-amp-q-a-x-31mabc-bcc-evil');
    for (const key of [r.key, SITE_KEYS.index, SITE_KEYS.feed]) expect(text(store, key), key).not.toMatch(/<script>|<img src=x|<b>&/);
    const feed = await new Parser().parseString(text(store, SITE_KEYS.feed)!);
    expect(feed.items[0]!.title).toBe('<script>alert("x")</script><img src=x onerror=alert(1)> & &amp; "q" \'a\' {{x}} ]]> [31mabc Bcc: evil@example.com');
  });

  it('rejects oversized input without retry and without writing anything', async () => {
    await expect(site.publishPost({ campaignId: 'c1', version: 1, brief: { ...bacKanTeachersDay, headline: HUGE }, publishedAt: '2026-11-20T01:00:00Z' })).rejects.toMatchObject({
      type: 'ContentInputError',
      nonRetryable: true,
      message: expect.stringContaining('Tiêu đề dài 10.000 ký tự, vượt giới hạn 300 ký tự'),
    });
    await expect(site.publishPost({ campaignId: '../x', version: 0, brief: bacKanTeachersDay, publishedAt: 'mai' })).rejects.toMatchObject({ nonRetryable: true });
    expect([...store.objects.keys()].filter((k) => k.startsWith('site/'))).toEqual([]);
  });

  it('fails clearly when the infographic is missing', async () => {
    await expect(site.publishPost({ campaignId: 'c1', version: 1, brief: bacKanTeachersDay, infographicKey: 'khong/co.png', publishedAt: '2026-11-20T01:00:00Z' })).rejects.toMatchObject({
      nonRetryable: true,
      message: expect.stringContaining('Không tìm thấy đồ họa "khong/co.png" trong kho.'),
    });
  });

  it('renders a validated draft under the campaign prefix', async () => {
    const d = await site.renderPostDraft({ brief: bacKanTeachersDay, version: 3, infographicKey: 'campaigns/c1/v1/infographic/social.png' });
    expect(d.key).toBe('campaigns/bac-kan-kh-ubnd-2026/ngay-nha-giao-2026/nhiem-vu-4/v3/post/index.html');
    expect(d.validation).toEqual({ valid: true, errors: [] });
    expect(d.wordCount).toBeGreaterThan(100);
    expect(store.objects.get('campaigns/bac-kan-kh-ubnd-2026/ngay-nha-giao-2026/nhiem-vu-4/v3/post/infographic.png')).toBeDefined();
    expect(text(store, d.key)).toContain('<img src="infographic.png"');
    const byCampaign = await site.renderPostDraft({ campaignId: 'campaign-x', brief: quangNgaiSchoolOpening, version: 1 });
    expect(byCampaign.key).toBe('campaigns/campaign-x/v1/post/index.html');
  });
});

describe('siteRoutes', () => {
  let store: MemoryObjectStore;
  let app: Hono;
  let slug: string;
  beforeEach(async () => {
    store = new MemoryObjectStore();
    await store.put('campaigns/c1/v1/infographic/social.png', solidPng(4, 5), { contentType: 'image/png' });
    const r = await createSiteActivities({ store, endpoints }).publishPost({ campaignId: 'c1', version: 1, brief: bacKanTeachersDay, infographicKey: 'campaigns/c1/v1/infographic/social.png', publishedAt: '2026-11-20T01:00:00Z' });
    slug = r.slug;
    app = new Hono();
    app.route('/', siteRoutes(store));
  });

  it('serves the index, a post, the feed and media with their content types', async () => {
    const index = await app.request('/site/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain(bacKanTeachersDay.headline);
    const post = await app.request(`/site/posts/${slug}/`);
    expect(post.status).toBe(200);
    expect(await post.text()).toContain(`<h1>${bacKanTeachersDay.headline}</h1>`);
    const feed = await app.request('/site/feed.xml');
    expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const media = await app.request(`/site/media/${slug}.png`);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await media.arrayBuffer()).equals(solidPng(4, 5))).toBe(true);
  });

  it('answers HEAD without a body, and redirects to the canonical trailing slash', async () => {
    const head = await app.request(`/site/posts/${slug}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
    const bare = await app.request(`/site/posts/${slug}`);
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(`/site/posts/${slug}/`);
    expect((await app.request('/site')).headers.get('location')).toBe('/site/');
  });

  it('answers bad or unknown paths with the Vietnamese 404 page and never reads outside the site', async () => {
    await store.put('secret.txt', 'bí mật', { contentType: 'text/plain' });
    await store.put('site/manifest.json', '{}', { contentType: 'application/json' });
    for (const path of [
      '/site/posts/khong-co/',
      '/site/posts/..%2F..%2Fsecret.txt/',
      '/site/posts/a%2Fb/',
      '/site/posts/Bai-Viet/',
      '/site/posts/bai%20viet/',
      '/site/media/..%2Fmanifest.json',
      '/site/media/x.exe',
      `/site/media/${slug}.PNG`,
      `/site/media/${slug}.png.json`,
      '/site/manifest.json',
      '/site/posts/',
      '/site/posts/a/b/',
    ]) {
      const res = await app.request(path);
      const body = await res.text();
      expect([404, 301], path).toContain(res.status);
      if (res.status === 301) {
        // Only a URL-normalised path may redirect, and only to a safe place inside /site/.
        expect(res.headers.get('location'), path).toMatch(/^\/site\/(posts\/[a-z0-9-]+\/)?$/);
        continue;
      }
      expect(body, path).toContain('Không tìm thấy trang');
      expect(body, path).not.toContain('bí mật');
      expect(body, path).not.toContain('"schemaVersion"');
    }
    // Dot segments (also percent-encoded) are resolved by URL parsing before routing: they land
    // on the site index, never outside the site.
    const dots = await app.request('/site/posts/%2e%2e/');
    expect(dots.status).toBe(200);
    expect(await dots.text()).toContain('<h1>Thông tin tuyên truyền</h1>');
  });

  it('shows an empty index before anything is published', async () => {
    const empty = new Hono();
    empty.route('/', siteRoutes(new MemoryObjectStore()));
    const res = await empty.request('/site/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Chưa có bài viết nào được đăng.');
  });
});
