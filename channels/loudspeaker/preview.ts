/** The loudspeaker's draft preview: one locality's script, with its station, slot, reading time and priority. */
import { formatDuration } from '../../domain/speech/index.js';
import type { ObjectStore } from '../../infra/object-store.js';

/** What the draft activity writes beside each script (`<locality>.json`), as far as the preview reads it. */
interface ScriptSidecar {
  localityName: string;
  station: string;
  slot: { label: string; start: string; durationMinutes: number };
  durationSeconds: number;
  spareSeconds: number;
  priorityLabel: string;
}

export interface ScriptPreview {
  text: string;
  locality: string;
  station: string;
  slot: string;
  reading: string;
  spare: string;
  priority: string;
}

async function sidecar(store: ObjectStore, key: string): Promise<ScriptSidecar | undefined> {
  const obj = await store.get(key).catch(() => undefined);
  try {
    return obj ? (JSON.parse(obj.body.toString('utf8')) as ScriptSidecar) : undefined;
  } catch {
    return undefined;
  }
}

/** The script at `key` (`…/loudspeaker/<locality>.txt`) as the preview shows it; undefined when it is not there. */
export async function scriptPreview(store: ObjectStore, key: string): Promise<ScriptPreview | undefined> {
  const text = await store.get(key).catch(() => undefined);
  if (!text) return undefined;
  const side = await sidecar(store, key.replace(/\.txt$/, '.json'));
  return {
    text: text.body.toString('utf8'),
    locality: side?.localityName ?? '',
    station: side?.station ?? '',
    slot: side ? `${side.slot.label} (${side.slot.start}, ${side.slot.durationMinutes} phút)` : '',
    reading: side ? formatDuration(side.durationSeconds) : '',
    spare: side && side.spareSeconds >= 0 ? `còn trống ${formatDuration(side.spareSeconds)} trong khung giờ` : '',
    priority: side?.priorityLabel ?? '',
  };
}
