/**
 * Reads what the product did for a plan in a period: campaigns (Temporal visibility, else the
 * audit log), their inputs and audit entries, bulletin run records, broadcast rundowns, the
 * site manifest and the briefing ledger. A kind of evidence that is absent is recorded as such
 * and the report says so; nothing is guessed.
 */
import { Client, Connection } from '@temporalio/client';
import { findOccasion } from '../../domain/calendar/occasions.js';
import type { CampaignInput } from '../../domain/campaign/types.js';
import { formatVnDate } from '../../domain/dates.js';
import type { Plan } from '../../domain/plan/schema.js';
import type { BroadcastEvidence, DecisionEvidence, ReportEvidence, WorkEvidence } from '../../domain/report/evidence.js';
import type { ReportPeriod } from '../../domain/report/period.js';
import { listCampaigns } from '../../infra/campaign-client.js';
import type { Endpoints } from '../../infra/config.js';
import type { ObjectStore } from '../../infra/object-store.js';
import { keys } from '../campaign/keys.js';
import { heartbeat } from '../heartbeat.js';
import type { BulletinRunRecord } from '../schedules/bulletin.js';
import { bulletinKeys } from '../schedules/keys.js';
import { connectTemporal } from '../../infra/temporal-connection.js';

interface AuditEntry {
  at: string;
  kind: string;
  text: string;
  version?: number;
  channel?: string;
  decision?: { approver: string; decision: string; at?: string; version: number; comment?: string; preApproved?: boolean };
}

interface RundownDoc {
  locality: string;
  localityName?: string;
  day: string;
  items: { campaignId: string; slot: string; durationSeconds: number }[];
}

const DECISIONS = new Set(['approve', 'requestChanges', 'reject', 'preApproved']);

async function readJsonOr<T>(store: ObjectStore, key: string): Promise<T | undefined> {
  const found = await store.get(key);
  if (!found) return undefined;
  try {
    return JSON.parse(found.body.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

const within = (iso: string | undefined, p: ReportPeriod) => iso !== undefined && iso >= p.start && iso <= p.end;

/** Campaign ids of the plan from Temporal visibility; undefined when Temporal cannot be asked. */
export async function campaignIdsFromTemporal(endpoints: Endpoints, planId: string, period: ReportPeriod): Promise<string[] | undefined> {
  let connection: Connection | undefined;
  try {
    connection = await connectTemporal(endpoints, { connectTimeout: 5_000 });
    const client = new Client({ connection, namespace: endpoints.temporalNamespace });
    return (await listCampaigns(client, { planId })).filter((c) => c.startedAt <= period.end).map((c) => c.campaignId);
  } catch {
    return undefined;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

/** Campaign ids from the audit log's folders, kept when their input names the plan (fallback). */
async function campaignIdsFromStore(store: ObjectStore, planId: string): Promise<string[]> {
  const ids = [...new Set((await store.list('audit/campaign-')).map((k) => k.split('/')[1]!))];
  const mine: string[] = [];
  for (const id of ids) if ((await readJsonOr<CampaignInput>(store, keys.input(id)))?.planId === planId) mine.push(id);
  return mine;
}

async function auditIn(store: ObjectStore, id: string, period: ReportPeriod): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (const key of await store.list(`audit/${id}/`)) {
    const e = await readJsonOr<AuditEntry>(store, key);
    if (e && within(e.at, period)) entries.push(e);
  }
  return entries;
}

function fromAudit(entries: AuditEntry[]): Pick<WorkEvidence, 'drafts' | 'decisions' | 'publications'> {
  return {
    drafts: entries.filter((e) => e.kind === 'drafted').map((e) => ({ version: e.version ?? 1, at: e.at, summary: e.text })),
    decisions: entries
      .filter((e) => DECISIONS.has(e.kind) && e.decision)
      .map((e): DecisionEvidence => {
        const d = e.decision!;
        return {
          approver: d.approver,
          decision: d.decision,
          version: d.version,
          ...(d.preApproved ? { preApproved: true } : { at: d.at ?? e.at }),
          ...(d.comment ? { comment: d.comment } : {}),
        };
      }),
    publications: entries.filter((e) => e.kind === 'published').map((e) => ({ channel: e.channel ?? '', at: e.at, detail: e.text })),
  };
}

/** Every bulletin in the rundowns of the period's days, by campaign or run id. */
async function rundownItems(store: ObjectStore, period: ReportPeriod): Promise<Map<string, BroadcastEvidence[]>> {
  const out = new Map<string, BroadcastEvidence[]>();
  for (const key of await store.list('broadcast/')) {
    const m = /^broadcast\/([^/]+)\/(\d{4}-\d{2}-\d{2})\/rundown\.json$/.exec(key);
    if (!m || m[2]! < period.from || m[2]! > period.to) continue;
    heartbeat({ rundown: key });
    const doc = await readJsonOr<RundownDoc>(store, key);
    for (const item of doc?.items ?? []) {
      const list = out.get(item.campaignId) ?? [];
      list.push({ locality: m[1]!, localityName: doc?.localityName ?? m[1]!, day: m[2]!, slot: item.slot, durationSeconds: item.durationSeconds ?? 0 });
      out.set(item.campaignId, list);
    }
  }
  return out;
}

interface ManifestPost {
  slug: string;
  campaignId: string;
  version: number;
  title: string;
  publishedAt: string;
}

async function briefingsOf(store: ObjectStore, id: string, period: ReportPeriod): Promise<WorkEvidence['briefings']> {
  const byVersion = new Map<number, { sent: number; failed: number }>();
  for (const key of await store.list(`ledger/briefings/${id}/`)) {
    if (key.endsWith('.pending.json')) continue;
    const version = Number(/\/v(\d+)\//.exec(key)?.[1] ?? 1);
    const entry = await readJsonOr<{ status?: string; at?: string }>(store, key);
    if (!entry || (entry.at && !within(entry.at, period))) continue;
    const row = byVersion.get(version) ?? { sent: 0, failed: 0 };
    if (entry.status === 'failed') row.failed += 1;
    else row.sent += 1;
    byVersion.set(version, row);
  }
  return [...byVersion].map(([version, r]) => ({ version, ...r }));
}

/** Lists a plan's campaign ids (undefined: the source cannot be asked, the audit log is read instead). */
export type CampaignLister = (planId: string, period: ReportPeriod) => Promise<string[] | undefined>;

/** Gathers the evidence of `plan`'s work in `period`. */
export async function gatherEvidence(deps: { store: ObjectStore; listCampaigns: CampaignLister }, plan: Plan, period: ReportPeriod, now = new Date()): Promise<ReportEvidence> {
  const { store } = deps;
  const fromTemporal = await deps.listCampaigns(plan.id, period);
  const campaignIds = fromTemporal ?? (await campaignIdsFromStore(store, plan.id));
  // Broadcast days in the period count even when the work was approved and published before it.
  const broadcasts = await rundownItems(store, period);
  const items: WorkEvidence[] = [];

  for (const id of campaignIds) {
    heartbeat({ campaigns: items.length });
    const audit = await auditIn(store, id, period);
    if (audit.length === 0 && !broadcasts.has(id)) continue;
    const input = await readJsonOr<CampaignInput>(store, keys.input(id));
    const occasion = input ? findOccasion(input.occasionId, [plan]) : undefined;
    items.push({
      id,
      kind: 'campaign',
      title: occasion?.name ?? input?.occasionId ?? id,
      occasionId: input?.occasionId ?? '',
      occasionDate: input?.occasionDate ?? '',
      taskIds: input?.taskIds ?? [],
      channels: input?.channels ?? [],
      startedAt: audit[0]?.at ?? period.start,
      ...fromAudit(audit),
      broadcasts: [],
      posts: [],
      briefings: [],
    });
  }

  let bulletinsRead = true;
  try {
    for (const key of (await store.list(bulletinKeys.prefix)).filter((k) => k.includes('/runs/'))) {
      heartbeat({ bulletins: key });
      const run = await readJsonOr<BulletinRunRecord>(store, key);
      if (!run || run.planId !== plan.id) continue;
      const audit = await auditIn(store, run.runId, period);
      if (audit.length === 0 && !broadcasts.has(run.runId)) continue;
      items.push({
        id: run.runId,
        kind: 'bulletin',
        title: `Bản tin định kỳ ngày ${formatVnDate(run.day)}`,
        occasionId: '',
        occasionDate: run.day,
        taskIds: [run.taskId],
        channels: ['loudspeaker'],
        status: run.status,
        startedAt: run.startedAt,
        ...fromAudit(audit),
        broadcasts: [],
        posts: [],
        briefings: [],
        seriesId: run.seriesId,
        message: run.message,
      });
    }
  } catch {
    bulletinsRead = false;
  }

  const manifest = await readJsonOr<{ posts?: ManifestPost[] }>(store, 'site/manifest.json');
  let briefingsFound = false;
  for (const item of items) {
    heartbeat({ item: item.id });
    item.broadcasts = broadcasts.get(item.id) ?? [];
    item.posts = (manifest?.posts ?? [])
      .filter((p) => p.campaignId === item.id && within(p.publishedAt, period))
      .map((p) => ({ slug: p.slug, title: p.title, publishedAt: p.publishedAt, version: p.version }));
    if (item.kind === 'campaign' && item.channels.includes('pressBriefing')) {
      item.briefings = await briefingsOf(store, item.id, period);
      if (item.briefings.length) briefingsFound = true;
    }
  }
  const published = (channel: string) => items.some((i) => i.publications.some((p) => p.channel === channel));
  return {
    planId: plan.id,
    period,
    collectedAt: now.toISOString(),
    sources: {
      campaigns: fromTemporal !== undefined,
      bulletins: bulletinsRead,
      rundowns: true,
      siteManifest: manifest !== undefined || !published('webPortal'),
      briefingLedger: briefingsFound || !published('pressBriefing'),
    },
    items: items.sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
  };
}
