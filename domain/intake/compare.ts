/**
 * How close an imported draft comes to a checked plan file: tasks found, lead and coordinating
 * bodies, targets with the right figure and bound, reporting duties and legal basis. Used by the
 * bench and the tests. Pure.
 */
import type { Plan } from '../plan/schema.js';
import { fold } from './vietnamese.js';

type Json = Record<string, unknown>;

export interface Score {
  right: number;
  total: number;
}

export interface DraftComparison {
  tasks: Score;
  /** Lead bodies the draft has right, of the checked file's tasks the document itself names one for. */
  leadBodies: Score;
  /** Tasks whose lead body the draft left empty for review (the checked file fills them from elsewhere). */
  leadBodiesLeftEmpty: number;
  /** Lead bodies the draft has that differ from the checked file. */
  leadBodiesWrong: number;
  /** Coordinating bodies found, over every task of the checked file. */
  coordinatingBodies: Score;
  /** Targets found (same period, same wording). */
  targets: Score;
  /** Of the checked file's targets with a number: the draft has the same metric, value and bound. */
  figures: Score;
  reporting: Score;
  legalBasis: Score;
}

const same = (a: unknown, b: unknown): boolean => typeof a === 'string' && typeof b === 'string' && fold(a) === fold(b);
/** Names match when equal, or one is the other plus a place or a note ("UBND tỉnh" / "UBND tỉnh Lạng Sơn"). */
const nameMatch = (a: string, b: string): boolean => {
  const x = fold(a).replace(/\s*\(.*\)$/u, '');
  const y = fold(b).replace(/\s*\(.*\)$/u, '');
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
};

const words = (s: string): Set<string> => new Set(fold(s).match(/\p{L}+|\d+/gu) ?? []);
function overlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.max(1, Math.max(x.size, y.size));
}

/** Compares a draft (plan-file data) with a checked plan. `stated` lists the checked file's task numbers whose lead body the document names itself. */
export function compareDraft(draft: Json, reference: Plan, stated?: ReadonlySet<string>): DraftComparison {
  const tasks = (draft.tasks as Json[] | undefined) ?? [];
  const found = reference.tasks.map((t) => tasks.find((d) => d.number === t.number && overlap(String(d.title ?? ''), t.title) >= 0.6));
  const leadStated = reference.tasks.filter((t) => t.leadBody && (!stated || stated.has(t.number)));
  let leadRight = 0;
  let leadEmpty = 0;
  let leadWrong = 0;
  reference.tasks.forEach((t, i) => {
    const d = found[i];
    const lead = d?.leadBody as string | undefined;
    if (!lead) leadEmpty++;
    else if (t.leadBody && nameMatch(lead, t.leadBody)) {
      if (leadStated.includes(t)) leadRight++;
    } else leadWrong++;
  });
  let coordRight = 0;
  let coordTotal = 0;
  reference.tasks.forEach((t, i) => {
    const d = (found[i]?.coordinatingBodies as string[] | undefined) ?? [];
    coordTotal += t.coordinatingBodies.length;
    coordRight += t.coordinatingBodies.filter((b) => d.some((x) => nameMatch(x, b))).length;
  });

  const periods = ((draft.objectives as Json | undefined)?.periods as Json[] | undefined) ?? [];
  let targetsFound = 0;
  let targetsTotal = 0;
  let figuresRight = 0;
  let figuresTotal = 0;
  for (const p of reference.objectives.periods) {
    const dp = periods.find((x) => String(x.period ?? '').replace('-', '–') === p.period.label);
    const dts = (dp?.targets as Json[] | undefined) ?? [];
    for (const t of p.targets) {
      targetsTotal++;
      const d = dts.find((x) => overlap(String(x.text ?? ''), t.text) >= 0.7);
      if (d) targetsFound++;
      if (t.measure) {
        figuresTotal++;
        const m = d?.measure as Json | undefined;
        if (m && m.metric === t.measure.metric && m.value === t.measure.value && ((m.bound as string | undefined) ?? 'exact') === t.measure.bound && Boolean(m.aim) === t.measure.aim) figuresRight++;
      }
    }
  }

  const duties = (draft.reporting as Json[] | undefined) ?? [];
  const used = new Set<Json>();
  let reportingRight = 0;
  for (const r of reference.reporting) {
    const d = duties.find((x) => {
      if (used.has(x)) return false;
      const cad = Array.isArray(x.cadence) ? (x.cadence as string[]) : [x.cadence as string];
      if (!cad.includes(r.cadence)) return false;
      const rec = (x.recipients as string[] | undefined) ?? [];
      const recipientOk = rec.some((a) => r.recipients.some((b) => nameMatch(a, b)));
      const bodyOk = typeof x.reportingBody === 'string' && nameMatch(x.reportingBody, r.reportingBody);
      return recipientOk || bodyOk;
    });
    if (d) {
      used.add(d);
      reportingRight++;
    }
  }

  const refs = [reference.resolution, ...reference.legalBasis];
  const draftRefs = [draft.resolution as Json | undefined, ...((draft.legalBasis as Json[] | undefined) ?? [])].filter((x): x is Json => x !== undefined);
  const legalRight = refs.filter((r) => draftRefs.some((d) => same(d.number, r.number) && (d.date ?? undefined) === (r.date ?? undefined) && typeof d.issuer === 'string' && nameMatch(d.issuer, r.issuer))).length;

  return {
    tasks: { right: found.filter(Boolean).length, total: reference.tasks.length },
    leadBodies: { right: leadRight, total: leadStated.length },
    leadBodiesLeftEmpty: leadEmpty,
    leadBodiesWrong: leadWrong,
    coordinatingBodies: { right: coordRight, total: coordTotal },
    targets: { right: targetsFound, total: targetsTotal },
    figures: { right: figuresRight, total: figuresTotal },
    reporting: { right: reportingRight, total: reference.reporting.length },
    legalBasis: { right: legalRight, total: refs.length },
  };
}
