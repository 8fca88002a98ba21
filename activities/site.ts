/**
 * Web posts: drafts kept beside a campaign's other artifacts, and publishing into the static
 * site held in object storage under `site/` (posts, media, manifest, index page, RSS feed).
 *
 * Publishing is idempotent: a campaign keeps one slug for all its versions (a new version
 * revises the post at the same address; an older version never overwrites a newer one).
 * Writes go post + media first, then the manifest, then index + feed, so a failure at any
 * point leaves the index pointing only at posts that exist.
 *
 * Known limit: the manifest is read-modify-written without a compare-and-swap (s3rver has no
 * conditional writes). Two publishPost activities running at the same instant could lose one
 * manifest entry (its post stays stored; publishing it again restores the entry). Run site
 * publishing one at a time (e.g. one workflow or a task queue with one slot) to rule this out.
 */
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import type { ContentBrief } from '../domain/brief.js';
import { isSafeId, isSafeSlug, slugify, uniqueSlug } from '../domain/slug.js';
import type { Endpoints } from '../infra/config.js';
import type { ObjectStore } from '../infra/object-store.js';
import {
  ContentInputError,
  DEFAULT_SITE,
  ProblemCollector,
  cleanBrief,
  dayMonth,
  formatFigureValue,
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

/** Reads the site manifest (an empty one when none exists yet). Throws a non-retryable failure when it is corrupt. */
export async function readManifest(store: ObjectStore): Promise<SiteManifest> {
  const obj = await store.get(SITE_KEYS.manifest);
  if (!obj) return { schemaVersion: 1, posts: [] };
  let json: unknown;
  try {
    json = JSON.parse(obj.body.toString('utf8'));
  } catch {
    throw ApplicationFailure.nonRetryable(`${SITE_KEYS.manifest} is not valid JSON; fix or remove it before publishing`, 'SiteManifestCorrupt');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(`${SITE_KEYS.manifest} does not match the manifest schema: ${parsed.error.message}`, 'SiteManifestCorrupt');
  }
  return parsed.data;
}

function inputFailure(err: unknown): never {
  if (err instanceof ContentInputError) throw ApplicationFailure.nonRetryable(err.message, 'ContentInputError', err.problems);
  throw err;
}

/** Default alt text: the headline and every figure, so a screen-reader user gets what the picture says. */
export function infographicAlt(brief: ContentBrief): string {
  const figures = brief.figures.map((f) => `${formatFigureValue(f)} ${f.label}`).join('; ');
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

  async function regenerate(manifest: SiteManifest): Promise<void> {
    await store.put(SITE_KEYS.index, renderSiteIndex(manifest.posts, site), { contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' });
    await store.put(SITE_KEYS.feed, renderFeed(manifest.posts, site), { contentType: 'application/rss+xml; charset=utf-8', cacheControl: 'no-cache' });
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

        const manifest = await readManifest(store);
        const existing = manifest.posts.find((p) => p.campaignId === input.campaignId);
        if (existing && existing.version > input.version) {
          // A retried or re-run older version must not roll the site back.
          return { slug: existing.slug, url: postUrl(site.baseUrl, existing.slug), key: SITE_KEYS.post(existing.slug), version: existing.version };
        }
        const slug = existing?.slug ?? uniqueSlug(slugify(brief.headline), new Set(manifest.posts.map((p) => p.slug)));
        const publishedAt = existing?.publishedAt ?? input.publishedAt;
        const updatedAt = existing && existing.version < input.version ? input.publishedAt : existing?.updatedAt;

        // 1. Media and post.
        const ref = refOf(input);
        let image: PostImage | undefined;
        let mediaKey: string | undefined;
        if (ref) {
          const g = await loadInfographic(store, ref, brief);
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

        // 2. Manifest, re-read just before writing to keep the window for lost updates small.
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
        const latest = await readManifest(store);
        const next: SiteManifest = { schemaVersion: 1, posts: [...latest.posts.filter((p) => p.campaignId !== input.campaignId), entry] };
        await store.put(SITE_KEYS.manifest, JSON.stringify(next, null, 2), { contentType: 'application/json; charset=utf-8', cacheControl: 'no-cache' });

        // 3. Index and feed.
        await regenerate(next);
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
