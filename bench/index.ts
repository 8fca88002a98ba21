/**
 * `npm run bench`: runs every bench module and prints one aligned table
 * (measure, value, target, ok). Add a module by adding it to BENCHES.
 */
import { benchCampaign } from './campaign.js';
import { benchInfographic } from './infographic.js';
import { benchPlanImport } from './plan-import.js';
import type { Row } from './row.js';

interface Bench {
  name: string;
  run: () => Promise<Row[]>;
}

const BENCHES: Bench[] = [
  { name: 'infographic', run: benchInfographic },
  { name: 'campaign', run: benchCampaign },
  { name: 'plan-import', run: benchPlanImport },
];

function table(rows: Row[]): string {
  const cells = rows.map((r) => [r.name, r.value, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'yes' : 'NO']);
  const head = ['measure', 'value', 'target', 'ok'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 1 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

const only = process.argv.slice(2);
const rows: Row[] = [];
let failed = false;
for (const bench of BENCHES) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  process.stderr.write(`Đang đo: ${bench.name}…\n`);
  try {
    rows.push(...(await bench.run()));
  } catch (e) {
    failed = true;
    rows.push({ name: `${bench.name}: lỗi`, value: e instanceof Error ? e.message : String(e), ok: false });
  }
}
console.log(table(rows));
if (failed) process.exitCode = 1;
