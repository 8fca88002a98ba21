/**
 * Audio for stations that play files (IP / "smart" loudspeaker systems): the approved script,
 * spoken by the configured engine, levelled and tagged (render/audio), made once per campaign
 * version and station and kept beside the script, with every distinct paragraph kept in the
 * store so that a national bulletin speaks its shared text once. Stations read by an announcer
 * keep the text only.
 */
import type { Locality } from '../../domain/localities.js';
import type { RundownAudio } from '../../domain/broadcast/rundown.js';
import { BULLETIN_PRIORITY_LABELS, isBulletinPriority } from '../../domain/speech/priority.js';
import type { ObjectStore } from '../../infra/object-store.js';
import { renderBulletinAudio, type SegmentCache } from '../../render/audio/bulletin-audio.js';
import { speechEngineFor } from '../../render/audio/engine.js';
import type { SpeechSettings } from '../../infra/config.js';
import { campaignPrefix } from '../../domain/campaign/ids.js';
import { readJson, writeJson } from '../../activities/campaign/store-json.js';

export const audioKeys = {
  file: (id: string, v: number, locality: string) => `${campaignPrefix(id)}/v${v}/audio/${locality}.mp3`,
  info: (id: string, v: number, locality: string) => `${campaignPrefix(id)}/v${v}/audio/${locality}.json`,
  segment: (hash: string) => `audio/segments/${hash}.mp3`,
};

/** Levelled segments in the object store, shared by every campaign. */
export function storeSegmentCache(store: ObjectStore): SegmentCache {
  return {
    get: async (hash) => (await store.get(audioKeys.segment(hash)))?.body,
    put: async (hash, body) => {
      await store.put(audioKeys.segment(hash), body, { contentType: 'audio/mpeg' });
    },
  };
}

export interface StationAudioInput {
  campaignId: string;
  version: number;
  locality: Locality;
  script: string;
  title: string;
  priority: string;
  /** The first broadcast day (tagged as the file's date). */
  day: string;
}

/** The station's own intro or outro from the store (levelled with the speech by the renderer). */
async function stationJingle(store: ObjectStore, key: string | undefined, which: string): Promise<Buffer | undefined> {
  if (!key) return undefined;
  const found = await store.get(key);
  if (!found) throw new Error(`Không tìm thấy tệp nhạc hiệu ${which} của trạm trong kho lưu trữ (${key}); hãy tải lại tệp ở trang sửa trạm.`);
  return found.body;
}

/** Whether this station gets a file (an IP system, and speech is on). */
export function playsAudio(locality: Locality, speech: SpeechSettings | undefined): boolean {
  return locality.system === 'ip' && (speech?.engine ?? 'espeak') !== 'off';
}

/** The station's MP3 for this campaign version: made once, then reused by retries and later days. */
export async function stationAudio(store: ObjectStore, speech: SpeechSettings | undefined, input: StationAudioInput): Promise<Omit<RundownAudio, 'key'> & { campaignKey: string }> {
  const { campaignId, version, locality } = input;
  const campaignKey = audioKeys.file(campaignId, version, locality.id);
  const infoKey = audioKeys.info(campaignId, version, locality.id);
  if (await store.head(campaignKey)) {
    const info = await readJson<{ seconds: number; loudness: RundownAudio['loudness'] }>(store, infoKey).catch(() => undefined);
    if (info) return { ...info, campaignKey };
  }
  const engine = speechEngineFor(speech);
  if (!engine) throw new Error('speech is off');
  const priority = isBulletinPriority(input.priority) ? BULLETIN_PRIORITY_LABELS[input.priority] : input.priority;
  const [intro, outro] = await Promise.all([stationJingle(store, locality.intro, 'mở đầu'), stationJingle(store, locality.outro, 'kết thúc')]);
  const audio = await renderBulletinAudio({
    engine,
    script: input.script,
    voice: locality.tts,
    ...(intro ? { intro } : {}),
    ...(outro ? { outro } : {}),
    tags: { title: input.title, unit: locality.name, station: locality.cluster ? `${locality.station} — ${locality.cluster}` : locality.station, date: input.day, priority },
    target: { integrated: speech?.loudness ?? -16, truePeak: -1 },
    cache: storeSegmentCache(store),
  });
  await store.put(campaignKey, audio.mp3, { contentType: 'audio/mpeg', metadata: { campaign: campaignId, version: String(version), locality: locality.id } });
  const info = { seconds: Math.round(audio.durationSeconds * 10) / 10, loudness: audio.loudness };
  await writeJson(store, infoKey, info);
  return { ...info, campaignKey };
}
