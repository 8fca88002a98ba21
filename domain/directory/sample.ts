/**
 * Directory files in YAML: the samples shipped under data/directory/ (seeded into an empty
 * store) and any file an administrator writes in the same shape. Every problem comes back with
 * its line. Pure: takes text, never reads files.
 */
import { z } from 'zod';
import { need } from '../plan/fields.js';
import { sortProblems } from '../plan/parse.js';
import { problemAt, readYaml, type PlanProblem } from '../plan/yaml-source.js';
import { validateWithSchema } from '../plan/zod-problems.js';
import { unitSchema, type Unit } from './schema.js';
import { directoryProblems, unitProblems } from './validate.js';

export const directoryFileSchema = z.strictObject({
  /** True for sample files: every unit is sample data (addresses at example.* domains). */
  sample: z.boolean({ error: need('true hoặc false') }).default(false),
  units: z.array(unitSchema).min(1, 'cần ít nhất một đơn vị'),
});

/** Parses a directory file; the units carry the file's `sample` flag. */
export function parseDirectoryFile(text: string): { ok: true; units: Unit[] } | { ok: false; problems: PlanProblem[] } {
  const read = readYaml(text);
  if (!read.ok) return read;
  const result = validateWithSchema(directoryFileSchema, read.source);
  if (!result.ok) return { ok: false, problems: sortProblems(result.problems) };
  const units = result.value.units.map((u) => (result.value.sample ? { ...u, sample: true } : u));
  const problems: PlanProblem[] = [];
  const byId = new Map(units.map((u) => [u.id, u]));
  const owners = new Map<string, Unit>();
  const seen = new Set<string>();
  units.forEach((unit, i) => {
    if (seen.has(unit.id)) problems.push(problemAt(read.source, ['units', i, 'id'], `mã đơn vị "${unit.id}" bị trùng trong tệp`));
    seen.add(unit.id);
    const own = unitProblems(unit);
    const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    const outside = directoryProblems(unit, { parent, ownerOfPlan: (p) => owners.get(p) });
    for (const p of [...own, ...outside]) problems.push(problemAt(read.source, ['units', i, ...p.path], p.message));
    for (const p of unit.plans) if (!owners.has(p)) owners.set(p, unit);
  });
  return problems.length ? { ok: false, problems: sortProblems(problems) } : { ok: true, units };
}
