/**
 * Text for the ear: Vietnamese number words, normalisation of written text for reading aloud,
 * the check that nothing unspeakable is left, reading time against a slot, bulletin priority.
 * Pure; safe to import from workflows, activities, the web server and the CLI.
 */
export { ABBREVIATIONS, DOCUMENT_ISSUERS, DOCUMENT_TYPES, type Abbreviation } from './abbreviations.js';
export { ExpansionKind, type Expansion } from './expansion.js';
export { digitsToWords, monthToWords, numberToWords, ordinalToWords, readNumberString, MAX_SPOKEN_INTEGER } from './number-words.js';
export { normalizeForSpeech, type NormalizeOptions, type SpeechText } from './normalize.js';
export { assertSpeakable, findUnspeakable, UnspeakableTextError } from './speakable.js';
export {
  checkFitsSlot,
  countSyllables,
  estimateReadingTime,
  formatDuration,
  DEFAULT_SYLLABLES_PER_MINUTE,
  type ReadingTime,
  type ReadingTimeOptions,
  type SlotFit,
} from './reading-time.js';
export { BulletinPriority, BULLETIN_PRIORITY_LABELS, isBulletinPriority } from './priority.js';
