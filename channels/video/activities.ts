/**
 * Drafting and publishing the short video. The draft speaks the narration with the configured
 * engine, renders both formats from the version's infographics and writes them, the subtitles
 * and a preview under the version's `video/`. Publishing uploads the vertical video to the
 * unit's Fanpage where configured; every platform left (always Zalo OA) gets the social pack's
 * treatment: a pack on the dashboard (copy button, "đã đăng" mark) and an email to the editors
 * with download links.
 */
import type { ActivityDeps } from '../../activities/deps.js';
import { keys } from '../../activities/campaign/keys.js';
import { readJson } from '../../activities/campaign/store-json.js';
import { storeSegmentCache } from '../loudspeaker/station-audio.js';
import type { ContentBrief } from '../../domain/brief.js';
import type { CampaignInput, DraftSummary } from '../../domain/campaign/types.js';
import { speechEngineFor } from '../../render/audio/engine.js';
import { VideoTooLongError, type VideoFormat } from '../../render/video/short-video.js';
import type { ChannelDraftInput, ChannelPublishInput, ChannelPublishResult } from '../types.js';
import { readSocialAccounts } from '../../infra/config.js';
import { facebookVideoPosterFor, type SocialAccounts } from '../social/accounts.js';
import { packLink, postEach, settlePack, type PackPlace, type PublishedPack } from '../social/activities.js';
import { AWAITING_MARK } from '../social/index.js';
import { SocialPlatform, socialText } from '../social/pack.js';
import { VIDEO_FILES, VIDEO_SLIDES, videoFiles } from './files.js';

const PLATFORMS: readonly SocialPlatform[] = [SocialPlatform.facebook, SocialPlatform.zalo];

/** Files of a published video pack (what editors download), by name. */
export const PACK_FILES: readonly string[] = [VIDEO_FILES.vertical, VIDEO_FILES.landscape, VIDEO_FILES.subtitles];

export const videoKeys = {
  folder: (id: string, v: number) => `${keys.version(id, v)}video/`,
  pack: (id: string) => `video/${id}/pack.json`,
  file: (id: string, name: string) => `video/${id}/${name}`,
  mark: (id: string, platform: SocialPlatform) => `audit/${id}/video-posted-${platform}.json`,
};

export const videoPackPlace = (id: string): PackPlace => ({ channel: 'video', pack: videoKeys.pack(id), ledger: (v) => `video/${id}/sent-v${v}.json`, mark: (p) => videoKeys.mark(id, p) });

/** The dashboard address an editor downloads a pack file from. */
export const videoPackHref = (base: string, id: string, name: string) => `${base}/campaigns/${encodeURIComponent(id)}/video/${name}`;

export function createVideoActivities(deps: ActivityDeps, options: { accounts?: () => SocialAccounts; fetch?: typeof fetch } = {}) {
  const { store, endpoints } = deps;
  const accounts = options.accounts ?? (() => readSocialAccounts(endpoints.socialAccountsFile));
  return {
    async draft(input: ChannelDraftInput): Promise<DraftSummary> {
      const id = input.campaignId;
      const v = input.version;
      const brief = await readJson<ContentBrief>(store, input.briefKey);
      const engine = speechEngineFor(endpoints.speech);
      if (!engine) return { channel: 'video', keys: [], summary: 'chưa dựng video', problems: ['Giọng đọc đang tắt (SPEECH_ENGINE=off): video ngắn cần lời dẫn đọc thành tiếng.'] };
      const slides = {} as Record<VideoFormat, Buffer[]>;
      for (const format of ['vertical', 'landscape'] as const) {
        slides[format] = [];
        for (const name of VIDEO_SLIDES[format]) {
          const found = await store.get(keys.infographic(id, v, name, 'png'));
          if (found) slides[format].push(found.body);
        }
      }
      const fallback = input.infographicKey ? (await store.get(input.infographicKey))?.body : undefined;
      for (const format of ['vertical', 'landscape'] as const) if (!slides[format].length && fallback) slides[format].push(fallback);
      if (!slides.vertical.length || !slides.landscape.length) return { channel: 'video', keys: [], summary: 'chưa dựng video', problems: ['Chưa có ảnh infographic của phiên bản này để dựng video.'] };
      let made;
      try {
        made = await videoFiles({ brief, engine, slides, cache: storeSegmentCache(store) });
      } catch (err) {
        if (err instanceof VideoTooLongError) return { channel: 'video', keys: [], summary: 'chưa dựng video', problems: [err.message] };
        throw err;
      }
      const folder = videoKeys.folder(id, v);
      for (const f of made.files) await store.put(`${folder}${f.name}`, f.body, { contentType: f.contentType });
      return {
        channel: 'video',
        keys: [`${folder}${VIDEO_FILES.preview}`, `${folder}${VIDEO_FILES.vertical}`, `${folder}${VIDEO_FILES.landscape}`, `${folder}${VIDEO_FILES.subtitles}`],
        summary: made.summary,
        problems: made.problems,
      };
    },

    async publish(input: ChannelPublishInput): Promise<ChannelPublishResult> {
      const id = input.campaignId;
      const brief = await readJson<ContentBrief>(store, keys.brief(id, input.version));
      const campaign = await readJson<CampaignInput>(store, keys.input(id));
      const folder = videoKeys.folder(id, input.version);
      const vertical = await store.get(`${folder}${VIDEO_FILES.vertical}`);
      if (!vertical) return { detail: 'chưa có video của phiên bản này', keys: [] };
      // The pack's files, for the editors to download from the dashboard.
      for (const name of PACK_FILES) {
        const f = name === VIDEO_FILES.vertical ? vertical : await store.get(`${folder}${name}`);
        if (f) await store.put(videoKeys.file(id, name), f.body, { contentType: f.contentType ?? 'application/octet-stream' });
      }
      const poster = facebookVideoPosterFor(accounts(), campaign.mediaListUnit ?? campaign.units?.[0], options.fetch);
      const link = await packLink(deps, input, campaign, brief);
      const texts = PLATFORMS.map((platform) => socialText(brief, platform, link.url));
      const platforms = await postEach(texts, input.publishedAt, (platform) =>
        platform === 'facebook' && poster ? (text) => poster({ title: text.hook, description: text.text, video: { body: vertical.body, filename: VIDEO_FILES.vertical } }) : undefined,
      );
      const pack: PublishedPack = { campaignId: id, version: input.version, headline: brief.headline, platforms, ...(link.note ? { linkNote: link.note } : {}) };
      const { waiting, editors } = await settlePack(deps, videoPackPlace(id), pack, campaign, input.publishedAt, (waiting) => ({
        subject: `[Video ngắn] ${brief.headline}`,
        text:
          `Kính gửi Ban biên tập,\n\nVideo ngắn sẵn sàng đăng cho ${waiting.map((p) => p.label).join(', ')} (chưa có tài khoản đăng tự động). ` +
          `Tải video dọc, đăng kèm nội dung dưới đây, rồi bấm "Đánh dấu đã đăng" trên trang chiến dịch: ${endpoints.publicBaseUrl}/campaigns/${encodeURIComponent(id)}\n\n` +
          `- Video dọc 1080×1920 (Fanpage, Zalo): ${videoPackHref(endpoints.publicBaseUrl, id, VIDEO_FILES.vertical)}\n` +
          `- Video ngang 1920×1080 (màn hình công cộng): ${videoPackHref(endpoints.publicBaseUrl, id, VIDEO_FILES.landscape)}\n` +
          `- Phụ đề tiếng Việt (WebVTT): ${videoPackHref(endpoints.publicBaseUrl, id, VIDEO_FILES.subtitles)}\n\n` +
          (link.note ? `${link.note}\n\n` : '') +
          waiting.map((p) => `--- ${p.label} ---\n${p.text}\n`).join('\n'),
      }));
      const posted = pack.platforms.filter((p) => p.state === 'posted');
      const parts = [
        ...posted.map((p) => `đã đăng video trên ${p.label}${p.postedUrl ? ` (${p.postedUrl})` : ''}`),
        // Nothing out yet: not counted by the report until an editor marks it posted.
        ...(waiting.length ? [`gói video cho ${waiting.map((p) => p.label).join(', ')} gửi ${editors.length} biên tập viên, ${posted.length ? 'chờ đăng tay' : AWAITING_MARK}`] : []),
      ];
      return { detail: parts.join('; '), keys: [videoKeys.pack(id), ...PACK_FILES.map((n) => videoKeys.file(id, n))] };
    },
  };
}
