/**
 * The periodic report on real services: a campaign is run in the test (changes requested, then
 * approved, then published), and a report over exactly that window lists that campaign alone,
 * with its versions, decisions (who, when) and broadcasts. The DOCX is opened (unzipped and
 * parsed) and holds the plan's number and the counts; the lead body receives it by email; the
 * CLI produces the same report on demand.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { vnDateOf } from '../../domain/campaign/schedule.js';
import type { CampaignState } from '../../domain/campaign/types.js';
import { formatVnDate, vnToday } from '../../domain/dates.js';
import type { ReportEvidence } from '../../domain/report/evidence.js';
import { periodOfDays, scheduledPeriod } from '../../domain/report/period.js';
import type { ReportRequest } from '../../domain/report/request.js';
import { resolveCampaignInput, startCampaign } from '../../infra/campaign-client.js';
import { planSchedules, syncSchedules, triggerSchedule } from '../../infra/schedules.js';
import type { ReportRunResult } from '../../workflows/report.js';
import { readDocx } from '../fixtures/schedules/docx-text.js';
import { approvalLink, formFields, postDecision, startProduct, waitFor } from '../support/campaign.js';
import { waitForEmails } from '../support/mailbox.js';
import { runCampaign } from '../support/cli-process.js';

const shared = inject('endpoints');
const dataDir = inject('dataDir');
const PLAN = 'lang-son-62-kh-ubnd-2026';

describe('the periodic report', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let campaign: { id: string; approver: string; final: CampaignState; windowStart: string };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'report-out-'));

  beforeAll(async () => {
    product = await startProduct(shared, 'report');
    const windowStart = new Date().toISOString();
    const approver = `bien-tap-${randomUUID().slice(0, 8)}@example.org`;
    const input = await resolveCampaignInput({
      planId: PLAN,
      occasionId: 'ngay-nha-giao-20-11',
      channels: ['infographic', 'loudspeaker'],
      approvers: [approver],
      publishAt: new Date(Date.now() + 1_000).toISOString(),
      forceNew: true,
    });
    await startCampaign(product.client, product.taskQueue, input);
    const link1 = await approvalLink(product.endpoints, approver);
    const page1 = await (await fetch(link1)).text();
    expect((await postDecision(link1, { ...formFields(page1), decision: 'requestChanges', comment: 'Nhấn mạnh vai trò nhà giáo.' })).status).toBe(200);
    const link2 = await approvalLink(product.endpoints, approver, 2);
    const page2 = await (await fetch(link2)).text();
    expect((await postDecision(link2, { ...formFields(page2), decision: 'approve' })).status).toBe(200);
    const final = await product.client.workflow.getHandle(input.campaignId).result();
    expect(final.status).toBe('published');
    campaign = { id: input.campaignId, approver, final, windowStart };
  });
  afterAll(async () => {
    await product?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('lists exactly the campaign of the period with its versions, decisions and broadcasts; the DOCX holds the plan number and the counts; the lead body gets it', async () => {
    const reportTo = `lanh-dao-${randomUUID().slice(0, 8)}@example.org`;
    const request: ReportRequest = {
      planId: PLAN,
      dutyId: 'ls-bc-so-gddt',
      period: { from: vnDateOf(campaign.windowStart), to: vnToday(), start: campaign.windowStart, end: new Date().toISOString() },
      reportTo: [reportTo],
      email: true,
    };
    const result = (await product.client.workflow.execute('reportWorkflow', { taskQueue: product.taskQueue, workflowId: `report-it-${randomUUID().slice(0, 8)}`, args: [request] })) as ReportRunResult;
    expect(result.planRef).toBe('62/KH-UBND');
    expect(result.emailed).toBe(1);

    const evidence = JSON.parse((await product.store.get(result.files.evidence))!.body.toString('utf8')) as ReportEvidence;
    // This test's campaign is listed; a Lạng Sơn campaign of another test file on the shared
    // server whose broadcasts air in the window is listed too (rightly), so the counts are
    // checked against the evidence rather than assumed to be this campaign's alone.
    expect(evidence.items.map((i) => i.id)).toContain(campaign.id);
    const item = evidence.items.find((i) => i.id === campaign.id)!;
    const sum = (f: (i: (typeof evidence.items)[number]) => number) => evidence.items.reduce((n, i) => n + f(i), 0);
    const [changes, approval] = campaign.final.decisions;
    expect(item.drafts.map((d) => d.version)).toEqual([1, 2]);
    expect(item.decisions).toEqual([
      { approver: campaign.approver, decision: 'requestChanges', at: changes!.at, version: 1, comment: 'Nhấn mạnh vai trò nhà giáo.' },
      { approver: campaign.approver, decision: 'approve', at: approval!.at, version: 2 },
    ]);
    expect(item.publications.map((p) => p.channel).sort()).toEqual(['infographic', 'loudspeaker']);
    expect(item.broadcasts).toHaveLength(campaign.final.localityCount);
    expect(new Set(item.broadcasts.map((b) => b.locality)).size).toBe(campaign.final.localityCount);

    const figure = (key: string) => result.summary.find((s) => s.key === key)!.value;
    const airMinutes = Math.round(sum((i) => i.broadcasts.reduce((s, b) => s + b.durationSeconds, 0)) / 60);
    expect([figure('campaigns'), figure('draftVersions'), figure('decisions'), figure('broadcasts'), figure('airMinutes'), figure('bulletinRuns')]).toEqual([
      evidence.items.length,
      sum((i) => i.drafts.length),
      sum((i) => i.decisions.length),
      sum((i) => i.broadcasts.length),
      airMinutes,
      0,
    ]);
    expect(figure('localities')).toBeGreaterThanOrEqual(campaign.final.localityCount);

    // Open the DOCX: a Word package whose text has the plan's number, the header, and the counts.
    const docx = await product.store.get(result.files.docx);
    expect(docx!.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const doc = readDocx(docx!.body);
    const text = doc.paragraphs.join('\n');
    expect(text).toContain('Kế hoạch số 62/KH-UBND ngày 26/02/2026 của Ủy ban nhân dân tỉnh Lạng Sơn');
    expect(text).toContain('Số:        /BC-UBND');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const summary = doc.tables.find((t) => t[0]?.join('|') === 'TT|Nội dung|Số lượng')!;
    const cell = (label: string) => summary.find((r) => r[1] === label)?.[2];
    expect(cell('Chiến dịch truyền thông')).toBe(String(figure('campaigns')));
    expect(cell('Phiên bản bản nháp đã soạn')).toBe(String(figure('draftVersions')));
    expect(cell('Quyết định phê duyệt đã ghi nhận')).toBe(String(figure('decisions')));
    expect(cell('Lượt phát bản tin truyền thanh')).toBe(String(figure('broadcasts')));
    expect(cell('Tổng thời lượng phát')).toBe(`${airMinutes} phút`);
    const campaigns = doc.tables.find((t) => t[0]?.[0] === 'Chiến dịch')!;
    expect(campaigns).toHaveLength(evidence.items.length + 1);
    const row = campaigns.find((r) => r.join(' ').includes(`Yêu cầu sửa — ${campaign.approver}`))!;
    expect(row.join(' ')).toContain(`Phê duyệt — ${campaign.approver}`);
    expect(text).toContain('Chưa có dữ liệu minh chứng trong hệ thống cho mục tiêu này');

    expect((await product.store.get(result.files.html))!.body.toString('utf8')).toContain('Kế hoạch số 62/KH-UBND');
    expect((await product.store.head(result.files.png))!.contentType).toBe('image/png');

    // The lead body receives the draft with the DOCX attached; the product does not sign or send it on.
    const [mail] = await waitForEmails(product.endpoints, reportTo, 1, 30_000);
    expect(mail!.subject).toBe(`[Dự thảo báo cáo] Kết quả truyền thông thực hiện Kế hoạch số 62/KH-UBND — từ ngày ${formatVnDate(result.period.from)} đến ngày ${formatVnDate(result.period.to)}`);
    expect(mail!.text).toContain('hệ thống không tự gửi báo cáo đi');
    const attached = mail!.attachments.find((a) => a.filename?.endsWith('.docx'))!;
    expect(attached.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(readDocx(attached.content).paragraphs.join('\n')).toContain('62/KH-UBND');
  });

  it('the report schedule, triggered, compiles the period since its previous firing and emails it for review', async () => {
    const idPrefix = `it${randomUUID().slice(0, 6)}-`;
    const reportTo = `lanh-dao-${randomUUID().slice(0, 8)}@example.org`;
    // No dates given: the plan's own undated reports (the Department's) take the usual 10/6 and
    // 10/12. Without approvers only reports are scheduled; the notes say why the rest is not.
    const desired = await planSchedules({ planId: PLAN, taskQueue: product.taskQueue, reportTo: [reportTo], idPrefix });
    expect(desired.schedules.map((s) => s.id)).toEqual([`sched-${idPrefix}${PLAN}-report-ls-bc-so-gddt`, `sched-${idPrefix}${PLAN}-report-ls-bc-nganh-bo-gddt`]);
    const id = desired.schedules[0]!.id;
    try {
      await syncSchedules(product.client, desired);
      await triggerSchedule(product.client, id);
      const workflowId = await waitFor(async () => (await product.client.schedule.getHandle(id).describe()).info.recentActions[0]?.action.workflow.workflowId, 60_000, 'the report run');
      const result = (await product.client.workflow.getHandle(workflowId).result()) as ReportRunResult;
      const due = [
        { day: 10, month: 6 },
        { day: 10, month: 12 },
      ];
      expect(result.period).toEqual(scheduledPeriod(vnToday(), due, 5));
      // Today's campaign belongs to the next period.
      expect(result.summary.find((s) => s.key === 'campaigns')!.value).toBe(0);
      expect(result.emailed).toBe(1);
      const [mail] = await waitForEmails(product.endpoints, reportTo, 1, 30_000);
      expect(mail!.subject).toContain(`từ ngày ${formatVnDate(result.period.from)} đến ngày ${formatVnDate(result.period.to)}`);
      expect(mail!.attachments.map((a) => a.contentType).sort()).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'text/html']);
    } finally {
      for (const s of desired.schedules) await product.client.schedule.getHandle(s.id).delete().catch(() => undefined);
    }
  });

  it('`campaign report` produces the same report on demand, into --out, without email', async () => {
    const env = {
      DATA_DIR: dataDir,
      TEMPORAL_ADDRESS: product.endpoints.temporalAddress,
      TEMPORAL_TASK_QUEUE: product.taskQueue,
      S3_ENDPOINT: product.endpoints.s3.endpoint,
      S3_BUCKET: product.endpoints.s3.bucket,
      SMTP_URL: product.endpoints.smtpUrl,
    };
    const from = formatVnDate(vnDateOf(campaign.windowStart));
    const to = formatVnDate(vnToday());
    const out = await runCli(['report', '--plan', PLAN, '--from', from, '--to', to, '--out', tmp, '--no-email', '--json'], env);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as ReportRunResult & { written: string[] };
    expect(result.emailed).toBe(0);
    // Whole days: every campaign of the plan that ran today counts, this test's and any other
    // test file's on the shared server. The same report, made by the workflow over the same
    // days, says which; this test's campaign is one of them.
    const sameDays = (await product.client.workflow.execute('reportWorkflow', {
      taskQueue: product.taskQueue,
      workflowId: `report-it-days-${randomUUID().slice(0, 8)}`,
      args: [{ planId: PLAN, dutyId: 'ls-bc-so-gddt', period: periodOfDays(vnDateOf(campaign.windowStart), vnToday()), reportTo: [], email: false } satisfies ReportRequest],
    })) as ReportRunResult;
    const evidence = JSON.parse((await product.store.get(sameDays.files.evidence))!.body.toString('utf8')) as ReportEvidence;
    expect(evidence.items.map((i) => i.id)).toContain(campaign.id);
    const campaigns = evidence.items.length;
    expect(result.summary).toEqual(sameDays.summary);
    expect(result.summary.find((s) => s.key === 'campaigns')!.value).toBe(campaigns);
    expect(result.written.map((f) => path.basename(f)).sort()).toEqual(['report.docx', 'report.html', 'report.png']);
    const file = path.join(tmp, 'report.docx');
    expect(existsSync(file)).toBe(true);
    expect(readDocx(readFileSync(file)).paragraphs.join('\n')).toContain('62/KH-UBND');

    const human = await runCli(['report', '--plan', PLAN, '--from', from, '--to', to, '--no-email'], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Đã lập báo cáo Kế hoạch số 62/KH-UBND');
    expect(human.stdout).toMatch(new RegExp(`Chiến dịch truyền thông\\s+${campaigns}\\b`));
    const bad = await runCli(['report', '--plan', PLAN, '--from', '31/02/2026', '--to', to], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from: "31/02/2026" không phải ngày');
  });
});

function runCli(args: string[], env: Record<string, string>) {
  return runCampaign(args, { ...process.env, ...env });
}
