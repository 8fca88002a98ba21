/**
 * Reading time of a script for the ear and whether it fits a broadcast slot. Pure.
 *
 * Vietnamese is written one syllable per space-separated word, so syllables are counted as words.
 * Assumption (no source): a grassroots announcer reads clearly and a little slower than a news
 * reader; about 200 syllables per minute, plus a short breath at each sentence end and a longer
 * one between paragraphs. Both are options so a commune can calibrate them against its own
 * recordings.
 */

/** Default reading speed in syllables per minute. */
export const DEFAULT_SYLLABLES_PER_MINUTE = 200;
/** Default pause after a sentence, in seconds. */
export const DEFAULT_SENTENCE_PAUSE_SECONDS = 0.5;
/** Default pause between paragraphs, in seconds (on top of the sentence pause). */
export const DEFAULT_PARAGRAPH_PAUSE_SECONDS = 1;

/** Options for {@link estimateReadingTime}. */
export interface ReadingTimeOptions {
  syllablesPerMinute?: number;
  sentencePauseSeconds?: number;
  paragraphPauseSeconds?: number;
}

/** How long a text takes to read aloud. */
export interface ReadingTime {
  syllables: number;
  sentences: number;
  paragraphs: number;
  /** Whole seconds, rounded up. */
  seconds: number;
}

/** Counts syllables: whitespace-separated tokens that contain a letter or digit. */
export function countSyllables(text: string): number {
  return text.split(/\s+/u).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

/** Estimates reading time; throws RangeError for a non-positive speed or negative pauses. */
export function estimateReadingTime(text: string, options: ReadingTimeOptions = {}): ReadingTime {
  const spm = options.syllablesPerMinute ?? DEFAULT_SYLLABLES_PER_MINUTE;
  const sentencePause = options.sentencePauseSeconds ?? DEFAULT_SENTENCE_PAUSE_SECONDS;
  const paragraphPause = options.paragraphPauseSeconds ?? DEFAULT_PARAGRAPH_PAUSE_SECONDS;
  if (!(spm > 0) || !Number.isFinite(spm)) throw new RangeError(`syllablesPerMinute must be a positive number, got ${spm}`);
  if (!(sentencePause >= 0) || !(paragraphPause >= 0)) throw new RangeError('Pauses must not be negative');

  const syllables = countSyllables(text);
  const sentences = (text.match(/[.!?…]+(?=\s|$)/gu) ?? []).length;
  const paragraphs = text.split(/\n\s*\n/u).filter((p) => p.trim().length > 0).length;
  const seconds = (syllables / spm) * 60 + sentences * sentencePause + Math.max(0, paragraphs - 1) * paragraphPause;
  return { syllables, sentences, paragraphs, seconds: Math.ceil(seconds - 1e-9) };
}

/** "7 phút 40 giây", "5 phút", "40 giây", "0 giây". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  if (minutes === 0) return `${seconds} giây`;
  return seconds === 0 ? `${minutes} phút` : `${minutes} phút ${seconds} giây`;
}

/** Result of {@link checkFitsSlot}. */
export type SlotFit =
  | { ok: true; seconds: number; slotSeconds: number; spareSeconds: number }
  | { ok: false; seconds: number; slotSeconds: number; overSeconds: number; message: string };

/**
 * Whether a script of `seconds` fits a slot of `slotMinutes`. When it does not, `message` says by
 * how much, in Vietnamese: "Kịch bản dài 7 phút 40 giây, vượt khung giờ 5 phút là 2 phút 40 giây".
 */
export function checkFitsSlot(seconds: number, slotMinutes: number): SlotFit {
  if (!(slotMinutes > 0) || !Number.isFinite(slotMinutes)) throw new RangeError(`slotMinutes must be a positive number, got ${slotMinutes}`);
  const slotSeconds = Math.round(slotMinutes * 60);
  if (seconds <= slotSeconds) return { ok: true, seconds, slotSeconds, spareSeconds: slotSeconds - seconds };
  const overSeconds = seconds - slotSeconds;
  const message = `Kịch bản dài ${formatDuration(seconds)}, vượt khung giờ ${formatDuration(slotSeconds)} là ${formatDuration(overSeconds)}`;
  return { ok: false, seconds, slotSeconds, overSeconds, message };
}
