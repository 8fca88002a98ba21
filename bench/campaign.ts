/**
 * Campaign bench: a campaign over 100 and over 1,000 localities on real embedded services,
 * with the worker in its own process. Measures start → drafts stored and approval emails sent,
 * approval POST → first publish activity started (from the workflow history), and the
 * worker's peak RSS.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporalGateway } from '../infra/campaign-gateway.js';
import { resolveCampaignInput, startCampaign } from '../infra/campaign-client.js';
import { parseConfig, type Endpoints } from '../infra/config.js';
import { S3ObjectStore } from '../infra/s3.js';
import { startServices } from '../infra/services.js';
import { createApp } from '../web/app.js';
import { startWebServer } from '../web/server.js';
import { freePorts } from '../test/support/ports.js';
import { approvalLink, formFields, postDecision } from '../test/support/campaign.js';
import { spawnWorker } from '../test/support/worker-process.js';
import type { CampaignState } from '../domain/campaign/types.js';
import type { Row } from './row.js';

function localityFile(dir: string, n: number): string {
  const lines = ['sample: true', 'owner: Ủy ban nhân dân tỉnh Mẫu (dữ liệu đo hiệu năng)', 'localities:'];
  for (let i = 1; i <= n; i++) {
    lines.push(
      `  - id: xa-mau-${i}`,
      `    name: Xã Mẫu ${i}`,
      '    tier: xa',
      `    station: Đài truyền thanh xã Mẫu ${i}`,
      '    slots:',
      `      - { id: sang, label: Buổi sáng, start: "0${5 + (i % 2)}:30", durationMinutes: 20 }`,
      '    operator:',
      `      name: Người vận hành ${i}`,
      `      email: van-hanh-${i}@example.org`,
      `      phone: "0000 000 ${String(i).padStart(3, '0')}"`,
    );
  }
  const file = path.join(dir, `localities-${n}.yaml`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Peak resident set (VmHWM) of a process, in MB. */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function eventMs(e: { eventTime?: { seconds?: unknown; nanos?: number | null } | null }): number {
  return Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
}

async function runOne(client: Client, endpoints: Endpoints, file: string, n: number) {
  const approver = `do-hieu-nang-${n}-${Date.now()}@example.org`;
  const input = await resolveCampaignInput({
    planId: 'phuong-bac-kan-2026',
    occasionId: 'ngay-nha-giao-20-11',
    approvers: [approver],
    localitiesFile: file,
    publishAt: new Date(Date.now() - 60_000).toISOString(),
    forceNew: true,
  });
  const t0 = Date.now();
  await startCampaign(client, endpoints.taskQueue, input);
  const link = await approvalLink(endpoints, approver, 1, 300_000);
  const handle = client.workflow.getHandle(input.campaignId);
  let history = await handle.fetchHistory();
  const scheduled = new Map<number, string>();
  let askedAt = NaN;
  for (const e of history.events ?? []) {
    if (e.activityTaskScheduledEventAttributes) scheduled.set(Number(e.eventId), e.activityTaskScheduledEventAttributes.activityType?.name ?? '');
    if (e.activityTaskCompletedEventAttributes && scheduled.get(Number(e.activityTaskCompletedEventAttributes.scheduledEventId)) === 'sendApprovalRequests') askedAt = eventMs(e);
  }
  const page = await (await fetch(link)).text();
  const tPost = Date.now();
  const res = await postDecision(link, { ...formFields(page), decision: 'approve' });
  if (res.status !== 200) throw new Error(`approval POST answered ${res.status}`);
  const final = (await handle.result()) as CampaignState;
  if (final.status !== 'published') throw new Error(`campaign ended ${final.status}`);
  history = await handle.fetchHistory();
  let firstPublish = NaN;
  for (const e of history.events ?? []) {
    if (e.activityTaskScheduledEventAttributes) scheduled.set(Number(e.eventId), e.activityTaskScheduledEventAttributes.activityType?.name ?? '');
    const started = e.activityTaskStartedEventAttributes;
    if (started && /^publish|^sendCampaignBriefings/.test(scheduled.get(Number(started.scheduledEventId)) ?? '') && Number.isNaN(firstPublish)) firstPublish = eventMs(e);
  }
  return { draftsSeconds: (askedAt - t0) / 1000, approveToPublishMs: firstPublish - tPost, channels: final.channels.map((c) => c.channel).join(', ') };
}

export async function benchCampaign(): Promise<Row[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'campaign-bench-'));
  const [tp, tui, s3, smtp, mail, web] = await freePorts(6);
  const env = {
    DATA_DIR: dir,
    TEMPORAL_PORT: String(tp),
    TEMPORAL_UI_PORT: String(tui),
    S3_PORT: String(s3),
    SMTP_PORT: String(smtp),
    MAIL_UI_PORT: String(mail),
    WEB_PORT: String(web),
    TEMPORAL_TASK_QUEUE: 'bench-campaign',
    TEMPORAL_CLI: process.env.TEMPORAL_CLI,
  };
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const services = await startServices(parsed.config, () => undefined);
  const endpoints: Endpoints = { ...services.endpoints, publicBaseUrl: `http://127.0.0.1:${web}` };
  const workerProcess = await spawnWorker(endpoints);
  const worker = workerProcess.child;
  const gateway = temporalGateway(endpoints);
  const server = await startWebServer(createApp({ endpoints, store: S3ObjectStore.fromSettings(endpoints.s3), campaigns: gateway }), '127.0.0.1', web!);
  const connection = await Connection.connect({ address: endpoints.temporalAddress });
  const client = new Client({ connection });
  const rows: Row[] = [];
  try {
    for (const [n, target] of [
      [100, 10],
      [1000, 60],
    ] as const) {
      const r = await runOne(client, endpoints, localityFile(dir, n), n);
      rows.push({ name: `campaign ${n} localities (${r.channels}): start → drafts stored + approval sent (s)`, value: r.draftsSeconds.toFixed(1), target: `≤ ${target}`, ok: r.draftsSeconds <= target });
      rows.push({ name: `campaign ${n} localities: approval POST → first publish activity (ms)`, value: r.approveToPublishMs.toFixed(0), target: '≤ 1000', ok: r.approveToPublishMs <= 1000 });
    }
    const rss = peakRssMb(worker.pid!);
    rows.push({ name: 'campaign worker peak RSS (MB)', value: rss.toFixed(0), target: '≤ 400', ok: rss <= 400 });
  } finally {
    await connection.close();
    await server.stop();
    await gateway.close();
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
    await services.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
