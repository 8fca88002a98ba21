/**
 * Serves the static site kept in object storage under `site/` at `/site/`, so editors can open
 * what was published. Only a fixed set of shapes is served — the index, the feed, a post by
 * slug and a media file by strict name — and every path segment is checked before it becomes
 * part of a storage key. Anything else gets the site's Vietnamese 404 page.
 */
import { eboardKeys, eboardPage, REFRESH_SECONDS, type EBoardPlaylist } from '../channels/eboard/playlist.js';
import { Hono, type Context } from 'hono';
import { isSafeSlug } from '../domain/slug.js';
import type { ObjectStore } from '../infra/object-store.js';
import { DEFAULT_SITE, contentTypeForExtension, renderSiteIndex, renderSiteNotFound } from '../channels/web-portal/render/index.js';

/** A media file name: a slug, one dot, a known image extension. */
const MEDIA_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(png|jpg|jpeg|webp|svg)$/;

const notFoundSite = { title: DEFAULT_SITE.title, description: DEFAULT_SITE.description, baseUrl: '/site' };

/** The site routes, to mount with `app.route('/', siteRoutes(store))`. */
export function siteRoutes(store: ObjectStore): Hono {
  const app = new Hono();

  const notFound = (c: Context) => {
    c.header('Cache-Control', 'no-store');
    return c.html(renderSiteNotFound(notFoundSite), 404);
  };

  async function serve(c: Context, key: string, contentType: string, extraHeaders: Record<string, string> = {}) {
    const obj = await store.get(key);
    if (!obj) return notFound(c);
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'Cache-Control': obj.contentType?.startsWith('image/') ? 'public, max-age=300' : 'no-cache',
      'Content-Length': String(obj.body.length),
      ...extraHeaders,
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(new Uint8Array(obj.body), 200, headers);
  }

  app.get('/site', (c) => c.redirect('/site/', 301));

  app.get('/site/', async (c) => {
    const obj = await store.get('site/index.html');
    if (obj) return serve(c, 'site/index.html', 'text/html; charset=utf-8');
    // Nothing published yet: an empty index rather than a 404.
    c.header('Cache-Control', 'no-cache');
    return c.html(renderSiteIndex([], notFoundSite));
  });

  app.get('/site/feed.xml', (c) => serve(c, 'site/feed.xml', 'application/rss+xml; charset=utf-8'));

  app.get('/site/posts/:slug', (c) => {
    const slug = c.req.param('slug');
    return isSafeSlug(slug) ? c.redirect(`/site/posts/${slug}/`, 301) : notFound(c);
  });

  app.get('/site/posts/:slug/', (c) => {
    const slug = c.req.param('slug');
    if (!isSafeSlug(slug)) return notFound(c);
    return serve(c, `site/posts/${slug}/index.html`, 'text/html; charset=utf-8');
  });

  app.get('/site/media/:file', (c) => {
    const file = c.req.param('file');
    const m = MEDIA_FILE.exec(file);
    const type = m ? contentTypeForExtension(m[2]!) : undefined;
    if (!m || !type) return notFound(c);
    // SVG can carry script: forbid everything but inline styles when it is opened directly.
    const extra: Record<string, string> = type === 'image/svg+xml' ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" } : {};
    return serve(c, `site/media/${file}`, type, extra);
  });

  // A unit's public e-board: the page a display opens, its playlist and images (channels/eboard).
  app.get('/site/bang-tin/:unit', (c) => (isSafeSlug(c.req.param('unit')) ? c.redirect(`/site/bang-tin/${c.req.param('unit')}/`, 301) : notFound(c)));
  app.get('/site/bang-tin/:unit/', async (c) => {
    const unit = c.req.param('unit');
    if (!isSafeSlug(unit)) return notFound(c);
    const found = await store.get(eboardKeys.playlist(unit));
    const name = found ? (JSON.parse(found.body.toString('utf8')) as EBoardPlaylist).unitName : undefined;
    c.header('Cache-Control', 'no-cache');
    // ?refresh=N (seconds, 1–300): how often the display asks for new images.
    const refresh = Math.min(300, Math.max(1, Number(c.req.query('refresh')) || REFRESH_SECONDS));
    return c.html(eboardPage(unit, name, refresh));
  });
  app.get('/site/bang-tin/:unit/playlist.json', (c) => {
    const unit = c.req.param('unit');
    return isSafeSlug(unit) ? serve(c, eboardKeys.playlist(unit), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' }) : notFound(c);
  });
  app.get('/site/bang-tin/:unit/:file', (c) => {
    const unit = c.req.param('unit');
    const file = c.req.param('file');
    if (!isSafeSlug(unit) || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,220}\.png$/.test(file) || file.includes('..')) return notFound(c);
    return serve(c, eboardKeys.image(unit, file), 'image/png');
  });

  // The print files (channels/print).
  app.get('/site/in-an/:file', (c) => {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]{0,220})\.pdf$/.exec(c.req.param('file'));
    if (!m || m[1]!.includes('..')) return notFound(c);
    return serve(c, `site/in-an/${m[1]}.pdf`, 'application/pdf');
  });

  // The Q&A sets' Word files and loudspeaker segments (channels/qa-set).
  app.get('/site/hoi-dap/:file', (c) => {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]{0,199})\.(docx|txt)$/.exec(c.req.param('file'));
    if (!m || m[1]!.includes('..')) return notFound(c);
    const type = m[2] === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'text/plain; charset=utf-8';
    return serve(c, `site/hoi-dap/${m[1]}.${m[2]}`, type, m[2] === 'docx' ? { 'Content-Disposition': `attachment; filename="hoi-dap-${m[1]}.docx"` } : {});
  });

  app.all('/site/*', (c) => notFound(c));
  return app;
}
