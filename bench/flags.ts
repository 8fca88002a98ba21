/**
 * `npm run bench -- campaign --sizes=100,1000 --journalists=500`: bench names select parts,
 * `--name=value` flags set sizes. A part prints the size it used in its row names.
 */
const flags = new Map<string, string>();
for (const a of process.argv.slice(2)) {
  const m = /^--([a-z0-9-]+)=(.*)$/.exec(a);
  if (m) flags.set(m[1]!, m[2]!);
}

/** The bench names given on the command line (everything that is not a flag). */
export function benchNames(argv = process.argv.slice(2)): string[] {
  return argv.filter((a) => !a.startsWith('--'));
}

export function numberFlag(name: string, dflt: number): number {
  const v = flags.get(name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, got "${v}"`);
  return n;
}

export function numberListFlag(name: string, dflt: number[]): number[] {
  const v = flags.get(name);
  if (v === undefined) return dflt;
  const list = v.split(',').map(Number);
  if (list.some((n) => !Number.isFinite(n) || n <= 0)) throw new Error(`--${name} needs positive numbers separated by commas, got "${v}"`);
  return list;
}
