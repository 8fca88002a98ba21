/**
 * Loudspeaker scripts (kịch bản phát thanh cơ sở): one per locality and slot, from a content
 * brief. The template is rendered with the cleaned brief fields, the whole text is normalised for
 * reading aloud, checked to hold nothing unspeakable, and timed against the slot. Returns the text
 * for the announcer, a JSON sidecar for the operator and the list of rewrites for the editor.
 */
import type { Expansion } from '../../../domain/speech/expansion.js';
import { normalizeForSpeech } from '../../../domain/speech/normalize.js';
import { BULLETIN_PRIORITY_LABELS, type BulletinPriority } from '../../../domain/speech/priority.js';
import { checkFitsSlot, estimateReadingTime } from '../../../domain/speech/reading-time.js';
import { findUnspeakable, UnspeakableTextError } from '../../../domain/speech/speakable.js';
import { ScriptTooLongError } from './errors.js';
import { renderTextTemplate, SCRIPT_TEMPLATE, TEMPLATE_SOURCE_VERSION } from './templates.js';
import { buildScriptView, type LoudspeakerScriptInput, type ScriptSlot } from './view.js';

export type { LoudspeakerScriptInput, ScriptLocality, ScriptSlot } from './view.js';

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
  const { view, meta } = buildScriptView(input);
  const written = renderTextTemplate(SCRIPT_TEMPLATE, view);
  const symbolIssuers = view.planSymbol && view.issuer ? { [view.planSymbol]: view.issuer } : {};
  const { text, expansions } = normalizeForSpeech(written, { symbolIssuers });

  const unspeakable = findUnspeakable(text);
  if (unspeakable.length > 0) throw new UnspeakableTextError(unspeakable);

  const reading = estimateReadingTime(text, { syllablesPerMinute: meta.syllablesPerMinute });
  const fit = checkFitsSlot(reading.seconds, meta.slot.durationMinutes);
  if (!fit.ok) throw new ScriptTooLongError(fit, `${view.station}, khung giờ ${view.slotLabel} lúc ${view.slotStart}`);

  const sidecar: LoudspeakerSidecar = {
    kind: 'loudspeaker-script',
    locality: meta.localityId,
    localityName: meta.localityName,
    station: view.station,
    slot: meta.slot,
    priority: meta.priority,
    priorityLabel: BULLETIN_PRIORITY_LABELS[meta.priority],
    durationSeconds: reading.seconds,
    syllables: reading.syllables,
    syllablesPerMinute: meta.syllablesPerMinute,
    spareSeconds: fit.spareSeconds,
    ...meta.source,
    headline: view.headline,
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
