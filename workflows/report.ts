/**
 * The periodic report (báo cáo định kỳ): compiles what the product did for a plan in a period —
 * per task and channel, campaigns with their approvals and publications, bulletins per
 * locality — into an editable DOCX, an HTML page and a progress infographic in object storage,
 * and emails them to the plan's lead body for review. Scheduled runs compute their period from
 * the duty's due dates and the time the schedule planned the run for; `campaign report` passes one.
 */
import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { ReportFiles } from '../activities/report/index.js';
import { vnDateOf } from '../domain/campaign/schedule.js';
import type { SummaryFigure } from '../domain/report/compile.js';
import { scheduledPeriod, type ReportPeriod } from '../domain/report/period.js';
import type { ReportRequest } from '../domain/report/request.js';
import { workflowFailure } from './failure.js';
import { runTimeOf } from './run-time.js';

// Heartbeat timeouts: a worker's death is noticed within 10 s (see activities/heartbeat.ts).
const work = proxyActivities<Activities>({ startToCloseTimeout: '10 minutes', heartbeatTimeout: '10 seconds', retry: { maximumAttempts: 5 } });
const mail = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '10 seconds', retry: { initialInterval: '2 seconds', maximumAttempts: 8 } });

export interface ReportRunResult {
  planId: string;
  planRef: string;
  period: ReportPeriod;
  files: ReportFiles;
  summary: SummaryFigure[];
  /** Addresses the report was emailed to by this run. */
  emailed: number;
}

export async function reportWorkflow(request: ReportRequest): Promise<ReportRunResult> {
  try {
    return await compileReport(request);
  } catch (err) {
    // An activity's failure arrives wrapped; fail with its reason so `campaign report` and the
    // reports page say why, not "Activity task failed".
    throw workflowFailure(err);
  }
}

async function compileReport(request: ReportRequest): Promise<ReportRunResult> {
  let period = request.period;
  if (!period) {
    if (!request.schedule || request.schedule.dueDates.length === 0) {
      throw ApplicationFailure.nonRetryable('Yêu cầu báo cáo cần kỳ báo cáo hoặc ngày đến hạn.', 'InvalidReportRequest');
    }
    // The day the schedule planned the run for: a run caught up after downtime covers the same
    // period as it would have on time.
    period = scheduledPeriod(vnDateOf(runTimeOf(workflowInfo())), request.schedule.dueDates, request.schedule.leadDays);
  }
  const plansDir = request.plansDir ? { plansDir: request.plansDir } : {};
  const { evidenceKey } = await work.gatherReportEvidence({ planId: request.planId, period, ...plansDir });
  const rendered = await work.renderReportFiles({ planId: request.planId, evidenceKey, ...(request.dutyId ? { dutyId: request.dutyId } : {}), ...plansDir });
  let emailed = 0;
  if (request.email && request.reportTo.length > 0) {
    emailed = (await mail.emailReport({ runKey: workflowInfo().workflowId, planId: request.planId, to: request.reportTo, files: rendered.files })).sent;
  }
  return { planId: request.planId, planRef: rendered.planRef, period, files: rendered.files, summary: rendered.summary, emailed };
}
