/**
 * `npm run bench`: runs every bench module and prints one aligned table
 * (measure, value, target, ok). Add a module by adding it to BENCHES. Names select parts
 * (`npm run bench -- campaign fanout`); `--name=value` flags set sizes (see bench/flags.ts).
 */
import { benchAudio } from './audio.js';
import { benchApprovals, benchCampaign, benchFanout } from './campaign.js';
import { benchChannels } from './channels.js';
import { benchCorrections } from './correction.js';
import { benchDirectory } from './directory.js';
import { benchNames } from './flags.js';
import { stopBenchEnv } from './services.js';
import { benchInfographic } from './infographic.js';
import { benchPlanImport } from './plan-import.js';
import type { Row } from './row.js';
import { benchVideo } from './video.js';

interface Bench {
  name: string;
  run: () => Promise<Row[]>;
}

const BENCHES: Bench[] = [
  { name: 'infographic', run: benchInfographic },
  { name: 'campaign', run: benchCampaign },
  { name: 'fanout', run: benchFanout },
  { name: 'approvals', run: benchApprovals },
  { name: 'corrections', run: benchCorrections },
  { name: 'directory', run: benchDirectory },
  { name: 'plan-import', run: benchPlanImport },
  { name: 'audio', run: benchAudio },
  { name: 'channels', run: benchChannels },
  { name: 'video', run: benchVideo },
];

function table(rows: Row[]): string {
  const cells = rows.map((r) => [r.name, r.value, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'yes' : 'NO']);
  const head = ['measure', 'value', 'target', 'ok'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 1 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

const only = benchNames();
const rows: Row[] = [];
let failed = false;
for (const bench of BENCHES) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  process.stderr.write(`Đang đo: ${bench.name}…\n`);
  try {
    const got = await bench.run();
    rows.push(...got);
    // Each part's rows as soon as it finishes, so a long run that is stopped keeps them.
    process.stderr.write(`${table(got)}\n`);
  } catch (e) {
    failed = true;
    rows.push({ name: `${bench.name}: lỗi`, value: e instanceof Error ? e.message : String(e), ok: false });
  }
}
await stopBenchEnv();
console.log(table(rows));
if (failed) process.exitCode = 1;
