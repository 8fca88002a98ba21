/**
 * Drafts of a campaign version: infographics (every template, PNG and WebP) and loudspeaker
 * scripts in batches of localities. Keys are deterministic per campaign, version and item,
 * so a retried activity rewrites the same objects.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ContentBrief } from '../../domain/brief.js';
import type { DraftSummary } from '../../domain/campaign/types.js';
import type { Locality } from '../../domain/localities.js';
import { templateTitle, truncationNote } from '../../render/infographic/labels.js';
import { renderLoudspeakerScript } from '../../render/script/index.js';
import type { ActivityDeps } from '../deps.js';
import { heartbeat } from '../heartbeat.js';
import { createInfographicActivities } from '../infographic.js';
import { keys } from './keys.js';
import { readJson, writeJson } from './store-json.js';

/** Templates drafted for every campaign; `social` comes first (thumbnails, post figure). */
export const CAMPAIGN_TEMPLATES = ['social', 'poster', 'eboard', 'targets'] as const;

export interface ScriptsBatchResult {
  count: number;
  seconds: number;
  sampleKeys: string[];
  problems: string[];
}

/** The slot a campaign bulletin goes in: the locality's earliest slot. */
export function campaignSlot(locality: Locality) {
  return [...locality.slots].sort((a, b) => a.start.localeCompare(b.start))[0]!;
}

export function createDraftActivities({ store }: ActivityDeps) {
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

    async draftScriptsBatch(input: { campaignId: string; version: number; briefKey: string; batch: number; batchSize: number }): Promise<ScriptsBatchResult> {
      const brief = await readJson<ContentBrief>(store, input.briefKey);
      const all = await readJson<Locality[]>(store, keys.localities(input.campaignId));
      const mine = all.slice(input.batch * input.batchSize, (input.batch + 1) * input.batchSize);
      const result: ScriptsBatchResult = { count: 0, seconds: 0, sampleKeys: [], problems: [] };
      for (const [i, locality] of mine.entries()) {
        heartbeat({ done: i, total: mine.length });
        try {
          const script = renderLoudspeakerScript({ brief, locality, slot: campaignSlot(locality), ...(brief.priority ? { priority: brief.priority } : {}) });
          const key = keys.script(input.campaignId, input.version, locality.id);
          await store.put(key, script.text, { contentType: 'text/plain; charset=utf-8', metadata: { locality: locality.id, campaign: input.campaignId } });
          await writeJson(store, keys.scriptSidecar(input.campaignId, input.version, locality.id), script.sidecar);
          result.count += 1;
          result.seconds += script.sidecar.durationSeconds;
          if (result.sampleKeys.length < 1) result.sampleKeys.push(key);
        } catch (err) {
          result.problems.push(`${locality.name}: ${(err as Error).message}`);
        }
      }
      return result;
    },
  };
}
