/**
 * `npm run chaos`: injects faults into real campaigns on the real embedded services and prints
 * one table — scenario, runs, duplicates, same-ID copies, lost, recovery p50/p95 — counted from
 * what arrived (inbox, site, station feeds, drafts), never from logs. Bounded: every scenario
 * has a deadline, and the run stops by itself. Flags (all optional):
 *
 *   --scenarios=kill,temporal,smtp,s3,web   which to run (default: all, in that order)
 *   --kills=6 --campaigns=3                 SIGKILLs of the worker, and campaigns they hit
 *   --kill-deadline=12                      minutes the kill scenario waits for its campaigns
 *                                           (a killed activity is retried after its 10 s heartbeat timeout)
 *   --localities=100 --journalists=30       size of each campaign
 *   --smtp-down=60 --smtp-journalists=300   SMTP outage (s) during a fan-out to that many
 *   --s3-down=20                            object-store outage (s) during publishing
 *   --approvals=10 --approval-localities=10 campaigns approved at once in the web restart
 *   --temporal-restarts=2 --workers=1 --deadline=6   (minutes each other scenario waits)
 *   --temporal=dev|postgres                 the embedded dev server (default) or the server on
 *                                           PostgreSQL; TEMPORAL_ADDRESS uses an external one
 */
import { percentile } from '../bench/row.js';
import { Harness, type TemporalMode } from './harness.js';
import { objectStoreOutage, smtpOutage, temporalRestarts, webRestart, workerKills, type ChaosSettings, type ScenarioResult } from './scenarios.js';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}`);
    return [m[1]!, m[2] ?? 'true'] as const;
  }),
);
const num = (name: string, dflt: number) => {
  const v = args.get(name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a number`);
  return n;
};
const log = (line: string) => process.stderr.write(`${line}\n`);

const settings: ChaosSettings = {
  killCampaigns: num('campaigns', 3),
  kills: num('kills', 6),
  localities: num('localities', 100),
  journalists: num('journalists', 30),
  temporalRestarts: num('temporal-restarts', 2),
  smtpJournalists: num('smtp-journalists', 300),
  smtpDownSeconds: num('smtp-down', 60),
  s3DownSeconds: num('s3-down', 20),
  approvals: num('approvals', 10),
  approvalLocalities: num('approval-localities', 10),
  deadlineMinutes: num('deadline', 6),
  killDeadlineMinutes: num('kill-deadline', 12),
  log,
};
const SCENARIOS = { kill: workerKills, temporal: temporalRestarts, smtp: smtpOutage, s3: objectStoreOutage, web: webRestart };
const chosen = (args.get('scenarios')?.split(',') ?? Object.keys(SCENARIOS)) as (keyof typeof SCENARIOS)[];
for (const c of chosen) if (!(c in SCENARIOS)) throw new Error(`unknown scenario ${c}; choose from ${Object.keys(SCENARIOS).join(', ')}`);

const temporal: TemporalMode = process.env.TEMPORAL_ADDRESS
  ? { address: process.env.TEMPORAL_ADDRESS, namespace: process.env.TEMPORAL_NAMESPACE || 'default' }
  : args.get('temporal') === 'postgres'
    ? 'postgres'
    : 'dev';

function table(results: ScenarioResult[]): string {
  const fmt = (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(1));
  const rows = results.map((r) => {
    const done = r.recoveries.filter((x): x is number => x !== undefined);
    const missing = r.recoveries.length - done.length;
    return [
      r.name,
      String(r.runs),
      String(r.tally.duplicates),
      String(r.tally.sameIdCopies),
      String(r.tally.lost),
      String(r.tally.unfinished),
      fmt(percentile(done, 50)) + (missing ? ` (+${missing} not recovered)` : ''),
      fmt(percentile(done, 95)),
    ];
  });
  const head = ['scenario', 'runs', 'duplicates', 'same-ID copies', 'lost', 'unfinished', 'recovery p50 (s)', 'recovery p95 (s)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const started = Date.now();
log(`Chaos run: ${chosen.join(', ')}; Temporal: ${typeof temporal === 'string' ? temporal : temporal.address}`);
const h = await Harness.start({ workers: num('workers', 1), temporal, log });
log(`  services up in ${((Date.now() - started) / 1000).toFixed(0)} s (${h.temporalLabel}, ${h.workers.length} worker process(es)), data in ${h.dir}`);
const results: ScenarioResult[] = [];
// Interrupted (Ctrl-C, a time limit): stop every process the run started, PostgreSQL included.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the services of this run…`);
    void h.close(args.has('keep')).finally(() => process.exit(130));
  });
}
try {
  for (const name of chosen) {
    const t0 = Date.now();
    log(`Scenario ${name}…`);
    try {
      results.push(await SCENARIOS[name](h, settings));
    } catch (err) {
      results.push({ name: `${name}: error`, runs: 0, tally: { duplicates: 0, sameIdCopies: 0, lost: 0, unfinished: 0, findings: [] }, recoveries: [], notes: [(err as Error).stack ?? String(err)] });
    }
    log(`  done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
} finally {
  await h.close(args.has('keep'));
}
console.log(table(results));
console.log('');
console.log('Same-ID copies: a second copy of an email with the first one\'s Message-ID — the SMTP server accepted it, the worker died before the ledger write, the retry sent it again. A relay or archive that de-duplicates by Message-ID drops it.');
console.log('Unfinished: campaigns still running at the scenario\'s deadline; what they had not delivered yet is not counted as lost (listed as pending).');
console.log('Recovery: from the faulted part being back to the last activity that was in flight at the fault completing (SMTP: to the next briefing arriving; web: to the last approver who had to press again being recorded).');
for (const r of results) {
  console.log(`\n${r.name}`);
  for (const n of r.notes) console.log(`  - ${n}`);
  const findings = r.tally.findings;
  const pending = findings.filter((f) => f.kind === 'pending');
  if (pending.length) console.log(`  - pending (not delivered yet by unfinished campaigns): ${pending.reduce((a, f) => a + f.count, 0)} items`);
  const shown = findings.filter((f) => f.kind !== 'pending');
  for (const f of shown.slice(0, 12)) console.log(`  ! ${f.kind} ×${f.count}: ${f.what} (${f.campaignId})`);
  if (shown.length > 12) console.log(`  ! … ${shown.length - 12} more`);
}
console.log(`\nTotal time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (results.some((r) => r.tally.duplicates > 0 || r.tally.lost > 0 || r.tally.unfinished > 0 || r.name.endsWith(': error'))) process.exitCode = 1;
