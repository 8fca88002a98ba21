/**
 * Runs a schedule starts late (caught up after downtime; here a backfill of a past time, which
 * Temporal starts the same way) work out their period, day and occasion from the time they
 * were scheduled for — the TemporalScheduledStartTime search attribute — not from when they ran.
 */
import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { ReportPeriod } from '../../domain/report/period.js';
import type { ReportRequest } from '../../domain/report/request.js';
import type { BulletinSeriesInput } from '../../domain/schedules/bulletin.js';
import type { OccasionStartInput } from '../../domain/schedules/occasion.js';
import { mockWorker, useWorkflowEnv } from '../support/workflow-env.js';

const workflowEnv = useWorkflowEnv();

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const;
let schedules = 0;

/**
 * A schedule firing once, at `at` (a past instant, 2025), whose run is started now by a
 * backfill; waits for the run to finish.
 */
async function runScheduledAt(client: Client, taskQueue: string, workflowType: string, args: unknown[], at: string): Promise<void> {
  const id = `sched-test-${process.pid}-${++schedules}`;
  // The same instant in Vietnam's calendar, as the product's schedules are written.
  const local = new Date(Date.parse(at) + 7 * 3600_000);
  const handle = await client.schedule.create({
    scheduleId: id,
    spec: {
      timezone: 'Asia/Ho_Chi_Minh',
      calendars: [{ year: local.getUTCFullYear(), month: MONTHS[local.getUTCMonth()]!, dayOfMonth: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes() }],
    },
    action: { type: 'startWorkflow', workflowType, workflowId: id, taskQueue, args },
    policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL },
  });
  try {
    const t = Date.parse(at);
    await handle.backfill([{ start: new Date(t - 60_000), end: new Date(t + 60_000), overlap: ScheduleOverlapPolicy.ALLOW_ALL }]);
    const workflowId = `${id}-${new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
    for (let i = 0; i < 200; i++) {
      const started = await client.workflow.getHandle(workflowId).describe().then(() => true, () => false);
      if (started) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.workflow.getHandle(workflowId).result().catch(() => undefined);
  } finally {
    await handle.delete();
  }
}

describe('a scheduled run caught up late', () => {
  it('reports on the period of its firing day', async () => {
    const periods: ReportPeriod[] = [];
    const { taskQueue, worker } = await mockWorker(workflowEnv(), {
      gatherReportEvidence: async (input) => {
        periods.push(input.period);
        return { evidenceKey: 'reports/e.json', items: 0 };
      },
      renderReportFiles: async () => ({ planRef: 'Kế hoạch số 1', files: { docx: 'a.docx', html: 'a.html', png: 'a.png' }, summary: [] }) as never,
    });
    const request: ReportRequest = {
      planId: 'phuong-bac-kan-2026',
      schedule: { dueDates: [{ day: 10, month: 6 }, { day: 10, month: 12 }], leadDays: 5 },
      reportTo: [],
      email: false,
    };
    // The June report fires on 05/06 at 08:00 Vietnam time.
    await worker.runUntil(() => runScheduledAt(workflowEnv().client, taskQueue, 'reportWorkflow', [request], '2025-06-05T01:00:00Z'));
    expect(periods.map((p) => [p.from, p.to])).toEqual([['2024-12-05', '2025-06-04']]);
  });

  it('gives a bulletin run the scheduled time to pick its broadcast day from', async () => {
    const seen: { at: string; scheduledAt?: string }[] = [];
    const { taskQueue, worker } = await mockWorker(workflowEnv(), {
      prepareBulletinRun: async (input) => {
        seen.push({ at: input.at, scheduledAt: input.scheduledAt });
        throw ApplicationFailure.nonRetryable('Dừng thử nghiệm sau bước chuẩn bị.', 'TestStop');
      },
    });
    const series = { seriesId: 'bt', planId: 'p', taskId: 't', approvers: ['a@example.org'], pool: ['x'], localities: 'all', localitiesFile: 'l', decideWithinMs: 3600_000 } as unknown as BulletinSeriesInput;
    await worker.runUntil(() => runScheduledAt(workflowEnv().client, taskQueue, 'bulletinWorkflow', [series], '2025-03-02T21:30:00Z'));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.scheduledAt).toBe('2025-03-02T21:30:00.000Z');
    // The run itself started now, long after.
    expect(Date.parse(seen[0]!.at)).toBeGreaterThan(Date.parse('2025-03-03T00:00:00Z'));
  });

  it('looks for the occasion from the scheduled time', async () => {
    const at: string[] = [];
    const { taskQueue, worker } = await mockWorker(workflowEnv(), {
      resolveOccasionCampaign: async (input) => {
        at.push(input.at);
        return { skipped: 'Không có sự kiện trong thử nghiệm.' };
      },
    });
    const start = { scheduleId: 's', planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', taskIds: [], channels: ['infographic'], approvers: ['a@example.org'], localitiesFile: 'l', mediaListFile: 'm', startDaysBefore: 14 } as OccasionStartInput;
    await worker.runUntil(() => runScheduledAt(workflowEnv().client, taskQueue, 'occasionCampaignWorkflow', [start], '2025-11-06T01:00:00Z'));
    expect(at).toEqual(['2025-11-06T01:00:00.000Z']);
  });
});
