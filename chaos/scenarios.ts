/**
 * The faults the chaos run injects, each into real campaigns on the running harness. Every
 * scenario waits for its campaigns to end (or its deadline), then counts what arrived.
 */
import { approve, observe, startChaosCampaign, waitForApprovalLink, waitForEnd, inboxSummaries, type ApprovalOutcome, type CampaignShape, type ChaosCampaign } from './campaigns.js';
import { tally, type Finding, type Tally } from './count.js';
import type { Harness } from './harness.js';
import { inFlight, recoverySeconds, type InFlight } from './recovery.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

export interface ScenarioResult {
  name: string;
  runs: number;
  tally: Tally;
  /** Seconds, one per injected fault (undefined: not recovered before the deadline). */
  recoveries: (number | undefined)[];
  notes: string[];
}

export interface ChaosSettings {
  /** Campaigns and SIGKILLs of the worker scenario. */
  killCampaigns: number;
  kills: number;
  localities: number;
  journalists: number;
  temporalRestarts: number;
  /** Journalists of the SMTP scenario, and how long SMTP stays down (s). */
  smtpJournalists: number;
  smtpDownSeconds: number;
  s3DownSeconds: number;
  /** Campaigns approved at once in the web-restart scenario, and their size. */
  approvals: number;
  approvalLocalities: number;
  /** Minutes each scenario waits for its campaigns to end (the kill scenario: killDeadlineMinutes). */
  deadlineMinutes: number;
  killDeadlineMinutes: number;
  log: (line: string) => void;
}

export type Phase = 'drafting' | 'approval' | 'publishing' | 'briefing';

/** The phase of the campaign an activity belongs to. */
export function phaseOf(activityType: string): Phase | undefined {
  if (/^(prepareCampaign|draft)/.test(activityType)) return 'drafting';
  if (activityType === 'sendApprovalRequests') return 'approval';
  if (activityType === 'sendCampaignBriefings') return 'briefing';
  if (/^publish/.test(activityType)) return 'publishing';
  return undefined;
}

/** The tally with more findings added, its sums recomputed. */
export function withFindings(t: Tally, more: readonly Finding[]): Tally {
  const findings = [...t.findings, ...more];
  const sum = (k: Finding['kind']) => findings.filter((f) => f.kind === k).reduce((s, f) => s + f.count, 0);
  return { duplicates: sum('duplicate'), sameIdCopies: sum('sameIdCopy'), lost: sum('lost'), unfinished: t.unfinished, findings };
}

/** Approves each campaign as soon as its approval email arrives (in the background). */
function autoApprove(h: Harness, c: ChaosCampaign, deadline: number): Promise<ApprovalOutcome> {
  return waitForApprovalLink(h, c.approver, deadline).then(
    (link) => approve(link, deadline),
    (err: Error) => ({ ok: false as const, reason: err.message, attempts: 0 }),
  );
}

/** Waits until some running campaign has an activity of `phase` in flight; its flights then, or undefined. */
async function waitForPhase(h: Harness, ids: string[] | (() => string[]), phase: Phase, timeoutMs: number): Promise<InFlight[] | undefined> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const flights = await inFlight(h, typeof ids === 'function' ? ids() : ids);
    if (flights.some((f) => phaseOf(f.activityType) === phase)) return flights;
    await sleep(250);
  }
  return undefined;
}

async function finish(h: Harness, name: string, campaigns: ChaosCampaign[], deadline: number, extra: { runs: number; recoveries: (number | undefined)[]; notes: string[]; findings?: Finding[] }): Promise<ScenarioResult> {
  const ends = await Promise.all(campaigns.map((c) => waitForEnd(h, c, deadline)));
  const notes = [...extra.notes];
  ends.forEach((e, i) => e.error && notes.push(`${campaigns[i]!.input.campaignId}: ${e.error}`));
  const unfinished = new Set(campaigns.filter((_, i) => ends[i]!.running).map((c) => c.input.campaignId));
  const t = tally(
    campaigns.map((c) => c.expected),
    await observe(h, campaigns),
    unfinished,
  );
  return { name, runs: extra.runs, tally: withFindings(t, extra.findings ?? []), recoveries: extra.recoveries, notes };
}

/** The worker SIGKILLed at moments in each phase, restarted 2 s later (as `npm start`'s supervisor does). */
export async function workerKills(h: Harness, s: ChaosSettings): Promise<ScenarioResult> {
  const shape: CampaignShape = { localities: s.localities, journalists: s.journalists };
  const campaigns: ChaosCampaign[] = [];
  const approvals: Promise<ApprovalOutcome>[] = [];
  const deadline = Date.now() + s.killDeadlineMinutes * 60_000;
  // Staggered starts, so the kills find campaigns in different phases.
  const starting = (async () => {
    for (let i = 0; i < s.killCampaigns; i++) {
      const c = await startChaosCampaign(h, shape);
      campaigns.push(c);
      approvals.push(autoApprove(h, c, deadline));
      await sleep(8_000);
    }
  })();
  const phases: Phase[] = ['drafting', 'approval', 'publishing', 'briefing'];
  const recoveries: Promise<number | undefined>[] = [];
  const notes: string[] = [];
  const hit: Record<Phase, number> = { drafting: 0, approval: 0, publishing: 0, briefing: 0 };
  let kills = 0;
  // Each kill aims at the next phase not hit yet; a phase is waited for until the campaigns get
  // there. No kill later than 7 minutes before the deadline, so the campaigns can still finish
  // (a generous margin: an interrupted activity is retried after its 10 s heartbeat timeout).
  const killsUntil = Math.max(Date.now() + 60_000, deadline - 7 * 60_000);
  for (let k = 0; kills < s.kills && Date.now() < killsUntil; k++) {
    const missing = phases.filter((p) => hit[p] === 0);
    const phase = missing.length ? missing[k % missing.length]! : phases[k % phases.length]!;
    await sleep(rand(0, 1_500));
    // The campaigns started so far, read again on every poll (the later ones start meanwhile).
    const started = () => campaigns.map((c) => c.input.campaignId);
    const seen = await waitForPhase(h, started, phase, Math.max(1_000, Math.min(90_000, killsUntil - Date.now())));
    if (!seen) {
      const all = await Promise.all(campaigns.map((c) => h.client.workflow.getHandle(c.input.campaignId).describe().then((d) => d.status.name, () => 'UNKNOWN')));
      if (campaigns.length === s.killCampaigns && all.every((st) => st !== 'RUNNING')) break;
      continue;
    }
    await sleep(rand(0, 800));
    const flights = await inFlight(h, started());
    const victim = Math.floor(Math.random() * h.workers.length);
    await h.killWorker(victim);
    kills += 1;
    for (const f of flights) {
      const p = phaseOf(f.activityType);
      if (p) hit[p] += 1;
    }
    s.log(`  SIGKILL ${kills}/${s.kills} (worker ${victim + 1}) with ${flights.map((f) => f.activityType).join(', ') || 'nothing'} in flight`);
    await sleep(2_000);
    await h.startWorker(victim);
    const backAt = Date.now();
    recoveries.push(recoverySeconds(h, flights, backAt, deadline));
  }
  await starting;
  notes.push(`${s.killCampaigns} campaigns × ${s.localities} localities, ${s.journalists} journalists; activities in flight at the kills — drafting ${hit.drafting}, approval mail ${hit.approval}, publishing ${hit.publishing}, briefing fan-out ${hit.briefing}`);
  const outcomes = await Promise.all(approvals);
  outcomes.forEach((o, i) => !o.ok && notes.push(`${campaigns[i]!.input.campaignId}: approval not recorded (${o.reason})`));
  const result = await finish(h, `worker SIGKILL at random moments, restarted (${s.killCampaigns}×${s.localities}-locality campaigns)`, campaigns, deadline, { runs: kills, recoveries: [], notes });
  result.recoveries = await Promise.all(recoveries);
  return result;
}

/** The Temporal server stopped and started again on the same database, mid-campaign. */
export async function temporalRestarts(h: Harness, s: ChaosSettings): Promise<ScenarioResult> {
  const name = `Temporal server restarted mid-campaign (${h.temporalLabel})`;
  if (!h.canRestartTemporal) return { name, runs: 0, tally: { duplicates: 0, sameIdCopies: 0, lost: 0, unfinished: 0, findings: [] }, recoveries: [], notes: ['skipped: this run does not own the Temporal server'] };
  const deadline = Date.now() + s.deadlineMinutes * 60_000;
  const campaigns: ChaosCampaign[] = [];
  const approvals: Promise<ApprovalOutcome>[] = [];
  for (let i = 0; i < 2; i++) {
    const c = await startChaosCampaign(h, { localities: s.localities, journalists: s.journalists });
    campaigns.push(c);
    approvals.push(autoApprove(h, c, deadline));
  }
  const recoveries: Promise<number | undefined>[] = [];
  const phases: Phase[] = ['drafting', 'publishing', 'briefing', 'approval'];
  let runs = 0;
  for (let k = 0; k < s.temporalRestarts; k++) {
    const ids = campaigns.map((c) => c.input.campaignId);
    if (!(await waitForPhase(h, ids, phases[k % phases.length]!, 90_000))) continue;
    await sleep(rand(0, 800));
    const flights = await inFlight(h, ids);
    s.log(`  Temporal restart ${k + 1}/${s.temporalRestarts} with ${flights.map((f) => f.activityType).join(', ') || 'nothing'} in flight`);
    await h.stopTemporal();
    await sleep(2_000);
    await h.startTemporal();
    runs += 1;
    recoveries.push(recoverySeconds(h, flights, Date.now(), deadline));
  }
  const outcomes = await Promise.all(approvals);
  const notes = [`2 campaigns × ${s.localities} localities; server stopped with SIGTERM, started 2 s later`];
  outcomes.forEach((o, i) => !o.ok && notes.push(`${campaigns[i]!.input.campaignId}: approval not recorded (${o.reason})`));
  const result = await finish(h, name, campaigns, deadline, { runs, recoveries: [], notes });
  result.recoveries = await Promise.all(recoveries);
  return result;
}

/** The SMTP server down for a while in the middle of a briefing fan-out. */
export async function smtpOutage(h: Harness, s: ChaosSettings): Promise<ScenarioResult> {
  const deadline = Date.now() + s.deadlineMinutes * 60_000;
  const c = await startChaosCampaign(h, { localities: s.localities, journalists: s.smtpJournalists });
  const approval = autoApprove(h, c, deadline);
  const briefed = async () => (await inboxSummaries(h, `pv-${c.tag}-`)).length;
  let runs = 0;
  const recoveries: (number | undefined)[] = [];
  const notes: string[] = [];
  const flights = await waitForPhase(h, [c.input.campaignId], 'briefing', 5 * 60_000);
  if (flights) {
    while ((await briefed()) < Math.min(30, s.smtpJournalists / 4) && Date.now() < deadline) await sleep(100);
    const before = await briefed();
    await h.stopSmtp();
    s.log(`  SMTP down after ${before}/${s.smtpJournalists} briefings, for ${s.smtpDownSeconds} s`);
    await sleep(s.smtpDownSeconds * 1000);
    await h.startSmtp();
    const backAt = Date.now();
    runs = 1;
    let recovered: number | undefined;
    while (Date.now() < deadline) {
      if ((await briefed()) > before) {
        recovered = (Date.now() - backAt) / 1000;
        break;
      }
      await sleep(250);
    }
    recoveries.push(recovered);
  } else notes.push('the briefing fan-out was never seen in flight');
  const o = await approval;
  if (!o.ok) notes.push(`approval not recorded (${o.reason})`);
  notes.push(`1 campaign × ${s.localities} localities, ${s.smtpJournalists} journalists; SMTP down ${s.smtpDownSeconds} s (the issue says 2 minutes: --smtp-down=120); recovery = SMTP back → next briefing in the inbox`);
  return finish(h, `SMTP server down ${s.smtpDownSeconds} s during a briefing fan-out`, [c], deadline, { runs, recoveries, notes });
}

/** The object store down for a while during publishing. */
export async function objectStoreOutage(h: Harness, s: ChaosSettings): Promise<ScenarioResult> {
  const deadline = Date.now() + s.deadlineMinutes * 60_000;
  const c = await startChaosCampaign(h, { localities: s.localities, journalists: s.journalists });
  const approval = autoApprove(h, c, deadline);
  let runs = 0;
  const recoveries: (number | undefined)[] = [];
  const notes: string[] = [];
  const seen = await waitForPhase(h, [c.input.campaignId], 'publishing', 5 * 60_000);
  if (seen) {
    const flights = await inFlight(h, [c.input.campaignId]);
    s.log(`  object store down for ${s.s3DownSeconds} s with ${flights.map((f) => f.activityType).join(', ')} in flight`);
    await h.stopS3();
    await sleep(s.s3DownSeconds * 1000);
    await h.startS3();
    runs = 1;
    recoveries.push(await recoverySeconds(h, flights, Date.now(), deadline));
  } else notes.push('publishing was never seen in flight');
  const o = await approval;
  if (!o.ok) notes.push(`approval not recorded (${o.reason})`);
  notes.push(`1 campaign × ${s.localities} localities; VersityGW stopped, started ${s.s3DownSeconds} s later on the same folder`);
  return finish(h, `object store down ${s.s3DownSeconds} s during publishing`, [c], deadline, { runs, recoveries, notes });
}

/** The web server SIGKILLed and started again while approvers press "Phê duyệt" at once. */
export async function webRestart(h: Harness, s: ChaosSettings): Promise<ScenarioResult> {
  const deadline = Date.now() + s.deadlineMinutes * 60_000;
  const campaigns: ChaosCampaign[] = [];
  for (let i = 0; i < s.approvals; i++) campaigns.push(await startChaosCampaign(h, { localities: s.approvalLocalities, journalists: 5 }));
  const links = await Promise.all(campaigns.map((c) => waitForApprovalLink(h, c.approver, deadline)));
  const pressed = Date.now();
  const outcomes = links.map((l) => approve(l, deadline));
  await sleep(rand(30, 300));
  const killedAt = Date.now();
  await h.killWeb();
  await sleep(1_000);
  await h.startWeb();
  const backAt = Date.now();
  const results = await Promise.all(outcomes);
  const notes = [`${s.approvals} campaigns × ${s.approvalLocalities} localities pressed at once; web server SIGKILLed ${killedAt - pressed} ms into the burst, started again 1 s later (up after ${((backAt - killedAt) / 1000).toFixed(1)} s); approvers press again until the page answers`];
  const findings: Finding[] = [];
  const recoveries: number[] = [];
  results.forEach((r, i) => {
    if (!r.ok) notes.push(`${campaigns[i]!.input.campaignId}: ${r.reason}`);
    else if (r.attempts > 1) recoveries.push(Math.max(0, (r.at - backAt) / 1000));
  });
  const result = await finish(h, `web server restarted while ${s.approvals} approvers submit decisions`, campaigns, deadline, { runs: 1, recoveries: [], notes, findings });
  // Each decision recorded exactly once.
  const decisions: Finding[] = [];
  for (const c of campaigns) {
    try {
      const state = (await h.client.workflow.getHandle(c.input.campaignId).query('status')) as { decisions: unknown[] };
      const n = state.decisions.length;
      if (n === 0) decisions.push({ campaignId: c.input.campaignId, what: 'approval decision', kind: 'lost', count: 1 });
      if (n > 1) decisions.push({ campaignId: c.input.campaignId, what: 'approval decision', kind: 'duplicate', count: n - 1 });
    } catch {
      decisions.push({ campaignId: c.input.campaignId, what: 'approval decision (state unreadable)', kind: 'lost', count: 1 });
    }
  }
  result.tally = withFindings(result.tally, decisions);
  result.recoveries = recoveries.length ? [Math.max(...recoveries)] : [0];
  result.notes.push(`${results.filter((r) => r.ok && r.attempts > 1).length} approvers had to press again; recovery = web server back → the last of them recorded`);
  return result;
}
