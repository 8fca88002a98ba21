/**
 * The press briefing channel's activities: thin wrappers that read the version's brief and the
 * campaign's snapshot of the media list from the object store, then call the briefing
 * activities (send.ts: rendering, the send ledger).
 */
import type { ContentBrief } from '../../domain/brief.js';
import type { DraftSummary } from '../../domain/campaign/types.js';
import type { MediaList } from '../../domain/media-list.js';
import { renderBriefing } from './render/index.js';
import { createBriefingActivities, unsubscribeUrl } from './send.js';
import type { ActivityDeps } from '../../activities/deps.js';
import { keys } from '../../activities/campaign/keys.js';
import { readJson } from '../../activities/campaign/store-json.js';

/** The lead body's press contact: from the media list, else its owner at the sender's address. */
export function pressContact(media: MediaList, mailFrom: string) {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return media.pressContact ?? { name: media.owner, email: address };
}

export function createPressBriefingActivities(deps: ActivityDeps) {
  const { store, endpoints } = deps;
  const briefing = createBriefingActivities(deps);
  const infographicKey = (id: string, v: number) => keys.infographic(id, v, 'social', 'png');

  return {
    /** A preview of the briefing as the first journalist would get it (nothing is sent). */
    async draftBriefing(input: { campaignId: string; version: number; briefKey: string; infographicKey?: string }): Promise<DraftSummary> {
      const brief = await readJson<ContentBrief>(store, input.briefKey);
      const media = await readJson<MediaList>(store, keys.media(input.campaignId));
      const first = media.journalists[0]!;
      const image = input.infographicKey ? await store.get(input.infographicKey) : undefined;
      const rendered = renderBriefing({
        brief,
        recipient: first,
        pressContact: pressContact(media, endpoints.mailFrom),
        unsubscribeUrl: unsubscribeUrl(endpoints.publicBaseUrl, first.email, endpoints.approvalSecret),
        // The preview page shows the image from its data, not from a cid.
        infographic: image ? { filename: 'infographic.png', content: image.body, cid: 'infographic@preview' } : undefined,
      });
      const html = image ? rendered.html.replaceAll('cid:infographic@preview', `data:image/png;base64,${image.body.toString('base64')}`) : rendered.html;
      const key = keys.briefingPreview(input.campaignId, input.version);
      await store.put(key, html, { contentType: 'text/html; charset=utf-8' });
      return { channel: 'pressBriefing', keys: [key], summary: `thư "${rendered.subject}" gửi ${media.journalists.length} phóng viên`, problems: [] };
    },

    async sendCampaignBriefings(input: { campaignId: string; version: number; postUrl?: string; embargoUntil?: string }): Promise<{ summary: string; sent: number; failed: number }> {
      const brief = await readJson<ContentBrief>(store, keys.brief(input.campaignId, input.version));
      const media = await readJson<MediaList>(store, keys.media(input.campaignId));
      const hasImage = await store.head(infographicKey(input.campaignId, input.version));
      const r = await briefing.sendBriefings({
        campaignId: input.campaignId,
        version: input.version,
        brief,
        recipients: media.journalists.map((j) => ({ id: j.id, name: j.name, email: j.email, outlet: j.outlet })),
        pressContact: pressContact(media, endpoints.mailFrom),
        embargoUntil: input.embargoUntil,
        postUrl: input.postUrl,
        infographicKey: hasImage ? infographicKey(input.campaignId, input.version) : undefined,
      });
      const delivered = r.sent.length + r.skippedAlreadySent.length;
      const parts = [`gửi ${delivered}/${media.journalists.length} phóng viên`];
      if (r.skippedUnsubscribed.length) parts.push(`${r.skippedUnsubscribed.length} đã hủy nhận`);
      if (r.failedPermanent.length) parts.push(`${r.failedPermanent.length} lỗi: ${r.failedPermanent.map((f) => `${f.email} (${f.code})`).join(', ')}`);
      return { summary: parts.join('; '), sent: delivered, failed: r.failedPermanent.length };
    },
  };
}
