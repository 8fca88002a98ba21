/**
 * Activities of the periodic report: gather the evidence of a period, compile and render it
 * (DOCX, HTML, PNG) into object storage, and email it to the plan's lead body for review.
 * The editor signs and sends the report; the product never does.
 */
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { compileReport, reportDuty, type ReportModel, type SummaryFigure } from '../../domain/report/compile.js';
import type { ReportEvidence } from '../../domain/report/evidence.js';
import type { ReportPeriod } from '../../domain/report/period.js';
import type { Plan } from '../../domain/plan/schema.js';
import { senderDomain } from '../../domain/email.js';
import { FilePlans, PlanLibrary, type PlanReader } from '../../infra/plan-library.js';
import { renderProgressPng, renderReportDocx, renderReportHtml } from '../../render/report/index.js';
import { readJson, writeJson } from '../campaign/store-json.js';
import type { ActivityDeps } from '../deps.js';
import { heartbeat } from '../heartbeat.js';
import { campaignIdsFromTemporal, gatherEvidence } from './evidence.js';
import { DOCX_TYPE, reportKeys } from './files.js';

export interface ReportFiles {
  docx: string;
  html: string;
  png: string;
  evidence: string;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

async function plan(library: PlanReader, planId: string, plansDir?: string): Promise<Plan> {
  try {
    return (await (plansDir ? new FilePlans(plansDir) : library).get(planId)).plan;
  } catch (err) {
    throw ApplicationFailure.nonRetryable((err as Error).message, 'InvalidPlan');
  }
}

export function createReportActivities({ store, mailer, endpoints }: ActivityDeps) {
  const library = new PlanLibrary(store);
  const domain = senderDomain(endpoints.mailFrom);
  return {
    /** Reads the evidence of the period and stores it beside the report. */
    async gatherReportEvidence(input: { planId: string; period: ReportPeriod; plansDir?: string }): Promise<{ evidenceKey: string; items: number }> {
      const listCampaigns = (planId: string, period: ReportPeriod) => campaignIdsFromTemporal(endpoints, planId, period);
      const evidence = await gatherEvidence({ store, listCampaigns }, await plan(library, input.planId, input.plansDir), input.period);
      const key = reportKeys(input.planId, input.period).evidence;
      await writeJson(store, key, evidence);
      return { evidenceKey: key, items: evidence.items.length };
    },

    /** Compiles the stored evidence and writes the DOCX, HTML and PNG. */
    async renderReportFiles(input: { planId: string; dutyId?: string; evidenceKey: string; plansDir?: string }): Promise<{ files: ReportFiles; summary: SummaryFigure[]; planRef: string }> {
      const p = await plan(library, input.planId, input.plansDir);
      const duty = reportDuty(p, input.dutyId);
      if (input.dutyId && !duty) throw ApplicationFailure.nonRetryable(`Kế hoạch ${p.id} không có nhiệm vụ báo cáo "${input.dutyId}".`, 'InvalidDuty');
      const evidence = await readJson<ReportEvidence>(store, input.evidenceKey);
      const model = compileReport(p, evidence, duty);
      const k = reportKeys(p.id, evidence.period);
      await writeJson(store, k.model, model);
      heartbeat('docx');
      await store.put(k.docx, await renderReportDocx(model), { contentType: DOCX_TYPE, metadata: { plan: p.id } });
      heartbeat('html');
      await store.put(k.html, renderReportHtml(model), { contentType: 'text/html; charset=utf-8', metadata: { plan: p.id } });
      heartbeat('png');
      await store.put(k.png, await renderProgressPng(model), { contentType: 'image/png', metadata: { plan: p.id } });
      return { files: { docx: k.docx, html: k.html, png: k.png, evidence: input.evidenceKey }, summary: model.summary, planRef: model.header.planRef };
    },

    /**
     * Emails the report for review, once per run and address: a ledger entry and a fixed
     * Message-ID per (run, address) make a retried activity skip addresses already done.
     */
    async emailReport(input: { runKey: string; planId: string; to: string[]; files: ReportFiles }): Promise<{ sent: number; skipped: number }> {
      const model = await readJson<ReportModel>(store, input.files.docx.replace(/report\.docx$/, 'model.json'));
      const [docx, png] = await Promise.all([store.get(input.files.docx), store.get(input.files.png)]);
      if (!docx) throw ApplicationFailure.nonRetryable(`Thiếu tệp báo cáo ${input.files.docx}.`, 'MissingObject');
      const period = model.header.periodLine.replace(/^Kỳ báo cáo: /u, '');
      const subject = `[Dự thảo báo cáo] Kết quả truyền thông thực hiện Kế hoạch số ${model.header.planRef} — ${period}`;
      const figures = model.summary.map((s) => `  - ${s.label}: ${s.value}${s.unit ? ` ${s.unit}` : ''}`).join('\n');
      const missing = model.targets.filter((t) => !t.hasEvidence).length;
      let sent = 0;
      let skipped = 0;
      for (const to of input.to) {
        heartbeat({ sent, skipped, total: input.to.length });
        const ledger = `ledger/reports/${hash(input.runKey)}/${hash(to.toLowerCase())}.json`;
        if (await store.head(ledger)) {
          skipped += 1;
          continue;
        }
        await mailer.sendMail({
          from: endpoints.mailFrom,
          to,
          subject,
          messageId: `<report.${hash(`${input.runKey}:${to.toLowerCase()}`)}@${domain}>`,
          headers: { 'X-Report-Plan': input.planId },
          text:
            `Kính gửi Lãnh đạo cơ quan chủ trì Kế hoạch,\n\n` +
            `Hệ thống đã tổng hợp dự thảo báo cáo kết quả công tác truyền thông thực hiện Kế hoạch số ${model.header.planRef}, kỳ báo cáo ${period}.\n\n` +
            `Số liệu chính:\n${figures}\n\n` +
            `Có ${missing}/${model.targets.length} mục tiêu của Kế hoạch chưa có dữ liệu minh chứng trong hệ thống; báo cáo nêu rõ từng mục tiêu.\n\n` +
            `Tệp đính kèm: báo cáo dạng Word (chỉnh sửa được), bản HTML và infographic tiến độ. ` +
            `Đề nghị đồng chí xem xét, bổ sung phần đề xuất, kiến nghị, cho số văn bản, ký và gửi theo quy định; hệ thống không tự gửi báo cáo đi.\n`,
          attachments: [
            { filename: `bao-cao-${model.planId}-${model.header.periodLine.match(/\d{2}\/\d{2}\/\d{4}/g)?.join('_').replace(/\//g, '-') ?? 'ky'}.docx`, content: docx.body, contentType: DOCX_TYPE },
            { filename: 'bao-cao.html', content: (await store.get(input.files.html))?.body ?? Buffer.alloc(0), contentType: 'text/html; charset=utf-8' },
            ...(png ? [{ filename: 'tien-do.png', content: png.body, contentType: 'image/png' }] : []),
          ],
        });
        await writeJson(store, ledger, { sentAt: new Date().toISOString(), runKey: input.runKey });
        sent += 1;
      }
      return { sent, skipped };
    },
  };
}

export { reportKeys } from './files.js';
