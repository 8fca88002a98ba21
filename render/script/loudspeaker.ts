/**
 * Loudspeaker scripts (kịch bản phát thanh cơ sở): one per locality and slot, from a content
 * brief. The template is rendered with the cleaned brief fields, the whole text is normalised for
 * reading aloud, checked to hold nothing unspeakable, and timed against the slot. Returns the text
 * for the announcer, a JSON sidecar for the operator and the list of rewrites for the editor.
 */
import type { BriefFigure, ContentBrief } from '../../domain/brief.js';
import type { Expansion } from '../../domain/speech/expansion.js';
import { normalizeForSpeech } from '../../domain/speech/normalize.js';
import { BULLETIN_PRIORITY_LABELS, BulletinPriority, isBulletinPriority } from '../../domain/speech/priority.js';
import { checkFitsSlot, DEFAULT_SYLLABLES_PER_MINUTE, estimateReadingTime } from '../../domain/speech/reading-time.js';
import { findUnspeakable, UnspeakableTextError } from '../../domain/speech/speakable.js';
import { viNumber } from '../format.js';
import { ScriptInputError, ScriptTooLongError } from './errors.js';
import { asPhrase, asSentence, cleanField, cleanList, inSentence, MAX_SHORT_FIELD_CHARS } from './input.js';
import { renderTextTemplate, SCRIPT_TEMPLATE, TEMPLATE_SOURCE_VERSION } from './templates.js';

/** The locality a script is for. Structural: a `Locality` from domain/localities.ts fits. */
export interface ScriptLocality {
  id: string;
  /** e.g. "Phường Bắc Kạn" */
  name: string;
  /** e.g. "Đài truyền thanh phường Bắc Kạn"; defaults to "Đài truyền thanh <name>". */
  station?: string;
}

/** The broadcast slot. Structural: a `BroadcastSlot` from domain/localities.ts fits. */
export interface ScriptSlot {
  id: string;
  /** e.g. "Buổi sáng" */
  label: string;
  /** "HH:MM", local time. */
  start: string;
  durationMinutes: number;
}

/** Input of {@link renderLoudspeakerScript}. */
export interface LoudspeakerScriptInput {
  brief: ContentBrief;
  locality: ScriptLocality;
  slot: ScriptSlot;
  /** Default: normal. */
  priority?: BulletinPriority;
  /** Reading speed used for the duration; default {@link DEFAULT_SYLLABLES_PER_MINUTE}. */
  syllablesPerMinute?: number;
}

/** An expansion with how often it occurs in the script. */
export interface CountedExpansion extends Expansion {
  count: number;
}

/** The JSON sidecar that travels with the script text. */
export interface LoudspeakerSidecar {
  kind: 'loudspeaker-script';
  locality: string;
  localityName: string;
  station: string;
  slot: ScriptSlot;
  priority: BulletinPriority;
  priorityLabel: string;
  /** Estimated reading time, whole seconds. */
  durationSeconds: number;
  syllables: number;
  syllablesPerMinute: number;
  /** Slot time left after the script. */
  spareSeconds: number;
  planId: string;
  planSymbol: string;
  taskId: string | null;
  occasionId: string;
  occasionDate: string;
  headline: string;
  generatedFrom: { template: string; templateVersion: string };
  /** What was rewritten for the ear, once per distinct rewrite. */
  expansions: CountedExpansion[];
}

/** A rendered script. */
export interface LoudspeakerScript {
  /** The text the announcer reads (or text-to-speech speaks). */
  text: string;
  sidecar: LoudspeakerSidecar;
  /** Every rewrite, in the order normalisation made them. */
  expansions: Expansion[];
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

function figureSentence(f: BriefFigure, i: number, label: string, period: string): string {
  const value = Number.isFinite(f.value) ? viNumber(f.value) : '';
  if (!value) throw new ScriptInputError(`brief.figures[${i}].value`, 'phải là một số hữu hạn.');
  let phrase: string;
  switch (f.unit) {
    case 'percent':
      phrase = `${value}% ${label}`;
      break;
    case 'count':
      phrase = `${value} ${label}`;
      break;
    case 'perYear':
      phrase = /(?:mỗi|hằng|hàng) năm|\/\s*năm/iu.test(label) ? `${value} ${label}` : `mỗi năm ${value} ${label}`;
      break;
    default:
      throw new ScriptInputError(`brief.figures[${i}].unit`, 'phải là percent, count hoặc perYear.');
  }
  const text = period ? `${phrase}, giai đoạn ${period}` : phrase;
  return asSentence(text.charAt(0).toLocaleUpperCase('vi') + text.slice(1));
}

function countExpansions(expansions: readonly Expansion[]): CountedExpansion[] {
  const byKey = new Map<string, CountedExpansion>();
  for (const e of expansions) {
    const key = `${e.kind}\u0000${e.original}\u0000${e.spoken}`;
    const seen = byKey.get(key);
    if (seen) seen.count += 1;
    else byKey.set(key, { ...e, count: 1 });
  }
  return [...byKey.values()];
}

/**
 * Renders the script for one locality and slot. Throws {@link ScriptInputError} for a bad field,
 * {@link UnspeakableTextError} when digits, symbols or abbreviations survive normalisation and
 * {@link ScriptTooLongError} when the script does not fit the slot.
 */
export function renderLoudspeakerScript(input: LoudspeakerScriptInput): LoudspeakerScript {
  const { brief, locality, slot } = input;
  if (typeof brief !== 'object' || brief === null) throw new ScriptInputError('brief', 'bị thiếu.');
  if (typeof locality !== 'object' || locality === null) throw new ScriptInputError('locality', 'bị thiếu.');
  if (typeof slot !== 'object' || slot === null) throw new ScriptInputError('slot', 'bị thiếu.');

  const priority = input.priority ?? BulletinPriority.normal;
  if (!isBulletinPriority(priority)) throw new ScriptInputError('priority', 'phải là normal, priority hoặc emergency.');
  const syllablesPerMinute = input.syllablesPerMinute ?? DEFAULT_SYLLABLES_PER_MINUTE;
  if (!(syllablesPerMinute > 0) || !Number.isFinite(syllablesPerMinute)) throw new ScriptInputError('syllablesPerMinute', 'phải là số dương.');

  const short = { required: true, max: MAX_SHORT_FIELD_CHARS };
  const localityId = cleanField(locality.id, 'locality.id', short);
  const localityName = cleanField(locality.name, 'locality.name', short);
  const station = cleanField(locality.station, 'locality.station', { max: MAX_SHORT_FIELD_CHARS }) || `Đài truyền thanh ${inSentence(localityName)}`;
  const slotId = cleanField(slot.id, 'slot.id', short);
  const slotLabel = cleanField(slot.label, 'slot.label', short);
  const slotStart = cleanField(slot.start, 'slot.start', short);
  if (!CLOCK.test(slotStart)) throw new ScriptInputError('slot.start', `phải là giờ dạng HH:MM, ví dụ 06:30, không phải "${slotStart}".`);
  const durationMinutes = slot.durationMinutes;
  if (typeof durationMinutes !== 'number' || !(durationMinutes > 0) || !Number.isFinite(durationMinutes)) {
    throw new ScriptInputError('slot.durationMinutes', 'phải là số phút dương.');
  }

  const headline = asPhrase(cleanField(brief.headline, 'brief.headline', { required: true }));
  const keyMessages = cleanList(brief.keyMessages, 'brief.keyMessages', { minItems: 1 }).map(asSentence);
  const body = cleanList(brief.body, 'brief.body').map(asSentence);
  if (!Array.isArray(brief.figures)) throw new ScriptInputError('brief.figures', 'phải là một danh sách.');
  cleanList(brief.figures.map(() => ''), 'brief.figures');
  const figures = brief.figures.map((f, i) =>
    figureSentence(f, i, cleanField(f.label, `brief.figures[${i}].label`, { required: true }), cleanField(f.period, `brief.figures[${i}].period`, { max: MAX_SHORT_FIELD_CHARS })),
  );
  const ids = {
    planId: cleanField(brief.planId, 'brief.planId', short),
    planSymbol: cleanField(brief.planSymbol, 'brief.planSymbol', { max: MAX_SHORT_FIELD_CHARS }),
    taskId: cleanField(brief.taskId, 'brief.taskId', { max: MAX_SHORT_FIELD_CHARS }) || null,
    occasionId: cleanField(brief.occasionId, 'brief.occasionId', short),
    occasionDate: cleanField(brief.occasionDate, 'brief.occasionDate', { max: MAX_SHORT_FIELD_CHARS }),
  };
  const issuer = cleanField(brief.issuer, 'brief.issuer');
  // The plan's symbol without editorial notes such as "(chưa ghi số)".
  const planReference = ids.planSymbol.replace(/\s*\([^)]*\)/gu, '').trim();
  const view = {
    emergency: priority === BulletinPriority.emergency,
    bulletinName: priority === BulletinPriority.normal ? 'bản tin' : `bản tin ${BULLETIN_PRIORITY_LABELS[priority]}`,
    station,
    localityName: inSentence(localityName),
    slotLabel: inSentence(slotLabel),
    slotStart,
    headline,
    occasionName: inSentence(asPhrase(cleanField(brief.occasionName, 'brief.occasionName'))),
    resolution: asPhrase(cleanField(brief.resolution, 'brief.resolution')),
    planSymbol: planReference,
    issuer,
    taskTitle: asPhrase(cleanField(brief.taskTitle, 'brief.taskTitle')),
    leadBody: asPhrase(cleanField(brief.leadBody, 'brief.leadBody')),
    body,
    figures,
    keyMessages,
  };
  // Cleaning (sanitizeText) also checks the other brief fields the script does not read aloud.
  cleanField(brief.planTitle, 'brief.planTitle');
  cleanField(brief.issuerShort, 'brief.issuerShort');

  const written = renderTextTemplate(SCRIPT_TEMPLATE, view);
  const symbolIssuers = planReference && issuer ? { [planReference]: issuer } : {};
  const { text, expansions } = normalizeForSpeech(written, { symbolIssuers });

  const unspeakable = findUnspeakable(text);
  if (unspeakable.length > 0) throw new UnspeakableTextError(unspeakable);

  const where = `${station}, khung giờ ${inSentence(slotLabel)} lúc ${slotStart}`;
  const reading = estimateReadingTime(text, { syllablesPerMinute });
  const fit = checkFitsSlot(reading.seconds, durationMinutes);
  if (!fit.ok) throw new ScriptTooLongError(fit, where);

  const sidecar: LoudspeakerSidecar = {
    kind: 'loudspeaker-script',
    locality: localityId,
    localityName,
    station,
    slot: { id: slotId, label: slotLabel, start: slotStart, durationMinutes },
    priority,
    priorityLabel: BULLETIN_PRIORITY_LABELS[priority],
    durationSeconds: reading.seconds,
    syllables: reading.syllables,
    syllablesPerMinute,
    spareSeconds: fit.spareSeconds,
    ...ids,
    headline,
    generatedFrom: { template: `loudspeaker/${SCRIPT_TEMPLATE}`, templateVersion: TEMPLATE_SOURCE_VERSION },
    expansions: countExpansions(expansions),
  };
  return { text: `${text}\n`, sidecar, expansions };
}

/** The two files of a script: UTF-8 text for the announcer and its JSON sidecar. */
export function loudspeakerFiles(script: LoudspeakerScript): { text: { contentType: string; body: string }; sidecar: { contentType: string; body: string } } {
  return {
    text: { contentType: 'text/plain; charset=utf-8', body: script.text },
    sidecar: { contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(script.sidecar, null, 2)}\n` },
  };
}
