/**
 * Drafting and publishing the Q&A set. The draft writes the set (JSON), the Word file, the
 * loudspeaker segment and a preview page under the version's `qa/`; publishing puts the Word
 * file and the segment on the site under `site/hoi-dap/` (the web post carries the set as a
 * section with FAQ structured data, see `campaignQaSet`).
 */
import type { ActivityDeps } from '../../activities/deps.js';
import { keys } from '../../activities/campaign/keys.js';
import { readJson } from '../../activities/campaign/store-json.js';
import type { ContentBrief } from '../../domain/brief.js';
import type { CampaignInput, DraftSummary } from '../../domain/campaign/types.js';
import type { Plan } from '../../domain/plan/schema.js';
import type { ObjectStore } from '../../infra/object-store.js';
import { updateJsonDocument } from '../../infra/json-document.js';
import { feedKeys, type Rundown, type RundownItem } from '../loudspeaker/activities.js';
import { campaignSlot } from '../loudspeaker/activities.js';
import { vnDateOf } from '../../domain/campaign/schedule.js';
import type { Locality } from '../../domain/localities.js';
import { estimateReadingTime } from '../../domain/speech/index.js';
import type { ChannelDraftInput, ChannelPublishInput, ChannelPublishResult } from '../types.js';
import { DOCX_TYPE, qaFiles } from './files.js';
import { buildQaSet, type QaItem } from './questions.js';

export const qaKeys = {
  set: (id: string, v: number) => `${keys.version(id, v)}qa/qa.json`,
  docx: (id: string, v: number) => `${keys.version(id, v)}qa/hoi-dap.docx`,
  segment: (id: string, v: number) => `${keys.version(id, v)}qa/loa.txt`,
  preview: (id: string, v: number) => `${keys.version(id, v)}qa/preview.html`,
  siteDocx: (id: string) => `site/hoi-dap/${id}.docx`,
  siteSegment: (id: string) => `site/hoi-dap/${id}.txt`,
};

/** The site path of a campaign's published Word file, under the site root. */
export const qaSitePath = (id: string) => `hoi-dap/${id}.docx`;

/**
 * The Q&A set of a campaign version when the campaign asked for it (else undefined): the drafted
 * set when there is one, else built from the plan snapshot (the post and the set are drafted at
 * the same time; both build the same set).
 */
export async function campaignQaSet(store: ObjectStore, campaignId: string, version: number, brief: ContentBrief): Promise<QaItem[] | undefined> {
  const input = await store.get(keys.input(campaignId));
  if (!input || !(JSON.parse(input.body.toString('utf8')) as CampaignInput).channels.includes('qaSet')) return undefined;
  const drafted = await store.get(qaKeys.set(campaignId, version));
  if (drafted) return JSON.parse(drafted.body.toString('utf8')) as QaItem[];
  if (!(await store.head(keys.plan(campaignId)))) return undefined;
  return buildQaSet(await readJson<Plan>(store, keys.plan(campaignId)), { brief });
}

/** The Q&A segment's id in a station's rundown, beside the campaign's own bulletin. */
export const qaFeedId = (campaignId: string) => `${campaignId}.hoi-dap`;

/**
 * Puts the segment into the feed of every station the campaign reaches, on the publish day, in
 * the campaign's slot (as its own rundown entry, so the campaign's bulletin stays). Returns the
 * number of stations.
 */
async function addSegmentToFeeds(store: ObjectStore, campaignId: string, version: number, text: string, publishedAt: string): Promise<number> {
  const found = await store.get(keys.localities(campaignId));
  const localities = found ? (JSON.parse(found.body.toString('utf8')) as Locality[]) : [];
  const day = vnDateOf(publishedAt);
  const seconds = estimateReadingTime(text).seconds;
  const feedId = qaFeedId(campaignId);
  for (const locality of localities) {
    const slot = campaignSlot(locality);
    const itemKey = feedKeys.item(locality.id, day, slot.id, feedId);
    await store.put(itemKey, text, { contentType: 'text/plain; charset=utf-8', metadata: { campaign: campaignId, version: String(version) } });
    const item: RundownItem = { slot: slot.id, slotLabel: slot.label, start: slot.start, campaignId: feedId, version, title: 'Hỏi - đáp về kế hoạch', durationSeconds: seconds, priority: 'normal', scriptKey: itemKey };
    await updateJsonDocument(store, feedKeys.rundown(locality.id, day), (j) => j as Rundown, (existing) => ({
      locality: locality.id,
      localityName: locality.name,
      day,
      items: [...(existing?.items ?? []).filter((i) => !(i.campaignId === feedId && i.slot === slot.id)), item].sort((a, b) => a.start.localeCompare(b.start)),
    }));
  }
  return localities.length;
}

export function createQaSetActivities({ store }: ActivityDeps) {
  return {
    async draft(input: ChannelDraftInput): Promise<DraftSummary> {
      const brief = await readJson<ContentBrief>(store, input.briefKey);
      const plan = await readJson<Plan>(store, keys.plan(input.campaignId));
      const made = await qaFiles(plan, brief);
      const folder = `${keys.version(input.campaignId, input.version)}qa/`;
      for (const f of made.files) await store.put(`${folder}${f.name}`, f.body, { contentType: f.contentType });
      const id = input.campaignId;
      const v = input.version;
      return { channel: 'qaSet', keys: [qaKeys.preview(id, v), qaKeys.docx(id, v), qaKeys.segment(id, v)], summary: made.summary, problems: made.problems };
    },

    async publish(input: ChannelPublishInput): Promise<ChannelPublishResult> {
      const id = input.campaignId;
      const docx = await store.get(qaKeys.docx(id, input.version));
      const segment = await store.get(qaKeys.segment(id, input.version));
      if (!docx || !segment) return { detail: 'chưa có bộ câu hỏi - đáp của phiên bản này', keys: [] };
      await store.put(qaKeys.siteDocx(id), docx.body, { contentType: DOCX_TYPE });
      await store.put(qaKeys.siteSegment(id), segment.body, { contentType: 'text/plain; charset=utf-8' });
      const items = await readJson<QaItem[]>(store, qaKeys.set(id, input.version));
      const stations = await addSegmentToFeeds(store, id, input.version, segment.body.toString('utf8'), input.publishedAt);
      return {
        detail: `${items.length} câu hỏi - đáp: tệp Word và đoạn đọc trên loa trên trang tin${stations ? `; đoạn hỏi - đáp vào lịch phát của ${stations} trạm truyền thanh` : ''}`,
        keys: [qaKeys.siteDocx(id), qaKeys.siteSegment(id)],
      };
    },
  };
}
