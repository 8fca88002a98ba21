/**
 * Drafting and publishing the social pack. The draft writes the text per platform, the square
 * image and a preview under the version's `social/`. Publishing posts through each platform the
 * unit configured (accounts.ts); for every other platform it keeps a ready-to-post pack for the
 * dashboard (`social/<campaign>/pack.json`, copy button, "đã đăng" mark) and emails it to the
 * campaign's editors.
 */
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityDeps } from '../../activities/deps.js';
import { keys } from '../../activities/campaign/keys.js';
import { readJson, writeJson } from '../../activities/campaign/store-json.js';
import type { ContentBrief } from '../../domain/brief.js';
import { formatVnDateTime } from '../../domain/dates.js';
import type { CampaignInput, DraftSummary } from '../../domain/campaign/types.js';
import { escapeXml } from '../../render/sanitize.js';
import type { ChannelDraftInput, ChannelPublishInput, ChannelPublishResult } from '../types.js';
import { readSocialAccounts } from '../../infra/config.js';
import { reservePostUrl } from '../web-portal/site.js';
import { adaptersFor, type SocialAccounts } from './accounts.js';
import { SocialPostError, type PostedSocial } from './adapters.js';
import { AWAITING_MARK } from './index.js';
import { SocialPlatform, socialPlatformLabels, socialText, type SocialText } from './pack.js';

const PLATFORMS: readonly SocialPlatform[] = [SocialPlatform.facebook, SocialPlatform.zalo];
const IMAGE = 'anh-vuong.png';
/** File name of the pack's square image (draft folder and published pack). */
export const socialImageName = IMAGE;

export const socialKeys = {
  folder: (id: string, v: number) => `${keys.version(id, v)}social/`,
  /** The published pack the dashboard shows, with each platform's state. */
  pack: (id: string) => `social/${id}/pack.json`,
  image: (id: string) => `social/${id}/${IMAGE}`,
  /** An editor's "posted" mark, in the campaign's audit log (the report reads it there). */
  mark: (id: string, platform: SocialPlatform) => `audit/${id}/social-posted-${platform}.json`,
};

/** One platform of a published pack. */
export interface PackPlatform extends SocialText {
  label: string;
  state: 'posted' | 'awaiting';
  /** Where the API post is, or who marked it posted. */
  postedUrl?: string;
  postedBy?: string;
  postedAt?: string;
  note?: string;
}

export interface PublishedPack {
  campaignId: string;
  version: number;
  headline: string;
  platforms: PackPlatform[];
  /** When the pack went out before the web post: when its link starts to work. */
  linkNote?: string;
}

export function previewHtml(brief: ContentBrief, texts: SocialText[], hasImage: boolean): string {
  const parts = texts.map((t) => `<h2>${escapeXml(socialPlatformLabels[t.platform])} — ${[...t.text].length} ký tự</h2>\n<pre>${escapeXml(t.text)}</pre>`).join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Bài đăng mạng xã hội: ${escapeXml(brief.headline)}</title>
<style>body{font-family:"Be Vietnam Pro","Noto Sans",system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}pre{white-space:pre-wrap;font:inherit;border:1px solid #d9d9e0;padding:0.75rem}img{max-width:100%;height:auto}</style>
</head>
<body>
${hasImage ? `<img src="${IMAGE}" alt="Ảnh vuông kèm bài: ${escapeXml(brief.headline)}" width="1080" height="1080">\n` : ''}${parts}
</body>
</html>
`;
}

/** Where a channel keeps its published pack, its mail ledger and its editors' marks. */
export interface PackPlace {
  /** The channel a mark is counted for (its audit entry: "Đã đăng social: …"). */
  channel: 'social' | 'video';
  /** Key of the published pack the dashboard shows. */
  pack: string;
  ledger: (version: number) => string;
  mark: (platform: SocialPlatform) => string;
}

export const socialPackPlace = (id: string): PackPlace => ({ channel: 'social', pack: socialKeys.pack(id), ledger: (v) => `social/${id}/sent-v${v}.json`, mark: (p) => socialKeys.mark(id, p) });

/**
 * Posts each platform's text where `posterFor` gives a way (the unit's account), else leaves it
 * awaiting an editor. A refusal is noted on the platform; a failure worth retrying is thrown.
 */
export async function postEach(texts: readonly SocialText[], publishedAt: string, posterFor: (platform: SocialPlatform) => ((text: SocialText) => Promise<PostedSocial>) | undefined): Promise<PackPlatform[]> {
  const platforms: PackPlatform[] = [];
  for (const text of texts) {
    const base: PackPlatform = { ...text, label: socialPlatformLabels[text.platform], state: 'awaiting' };
    const post = posterFor(text.platform);
    if (!post) {
      platforms.push(base);
      continue;
    }
    try {
      const posted = await post(text);
      platforms.push({ ...base, state: 'posted', postedUrl: posted.url ?? posted.id, postedAt: publishedAt });
    } catch (err) {
      if (err instanceof SocialPostError && !err.permanent) throw ApplicationFailure.retryable(err.message, 'SocialPostRetry');
      platforms.push({ ...base, note: (err as Error).message });
    }
  }
  return platforms;
}

/**
 * Keeps a published pack for the dashboard (an editor's earlier marks survive a retried
 * publish) and, when some platform waits for an editor, emails the campaign's editors once per
 * version with what `mail` says.
 */
export async function settlePack(
  { store, mailer, endpoints }: Pick<ActivityDeps, 'store' | 'mailer' | 'endpoints'>,
  place: PackPlace,
  pack: PublishedPack,
  campaign: Pick<CampaignInput, 'startedBy' | 'approvers'>,
  publishedAt: string,
  mail: (waiting: PackPlatform[]) => { subject: string; text: string; attachments?: { filename: string; content: Buffer; contentType: string }[] },
): Promise<{ waiting: PackPlatform[]; editors: string[] }> {
  const earlier = await store.get(place.pack);
  if (earlier) {
    const before = JSON.parse(earlier.body.toString('utf8')) as PublishedPack;
    for (const p of pack.platforms) {
      const was = before.platforms.find((b) => b.platform === p.platform);
      if (was?.state === 'posted' && p.state === 'awaiting') Object.assign(p, { state: 'posted', postedBy: was.postedBy, postedAt: was.postedAt, postedUrl: was.postedUrl });
    }
  }
  await writeJson(store, place.pack, pack);
  const waiting = pack.platforms.filter((p) => p.state === 'awaiting');
  const editors = [...new Set([...(campaign.startedBy ? [campaign.startedBy] : []), ...campaign.approvers])];
  if (waiting.length && editors.length) {
    const ledger = place.ledger(pack.version);
    if (!(await store.head(ledger))) {
      const domain = /@([^>\s]+)/.exec(endpoints.mailFrom)?.[1] ?? 'localhost';
      const mid = createHash('sha256').update(`${pack.campaignId}:${pack.version}:${place.channel}`).digest('hex').slice(0, 24);
      await mailer.sendMail({ from: endpoints.mailFrom, to: editors, messageId: `<${place.channel}.${mid}@${domain}>`, ...mail(waiting) });
      await writeJson(store, ledger, { sentAt: publishedAt, to: editors });
    }
  }
  return { waiting, editors };
}

/**
 * The link a pack carries: the web post's own address. Due before the post (the usual lead
 * times), the post's address is reserved now and the editors are told when it goes live; a
 * campaign without a web post links the site's front page.
 */
export async function packLink(
  { store, endpoints }: Pick<ActivityDeps, 'store' | 'endpoints'>,
  input: ChannelPublishInput,
  campaign: Pick<CampaignInput, 'channels'>,
  brief: ContentBrief,
): Promise<{ url: string; note?: string }> {
  if (input.postUrl) return { url: input.postUrl };
  if (!campaign.channels.includes('webPortal')) return { url: `${endpoints.publicBaseUrl}/site/` };
  const { url, published } = await reservePostUrl(store, endpoints.publicBaseUrl, input.campaignId, brief);
  if (published) return { url };
  const due = (await readJson<Record<string, string>>(store, keys.schedule(input.campaignId)).catch(() => undefined))?.webPortal;
  if (due && Date.parse(due) > Date.parse(input.publishedAt)) return { url, note: `Liên kết ${url} hoạt động từ ${formatVnDateTime(due)}, khi bài trên trang thông tin điện tử được đăng (sau bài mạng xã hội).` };
  return { url, note: `Liên kết ${url} hoạt động khi bài trên trang thông tin điện tử được đăng.` };
}

export function createSocialActivities(deps: ActivityDeps, options: { accounts?: () => SocialAccounts; fetch?: typeof fetch } = {}) {
  const { store, endpoints } = deps;
  const accounts = options.accounts ?? (() => readSocialAccounts(endpoints.socialAccountsFile));
  return {
    async draft(input: ChannelDraftInput): Promise<DraftSummary> {
      const brief = await readJson<ContentBrief>(store, input.briefKey);
      const texts = PLATFORMS.map((p) => socialText(brief, p));
      const folder = socialKeys.folder(input.campaignId, input.version);
      const image = input.infographicKey ? await store.get(input.infographicKey) : undefined;
      if (image) await store.put(`${folder}${IMAGE}`, image.body, { contentType: image.contentType ?? 'image/png' });
      await writeJson(store, `${folder}texts.json`, texts);
      await store.put(`${folder}preview.html`, previewHtml(brief, texts, Boolean(image)), { contentType: 'text/html; charset=utf-8' });
      const lengths = texts.map((t) => `${socialPlatformLabels[t.platform]} ${[...t.text].length} ký tự`).join(', ');
      return {
        channel: 'social',
        keys: [`${folder}preview.html`, `${folder}texts.json`],
        summary: `bài ngắn cho ${lengths}${image ? ', kèm ảnh vuông' : ', chưa có ảnh vuông'}`,
        problems: image ? [] : ['Chưa có ảnh infographic vuông để đăng kèm.'],
      };
    },

    async publish(input: ChannelPublishInput): Promise<ChannelPublishResult> {
      const id = input.campaignId;
      const brief = await readJson<ContentBrief>(store, keys.brief(id, input.version));
      const campaign = await readJson<CampaignInput>(store, keys.input(id));
      const image = await store.get(`${socialKeys.folder(id, input.version)}${IMAGE}`);
      if (image) await store.put(socialKeys.image(id), image.body, { contentType: 'image/png' });
      const publicImage = image ? `${endpoints.publicBaseUrl}/site/media/${id}-social.png` : undefined;
      const adapters = adaptersFor(accounts(), campaign.mediaListUnit ?? campaign.units?.[0], brief.issuer, options.fetch);
      const link = await packLink(deps, input, campaign, brief);
      const texts = PLATFORMS.map((platform) => socialText(brief, platform, link.url));
      const platforms = await postEach(texts, input.publishedAt, (platform) => {
        const adapter = adapters.find((a) => a.platform === platform);
        return adapter ? (text) => adapter.post({ hook: text.hook, text: text.text, ...(image ? { image: { body: image.body, contentType: 'image/png', filename: IMAGE, url: publicImage } } : {}) }) : undefined;
      });
      const pack: PublishedPack = { campaignId: id, version: input.version, headline: brief.headline, platforms, ...(link.note ? { linkNote: link.note } : {}) };
      const { waiting, editors } = await settlePack(deps, socialPackPlace(id), pack, campaign, input.publishedAt, (waiting) => ({
        subject: `[Bài đăng mạng xã hội] ${brief.headline}`,
        text:
          `Kính gửi Ban biên tập,\n\nGói bài sẵn sàng đăng cho ${waiting.map((p) => p.label).join(', ')} (đơn vị chưa cấu hình tài khoản đăng tự động). ` +
          `Sao chép nội dung dưới đây, đăng kèm ảnh vuông đính kèm, rồi bấm "Đánh dấu đã đăng" trên trang chiến dịch: ${endpoints.publicBaseUrl}/campaigns/${encodeURIComponent(id)}\n\n` +
          (link.note ? `${link.note}\n\n` : '') +
          waiting.map((p) => `--- ${p.label} ---\n${p.text}\n`).join('\n'),
        ...(image ? { attachments: [{ filename: IMAGE, content: image.body, contentType: 'image/png' }] } : {}),
      }));
      const posted = pack.platforms.filter((p) => p.state === 'posted');
      const parts = [
        ...posted.map((p) => `đã đăng trên ${p.label}${p.postedUrl ? ` (${p.postedUrl})` : ''}`),
        // Nothing out yet: not counted by the report until an editor marks it posted. Posted on
        // one platform already: counted, the rest still waits for an editor.
        ...(waiting.length ? [`gói bài cho ${waiting.map((p) => p.label).join(', ')} gửi ${editors.length} biên tập viên, ${posted.length ? 'chờ đăng tay' : AWAITING_MARK}`] : []),
      ];
      return { detail: parts.join('; '), keys: [socialKeys.pack(id)] };
    },
  };
}

/**
 * An editor marks a platform's pack posted: the pack shows it, and an entry in the campaign's
 * audit log lets the periodic report count it. Marking twice changes nothing.
 */
export async function markSocialPosted(store: ActivityDeps['store'], campaignId: string, platform: SocialPlatform, editor: string, at: string): Promise<'marked' | 'already' | 'unknown'> {
  return markPackPosted(store, socialPackPlace(campaignId), platform, editor, at);
}

/** The same for any channel's pack (social, video). */
export async function markPackPosted(store: ActivityDeps['store'], place: PackPlace, platform: SocialPlatform, editor: string, at: string): Promise<'marked' | 'already' | 'unknown'> {
  const found = await store.get(place.pack);
  if (!found) return 'unknown';
  const pack = JSON.parse(found.body.toString('utf8')) as PublishedPack;
  const p = pack.platforms.find((x) => x.platform === platform);
  if (!p) return 'unknown';
  if (p.state === 'posted') return 'already';
  Object.assign(p, { state: 'posted', postedBy: editor, postedAt: at });
  await writeJson(store, place.pack, pack);
  await writeJson(store, place.mark(platform), { campaignId: pack.campaignId, kind: 'published', channel: place.channel, at, text: `Đã đăng ${place.channel}: ${p.label} — ${editor} đánh dấu đã đăng`, version: pack.version });
  return 'marked';
}
