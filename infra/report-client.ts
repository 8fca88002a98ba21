/**
 * Starting the report workflow on demand, for a given period: `campaign report` and the
 * dashboard's report form. (Scheduled reports are started by their Temporal schedule.)
 */
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { ReportPeriod } from '../domain/report/period.js';
import type { ReportRequest } from '../domain/report/request.js';
import type { reportWorkflow } from '../workflows/report.js';

export async function startReport(
  client: Client,
  taskQueue: string,
  request: ReportRequest & { period: ReportPeriod },
  now: Date = new Date(),
): Promise<WorkflowHandle<typeof reportWorkflow>> {
  return client.workflow.start<typeof reportWorkflow>('reportWorkflow', {
    taskQueue,
    workflowId: `report-${request.planId}-${request.period.from}_${request.period.to}-${now.getTime().toString(36)}`,
    args: [request],
    // Without a worker the report never starts; give up rather than wait forever.
    workflowExecutionTimeout: '15 minutes',
  });
}
