/**
 * Temporal activity that renders infographics for a brief and stores them in object storage
 * under deterministic keys. Only keys and small summaries go back through Temporal.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ContentBrief } from '../../domain/brief.js';
import type { ObjectStore } from '../../infra/object-store.js';
import { TextTooLongError } from '../../render/layout.js';
import { MissingFieldError, renderInfographic, renderInfographicSvg } from './render/render.js';
import { renderProblemText } from './render/labels.js';
import { getTemplate, TEMPLATE_NAMES, UnknownTemplateError } from './render/templates.js';

export interface RenderInfographicInput {
  brief: ContentBrief;
  /** Template names; default every registered template. */
  templates?: string[];
  /** Draft version, part of the key (default 1). */
  version?: number;
  /** Store under this prefix instead of the plan/occasion/task one (a campaign keeps its drafts under its own id). */
  keyPrefix?: string;
}

/** One stored file. */
export interface StoredInfographicFile {
  key: string;
  bytes: number;
  contentType: string;
  /** False when an identical object (same key and content hash) was already there. */
  written: boolean;
}

/** What one template produced. */
export interface InfographicSummary {
  template: string;
  width: number;
  height: number;
  contentHash: string;
  truncated: string[];
  png: StoredInfographicFile;
  webp: StoredInfographicFile;
}

export interface RenderInfographicResult {
  planId: string;
  occasionId: string;
  taskId?: string;
  version: number;
  outputs: InfographicSummary[];
}

/** Metadata values must be ASCII: keep slugs as they are, URI-encode anything else. */
function asciiMeta(value: string): string {
  return /^[\x20-\x7E]*$/.test(value) ? value : encodeURIComponent(value);
}

/** Key path segment: ids are slugs, but never let one add a path level or be empty. */
function segment(id: string | undefined, fallback: string): string {
  const s = (id ?? '').trim();
  return s ? encodeURIComponent(s) : fallback;
}

/** Prefix of every infographic object of a brief and version. */
export function infographicPrefix(brief: ContentBrief, version: number): string {
  return [
    'campaigns',
    segment(brief.planId, 'plan'),
    segment(brief.occasionId, 'occasion'),
    segment(brief.taskId, 'plan'),
    `v${version}`,
    'infographic',
  ].join('/');
}

/** Creates the activities with their dependencies. */
export function createInfographicActivities(deps: { store: ObjectStore }) {
  const { store } = deps;

  async function unchanged(key: string, contentHash: string) {
    const existing = await store.head(key);
    return existing && existing.metadata['content-hash'] === contentHash ? existing : undefined;
  }

  async function put(key: string, body: Buffer, contentType: string, metadata: Record<string, string>) {
    await store.put(key, body, { contentType, metadata, cacheControl: 'public, max-age=31536000, immutable' });
    return { key, bytes: body.length, contentType, written: true };
  }

  async function renderOne(brief: ContentBrief, name: string, prefix: string): Promise<InfographicSummary> {
    const t = getTemplate(name);
    // Layout alone is cheap and yields the content hash: skip rasterising when both files exist.
    const { contentHash, truncated } = renderInfographicSvg(brief, name);
    const keys = { png: `${prefix}/${t.name}.png`, webp: `${prefix}/${t.name}.webp` };
    const [oldPng, oldWebp] = await Promise.all([unchanged(keys.png, contentHash), unchanged(keys.webp, contentHash)]);
    const base = { template: t.name, width: t.pixelWidth, height: t.pixelHeight, contentHash, truncated };
    if (oldPng && oldWebp) {
      return {
        ...base,
        png: { key: keys.png, bytes: oldPng.size, contentType: 'image/png', written: false },
        webp: { key: keys.webp, bytes: oldWebp.size, contentType: 'image/webp', written: false },
      };
    }
    const r = await renderInfographic(brief, name);
    const metadata = {
      plan: asciiMeta(brief.planId),
      task: asciiMeta(brief.taskId ?? 'plan'),
      occasion: asciiMeta(brief.occasionId),
      template: asciiMeta(r.template),
      'content-hash': r.contentHash,
    };
    return {
      ...base,
      width: r.width,
      height: r.height,
      png: oldPng
        ? { key: keys.png, bytes: oldPng.size, contentType: 'image/png', written: false }
        : await put(keys.png, r.png, 'image/png', metadata),
      webp: oldWebp
        ? { key: keys.webp, bytes: oldWebp.size, contentType: 'image/webp', written: false }
        : await put(keys.webp, r.webp, 'image/webp', metadata),
    };
  }

  return {
    /**
     * Renders each requested template to PNG and WebP and stores them at
     * `campaigns/<plan>/<occasion>/<task|plan>/v<version>/infographic/<template>.<ext>`.
     * Idempotent: an object whose `content-hash` metadata matches is not written (nor rendered)
     * again. Text that cannot fit, an empty headline or an unknown template fail with a
     * non-retryable `ApplicationFailure` whose type is the error name and whose message is
     * the Vietnamese message for the editor.
     */
    async renderInfographicActivity(input: RenderInfographicInput): Promise<RenderInfographicResult> {
      const { brief } = input;
      const version = input.version ?? 1;
      const templates = input.templates && input.templates.length > 0 ? input.templates : [...TEMPLATE_NAMES];
      const prefix = input.keyPrefix ?? infographicPrefix(brief, version);
      const outputs: InfographicSummary[] = [];
      for (const name of templates) {
        try {
          outputs.push(await renderOne(brief, name, prefix));
        } catch (e) {
          // Content problems are permanent: retrying cannot make a headline shorter.
          if (e instanceof TextTooLongError || e instanceof MissingFieldError || e instanceof UnknownTemplateError) {
            throw ApplicationFailure.nonRetryable(e instanceof UnknownTemplateError ? e.message : renderProblemText(e), e.name, {
              template: name,
              field: 'field' in e ? e.field : undefined,
            });
          }
          throw e;
        }
      }
      return { planId: brief.planId, occasionId: brief.occasionId, taskId: brief.taskId, version, outputs };
    },
  };
}
