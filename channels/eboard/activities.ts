/**
 * E-board drafting and publishing. The image is the infographic channel's landscape template
 * (1920×1080, drafted with every campaign); publishing copies it beside the unit's playlist
 * and adds the campaign to it (compare-and-swap: several campaigns publish at once).
 */
import type { ActivityDeps } from '../../activities/deps.js';
import { keys } from '../../activities/campaign/keys.js';
import { readJson } from '../../activities/campaign/store-json.js';
import type { ContentBrief } from '../../domain/brief.js';
import type { CampaignInput, DraftSummary } from '../../domain/campaign/types.js';
import { slugify } from '../../domain/slug.js';
import { updateJsonDocument } from '../../infra/json-document.js';
import type { ChannelDraftInput, ChannelPublishInput, ChannelPublishResult } from '../types.js';
import { eboardKeys, type EBoardPlaylist } from './playlist.js';
import { eboardPreviewHtml, EBOARD_PREVIEW_IMAGE } from './preview.js';

/** The unit whose e-board shows a campaign: the owner recorded at start, else the issuer's area. */
export function eboardUnit(campaign: Pick<CampaignInput, 'mediaListUnit' | 'units'>, brief: Pick<ContentBrief, 'issuerShort'>): string {
  return campaign.mediaListUnit ?? slugify(brief.issuerShort);
}

export function createEBoardActivities({ store, endpoints }: ActivityDeps) {
  const imageKey = (id: string, v: number) => keys.infographic(id, v, 'eboard', 'png');
  return {
    async draft(input: ChannelDraftInput): Promise<DraftSummary> {
      const brief = await readJson<ContentBrief>(store, input.briefKey);
      const campaign = await readJson<CampaignInput>(store, keys.input(input.campaignId));
      const image = await store.get(imageKey(input.campaignId, input.version));
      const has = image !== undefined;
      const unit = eboardUnit(campaign, brief);
      const page = `${endpoints.publicBaseUrl}/site/bang-tin/${unit}/`;
      // The preview (approval page, dashboard): the screen image as the display shows it.
      const folder = `${keys.version(input.campaignId, input.version)}eboard/`;
      if (image) await store.put(`${folder}${EBOARD_PREVIEW_IMAGE}`, image.body, { contentType: image.contentType ?? 'image/png' });
      await store.put(`${folder}preview.html`, eboardPreviewHtml(brief, page, has), { contentType: 'text/html; charset=utf-8' });
      return {
        channel: 'eBoard',
        keys: has ? [imageKey(input.campaignId, input.version)] : [],
        summary: `ảnh 1920×1080 trình chiếu trên bảng tin điện tử của ${brief.issuerShort} (${page})`,
        problems: has ? [] : ['Chưa có ảnh trình chiếu bảng tin điện tử (mẫu ngang 1920×1080) của phiên bản này.'],
      };
    },

    async publish(input: ChannelPublishInput): Promise<ChannelPublishResult> {
      const id = input.campaignId;
      const brief = await readJson<ContentBrief>(store, keys.brief(id, input.version));
      const campaign = await readJson<CampaignInput>(store, keys.input(id));
      const unit = eboardUnit(campaign, brief);
      const image = await store.get(imageKey(id, input.version));
      if (!image) return { detail: 'chưa có ảnh trình chiếu của phiên bản này', keys: [] };
      const file = `${id}-v${input.version}.png`;
      await store.put(eboardKeys.image(unit, file), image.body, { contentType: 'image/png', cacheControl: 'public, max-age=3600' });
      await updateJsonDocument(store, eboardKeys.playlist(unit), (j) => j as EBoardPlaylist, (current) => {
        const items = (current?.items ?? []).filter((i) => i.campaignId !== id);
        items.push({ campaignId: id, title: brief.headline, occasionDate: brief.occasionDate, publishedAt: input.publishedAt, image: file });
        items.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
        return { unit, unitName: brief.issuer, items };
      });
      const page = `${endpoints.publicBaseUrl}/site/bang-tin/${unit}/`;
      return { detail: `ảnh đã lên bảng tin điện tử: ${page}`, keys: [eboardKeys.image(unit, file), eboardKeys.playlist(unit)] };
    },
  };
}
