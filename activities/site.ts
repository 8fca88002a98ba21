/**
 * Web posts: drafts kept beside a campaign's other artifacts, and publishing into the static
 * site held in object storage under `site/` (posts, media, manifest, index page, RSS feed).
 *
 * Publishing is idempotent: a campaign keeps one slug for all its versions (a new version
 * revises the post at the same address; an older version never overwrites a newer one).
 * Writes go post + media first, then the manifest, then index + feed, so a failure at any
 * point leaves the index pointing only at posts that exist.
 *
 * Concurrent publishing is safe without compare-and-swap (which s3rver lacks): each campaign
 * writes only its own objects — a slug claim `site/slugs/<campaign>.json` and an entry
 * `site/entries/<campaign>.json` — and the manifest, index and feed are derived from all
 * entries. A slug is claimed before anything is written at its address and checked again after
 * the claim; when another campaign claimed the same slug meanwhile, the campaign moves to a slug
 * suffixed with its own id, which nobody else can take. The derived files are rebuilt until the
 * entries read back unchanged, so the last writer always includes every published post.
 */
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import type { ContentBrief } from '../domain/brief.js';
import { isSafeId, isSafeSlug, ownedSlug, slugify, uniqueSlug } from '../domain/slug.js';
import type { Endpoints } from '../infra/config.js';
import type { ObjectStore } from '../infra/object-store.js';
import {
  ContentInputError,
  DEFAULT_SITE,
  ProblemCollector,
  cleanBrief,
  dayMonth,
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
  type PostImage,
  type SiteInfo,
  type ValidationResult,
} from '../render/post/index.js';

/** Where the site lives in the bucket. The web server serves this prefix at `/site/`. */
export const SITE_KEYS = {
  prefix: 'site/',
  manifest: 'site/manifest.json',
  entries: 'site/entries/',
  entry: (campaignId: string) => `site/entries/${campaignId}.json`,
  slugs: 'site/slugs/',
  slugClaim: (campaignId: string) => `site/slugs/${campaignId}.json`,
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
const manifestSchema = z.object({ schemaVersion: z.literal(1), posts: z.array(manifestEntrySchema) });

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type SiteManifest = z.infer<typeof manifestSchema>;

/**
 * Reads and checks one JSON object; undefined when it does not exist. A store without atomic
 * writes (s3rver writes into the file in place) can show an object half-written while another
 * publish rewrites it, so a body that does not parse is read again a few times before it
 * counts as corrupt — then the failure is non-retryable and names the key.
 */
async function readJsonObject<T>(store: ObjectStore, key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  let problem = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 40 * attempt));
    const obj = await store.get(key);
    if (!obj) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(obj.body.toString('utf8'));
    } catch {
      problem = `${key} is not valid JSON; fix or remove it before publishing`;
      continue;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    problem = `${key} does not match its schema: ${parsed.error.message}`;
  }
  throw ApplicationFailure.nonRetryable(problem, 'SiteManifestCorrupt');
}

/** Reads the site manifest (an empty one when none exists yet). Throws a non-retryable failure when it is corrupt. */
export async function readManifest(store: ObjectStore): Promise<SiteManifest> {
  return (await readJsonObject(store, SITE_KEYS.manifest, manifestSchema)) ?? { schemaVersion: 1, posts: [] };
}

const claimSchema = z.object({ campaignId: z.string(), slug: z.string().refine(isSafeSlug) });
type SlugClaim = z.infer<typeof claimSchema>;

/** Reads every JSON object under `prefix` with `schema`; a corrupt one fails without retry, naming its key. */
async function readAll<T>(store: ObjectStore, prefix: string, schema: z.ZodType<T>): Promise<T[]> {
  const keys = (await store.list(prefix)).filter((k) => k.endsWith('.json'));
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += 16) {
    const batch = await Promise.all(keys.slice(i, i + 16).map((key) => readJsonObject(store, key, schema)));
    // An object removed between list and get is skipped.
    for (const item of batch) if (item !== undefined) out.push(item);
  }
  return out;
}

/**
 * Every published post, one entry per campaign. Posts published before entries existed live only
 * in the manifest; they are carried over into entries the first time this runs.
 */
export async function readEntries(store: ObjectStore): Promise<ManifestEntry[]> {
  const entries = await readAll(store, SITE_KEYS.entries, manifestEntrySchema);
  for (const post of (await readManifest(store)).posts) {
    if (entries.some((e) => e.campaignId === post.campaignId) || !isSafeId(post.campaignId)) continue;
    await store.put(SITE_KEYS.entry(post.campaignId), JSON.stringify(post, null, 2), { contentType: 'application/json; charset=utf-8' });
    entries.push(post);
  }
  return entries.sort((a, b) => a.campaignId.localeCompare(b.campaignId));
}

/**
 * The slug a campaign publishes under, claimed before anything is written at that address. A
 * retry finds its own claim. See the module comment for why this is safe when two campaigns
 * publish at the same instant.
 */
async function claimSlug(store: ObjectStore, campaignId: string, headline: string, entries: ManifestEntry[]): Promise<string> {
  const othersSlugs = (claims: SlugClaim[]) =>
    new Set([...claims.filter((c) => c.campaignId !== campaignId).map((c) => c.slug), ...entries.filter((e) => e.campaignId !== campaignId).map((e) => e.slug)]);
  const write = (slug: string) => store.put(SITE_KEYS.slugClaim(campaignId), JSON.stringify({ campaignId, slug }), { contentType: 'application/json; charset=utf-8' });
  const before = await readAll(store, SITE_KEYS.slugs, claimSchema);
  let slug = before.find((c) => c.campaignId === campaignId)?.slug ?? uniqueSlug(slugify(headline), othersSlugs(before));
  await write(slug);
  // Whoever claimed the same slug between our read and our write: both sides see it here, and
  // each moves to its own suffixed slug (or one already moved and the other keeps the plain one).
  if (othersSlugs(await readAll(store, SITE_KEYS.slugs, claimSchema)).has(slug)) {
    slug = ownedSlug(slugify(headline), campaignId);
    await write(slug);
  }
  return slug;
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
  const when = dayMonth(brief.occasionDate);
  const occasion = brief.occasionName.includes(when) ? brief.occasionName : `${brief.occasionName} ${when}`;
  return `Đồ họa: ${brief.issuerShort} — ${occasion}`;
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
   * Rebuilds the manifest, index and feed from the entries, again while the entries read back
   * differently afterwards (another campaign published meanwhile), so the last one written
   * lists every post.
   */
  async function regenerate(): Promise<void> {
    const fingerprint = (entries: ManifestEntry[]) => JSON.stringify(entries);
    let entries = await readEntries(store);
    for (let round = 0; round < 10; round++) {
      const manifest: SiteManifest = { schemaVersion: 1, posts: entries };
      await store.put(SITE_KEYS.manifest, JSON.stringify(manifest, null, 2), { contentType: 'application/json; charset=utf-8', cacheControl: 'no-cache' });
      await store.put(SITE_KEYS.index, renderSiteIndex(entries, site), { contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' });
      await store.put(SITE_KEYS.feed, renderFeed(entries, site), { contentType: 'application/rss+xml; charset=utf-8', cacheControl: 'no-cache' });
      const after = await readEntries(store);
      if (fingerprint(after) === fingerprint(entries)) return;
      entries = after;
    }
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

        const entries = await readEntries(store);
        const existing = entries.find((p) => p.campaignId === input.campaignId);
        if (existing && existing.version > input.version) {
          // A retried or re-run older version must not roll the site back.
          return { slug: existing.slug, url: postUrl(site.baseUrl, existing.slug), key: SITE_KEYS.post(existing.slug), version: existing.version };
        }
        // The infographic is checked before a slug is claimed, so bad input leaves nothing behind.
        const ref = refOf(input);
        const g = ref ? await loadInfographic(store, ref, brief) : undefined;
        const slug = existing?.slug ?? (await claimSlug(store, input.campaignId, brief.headline, entries));
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
        const { html } = renderPost({ brief, slug, publishedAt, updatedAt, infographic: image, siteTitle: site.title, siteDescription: site.description, siteBaseUrl: site.baseUrl });
        const validation = await validatePost(html);
        if (!validation.valid) {
          throw ApplicationFailure.nonRetryable(`rendered post "${slug}" is not valid HTML:\n${validation.errors.join('\n')}`, 'InvalidPostHtml');
        }
        const key = SITE_KEYS.post(slug);
        await store.put(key, html, { contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache', metadata: { campaign: input.campaignId, version: String(input.version) } });

        // 2. This campaign's entry (only this campaign writes it).
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
        await store.put(SITE_KEYS.entry(input.campaignId), JSON.stringify(entry, null, 2), { contentType: 'application/json; charset=utf-8' });

        // 3. Manifest, index and feed, derived from every entry.
        await regenerate();
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
        const { html, wordCount } = renderPost({ brief, slug, publishedAt, infographic: image, siteTitle: site.title, siteDescription: site.description, siteBaseUrl: site.baseUrl });
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
