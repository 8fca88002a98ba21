/**
 * Uploading a station's intro and outro: each file is probed with ffprobe (the same program the
 * renderer uses) and refused with a Vietnamese message naming the file when it is not audio, is
 * too large or too long. Only when every file is acceptable are they written to the object store
 * (under the unit, named by their content) and the station record changed, by the directory's
 * conditional save; when the save is refused, the files just written are removed again, so
 * nothing already stored changes.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JINGLE_FORMATS, jingleFormatOf, jingleKey, jingleProblem, type JingleSlot, type ProbedAudio, type StationJingle } from '../domain/directory/jingle.js';
import type { Station, UnitInput } from '../domain/directory/schema.js';
import type { TtsVoice } from '../domain/localities.js';
import { run } from '../render/audio/speech-engine.js';
import type { DirectoryStore, StoredUnit } from './directory-store.js';
import type { ObjectStore } from './object-store.js';

/** What ffprobe reads of a file; undefined when it is not a media file it can read. */
export async function probeAudio(bytes: Buffer, ffprobe = 'ffprobe'): Promise<ProbedAudio | undefined> {
  const dir = await mkdtemp(path.join(tmpdir(), 'jingle-probe-'));
  try {
    const file = path.join(dir, 'upload');
    await writeFile(file, bytes);
    let out: Buffer;
    try {
      out = await run(ffprobe, ['-v', 'error', '-show_entries', 'format=format_name,duration:stream=codec_type', '-of', 'json', file], undefined, 'ffprobe');
    } catch (err) {
      // ffprobe exits non-zero for a file that is not media; a missing program is a real fault.
      if (err instanceof Error && /Không tìm thấy|Không chạy được/.test(err.message)) throw err;
      return undefined;
    }
    const info = JSON.parse(out.toString('utf8')) as { format?: { format_name?: string; duration?: string }; streams?: { codec_type?: string }[] };
    if (!info.format?.format_name) return undefined;
    return {
      container: info.format.format_name,
      audioStreams: (info.streams ?? []).filter((s) => s.codec_type === 'audio').length,
      seconds: Number(info.format.duration ?? NaN),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One uploaded file for a slot. */
export interface JingleUpload {
  name: string;
  bytes: Buffer;
}

/** What an administrator changes on a station's page. */
export interface StationAudioChange {
  intro?: JingleUpload | 'remove';
  outro?: JingleUpload | 'remove';
  /** The station's voice; undefined leaves it as it is, `{}` clears it. */
  tts?: TtsVoice;
}

/** Files that were refused; nothing was written. One message per file, each naming it. */
export class JingleRefusedError extends Error {
  constructor(readonly problems: { slot: JingleSlot; message: string }[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'JingleRefusedError';
  }
}

/** Checks one upload; the accepted jingle (without its key yet) or the message. */
export async function checkJingle(slot: JingleSlot, upload: JingleUpload): Promise<{ ok: true; seconds: number } | { ok: false; message: string }> {
  const size = upload.bytes.length;
  const early = jingleProblem(slot, { name: upload.name, size }, { container: jingleFormatOf(upload.name) ?? '', audioStreams: 1, seconds: 1 });
  if (early) return { ok: false, message: early };
  const probed = await probeAudio(upload.bytes);
  const problem = jingleProblem(slot, { name: upload.name, size }, probed);
  return problem ? { ok: false, message: problem } : { ok: true, seconds: Math.round(probed!.seconds * 10) / 10 };
}

/**
 * Applies the change to one station of a unit: files checked first (all refused together), then
 * stored, then the unit saved at `expectedRevision` (UnitConflictError / UnitValidationError
 * pass through, after the new files are removed again).
 */
export async function changeStationAudio(
  directory: DirectoryStore,
  store: ObjectStore,
  stored: StoredUnit,
  stationId: string,
  change: StationAudioChange,
  options: { by: string; expectedRevision: number },
): Promise<StoredUnit> {
  const unit = stored.unit;
  const station = unit.broadcast?.stations.find((s) => s.id === stationId);
  if (!unit.broadcast || !station) throw new Error(`station ${stationId} not in unit ${unit.id}`);
  const slots: JingleSlot[] = ['intro', 'outro'];
  const problems: { slot: JingleSlot; message: string }[] = [];
  const accepted = new Map<JingleSlot, { upload: JingleUpload; seconds: number }>();
  for (const slot of slots) {
    const c = change[slot];
    if (!c || c === 'remove') continue;
    const checked = await checkJingle(slot, c);
    if (checked.ok) accepted.set(slot, { upload: c, seconds: checked.seconds });
    else problems.push({ slot, message: checked.message });
  }
  if (problems.length) throw new JingleRefusedError(problems);

  const next: Station = { ...station };
  const written: string[] = [];
  for (const slot of slots) {
    if (change[slot] === 'remove') delete next[slot];
    const found = accepted.get(slot);
    if (!found) continue;
    const format = jingleFormatOf(found.upload.name)!;
    const key = jingleKey(unit.id, station.id, slot, createHash('sha256').update(found.upload.bytes).digest('hex'), format);
    const jingle: StationJingle = { key, file: found.upload.name, seconds: found.seconds };
    if (station[slot]?.key !== key) {
      await store.put(key, found.upload.bytes, { contentType: JINGLE_FORMATS[format].contentType, metadata: { unit: unit.id, station: station.id, slot } });
      written.push(key);
    }
    next[slot] = jingle;
  }
  if (change.tts) {
    if (change.tts.rate === undefined && change.tts.pitch === undefined) delete next.tts;
    else next.tts = { ...(change.tts.rate !== undefined ? { rate: change.tts.rate } : {}), ...(change.tts.pitch !== undefined ? { pitch: change.tts.pitch } : {}) };
  }
  const input: UnitInput = { ...unit, broadcast: { ...unit.broadcast, stations: unit.broadcast.stations.map((s) => (s.id === station.id ? next : s)) } };
  const what = [change.intro && (change.intro === 'remove' ? 'bỏ nhạc hiệu mở đầu' : `nhạc hiệu mở đầu “${change.intro.name}”`), change.outro && (change.outro === 'remove' ? 'bỏ nhạc hiệu kết thúc' : `nhạc hiệu kết thúc “${change.outro.name}”`), change.tts && 'giọng đọc'].filter(Boolean);
  try {
    // Files replaced are kept: a campaign version already rendering may still read them.
    return await directory.save(input, { by: options.by, expectedRevision: options.expectedRevision, note: `${station.name}: ${what.join(', ') || 'không đổi'}` });
  } catch (err) {
    await Promise.all(written.map((k) => store.delete(k).catch(() => undefined)));
    throw err;
  }
}
