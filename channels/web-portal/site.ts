/**
 * Web posts: drafts kept beside a campaign's other artifacts, and publishing into the static
 * site held in object storage under `site/` (posts, media, manifest, index page, RSS feed).
 *
 * Publishing is idempotent: a campaign keeps one slug for all its versions (a new version
 * revises the post at the same address; an older version never overwrites a newer one).
 *
 * The manifest `site/manifest.json` is the one document that says what the site holds: every
 * post and every slug a campaign has claimed. It is only ever changed by compare-and-swap on
 * its ETag (`updateJsonDocument`), so campaigns publishing at the same instant are applied one
 * after another, each from the other's result: a slug is claimed in the manifest before anything
 * is written at its address, and two claims of the same slug cannot both succeed. The index and
 * feed are derived from the manifest and rewritten until the manifest they were made from is
 * still the current one, so the last writer always lists every post.
 */
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { occasionLabel, type ContentBrief } from '../../domain/brief.js';
import { isSafeId, isSafeSlug, slugify, uniqueSlug } from '../../domain/slug.js';
import type { Endpoints } from '../../infra/config.js';
import { heartbeat } from '../../activities/heartbeat.js';
import { DocumentCorruptError, readJsonDocument, updateJsonDocument } from '../../infra/json-document.js';
import { PreconditionFailedError, type ObjectStore } from '../../infra/object-store.js';
import {
  ContentInputError,
  DEFAULT_SITE,
  ProblemCollector,
  cleanBrief,
  figureView,
  imageInfo,
  parseInstant,
  postUrl,
  renderFeed,
  renderPost,
  renderSiteIndex,
  sapoOf,
  summarize,
  validatePost,
  type PostFaq,
  type PostImage,
  type SiteInfo,
  type ValidationResult,
} from './render/index.js';

/** Where the site lives in the bucket. The web server serves this prefix at `/site/`. */
export const SITE_KEYS = {
  prefix: 'site/',
  manifest: 'site/manifest.json',
  /** Where the previous release kept one entry and one slug claim per campaign (read once, to carry them over). */
  legacyEntries: 'site/entries/',
  legacySlugs: 'site/slugs/',
  index: 'site/index.html',
  feed: 'site/feed.xml',
  post: (slug: string) => `site/posts/${slug}/index.html`,
  media: (file: string) => `site/media/${file}`,
} as const;

/** A reference to an infographic already in the store; missing details are read from the image or derived from the brief. */
export interface InfographicRef {
  key: string;
  alt?: string;
  caption?: string;
  width?: number;
  height?: number;
}

export interface PublishPostInput {
  /** Stable id of the campaign (letters, digits, `-`, `_`, inner dots). */
  campaignId: string;
  /** Revision of the campaign's content, 1, 2, … */
  version: number;
  brief: ContentBrief;
  /** Shorthand for `infographic: { key }`. */
  infographicKey?: string;
  infographic?: InfographicRef;
  /** ISO instant with a time zone; passed in (not read from the clock) so a retry renders the same page. */
  publishedAt: string;
  /** The campaign's Q&A set, as a section of the post. */
  faq?: PostFaq;
}

export interface PublishPostResult {
  slug: string;
  /** Public URL of the post: publicBaseUrl + /site/posts/<slug>/ */
  url: string;
  /** Key of the post's HTML in the store. */
  key: string;
  /** The version now live (higher than the input when a newer version was already published). */
  version: number;
}

export interface RenderPostDraftInput {
  brief: ContentBrief;
  /** When given, the draft goes to `campaigns/<campaignId>/v<version>/post/` (the campaign's own prefix). */
  campaignId?: string;
  version: number;
  infographicKey?: string;
  infographic?: InfographicRef;
  /** Date shown on the draft; default 08:00 on the occasion day (Vietnam time). */
  publishedAt?: string;
  /** The campaign's Q&A set, as a section of the post. */
  faq?: PostFaq;
}

export interface RenderPostDraftResult {
  key: string;
  wordCount: number;
  validation: ValidationResult;
}

const manifestEntrySchema = z.object({
  slug: z.string().refine(isSafeSlug),
  campaignId: z.string(),
  version: z.number().int().positive(),
  title: z.string(),
  summary: z.string(),
  publishedAt: z.string(),
  updatedAt: z.string().optional(),
  issuerShort: z.string(),
  tags: z.array(z.string()),
  mediaKey: z.string().optional(),
});
const claimSchema = z.object({ campaignId: z.string(), slug: z.string().refine(isSafeSlug) });
type SlugClaim = z.infer<typeof claimSchema>;
const manifestSchema = z.object({
  schemaVersion: z.literal(2),
  posts: z.array(manifestEntrySchema),
  /** Slug of every campaign that has claimed one (published, or about to be). */
  slugs: z.record(z.string(), z.string().refine(isSafeSlug)),
});
/** The manifest of the releases before slugs lived in it. */
const manifestV1Schema = z.object({ schemaVersion: z.literal(1), posts: z.array(manifestEntrySchema) });

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type SiteManifest = z.infer<typeof manifestSchema>;
type StoredManifest = SiteManifest | z.infer<typeof manifestV1Schema>;

const parseStoredManifest = (json: unknown): StoredManifest => z.union([manifestSchema, manifestV1Schema]).parse(json);

const corrupt = (err: unknown): never => {
  if (err instanceof DocumentCorruptError) throw ApplicationFailure.nonRetryable(`${err.message}; fix or remove it before publishing`, 'SiteManifestCorrupt');
  throw err;
};

/** Every JSON object under `prefix` that matches `schema` (what the previous release wrote per campaign). */
async function readLegacy<T>(store: ObjectStore, prefix: string, schema: z.ZodType<T>): Promise<T[]> {
  const out: T[] = [];
  for (const key of (await store.list(prefix)).filter((k) => k.endsWith('.json'))) {
    const doc = await readJsonDocument(store, key, (j) => schema.parse(j)).catch(corrupt);
    if (doc) out.push(doc.value);
  }
  return out;
}

/**
 * The current manifest in today's shape. A manifest of an earlier release (posts only, with the
 * per-campaign entries and slug claims beside it) is carried over: nothing it listed is lost.
 */
async function upgrade(store: ObjectStore, stored: StoredManifest | undefined): Promise<SiteManifest> {
  if (stored?.schemaVersion === 2) return stored;
  const posts = new Map<string, ManifestEntry>();
  for (const p of stored?.posts ?? []) if (isSafeId(p.campaignId)) posts.set(p.campaignId, p);
  for (const e of await readLegacy(store, SITE_KEYS.legacyEntries, manifestEntrySchema)) {
    const known = posts.get(e.campaignId);
    if (!known || known.version < e.version) posts.set(e.campaignId, e);
  }
  const slugs: Record<string, string> = {};
  for (const c of await readLegacy<SlugClaim>(store, SITE_KEYS.legacySlugs, claimSchema)) slugs[c.campaignId] = c.slug;
  for (const p of posts.values()) slugs[p.campaignId] = p.slug;
  return { schemaVersion: 2, posts: [...posts.values()].sort((a, b) => a.campaignId.localeCompare(b.campaignId)), slugs };
}

/** Reads the site manifest (an empty one when none exists yet). Throws a non-retryable failure when it is corrupt. */
export async function readManifest(store: ObjectStore): Promise<SiteManifest> {
  const doc = await readJsonDocument(store, SITE_KEYS.manifest, parseStoredManifest).catch(corrupt);
  return upgrade(store, doc?.value);
}

/** Applies `change` to the manifest by compare-and-swap (see the module comment); returns the manifest written. */
async function changeManifest(store: ObjectStore, change: (m: SiteManifest) => SiteManifest | undefined): Promise<SiteManifest> {
  let result: SiteManifest | undefined;
  await updateJsonDocument(
    store,
    SITE_KEYS.manifest,
    parseStoredManifest,
    async (stored) => {
      const current = await upgrade(store, stored);
      const next = change(current);
      result = next ?? current;
      // An upgraded manifest is written even when nothing else changes, so it is read once.
      return next ?? (stored?.schemaVersion === 2 ? undefined : current);
    },
    { cacheControl: 'no-cache' },
  ).catch(corrupt);
  return result!;
}

/**
 * The slug a campaign publishes under, claimed in the manifest before anything is written at
 * that address. A retry finds its own claim; a campaign claiming the same title at the same
 * instant loses the compare-and-swap, re-reads, and takes the next free slug.
 */
async function claimSlug(store: ObjectStore, campaignId: string, headline: string): Promise<string> {
  const manifest = await changeManifest(store, (m) => {
    if (m.slugs[campaignId]) return undefined;
    const taken = new Set(Object.entries(m.slugs).filter(([id]) => id !== campaignId).map(([, slug]) => slug));
    return { ...m, slugs: { ...m.slugs, [campaignId]: uniqueSlug(slugify(headline), taken) } };
  });
  return manifest.slugs[campaignId]!;
}

/**
 * The address a campaign's post will have, before it is published: its slug is claimed now (the
 * same claim publishPost makes, and then finds), so the post comes out at exactly this address.
 * For a channel due before the post (the social pack) that links to it.
 */
export async function reservePostUrl(store: ObjectStore, publicBaseUrl: string, campaignId: string, brief: ContentBrief): Promise<{ url: string; published: boolean }> {
  const baseUrl = `${publicBaseUrl.replace(/\/+$/, '')}/site`;
  const existing = (await readManifest(store)).posts.find((p) => p.campaignId === campaignId);
  return { url: postUrl(baseUrl, existing?.slug ?? (await claimSlug(store, campaignId, cleanBrief(brief).headline))), published: Boolean(existing) };
}

/** Writes a post's page unless the page already holds a newer version of the campaign (compare-and-swap on the page). */
async function putPostUnlessNewer(store: ObjectStore, key: string, html: string, input: { campaignId: string; version: number }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.head(key);
    if (current && current.metadata.campaign === input.campaignId && Number(current.metadata.version) > input.version) return;
    try {
      await store.put(key, html, {
        contentType: 'text/html; charset=utf-8',
        cacheControl: 'no-cache',
        metadata: { campaign: input.campaignId, version: String(input.version) },
        ...(current ? { ifMatch: current.etag } : { ifNoneMatch: '*' as const }),
      });
      return;
    } catch (err) {
      if (!(err instanceof PreconditionFailedError) || attempt >= 10) throw err;
    }
  }
}

function inputFailure(err: unknown): never {
  if (err instanceof ContentInputError) throw ApplicationFailure.nonRetryable(err.message, 'ContentInputError', err.problems);
  throw err;
}

/** Default alt text: the headline and every figure, so a screen-reader user gets what the picture says. */
export function infographicAlt(brief: ContentBrief): string {
  const figures = brief.figures.map(figureView).map((f) => `${f.value} ${f.label}`).join('; ');
  return summarize(`Đồ họa thông tin: ${brief.headline}${figures ? `. ${figures}` : ''}.`, 1_000);
}

/** Default caption: "Đồ họa: UBND phường Bắc Kạn — Ngày Nhà giáo Việt Nam 20/11". */
export function infographicCaption(brief: ContentBrief): string {
  return `Đồ họa: ${brief.issuerShort} — ${occasionLabel(brief)}`;
}

/** Loads an infographic from the store and works out everything the `<figure>` needs. */
async function loadInfographic(store: ObjectStore, ref: InfographicRef, brief: ContentBrief) {
  const problems = new ProblemCollector();
  if (typeof ref.key !== 'string' || ref.key === '' || ref.key.length > 1_024) problems.add('infographic.key', 'Thiếu khóa của đồ họa trong kho.');
  problems.throwIfAny();
  const obj = await store.get(ref.key);
  if (!obj) throw new ContentInputError([{ path: 'infographic.key', message: `Không tìm thấy đồ họa "${ref.key}" trong kho.` }]);
  const info = imageInfo(obj.contentType, obj.body);
  if (!info) throw new ContentInputError([{ path: 'infographic.key', message: `Đồ họa "${ref.key}" không phải ảnh PNG, JPEG, WebP hoặc SVG.` }]);
  const meta = (k: string) => (obj.metadata[k] !== undefined && /^\d+$/.test(obj.metadata[k]!) ? Number(obj.metadata[k]) : undefined);
  const width = ref.width ?? meta('width') ?? info.width;
  const height = ref.height ?? meta('height') ?? info.height;
  if (!width || !height) throw new ContentInputError([{ path: 'infographic.key', message: `Không xác định được kích thước của đồ họa "${ref.key}".` }]);
  return {
    body: obj.body,
    contentType: info.contentType,
    ext: info.ext,
    alt: ref.alt ?? obj.metadata.alt ?? infographicAlt(brief),
    caption: ref.caption ?? infographicCaption(brief),
    width,
    height,
  };
}

const refOf = (input: { infographic?: InfographicRef; infographicKey?: string }): InfographicRef | undefined =>
  input.infographic ?? (input.infographicKey !== undefined ? { key: input.infographicKey } : undefined);

/** Site activities, built from the object store and endpoints (publicBaseUrl). */
export function createSiteActivities({ store, endpoints }: { store: ObjectStore; endpoints: Pick<Endpoints, 'publicBaseUrl'> }, options: { title?: string; description?: string } = {}) {
  const site: SiteInfo = {
    title: options.title ?? DEFAULT_SITE.title,
    description: options.description ?? DEFAULT_SITE.description,
    baseUrl: `${endpoints.publicBaseUrl.replace(/\/+$/, '')}/site`,
  };

  /**
   * Rewrites the index and feed from the manifest, again while the manifest changed meanwhile
   * (another campaign published), so whoever writes them last lists every post.
   */
  async function regenerate(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      heartbeat({ indexRound: round });
      const before = await store.head(SITE_KEYS.manifest);
      const posts = (await readManifest(store)).posts;
      await store.put(SITE_KEYS.index, renderSiteIndex(posts, site), { contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' });
      await store.put(SITE_KEYS.feed, renderFeed(posts, site), { contentType: 'application/rss+xml; charset=utf-8', cacheControl: 'no-cache' });
      const after = await store.head(SITE_KEYS.manifest);
      if (after?.etag === before?.etag) return;
    }
    throw new Error('the site manifest kept changing while the index was rebuilt; trying again');
  }

  return {
    /**
     * Publishes (or revises) a campaign's post on the site and regenerates the index and feed.
     * Input problems fail the activity without retry (ContentInputError, Vietnamese message).
     */
    async publishPost(input: PublishPostInput): Promise<PublishPostResult> {
      try {
        const problems = new ProblemCollector();
        if (!isSafeId(input.campaignId)) problems.add('campaignId', 'Mã chiến dịch chỉ được gồm chữ, số, "-", "_" và dấu chấm ở giữa (tối đa 200 ký tự).');
        if (!Number.isInteger(input.version) || input.version < 1) problems.add('version', 'Phiên bản phải là số nguyên dương.');
        if (!parseInstant(input.publishedAt)) problems.add('publishedAt', 'Thời điểm đăng phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-11-20T08:00:00+07:00.');
        problems.throwIfAny();
        const brief = cleanBrief(input.brief);

        const existing = (await readManifest(store)).posts.find((p) => p.campaignId === input.campaignId);
        if (existing && existing.version > input.version) {
          // A retried or re-run older version must not roll the site back.
          return { slug: existing.slug, url: postUrl(site.baseUrl, existing.slug), key: SITE_KEYS.post(existing.slug), version: existing.version };
        }
        // The infographic is checked before a slug is claimed, so bad input leaves nothing behind.
        const ref = refOf(input);
        const g = ref ? await loadInfographic(store, ref, brief) : undefined;
        const slug = existing?.slug ?? (await claimSlug(store, input.campaignId, brief.headline));
        const publishedAt = existing?.publishedAt ?? input.publishedAt;
        const updatedAt = existing && existing.version < input.version ? input.publishedAt : existing?.updatedAt;

        // 1. Media and post.
        let image: PostImage | undefined;
        let mediaKey: string | undefined;
        if (g) {
          const file = `${slug}.${g.ext}`;
          mediaKey = SITE_KEYS.media(file);
          await store.put(mediaKey, g.body, { contentType: g.contentType, cacheControl: 'public, max-age=300' });
          image = { src: `../../media/${file}`, alt: g.alt, caption: g.caption, width: g.width, height: g.height };
        }
        const { html } = renderPost({ brief, slug, publishedAt, updatedAt, infographic: image, faq: input.faq, siteTitle: site.title, siteDescription: site.description, siteBaseUrl: site.baseUrl });
        const validation = await validatePost(html);
        if (!validation.valid) {
          throw ApplicationFailure.nonRetryable(`rendered post "${slug}" is not valid HTML:\n${validation.errors.join('\n')}`, 'InvalidPostHtml');
        }
        const key = SITE_KEYS.post(slug);
        await putPostUnlessNewer(store, key, html, input);

        // 2. This campaign's entry in the manifest, unless a newer version got there first.
        heartbeat('manifest');
        const entry: ManifestEntry = {
          slug,
          campaignId: input.campaignId,
          version: input.version,
          title: brief.headline,
          summary: summarize(sapoOf(brief).sapo),
          publishedAt,
          ...(updatedAt ? { updatedAt } : {}),
          issuerShort: brief.issuerShort,
          tags: brief.tags,
          ...(mediaKey ? { mediaKey } : {}),
        };
        const manifest = await changeManifest(store, (m) => {
          const live = m.posts.find((p) => p.campaignId === input.campaignId);
          if (live && (live.version > input.version || JSON.stringify(live) === JSON.stringify(entry))) return undefined;
          const posts = [...m.posts.filter((p) => p.campaignId !== input.campaignId), entry].sort((a, b) => a.campaignId.localeCompare(b.campaignId));
          return { ...m, posts, slugs: { ...m.slugs, [input.campaignId]: slug } };
        });
        const live = manifest.posts.find((p) => p.campaignId === input.campaignId)!;

        // 3. Index and feed, derived from the manifest.
        heartbeat('index');
        await regenerate();
        if (live.version > input.version) return { slug: live.slug, url: postUrl(site.baseUrl, live.slug), key: SITE_KEYS.post(live.slug), version: live.version };
        return { slug, url: postUrl(site.baseUrl, slug), key, version: input.version };
      } catch (err) {
        return inputFailure(err);
      }
    },

    /**
     * Renders a draft post under the campaign's prefix — `campaigns/<campaignId>/v<version>/post/`
     * when a campaignId is given, else `campaigns/<planId>/<occasionId>/<taskId | plan>/v<version>/post/`
     * — as `index.html`, with the
     * infographic copied beside it, and returns the validator's verdict for the editor.
     */
    async renderPostDraft(input: RenderPostDraftInput): Promise<RenderPostDraftResult> {
      try {
        const brief = cleanBrief(input.brief);
        const problems = new ProblemCollector();
        if (input.campaignId !== undefined) {
          if (!isSafeId(input.campaignId)) problems.add('campaignId', 'Mã chiến dịch chỉ được gồm chữ, số, "-", "_" và dấu chấm ở giữa (tối đa 200 ký tự).');
        } else {
          for (const [path, id] of [['brief.planId', brief.planId], ['brief.occasionId', brief.occasionId], ['brief.taskId', brief.taskId ?? 'plan']] as const) {
            if (!isSafeSlug(id)) problems.add(path, 'Mã dùng trong đường dẫn lưu trữ chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang.');
          }
        }
        if (!Number.isInteger(input.version) || input.version < 1) problems.add('version', 'Phiên bản phải là số nguyên dương.');
        const publishedAt = input.publishedAt ?? `${brief.occasionDate}T08:00:00+07:00`;
        problems.throwIfAny();

        const prefix =
          input.campaignId !== undefined
            ? `campaigns/${input.campaignId}/v${input.version}/post/`
            : `campaigns/${brief.planId}/${brief.occasionId}/${brief.taskId ?? 'plan'}/v${input.version}/post/`;
        const ref = refOf(input);
        let image: PostImage | undefined;
        if (ref) {
          const g = await loadInfographic(store, ref, brief);
          const file = `infographic.${g.ext}`;
          await store.put(`${prefix}${file}`, g.body, { contentType: g.contentType });
          image = { src: file, alt: g.alt, caption: g.caption, width: g.width, height: g.height };
        }
        const slug = slugify(brief.headline);
        const { html, wordCount } = renderPost({ brief, slug, publishedAt, infographic: image, faq: input.faq, siteTitle: site.title, siteDescription: site.description, siteBaseUrl: site.baseUrl });
        const validation = await validatePost(html);
        const key = `${prefix}index.html`;
        await store.put(key, html, { contentType: 'text/html; charset=utf-8', metadata: { version: String(input.version), valid: String(validation.valid) } });
        return { key, wordCount, validation };
      } catch (err) {
        return inputFailure(err);
      }
    },
  };
}

export type SiteActivities = ReturnType<typeof createSiteActivities>;
