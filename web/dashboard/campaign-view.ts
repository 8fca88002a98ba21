/**
 * A campaign shaped for its page and for the live status JSON: channels with their states,
 * the drafts of one version (infographic images, the first locality's script with its reading
 * time, post and briefing previews), version history, decisions and events.
 */
import {
  ALL_CAMPAIGN_CHANNELS,
  campaignChannelLabels,
  campaignStatusLabels,
  channelStateLabels,
  decisionLabels,
  type CampaignState,
  type CampaignStatus,
} from '../../domain/campaign/types.js';
import { formatVnDate } from '../../domain/dates.js';
import { modulePreviews } from '../../channels/registry.js';
import { socialImageName, socialKeys, type PublishedPack } from '../../channels/social/activities.js';
import { videoKeys } from '../../channels/video/activities.js';
import { VIDEO_FILES } from '../../channels/video/files.js';
import type { ObjectStore } from '../../infra/object-store.js';
import { infographicGallery } from '../../channels/infographic/preview.js';
import { scriptPreview } from '../../channels/loudspeaker/preview.js';
import { capitalize } from '../../domain/text/case.js';
import { personLabel, withPersonLabels, type Editor } from './editors.js';
import { formatVnDateTime } from '../../domain/dates.js';

export const TERMINAL: readonly CampaignStatus[] = ['published', 'rejected', 'cancelled', 'expired', 'failed'];

interface Brief {
  headline: string;
  keyMessages: string[];
  occasionName: string;
  occasionDate: string;
  planSymbol: string;
  issuerShort: string;
}

async function json<T>(store: ObjectStore, key: string): Promise<T | undefined> {
  const obj = await store.get(key).catch(() => undefined);
  if (!obj) return undefined;
  try {
    return JSON.parse(obj.body.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Event texts written by the workflow name channels, decisions and people by id; show their labels. */
export function eventText(text: string, editors: readonly Editor[] = []): string {
  return withPersonLabels(editors, text)
    .replace(new RegExp(`^Đã đăng (${ALL_CAMPAIGN_CHANNELS.join('|')}):`), (_, ch: keyof typeof campaignChannelLabels) => `Đã đăng ${campaignChannelLabels[ch].toLocaleLowerCase('vi')}:`)
    .replace(/: (approve|requestChanges|reject)\b/, (_, d: keyof typeof decisionLabels) => `: ${decisionLabels[d].toLocaleLowerCase('vi')}`);
}

/** Changes when the page's server-rendered parts (drafts, decision form, history) are out of date. */
export function liveKey(s: CampaignState): string {
  return [s.version, s.step, s.status, s.drafts.length, s.decisions.length, s.awaiting.join(',')].join('|');
}

/** The live part of a campaign, for `status.json` and the first render alike. */
export function liveStatus(s: CampaignState) {
  return {
    status: s.status,
    statusLabel: campaignStatusLabels[s.status],
    terminal: TERMINAL.includes(s.status),
    key: liveKey(s),
    updatedAt: formatVnDateTime(s.updatedAt),
    channels: s.channels.map((ch) => ({
      channel: ch.channel,
      label: campaignChannelLabels[ch.channel],
      state: ch.state,
      stateLabel: capitalize(channelStateLabels[ch.state]),
      publishAt: formatVnDateTime(ch.publishAt),
      publishedAt: formatVnDateTime(ch.publishedAt),
      detail: ch.detail ?? '',
    })),
  };
}

/** Drafts of version `v` as the page shows them; only channels the campaign asked for. */
async function draftsOf(store: ObjectStore, s: CampaignState, v: number) {
  const base = `${s.prefix}/v${v}/`;
  const wants = new Set(s.channels.map((c) => c.channel));
  const fileUrl = (key: string) => `/campaigns/${encodeURIComponent(s.campaignId)}/files/${key.slice(s.prefix.length + 1)}`;
  const images = wants.has('infographic') ? infographicGallery(await store.list(`${base}infographic/`), fileUrl) : [];
  const sample = s.drafts.find((d) => d.channel === 'loudspeaker')?.keys[0]?.replace(/\/v\d+\//, `/v${v}/`);
  const script = wants.has('loudspeaker') && sample ? await scriptPreview(store, sample) : undefined;
  const post = wants.has('webPortal') && (await store.head(`${base}post/index.html`).catch(() => undefined)) ? fileUrl(`${base}post/index.html`) : undefined;
  const briefing = wants.has('pressBriefing') && (await store.head(`${base}briefing/preview.html`).catch(() => undefined)) ? fileUrl(`${base}briefing/preview.html`) : undefined;
  const modules = [];
  for (const p of modulePreviews(wants)) if (await store.head(`${base}${p.file}`).catch(() => undefined)) modules.push({ heading: p.heading, src: fileUrl(`${base}${p.file}`), media: p.media });
  return { images, script, post, briefing, modules };
}

/** "Ngày Nhà giáo Việt Nam 20/11/2026": what a campaign is called on its pages. */
export function campaignTitle(s: Pick<CampaignState, 'occasionId' | 'occasionDate'>, occasionName: string | undefined): string {
  return `${occasionName ?? s.occasionId} ${formatVnDate(s.occasionDate)}`;
}

/** Everything the campaign page shows, for version `shown` (default: the current one). */
export async function campaignView(store: ObjectStore, s: CampaignState, opts: { email: string; shown?: number; planLabel?: string; occasionName?: string; editors?: readonly Editor[]; planVersion?: { used: number; current: number } }) {
  const shown = opts.shown && opts.shown >= 1 && opts.shown <= s.version ? opts.shown : s.version;
  const current = shown === s.version;
  const briefs = await Promise.all(Array.from({ length: s.version }, (_, i) => json<Brief>(store, `${s.prefix}/v${i + 1}/brief.json`)));
  const brief = briefs[shown - 1];
  const ready = !current || s.drafts.length > 0;
  const live = liveStatus(s);
  const mine = s.awaiting.some((a) => a.toLowerCase() === opts.email.toLowerCase());
  const editors = opts.editors ?? [];
  return {
    id: s.campaignId,
    title: campaignTitle(s, opts.occasionName ?? brief?.occasionName),
    plan: opts.planLabel ?? (brief ? `${brief.planSymbol} — ${brief.issuerShort}` : s.planId),
    planHref: `/plans/${encodeURIComponent(s.planId)}`,
    planVersion: opts.planVersion
      ? `Soạn theo phiên bản ${opts.planVersion.used} của kế hoạch${opts.planVersion.current > opts.planVersion.used ? `; kế hoạch nay đã có phiên bản ${opts.planVersion.current}` : ''}`
      : '',
    planVersionsHref: `/plans/${encodeURIComponent(s.planId)}/versions`,
    live,
    version: s.version,
    shown,
    current,
    step: s.steps > 1 ? `bước ${s.step}/${s.steps}` : '',
    stepNumber: s.step,
    scope: [
      s.channels.some((c) => c.channel === 'loudspeaker') && s.localityCount ? `${s.localityCount} đơn vị truyền thanh` : '',
      s.channels.some((c) => c.channel === 'pressBriefing') && s.recipientCount ? `${s.recipientCount} phóng viên` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    startedAt: formatVnDateTime(s.startedAt),
    awaiting: s.status === 'awaitingApproval' ? s.awaiting.map((a) => personLabel(editors, a)).join(', ') : '',
    brief: brief ? { headline: brief.headline, keyMessages: brief.keyMessages } : undefined,
    summaries: current ? s.drafts.map((d) => ({ label: campaignChannelLabels[d.channel], summary: d.summary, problems: d.problems })) : [],
    drafts: ready ? await draftsOf(store, s, shown) : undefined,
    versions: briefs.map((b, i) => ({
      n: i + 1,
      href: `/campaigns/${encodeURIComponent(s.campaignId)}?version=${i + 1}`,
      headline: b?.headline ?? '',
      shown: i + 1 === shown,
      current: i + 1 === s.version,
    })),
    decisions: s.decisions.map((d) => ({
      at: formatVnDateTime(d.at),
      approver: personLabel(editors, d.approver),
      decision: decisionLabels[d.decision],
      version: d.version,
      step: d.step,
      comment: d.comment ?? '',
    })),
    events: [...s.events].reverse().map((e) => ({ at: formatVnDateTime(e.at), text: eventText(e.text, editors) })),
    canDecide: current && s.status === 'awaitingApproval' && mine,
    awaitingOthers: s.status === 'awaitingApproval' && !mine,
    canCancel: !live.terminal,
    socialPack: await socialPackView(store, s.campaignId, editors),
    videoPack: await videoPackView(store, s.campaignId, editors),
  };
}

/** The published social pack, per platform: text to copy, its state, who marked it posted. */
async function socialPackView(store: ObjectStore, id: string, editors: readonly Editor[]) {
  const pack = await json<PublishedPack>(store, socialKeys.pack(id));
  if (!pack) return undefined;
  return { imageSrc: `/campaigns/${encodeURIComponent(id)}/social/${socialImageName}`, linkNote: pack.linkNote ?? '', platforms: packPlatforms(pack, editors) };
}

/** The published video pack: the files to download and each platform as in the social pack. */
async function videoPackView(store: ObjectStore, id: string, editors: readonly Editor[]) {
  const pack = await json<PublishedPack>(store, videoKeys.pack(id));
  if (!pack) return undefined;
  const files = [
    { name: VIDEO_FILES.vertical, label: 'Video dọc 1080×1920 (Fanpage, Zalo)' },
    { name: VIDEO_FILES.landscape, label: 'Video ngang 1920×1080 (màn hình công cộng)' },
    { name: VIDEO_FILES.subtitles, label: 'Phụ đề tiếng Việt (WebVTT)' },
  ];
  return { files: files.map((f) => ({ href: `/campaigns/${encodeURIComponent(id)}/video/${f.name}`, label: f.label })), platforms: packPlatforms(pack, editors) };
}

function packPlatforms(pack: PublishedPack, editors: readonly Editor[]) {
  return pack.platforms.map((p) => ({
    platform: p.platform,
    label: p.label,
    text: p.text,
    chars: [...p.text].length,
    posted: p.state === 'posted',
    postedText: p.state === 'posted' ? (p.postedBy ? `${personLabel(editors, p.postedBy)} đánh dấu đã đăng lúc ${formatVnDateTime(p.postedAt)}` : `Đã đăng tự động${p.postedUrl ? `: ${p.postedUrl}` : ''}`) : '',
    note: p.note ?? '',
  }));
}
