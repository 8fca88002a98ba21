/**
 * From the script's input to the template's view: every field type- and length-checked and
 * cleaned (input.ts), names fitted into sentences, figures turned into sentences, and the
 * metadata the sidecar needs. No normalisation for speech yet: the template is rendered with the
 * text as written and the whole result is normalised at once.
 */
import type { BriefFigure, ContentBrief } from '../../../domain/brief.js';
import { isFigureBound, periodPhrase, withBound } from '../../../domain/plan/bounds.js';
import { BULLETIN_PRIORITY_LABELS, BulletinPriority, isBulletinPriority } from '../../../domain/speech/priority.js';
import { DEFAULT_SYLLABLES_PER_MINUTE } from '../../../domain/speech/reading-time.js';
import { formatVnNumber } from '../../../domain/numbers.js';
import { capitalize } from '../../../domain/text/case.js';
import { ScriptInputError } from './errors.js';
import { asPhrase, asSentence, cleanField, cleanList, inSentence, MAX_LIST_ITEMS, MAX_SHORT_FIELD_CHARS } from './input.js';

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

/** Input of a loudspeaker script. */
export interface LoudspeakerScriptInput {
  brief: ContentBrief;
  locality: ScriptLocality;
  slot: ScriptSlot;
  /** Default: normal. */
  priority?: BulletinPriority;
  /** Reading speed used for the duration; default {@link DEFAULT_SYLLABLES_PER_MINUTE}. */
  syllablesPerMinute?: number;
}

/** What the template sees. Every string is cleaned; optional parts are "" when absent. */
export interface ScriptView {
  emergency: boolean;
  /** "bản tin", "bản tin ưu tiên", "bản tin khẩn cấp". */
  bulletinName: string;
  station: string;
  localityName: string;
  slotLabel: string;
  slotStart: string;
  headline: string;
  occasionName: string;
  resolution: string;
  /** The plan's symbol without editorial notes such as "(chưa ghi số)". */
  planSymbol: string;
  issuer: string;
  taskTitle: string;
  /** True when the bulletin speaks for several tasks ("các nhiệm vụ"). */
  severalTasks: boolean;
  leadBody: string;
  body: string[];
  figures: string[];
  keyMessages: string[];
}

/** What the sidecar needs beyond the view. */
export interface ScriptMeta {
  localityId: string;
  localityName: string;
  slot: ScriptSlot;
  priority: BulletinPriority;
  syllablesPerMinute: number;
  source: { planId: string; planSymbol: string; taskId: string | null; occasionId: string; occasionDate: string };
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const SHORT = { required: true, max: MAX_SHORT_FIELD_CHARS } as const;
const SHORT_OPTIONAL = { max: MAX_SHORT_FIELD_CHARS } as const;

function requireObject(value: unknown, field: string): void {
  if (typeof value !== 'object' || value === null) throw new ScriptInputError(field, 'bị thiếu.');
}

function readSlot(slot: ScriptSlot): ScriptSlot {
  requireObject(slot, 'slot');
  const start = cleanField(slot.start, 'slot.start', SHORT);
  if (!CLOCK.test(start)) throw new ScriptInputError('slot.start', `phải là giờ dạng HH:MM, ví dụ 06:30, không phải "${start}".`);
  const durationMinutes: unknown = slot.durationMinutes;
  if (typeof durationMinutes !== 'number' || !(durationMinutes > 0) || !Number.isFinite(durationMinutes)) {
    throw new ScriptInputError('slot.durationMinutes', 'phải là số phút dương.');
  }
  return { id: cleanField(slot.id, 'slot.id', SHORT), label: cleanField(slot.label, 'slot.label', SHORT), start, durationMinutes };
}

function figureSentence(f: BriefFigure, i: number): string {
  requireObject(f, `brief.figures[${i}]`);
  const label = cleanField(f.label, `brief.figures[${i}].label`, { required: true });
  const period = cleanField(f.period, `brief.figures[${i}].period`, SHORT_OPTIONAL);
  const value = typeof f.value === 'number' && Number.isFinite(f.value) ? formatVnNumber(f.value) : '';
  if (!value) throw new ScriptInputError(`brief.figures[${i}].value`, 'phải là một số hữu hạn.');
  if (f.bound !== undefined && !isFigureBound(f.bound)) throw new ScriptInputError(`brief.figures[${i}].bound`, 'phải là atLeast, above, atMost hoặc below.');
  if (f.aim !== undefined && typeof f.aim !== 'boolean') throw new ScriptInputError(`brief.figures[${i}].aim`, 'phải là true hoặc false.');
  // "tối thiểu 70%", "phấn đấu 100%": the bound changes what the plan says, so it is read too.
  const bounded = (shown: string) => withBound(f, shown);
  let phrase: string;
  switch (f.unit) {
    case 'percent':
      phrase = `${bounded(`${value}%`)} ${label}`;
      break;
    case 'count':
      phrase = `${bounded(value)} ${label}`;
      break;
    case 'perYear':
      phrase = /(?:mỗi|hằng|hàng) năm|\/\s*năm/iu.test(label) ? `${bounded(value)} ${label}` : `mỗi năm ${bounded(value)} ${label}`;
      break;
    default:
      throw new ScriptInputError(`brief.figures[${i}].unit`, 'phải là percent, count hoặc perYear.');
  }
  const text = period ? `${phrase}, ${periodPhrase(period)}` : phrase;
  return asSentence(capitalize(text));
}

function readFigures(figures: unknown): string[] {
  if (!Array.isArray(figures)) throw new ScriptInputError('brief.figures', 'phải là một danh sách.');
  if (figures.length > MAX_LIST_ITEMS) throw new ScriptInputError('brief.figures', `có ${figures.length} mục, tối đa ${MAX_LIST_ITEMS}.`);
  return (figures as BriefFigure[]).map(figureSentence);
}

/**
 * Checks and cleans the input and builds the template's view. Throws {@link ScriptInputError}
 * naming the first bad field.
 */
export function buildScriptView(input: LoudspeakerScriptInput): { view: ScriptView; meta: ScriptMeta } {
  const { brief, locality } = input;
  requireObject(brief, 'brief');
  requireObject(locality, 'locality');
  const priority = input.priority ?? BulletinPriority.normal;
  if (!isBulletinPriority(priority)) throw new ScriptInputError('priority', 'phải là normal, priority hoặc emergency.');
  const syllablesPerMinute = input.syllablesPerMinute ?? DEFAULT_SYLLABLES_PER_MINUTE;
  if (!(syllablesPerMinute > 0) || !Number.isFinite(syllablesPerMinute)) throw new ScriptInputError('syllablesPerMinute', 'phải là số dương.');

  const localityId = cleanField(locality.id, 'locality.id', SHORT);
  const localityName = cleanField(locality.name, 'locality.name', SHORT);
  const station = cleanField(locality.station, 'locality.station', SHORT_OPTIONAL) || `Đài truyền thanh ${inSentence(localityName)}`;
  const slot = readSlot(input.slot);

  const source = {
    planId: cleanField(brief.planId, 'brief.planId', SHORT),
    planSymbol: cleanField(brief.planSymbol, 'brief.planSymbol', SHORT_OPTIONAL),
    taskId: cleanField(brief.taskId, 'brief.taskId', SHORT_OPTIONAL) || null,
    occasionId: cleanField(brief.occasionId, 'brief.occasionId', SHORT),
    occasionDate: cleanField(brief.occasionDate, 'brief.occasionDate', SHORT_OPTIONAL),
  };
  // Fields the script does not read aloud are still checked, so a bad brief fails the same way everywhere.
  cleanField(brief.planTitle, 'brief.planTitle');
  cleanField(brief.issuerShort, 'brief.issuerShort');

  const view: ScriptView = {
    emergency: priority === BulletinPriority.emergency,
    bulletinName: priority === BulletinPriority.normal ? 'bản tin' : `bản tin ${BULLETIN_PRIORITY_LABELS[priority]}`,
    station,
    localityName: inSentence(localityName),
    slotLabel: inSentence(slot.label),
    slotStart: slot.start,
    headline: asPhrase(cleanField(brief.headline, 'brief.headline', { required: true })),
    occasionName: inSentence(asPhrase(cleanField(brief.occasionName, 'brief.occasionName'))),
    resolution: asPhrase(cleanField(brief.resolution, 'brief.resolution')),
    planSymbol: source.planSymbol.replace(/\s*\([^)]*\)/gu, '').trim(),
    issuer: cleanField(brief.issuer, 'brief.issuer'),
    taskTitle: asPhrase(cleanField(brief.taskTitle, 'brief.taskTitle')),
    severalTasks: (brief.taskIds?.length ?? 0) > 1,
    leadBody: asPhrase(cleanField(brief.leadBody, 'brief.leadBody')),
    // A paragraph may hold a list written per body ("a) Sở …:" then "- …" lines): its lines
    // stay, so the script reads the items one by one.
    body: cleanList(brief.body, 'brief.body', { keepLines: true }).map(asSentence),
    figures: readFigures(brief.figures),
    keyMessages: cleanList(brief.keyMessages, 'brief.keyMessages', { minItems: 1 }).map(asSentence),
  };
  return { view, meta: { localityId, localityName, slot, priority, syllablesPerMinute, source } };
}
