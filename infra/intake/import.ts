/**
 * The plan import core: an issued document (bytes and file name) → a draft plan, the source
 * text, and a flag on every field saying whether it was stated, restored, guessed or is missing.
 * Also checks the draft against the plan schema, so the review knows what must still be filled
 * in. The CLI (`campaign plans import`) and the dashboard's review screen both call
 * `importPlanDocument`.
 */
import { stringify } from 'yaml';
import { extractPlan, type FieldFlag, type PlanDraft, type RepairedWord } from '../../domain/intake/extract.js';
import type { Restorer } from '../../domain/intake/restore.js';
import { markedShare } from '../../domain/intake/vietnamese.js';
import { parsePlan, type PlanProblem } from '../../domain/plan/parse.js';
import { readDocumentText, type TextSource } from './readers.js';
import { loadRestorer } from './restorer.js';

export interface ImportResult {
  draft: PlanDraft;
  /** The text as read from the file (before any repair). */
  sourceText: string;
  /** The text the plan was read from: the source, or its repaired form. */
  text: string;
  source: TextSource;
  /** Whether diacritics were restored / OCR errors repaired, and how many words changed. */
  restoration: { applied: boolean; mode?: 'unaccented' | 'accented'; changedWords: number; uncertainWords: number };
  flags: FieldFlag[];
  /** The draft as a plan file. */
  yaml: string;
  /** What the plan schema still finds wrong with the draft (empty: a valid plan). */
  problems: PlanProblem[];
}

export interface ImportOptions {
  /** The restorer to use (default: the one trained on everything the project ships). */
  restorer?: Restorer;
  /** The plan's id (default: made from the issuer, number and year). */
  planId?: string;
}

export async function importPlanDocument(bytes: Buffer, filename: string, options: ImportOptions = {}): Promise<ImportResult> {
  const read = await readDocumentText(bytes, filename);
  const sourceText = read.text.normalize('NFC').replace(/\r\n?/gu, '\n');
  const ocr = read.source === 'pdf-ocr' || read.source === 'image-ocr';
  const lostMarks = markedShare(sourceText) < 0.3;
  let text = sourceText;
  let repaired: RepairedWord[] = [];
  let restoration: ImportResult['restoration'] = { applied: false, changedWords: 0, uncertainWords: 0 };
  if (ocr || lostMarks) {
    const restorer = options.restorer ?? loadRestorer();
    // OCR of an accented page: every word is weighed, but its letters are trusted more than
    // those of a copy that lost its marks altogether.
    const r = restorer.restore(sourceText, ocr && !lostMarks ? { mode: 'unaccented', trust: 2.5 } : {});
    text = r.text;
    repaired = r.words.map((w) => ({ start: w.outStart, end: w.outEnd, original: w.original, restored: w.restored, low: w.low }));
    restoration = { applied: true, mode: r.mode, changedWords: r.words.filter((w) => w.changed).length, uncertainWords: r.words.filter((w) => w.low).length };
  }
  const base = filename.replace(/^.*[\\/]/u, '').replace(/\.[^.]+$/u, '');
  const draft = extractPlan(text, { repaired, fileName: base });
  if (options.planId) draft.plan.id = options.planId;
  const yaml = stringify(draft.plan, { lineWidth: 100 });
  const checked = parsePlan(yaml, filename);
  return { draft, sourceText, text, source: read.source, restoration, flags: draft.flags, yaml, problems: checked.ok ? [] : checked.problems };
}
