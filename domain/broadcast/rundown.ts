/**
 * A station's programme for one day (`broadcast/<locality>/<day>/rundown.json`) and its playlist
 * (`rundown.m3u`). Under Thông tư 39/2020 an emergency bulletin plays at once and a priority one
 * goes into the next programme, so the rundown lists emergency first, then priority, then the
 * normal bulletins in the order of their slots. Pure.
 */
import { BULLETIN_PRIORITY_LABELS, isBulletinPriority, type BulletinPriority } from '../speech/priority.js';

export interface RundownAudio {
  /** The station's copy of the file, in its feed folder. */
  key: string;
  seconds: number;
  /** Measured with ffmpeg's ebur128: integrated LUFS and true peak dBTP. */
  loudness: { integrated: number; truePeak: number };
}

export interface RundownItem {
  slot: string;
  slotLabel: string;
  start: string;
  campaignId: string;
  version: number;
  title: string;
  durationSeconds: number;
  priority: string;
  scriptKey: string;
  /** For a station that plays files (IP system): the bulletin as MP3. */
  audio?: RundownAudio;
}

export interface Rundown {
  locality: string;
  localityName: string;
  day: string;
  items: RundownItem[];
}

const RANK: Record<BulletinPriority, number> = { emergency: 0, priority: 1, normal: 2 };
/** Priorities are stored as codes; rundowns written before codes held the Vietnamese label. */
function rank(priority: string): number {
  if (isBulletinPriority(priority)) return RANK[priority];
  const code = (Object.keys(BULLETIN_PRIORITY_LABELS) as BulletinPriority[]).find((p) => BULLETIN_PRIORITY_LABELS[p] === priority);
  return code ? RANK[code] : RANK.normal;
}

/** Emergency first, then priority, then by slot start time; stable otherwise. */
export function orderRundown(items: readonly RundownItem[]): RundownItem[] {
  return [...items].sort((a, b) => rank(a.priority) - rank(b.priority) || a.start.localeCompare(b.start));
}

/** The Vietnamese label of a stored priority (code or label). */
export function priorityLabel(priority: string): string {
  return isBulletinPriority(priority) ? BULLETIN_PRIORITY_LABELS[priority] : priority;
}

/**
 * The day's playlist for a player that takes M3U: the files in rundown order, each with its
 * length and a title that says its priority. `urlOf` turns a store key into what the player
 * fetches (a path relative to the feed folder by default). Items without audio are left out:
 * an announcer reads them.
 */
export function rundownM3u(rundown: Rundown, urlOf: (key: string) => string = (key) => key.slice(key.lastIndexOf('/') + 1)): string {
  const lines = ['#EXTM3U', `#PLAYLIST:${rundown.localityName} — ${rundown.day.split('-').reverse().join('/')}`];
  for (const item of orderRundown(rundown.items)) {
    if (!item.audio) continue;
    lines.push(`#EXTINF:${Math.round(item.audio.seconds)},[${priorityLabel(item.priority)}] ${item.title.replace(/[\r\n]+/g, ' ')}`, urlOf(item.audio.key));
  }
  return `${lines.join('\n')}\n`;
}
