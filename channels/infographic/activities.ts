/**
 * The infographic channel's activities: drafting every template of a campaign version (PNG and
 * WebP; keys deterministic per campaign, version and template, so a retried activity rewrites
 * the same objects) and publishing the approved images into the public site's media folder.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ContentBrief } from '../../domain/brief.js';
import type { DraftSummary } from '../../domain/campaign/types.js';
import { templateTitle, truncationNote } from './render/labels.js';
import type { ActivityDeps } from '../../activities/deps.js';
import { heartbeat } from '../../activities/heartbeat.js';
import { createInfographicActivities } from './render-activity.js';
import { keys } from '../../activities/campaign/keys.js';
import { readJson } from '../../activities/campaign/store-json.js';

/** Templates drafted for every campaign; `social` comes first (thumbnails, post figure). */
export const CAMPAIGN_TEMPLATES = ['social', 'poster', 'eboard', 'targets'] as const;

export function createInfographicChannelActivities({ store }: ActivityDeps) {
  const infographics = createInfographicActivities({ store });
  return {
    async draftInfographics(input: { campaignId: string; version: number; briefKey: string }): Promise<DraftSummary> {
      const brief = await readJson<ContentBrief>(store, input.briefKey);
      const keyPrefix = `${keys.version(input.campaignId, input.version)}infographic`;
      const keysOut: string[] = [];
      const problems: string[] = [];
      const notes: string[] = [];
      // One template at a time, so a headline too long for one layout is reported for that
      // template while the others are still drafted.
      for (const [i, template] of CAMPAIGN_TEMPLATES.entries()) {
        heartbeat({ done: i, total: CAMPAIGN_TEMPLATES.length });
        try {
          const [out] = (await infographics.renderInfographicActivity({ brief, templates: [template], version: input.version, keyPrefix })).outputs;
          keysOut.push(out!.png.key);
          // Truncation with an ellipsis is allowed where a template says so: a note, not a problem.
          if (out!.truncated.length) notes.push(truncationNote(template, out!.truncated));
        } catch (err) {
          // A content problem's message names the template already (see renderProblemText).
          const named = err instanceof ApplicationFailure && (err.type === 'TextTooLongError' || err.type === 'MissingFieldError');
          problems.push(named ? err.message : `${templateTitle(template)}: ${(err as Error).message}`);
        }
      }
      const summary = `${keysOut.length} mẫu infographic (PNG và WebP)${notes.length ? `; ${notes.join('; ')}` : ''}`;
      return { channel: 'infographic', keys: keysOut, summary, problems };
    },

    /** Copies the approved infographics into the public site's media folder. */
    async publishInfographics(input: { campaignId: string; version: number }): Promise<{ summary: string; keys: string[] }> {
      const prefix = keys.version(input.campaignId, input.version) + 'infographic/';
      const out: string[] = [];
      for (const key of await store.list(prefix)) {
        heartbeat({ done: out.length });
        const obj = await store.get(key);
        if (!obj) continue;
        const file = key.slice(prefix.length);
        const target = `site/media/${input.campaignId}-${file}`;
        await store.put(target, obj.body, { contentType: obj.contentType ?? 'application/octet-stream', cacheControl: 'public, max-age=3600' });
        out.push(target);
      }
      return { summary: `${out.length} tệp ảnh công khai`, keys: out };
    },
  };
}
