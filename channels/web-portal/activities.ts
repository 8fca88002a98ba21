/**
 * The web portal channel's activities: thin wrappers that read the version's brief from the
 * object store, then call the site activities (which own rendering, validation and the site).
 */
import type { ContentBrief } from '../../domain/brief.js';
import type { DraftSummary } from '../../domain/campaign/types.js';
import type { ActivityDeps } from '../../activities/deps.js';
import { createSiteActivities } from './site.js';
import { campaignQaSet, qaSitePath } from '../qa-set/activities.js';
import { keys } from '../../activities/campaign/keys.js';
import { readJson } from '../../activities/campaign/store-json.js';

export function createWebPortalActivities(deps: ActivityDeps) {
  const { store, endpoints } = deps;
  const site = createSiteActivities(deps);
  const infographicKey = (id: string, v: number) => keys.infographic(id, v, 'social', 'png');

  return {
    async draftPost(input: { campaignId: string; version: number; briefKey: string; infographicKey?: string }): Promise<DraftSummary> {
      const brief = await readJson<ContentBrief>(store, input.briefKey);
      const qa = await campaignQaSet(store, input.campaignId, input.version, brief);
      const r = await site.renderPostDraft({ brief, campaignId: input.campaignId, version: input.version, infographicKey: input.infographicKey, ...(qa ? { faq: { items: qa } } : {}) });
      return {
        channel: 'webPortal',
        keys: [r.key],
        summary: `bài ${r.wordCount} từ, ${r.validation.valid ? 'HTML hợp lệ' : 'HTML CHƯA hợp lệ'}`,
        problems: r.validation.errors,
      };
    },

    async publishCampaignPost(input: { campaignId: string; version: number; publishedAt: string }): Promise<{ url: string; slug: string }> {
      const brief = await readJson<ContentBrief>(store, keys.brief(input.campaignId, input.version));
      const hasImage = await store.head(infographicKey(input.campaignId, input.version));
      const qa = await campaignQaSet(store, input.campaignId, input.version, brief);
      const r = await site.publishPost({
        ...(qa ? { faq: { items: qa, docxUrl: `${endpoints.publicBaseUrl.replace(/\/+$/, '')}/site/${qaSitePath(input.campaignId)}` } } : {}),
        campaignId: input.campaignId,
        version: input.version,
        brief,
        infographicKey: hasImage ? infographicKey(input.campaignId, input.version) : undefined,
        publishedAt: input.publishedAt,
      });
      return { url: r.url, slug: r.slug };
    },
  };
}
