/**
 * The loudspeaker channel's activities (the bulletin workflow uses them too). Drafting: one
 * script per locality, in batches of localities, keys deterministic per campaign, version and
 * locality. Publishing: each locality has a feed folder in the object store with one rundown
 * per day listing what to broadcast in which slot, and its operator gets an email.
 * Feed items and the rundown entry are keyed by campaign and slot, and the operator email has
 * a ledger entry and a fixed Message-ID, so a retried batch neither duplicates nor re-sends.
 */
import { createHash } from 'node:crypto';
import type { Locality } from '../../domain/localities.js';
import type { ActivityDeps } from '../../activities/deps.js';
import { heartbeat } from '../../activities/heartbeat.js';
import { keys } from '../../activities/campaign/keys.js';
import { updateJsonDocument } from '../../infra/json-document.js';
import { readJson, writeJson } from '../../activities/campaign/store-json.js';
import { orderRundown, priorityLabel, rundownM3u, type Rundown, type RundownItem } from '../../domain/broadcast/rundown.js';
import type { ObjectStore } from '../../infra/object-store.js';
import type { ContentBrief } from '../../domain/brief.js';
import { renderLoudspeakerScript } from './render/index.js';
import { playsAudio, stationAudio } from './station-audio.js';

export type { Rundown, RundownItem } from '../../domain/broadcast/rundown.js';

export const feedKeys = {
  item: (locality: string, day: string, slot: string, campaignId: string) => `broadcast/${locality}/${day}/${slot}-${campaignId}.txt`,
  audio: (locality: string, day: string, slot: string, campaignId: string) => `broadcast/${locality}/${day}/${slot}-${campaignId}.mp3`,
  playlist: (locality: string, day: string) => `broadcast/${locality}/${day}/rundown.m3u`,
  rundown: (locality: string, day: string) => `broadcast/${locality}/${day}/rundown.json`,
  ledger: (campaignId: string, version: number, locality: string) => `ledger/broadcast/${campaignId}/v${version}/${locality}.json`,
};

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

interface Sidecar {
  durationSeconds: number;
  priority: string;
  headline: string;
}

export function createLoudspeakerActivities({ store, mailer, endpoints }: ActivityDeps) {
  const domain = endpoints.mailFrom.match(/@([^>\s]+)/)?.[1] ?? 'campaign-ops.local';
  return {
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

    async publishScriptsBatch(input: { campaignId: string; version: number; batch: number; batchSize: number; days: string[] }): Promise<{ localities: number; bulletins: number }> {
      const all = await readJson<Locality[]>(store, keys.localities(input.campaignId));
      const mine = all.slice(input.batch * input.batchSize, (input.batch + 1) * input.batchSize);
      let bulletins = 0;
      for (const [i, locality] of mine.entries()) {
        heartbeat({ done: i, total: mine.length });
        const script = await store.get(keys.script(input.campaignId, input.version, locality.id));
        if (!script) continue; // its draft failed; the editor saw the problem before approving
        const sidecar = await readJson<Sidecar>(store, keys.scriptSidecar(input.campaignId, input.version, locality.id));
        const slot = campaignSlot(locality);
        const audio = playsAudio(locality, endpoints.speech)
          ? await stationAudio(store, endpoints.speech, {
              campaignId: input.campaignId,
              version: input.version,
              locality,
              script: script.body.toString('utf8'),
              title: sidecar.headline,
              priority: sidecar.priority,
              day: input.days[0] ?? '',
            })
          : undefined;
        for (const day of input.days) {
          const itemKey = feedKeys.item(locality.id, day, slot.id, input.campaignId);
          await store.put(itemKey, script.body, { contentType: 'text/plain; charset=utf-8', metadata: { campaign: input.campaignId, version: String(input.version) } });
          const rundownKey = feedKeys.rundown(locality.id, day);
          const item: RundownItem = {
            slot: slot.id,
            slotLabel: slot.label,
            start: slot.start,
            campaignId: input.campaignId,
            version: input.version,
            title: sidecar.headline,
            durationSeconds: sidecar.durationSeconds,
            priority: sidecar.priority,
            scriptKey: itemKey,
          };
          if (audio) {
            const audioKey = feedKeys.audio(locality.id, day, slot.id, input.campaignId);
            const file = await store.get(audio.campaignKey);
            if (file) await store.put(audioKey, file.body, { contentType: 'audio/mpeg', metadata: { campaign: input.campaignId, version: String(input.version) } });
            item.audio = { key: audioKey, seconds: audio.seconds, loudness: audio.loudness };
          }
          // Several campaigns add to the same station's day: compare-and-swap, never overwrite.
          await updateJsonDocument(store, rundownKey, (j) => j as Rundown, (existing) => {
            const items = orderRundown([...(existing?.items ?? []).filter((i) => !(i.campaignId === input.campaignId && i.slot === slot.id)), item]);
            return { locality: locality.id, localityName: locality.name, day, items };
          });
          if (item.audio) await writePlaylist(store, locality.id, day);
          bulletins += 1;
        }
        const ledger = feedKeys.ledger(input.campaignId, input.version, locality.id);
        if (!(await store.head(ledger))) {
          const id = createHash('sha256').update(`${input.campaignId}:${input.version}:${locality.id}`).digest('hex').slice(0, 24);
          await mailer.sendMail({
            from: endpoints.mailFrom,
            to: locality.operator.email,
            subject: `[Bản tin truyền thanh] ${sidecar.headline} — ${locality.name}`,
            messageId: `<broadcast.${id}@${domain}>`,
            text:
              `Kính gửi ${locality.operator.name},\n\n` +
              `${locality.station} có bản tin mới phát trong khung giờ ${slot.label} (${slot.start}) các ngày: ${input.days.map((d) => d.split('-').reverse().join('/')).join(', ')}.\n` +
              `Thời lượng đọc khoảng ${Math.ceil(sidecar.durationSeconds / 60)} phút. Mức ưu tiên: ${priorityLabel(sidecar.priority)}.${audio ? `\nTệp âm thanh (MP3, ${Math.round(audio.seconds)} giây) và danh sách phát trong ngày (rundown.m3u) nằm trong thư mục bản tin của trạm.` : ''}\n\n` +
              `Nội dung kịch bản:\n\n${script.body.toString('utf8')}\n`,
          });
          await writeJson(store, ledger, { sentAt: new Date().toISOString(), to: locality.operator.email });
        }
      }
      return { localities: mine.length, bulletins };
    },
  };
}

/**
 * Writes the day's M3U from the rundown it was derived from, and again while a rival campaign
 * changed the rundown meanwhile, so the playlist ends as the latest rundown says.
 */
async function writePlaylist(store: ObjectStore, locality: string, day: string): Promise<void> {
  const key = feedKeys.rundown(locality, day);
  for (let i = 0; i < 10; i++) {
    const found = await store.get(key);
    if (!found) return;
    await store.put(feedKeys.playlist(locality, day), rundownM3u(JSON.parse(found.body.toString('utf8')) as Rundown), { contentType: 'audio/x-mpegurl; charset=utf-8' });
    const now = await store.head(key);
    if (now?.etag === found.etag) return;
  }
}

