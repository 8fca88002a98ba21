/**
 * Schedules on the real dev server: `schedules sync` twice changes nothing; editing a plan copy
 * updates, and removing a task deletes, exactly the schedules concerned (a pause survives an
 * update); the CLI does the same; triggering a pre-approved bulletin series publishes one
 * bulletin per locality with a message from the pool, and a second trigger uses the next
 * message; an occasion schedule starts the campaign of the occasion's next instance.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { occasionsBetween } from '../../domain/calendar/index.js';
import { addDays, vnToday } from '../../domain/dates.js';
import type { OccasionStartInput } from '../../domain/schedules/occasion.js';
import type { BulletinSeriesInput } from '../../domain/schedules/bulletin.js';
import type { CampaignState } from '../../domain/campaign/types.js';
import { CampaignPlan } from '../../domain/search-attributes.js';
import { unitLocalities } from '../../domain/directory/audience.js';
import { DirectoryStore } from '../../infra/directory-store.js';
import { loadPlan, PLANS_DIR } from '../../infra/plan-store.js';
import { countChanges, describeSchedule, listScheduleIds, pauseSchedule, planSchedules, syncSchedules, triggerSchedule, type ScheduleRequest } from '../../infra/schedules.js';
import type { BulletinRunResult, OccasionStartResult } from '../../workflows/bulletin.js';
import { approvalLink, formFields, postDecision, startProduct, waitFor } from '../support/campaign.js';
import { runCampaign } from '../support/cli-process.js';

const shared = inject('endpoints');
const dataDir = inject('dataDir');
const PLAN = 'phuong-bac-kan-2026';
const BULLETIN_TASK = 'pbk-thong-tin-co-so';

/** A copy of the shipped plan in a temp folder, to edit. */
function planCopy(): { dir: string; file: string; edit(fn: (yaml: string) => string): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plans-'));
  const file = path.join(dir, `${PLAN}.yaml`);
  copyFileSync(path.join(PLANS_DIR, `${PLAN}.yaml`), file);
  return {
    dir,
    file,
    edit(fn) {
      const before = readFileSync(file, 'utf8');
      const after = fn(before);
      expect(after).not.toBe(before);
      writeFileSync(file, after);
    },
  };
}

async function deleteAll(client: Client, prefix: string): Promise<void> {
  for (const id of await listScheduleIds(client, prefix)) await client.schedule.getHandle(id).delete().catch(() => undefined);
}

/** The workflow ids a schedule started so far (describe is strongly consistent). */
async function startedRuns(client: Client, id: string, count: number): Promise<string[]> {
  return waitFor(async () => {
    const d = await client.schedule.getHandle(id).describe();
    const ids = d.info.recentActions.map((a) => a.action.workflow.workflowId);
    return ids.length >= count ? ids : undefined;
  }, 60_000, `${count} runs of ${id}`);
}

describe('schedules on the real dev server', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  const prefixes: string[] = [];
  const dirs: string[] = [];
  const newPrefix = () => {
    const p = `it${randomUUID().slice(0, 6)}-`;
    prefixes.push(`sched-${p}`);
    return p;
  };

  beforeAll(async () => {
    product = await startProduct(shared, 'schedules');
  });
  afterAll(async () => {
    for (const p of prefixes) await deleteAll(product.client, p).catch(() => undefined);
    await product?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('sync twice gives the same schedules; editing the plan updates and removing a task deletes exactly its schedules', async () => {
    const copy = planCopy();
    dirs.push(copy.dir);
    const idPrefix = newPrefix();
    const req: ScheduleRequest = {
      planId: PLAN,
      taskQueue: product.taskQueue,
      plansDir: copy.dir,
      approvers: ['bien-tap@example.org'],
      reportTo: ['lanh-dao@example.org'],
      // No report dates: the ward's own periodic report gets the usual 10/6 and 10/12.
      idPrefix,
    };
    const sync = async () => syncSchedules(product.client, await planSchedules(req));
    const ids = (r: Awaited<ReturnType<typeof sync>>, action: string) => r.changes.filter((c) => c.action === action).map((c) => c.id.slice(`sched-${idPrefix}${PLAN}-`.length)).sort();

    const first = await sync();
    expect(ids(first, 'created')).toEqual([
      'bulletin-pbk-thong-tin-co-so',
      'occasion-khai-giang-5-9',
      'occasion-ngay-hssv-9-1',
      'occasion-ngay-nha-giao-20-11',
      'occasion-nghi-quyet-71-22-8',
      'occasion-tong-ket-nam-hoc',
      'report-pbk-bc-so-gddt',
    ]);
    expect(countChanges(first)).toMatchObject({ updated: 0, deleted: 0, unchanged: 0 });
    const second = await sync();
    expect(countChanges(second)).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: 7 });

    // What Temporal holds: calendar in Asia/Ho_Chi_Minh, overlap SKIP, a catch-up window, the plan's args.
    const bulletinId = `sched-${idPrefix}${PLAN}-bulletin-${BULLETIN_TASK}`;
    const described = await describeSchedule(product.client, bulletinId);
    expect(described.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(described.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 4, end: 4, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }], dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }, { start: 'THURSDAY', end: 'THURSDAY', step: 1 }] })]);
    expect(described.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: 24 * 3600_000 });
    expect(described.action).toMatchObject({ workflowType: 'bulletinWorkflow', taskQueue: product.taskQueue });
    expect(described.memo).toMatchObject({ managedBy: 'campaign-ops', planId: PLAN, kind: 'bulletin' });
    const report = await describeSchedule(product.client, `sched-${idPrefix}${PLAN}-report-pbk-bc-so-gddt`);
    expect(report.spec.calendars?.map((c) => [c.dayOfMonth[0]?.start, c.month[0]?.start, c.hour[0]?.start])).toEqual([
      [5, 'JUNE', 8],
      [5, 'DECEMBER', 8],
    ]);

    // Sync finds schedules to delete through the (eventually consistent) listing: wait until it shows ours.
    await waitFor(async () => ((await listScheduleIds(product.client, `sched-${idPrefix}`)).length === 7 ? true : undefined), 60_000, 'schedules listed');

    // A new key message for the bulletin task: only its series changes; a pause survives the update.
    await pauseSchedule(product.client, bulletinId, 'tạm dừng để thử');
    copy.edit((y) => y.replace('      - Theo dõi tin, bài về giáo dục trên Cổng thông tin điện tử của phường.\n', '      - Theo dõi tin, bài về giáo dục trên Cổng thông tin điện tử của phường.\n      - Mỗi gia đình cùng nhà trường chăm lo việc học của con em.\n'));
    const third = await sync();
    expect(ids(third, 'updated')).toEqual(['bulletin-pbk-thong-tin-co-so']);
    expect(countChanges(third)).toEqual({ created: 0, updated: 1, deleted: 0, unchanged: 6 });
    const updated = await describeSchedule(product.client, bulletinId);
    expect((updated.action.args?.[0] as BulletinSeriesInput).pool).toContain('Mỗi gia đình cùng nhà trường chăm lo việc học của con em.');
    expect(updated.state.paused).toBe(true);

    // Removing the task removes its series and the occasion only it was tied to; khai giảng loses a task.
    copy.edit((y) => {
      const start = y.indexOf(`  - id: ${BULLETIN_TASK}\n`);
      const end = y.indexOf('  - id: pbk-co-so-giao-duc\n');
      return (y.slice(0, start) + y.slice(end)).replace(`    tasks: [${BULLETIN_TASK}]\n`, '    tasks: []\n');
    });
    const fourth = await sync();
    expect(ids(fourth, 'deleted')).toEqual(['bulletin-pbk-thong-tin-co-so', 'occasion-nghi-quyet-71-22-8']);
    expect(ids(fourth, 'updated')).toEqual(['occasion-khai-giang-5-9']);
    expect(countChanges(fourth)).toEqual({ created: 0, updated: 1, deleted: 2, unchanged: 4 });
    await expect(describeSchedule(product.client, bulletinId)).rejects.toThrow(/Không có lịch/);
    expect(countChanges(await sync())).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: 5 });
  });

  it('the CLI syncs, lists and is idempotent too', async () => {
    const idPrefix = newPrefix();
    const env = {
      DATA_DIR: dataDir,
      TEMPORAL_ADDRESS: product.endpoints.temporalAddress,
      TEMPORAL_TASK_QUEUE: product.taskQueue,
      S3_ENDPOINT: product.endpoints.s3.endpoint,
      S3_BUCKET: product.endpoints.s3.bucket,
      SMTP_URL: product.endpoints.smtpUrl,
    };
    const args = ['schedules', 'sync', '--plan', 'lang-son-62-kh-ubnd-2026', '--approvers', 'bien-tap@example.org', '--report-dates', 'ls-bc-so-gddt=10/6,10/12', '--id-prefix', idPrefix];
    const first = await runCli([...args, '--json'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as { changes: { action: string; kind: string }[]; notes: { subject: string; text: string }[] };
    expect(report.changes.filter((c) => c.action === 'created').map((c) => c.kind).sort()).toEqual(['bulletin', 'bulletin', 'occasion', 'occasion', 'occasion', 'occasion', 'occasion', 'report', 'report']);
    // The Department's sector report gives no dates: the usual 10/6 and 10/12, and sync says so.
    expect(report.notes.some((n) => n.subject.startsWith('Báo cáo ls-bc-nganh-bo-gddt') && n.text.includes('hạn 10/6 và 10/12'))).toBe(true);
    expect(report.notes.some((n) => n.subject.startsWith('Báo cáo ls-bc-so-nganh-xa') && n.text.includes('không ghi ngày báo cáo'))).toBe(true);
    const again = await runCli(args, env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 tạo mới, 0 cập nhật, 0 xóa, 9 giữ nguyên');
    expect(again.stdout).toContain('Lưu ý:');
    const bad = await runCli(['schedules', 'sync', '--plan', 'lang-son-62-kh-ubnd-2026', '--approvers', 'khong-phai-email', '--report-dates', '31/2', '--pre-approved', 'all'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('approved-by: cần email của người duyệt trước khi dùng --pre-approved');
    expect(bad.stderr).toContain('approvers: "khong-phai-email" không phải địa chỉ email hợp lệ');
    expect(bad.stderr).toContain('report-dates: "31/2" không phải ngày/tháng dạng dd/mm');
    await waitFor(async () => ((await listScheduleIds(product.client, `sched-${idPrefix}`)).length === 9 ? true : undefined), 60_000, 'schedules listed');
    const listed = await runCli(['schedules', 'list', '--plan', 'lang-son-62-kh-ubnd-2026'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/Mã lịch\s+Loại\s+Trạng thái\s+Lần chạy tới\s+Mô tả/);
    expect(listed.stdout).toContain(`sched-${idPrefix}lang-son-62-kh-ubnd-2026-report-ls-bc-so-gddt`);
    const paused = await runCli(['schedules', 'pause', `sched-${idPrefix}lang-son-62-kh-ubnd-2026-report-ls-bc-so-gddt`], env);
    expect(paused.stdout).toContain('Đã tạm dừng lịch');
    expect((await describeSchedule(product.client, `sched-${idPrefix}lang-son-62-kh-ubnd-2026-report-ls-bc-so-gddt`)).state.paused).toBe(true);
    expect((await runCli(['schedules', 'resume', `sched-${idPrefix}lang-son-62-kh-ubnd-2026-report-ls-bc-so-gddt`], env)).code).toBe(0);
    expect((await describeSchedule(product.client, `sched-${idPrefix}lang-son-62-kh-ubnd-2026-report-ls-bc-so-gddt`)).state.paused).toBe(false);
    expect((await runCli(['schedules', 'trigger', 'sched-khong-co'], env)).code).toBe(1);
  });

  it('a triggered pre-approved bulletin lands once in every locality feed; the next trigger uses the next message', async () => {
    const copy = planCopy();
    dirs.push(copy.dir);
    const idPrefix = newPrefix();
    const desired = await planSchedules({ planId: PLAN, taskQueue: product.taskQueue, plansDir: copy.dir, preApproved: [BULLETIN_TASK], preApprovedBy: 'truong-phong@example.org', idPrefix });
    await syncSchedules(product.client, desired);
    const id = `sched-${idPrefix}${PLAN}-bulletin-${BULLETIN_TASK}`;
    const pool = (await loadPlan(PLAN, copy.dir)).tasks.find((t) => t.id === BULLETIN_TASK)!.keyMessages;
    // The ward's own loudspeaker clusters, from the directory the worker reads.
    const localities = unitLocalities((await new DirectoryStore(product.store).ownerOfPlan(PLAN))!);
    expect(localities.map((l) => l.unitId)).toEqual(['phuong-bac-kan', 'phuong-bac-kan', 'phuong-bac-kan', 'phuong-bac-kan']);

    await triggerSchedule(product.client, id);
    const [firstWf] = await startedRuns(product.client, id, 1);
    const first = await product.client.workflow.getHandle(firstWf!).result() as BulletinRunResult;
    expect(first).toMatchObject({ status: 'published', localities: localities.length, bulletins: localities.length });
    expect(pool).toContain(first.message);

    // Every locality's feed for the day has exactly one item of this run, whose script carries the message.
    for (const l of localities) {
      const doc = JSON.parse((await product.store.get(`broadcast/${l.id}/${first.day}/rundown.json`))!.body.toString('utf8')) as { items: { campaignId: string; title: string; scriptKey: string }[] };
      const mine = doc.items.filter((i) => i.campaignId === first.runId);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.title).toBe(first.message.replace(/\.$/, ''));
      expect((await product.store.get(mine[0]!.scriptKey))!.body.toString('utf8')).toContain(first.message.replace(/\.$/, ''));
    }
    const audit = await product.store.list(`audit/${first.runId}/`);
    const kinds = await Promise.all(audit.map(async (k) => (JSON.parse((await product.store.get(k))!.body.toString('utf8')) as { kind: string }).kind));
    expect(kinds).toEqual(['started', 'drafted', 'preApproved', 'published']);

    await triggerSchedule(product.client, id);
    const runs = await startedRuns(product.client, id, 2);
    const second = await product.client.workflow.getHandle(runs[1]!).result() as BulletinRunResult;
    expect(second.status).toBe('published');
    expect(pool).toContain(second.message);
    expect(second.message).not.toBe(first.message);
    expect(second.messageIndex).toBe((first.messageIndex + 1) % pool.length);
    expect(second.runId).not.toBe(first.runId);
    const rotation = JSON.parse((await product.store.get(`bulletins/${id}/rotation.json`))!.body.toString('utf8')) as { next: number; runs: Record<string, number> };
    expect(rotation.runs).toEqual({ [first.runId]: first.messageIndex, [second.runId]: second.messageIndex });
  });

  it('an occasion schedule starts the campaign of the next instance, or says there is none close enough', async () => {
    const idPrefix = newPrefix();
    const desired = await planSchedules({ planId: PLAN, taskQueue: product.taskQueue, approvers: ['bien-tap@example.org'], idPrefix });
    await syncSchedules(product.client, desired);
    const today = vnToday();
    const plan = await loadPlan(PLAN);
    // The occasion whose next instance is nearest: its campaign may be due to start. Its id
    // carries this test's prefix, so no other test (nor a real campaign) can hold it.
    const occasions = desired.schedules
      .filter((s) => s.kind === 'occasion')
      .map((s) => ({ s, input: s.args[0] as OccasionStartInput }));
    const withNext = occasions
      .map((o) => ({ ...o, next: occasionsBetween(today, addDays(today, 400), [plan]).find((x) => x.occasionId === o.input.occasionId) }))
      .filter((o) => o.next)
      .sort((a, b) => a.next!.date.localeCompare(b.next!.date));
    const chosen = withNext[0]!;
    await triggerSchedule(product.client, chosen.s.id);
    const [wf] = await startedRuns(product.client, chosen.s.id, 1);
    const result = await product.client.workflow.getHandle(wf!).result() as OccasionStartResult;
    const inWindow = chosen.next!.date <= addDays(today, chosen.input.startDaysBefore + 30);
    if (inWindow) {
      expect(result.started).toBe(true);
      expect(result.campaignId).toBe(`campaign-${idPrefix}${PLAN}-${chosen.input.occasionId}-${chosen.next!.date.slice(0, 4)}`);
      const campaign = product.client.workflow.getHandle(result.campaignId!);
      expect((await campaign.describe()).type).toBe('campaignWorkflow');
      // A second run for the same instance starts nothing new.
      await triggerSchedule(product.client, chosen.s.id);
      const runs = await startedRuns(product.client, chosen.s.id, 2);
      expect(await product.client.workflow.getHandle(runs[1]!).result()).toMatchObject({ started: false, campaignId: result.campaignId });
      await campaign.cancel();
    } else {
      expect(result.started).toBe(false);
      expect(result.reason).toContain('không diễn ra trong');
    }
  });

  it('the occasion start launches the campaign as a child with its usual id, once per instance', async () => {
    const idPrefix = newPrefix();
    const desired = await planSchedules({ planId: PLAN, taskQueue: product.taskQueue, approvers: ['bien-tap@example.org'], idPrefix });
    const hssv = desired.schedules.find((s) => s.id.endsWith('occasion-ngay-hssv-9-1'))!;
    // Looking a year ahead, whatever today is, the next 9/1 is in reach.
    const input: OccasionStartInput = { ...(hssv.args[0] as OccasionStartInput), startDaysBefore: 370 };
    const run = (n: number) =>
      product.client.workflow.execute('occasionCampaignWorkflow', { taskQueue: product.taskQueue, workflowId: `${hssv.id}-direct-${n}`, args: [input] }) as Promise<OccasionStartResult>;
    const first = await run(1);
    expect(first.started).toBe(true);
    // The staging set's prefix keeps it apart from every other test's (and the real) campaign of 9/1.
    expect(first.campaignId).toMatch(new RegExp(`^campaign-${idPrefix}${PLAN}-ngay-hssv-9-1-\\d{4}$`));
    const campaign = product.client.workflow.getHandle(first.campaignId!);
    const described = await campaign.describe();
    expect(described.type).toBe('campaignWorkflow');
    expect(described.typedSearchAttributes.get(CampaignPlan)).toBe(PLAN);
    const state = await waitFor(async () => {
      const s = await campaign.query<CampaignState>('status');
      return s.status === 'awaitingApproval' ? s : undefined;
    }, 120_000, 'the started campaign to ask for approval');
    expect(state.channels.map((c) => c.channel)).toEqual(['infographic', 'webPortal']);
    expect(await run(2)).toMatchObject({ started: false, campaignId: first.campaignId });
    await campaign.cancel();
  });

  it('a bulletin that is not pre-approved waits for its approver, who approves it through the usual link', async () => {
    const copy = planCopy();
    dirs.push(copy.dir);
    const idPrefix = newPrefix();
    const approver = `bien-tap-${randomUUID().slice(0, 8)}@example.org`;
    await syncSchedules(product.client, await planSchedules({ planId: PLAN, taskQueue: product.taskQueue, plansDir: copy.dir, approvers: [approver], idPrefix }));
    const id = `sched-${idPrefix}${PLAN}-bulletin-${BULLETIN_TASK}`;
    await triggerSchedule(product.client, id);
    const [wf] = await startedRuns(product.client, id, 1);
    const link = await approvalLink(product.endpoints, approver);
    const page = await fetch(link);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Đài truyền thanh');
    expect((await postDecision(link, { ...formFields(html), decision: 'approve' })).status).toBe(200);
    const result = (await product.client.workflow.getHandle(wf!).result()) as BulletinRunResult;
    expect(result).toMatchObject({ status: 'published', messageIndex: 0, bulletins: result.localities });
    const audit = await product.store.list(`audit/${result.runId}/`);
    const entries = await Promise.all(audit.map(async (k) => JSON.parse((await product.store.get(k))!.body.toString('utf8')) as { kind: string; decision?: { approver: string } }));
    expect(entries.map((e) => e.kind)).toEqual(['started', 'drafted', 'approvalRequested', 'approve', 'published']);
    expect(entries[3]!.decision?.approver).toBe(approver);
  });
});

function runCli(args: string[], env: Record<string, string>) {
  return runCampaign(args, { ...process.env, ...env });
}
