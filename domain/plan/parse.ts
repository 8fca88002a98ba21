/**
 * Plan file text → a validated Plan, or every problem in it. Pure: the caller reads the file.
 *
 * Problems come in three layers, all reported together where possible: YAML syntax (then
 * nothing else can be checked), the schema (types, closed vocabularies, real dates, percent up
 * to 100), and cross-checks (duplicate ids, references to tasks, targets and occasions).
 */
import { crossCheckPlan } from './cross-check.js';
import { planSchema, type Plan } from './schema.js';
import { readYaml, type PlanProblem } from './yaml-source.js';
import { validateWithSchema } from './zod-problems.js';

export type { PlanProblem } from './yaml-source.js';
export { formatProblem } from './yaml-source.js';

/** Result of parsing one plan file. */
export type ParsePlanResult = { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] };

/**
 * Parses and validates a plan written in YAML. `fileName` is only used in messages about the
 * file as a whole. Problems are sorted by line.
 */
export function parsePlan(text: string, fileName: string): ParsePlanResult {
  const read = readYaml(text);
  if (!read.ok) return { ok: false, problems: read.problems };
  const schema = validateWithSchema(planSchema, read.source);
  const cross = crossCheckPlan(read.source);
  const problems = [...(schema.ok ? [] : schema.problems), ...cross];
  if (problems.length > 0 || !schema.ok) {
    return { ok: false, problems: sortProblems(problems.length > 0 ? problems : [{ path: '', message: `tệp ${fileName} không hợp lệ` }]) };
  }
  return { ok: true, plan: schema.value };
}

/** Orders problems by line (those without a line last), keeping the original order otherwise. */
export function sortProblems(problems: PlanProblem[]): PlanProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? Number.MAX_SAFE_INTEGER) - (b.p.line ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
    .map(({ p }) => p);
}
