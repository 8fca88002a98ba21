/**
 * A station's own intro and outro (nhạc hiệu mở đầu, kết thúc): short audio files an
 * administrator uploads for an IP station, played around every bulletin it gets as a file.
 * What a file must be (MP3, WAV or OGG audio, at most JINGLE_MAX_BYTES and JINGLE_MAX_SECONDS),
 * where it is kept (under the unit in the object store) and the Vietnamese message for a file
 * that is not acceptable. Pure: the probe itself (ffprobe) is in infra/station-jingle.ts.
 */
import { z } from 'zod';
import { formatVnNumber } from '../numbers.js';
import { need, text } from '../plan/fields.js';

export const JingleSlot = { intro: 'intro', outro: 'outro' } as const;
export type JingleSlot = (typeof JingleSlot)[keyof typeof JingleSlot];
export const jingleSlotLabels: Record<JingleSlot, string> = { intro: 'nhạc hiệu mở đầu', outro: 'nhạc hiệu kết thúc' };

/** The largest file accepted (a 30-second WAV at 44.1 kHz mono fits; stereo at 48 kHz does not, MP3 and OGG always do). */
export const JINGLE_MAX_BYTES = 4 * 1024 * 1024;
/** The longest intro or outro: a bulletin is the message, not the music. */
export const JINGLE_MAX_SECONDS = 30;

/** The file formats accepted, by extension, with the names ffprobe gives their containers. */
export const JINGLE_FORMATS = {
  mp3: { contentType: 'audio/mpeg', containers: ['mp3'] },
  wav: { contentType: 'audio/wav', containers: ['wav'] },
  ogg: { contentType: 'audio/ogg', containers: ['ogg'] },
} as const;
export type JingleFormat = keyof typeof JINGLE_FORMATS;

/** Where a station's jingle is kept: under its unit, named by its content so a replaced file never overwrites one in use. */
export function jingleKey(unitId: string, stationId: string, slot: JingleSlot, hash: string, format: JingleFormat): string {
  return `directory/audio/${unitId}/${stationId}/${slot}-${hash.slice(0, 16)}.${format}`;
}

/** The object-store prefix of a unit's jingles. */
export const jinglePrefix = (unitId: string) => `directory/audio/${unitId}/`;

const JINGLE_KEY = /^directory\/audio\/[a-z0-9-]+\/[a-z0-9-]+\/(?:intro|outro)-[0-9a-f]{16}\.(?:mp3|wav|ogg)$/;

/** A jingle as the station record refers to it. */
export const stationJingleSchema = z.strictObject({
  /** The object-store key (see jingleKey). */
  key: z.string({ error: need('khóa tệp trong kho lưu trữ') }).regex(JINGLE_KEY, 'khóa tệp nhạc hiệu không hợp lệ; hãy tải tệp lên ở trang sửa trạm'),
  /** The file's name as uploaded, e.g. "nhac-hieu-mo-dau.mp3". */
  file: text,
  seconds: z.number({ error: need('số giây') }).positive('độ dài phải lớn hơn 0 giây').max(JINGLE_MAX_SECONDS, `dài quá ${JINGLE_MAX_SECONDS} giây`),
});
export type StationJingle = z.output<typeof stationJingleSchema>;

/** The extension of an uploaded file's name, when it is one of the accepted formats. */
export function jingleFormatOf(fileName: string): JingleFormat | undefined {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return ext && ext in JINGLE_FORMATS ? (ext as JingleFormat) : undefined;
}

/** What ffprobe says about a file (undefined when it could not read it at all). */
export interface ProbedAudio {
  /** ffprobe's format_name, e.g. "mp3", "wav", "ogg". */
  container: string;
  /** Number of audio streams found. */
  audioStreams: number;
  seconds: number;
}

/** Megabytes to a tenth, rounded up (a file just over the limit never reads as the limit). */
const mb = (bytes: number) => `${formatVnNumber(Math.ceil((bytes / 1024 / 1024) * 10) / 10, 1)} MB`;
/** "12,5 giây". */
export const jingleSeconds = (s: number) => `${formatVnNumber(s, 1)} giây`;
const secs = jingleSeconds;

/**
 * The problem with an uploaded jingle, as a sentence naming the file and the slot; undefined
 * when it is acceptable. `probed` is undefined when ffprobe could not read the file.
 */
export function jingleProblem(slot: JingleSlot, file: { name: string; size: number }, probed?: ProbedAudio | undefined): string | undefined {
  const what = `Tệp ${jingleSlotLabels[slot]} “${file.name}”`;
  if (file.size > JINGLE_MAX_BYTES) return `${what} nặng ${mb(file.size)}, quá giới hạn ${mb(JINGLE_MAX_BYTES)}; hãy cắt ngắn hoặc lưu dạng MP3.`;
  const format = jingleFormatOf(file.name);
  if (!format) return `${what} không phải tệp MP3, WAV hoặc OGG; hãy chọn tệp âm thanh có đuôi .mp3, .wav hoặc .ogg.`;
  if (!probed || probed.audioStreams === 0) return `${what} không phải tệp âm thanh đọc được (không tìm thấy tiếng trong tệp); hãy chọn tệp MP3, WAV hoặc OGG khác.`;
  const containers: readonly string[] = JINGLE_FORMATS[format].containers;
  if (!probed.container.split(',').some((c) => containers.includes(c))) return `${what} có đuôi .${format} nhưng nội dung không phải tệp ${format.toUpperCase()}; hãy lưu lại đúng định dạng rồi tải lên.`;
  if (!(probed.seconds > 0)) return `${what} không có độ dài đọc được; hãy chọn tệp âm thanh khác.`;
  if (probed.seconds > JINGLE_MAX_SECONDS) return `${what} dài ${secs(probed.seconds)}, quá giới hạn ${JINGLE_MAX_SECONDS} giây; hãy cắt ngắn rồi tải lên lại.`;
  return undefined;
}
