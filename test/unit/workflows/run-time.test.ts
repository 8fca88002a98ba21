/**
 * Scheduled runs work out their period or day from the time the schedule planned them for
 * (TemporalScheduledStartTime), so a run caught up after downtime covers the same period and
 * broadcasts on the same day as it would have on time. Manual runs use their start time.
 */
import { TypedSearchAttributes } from '@temporalio/common';
import type { WorkflowInfo } from '@temporalio/workflow';
import { describe, expect, it } from 'vitest';
import { createBulletinActivities } from '../../../activities/schedules/bulletin.js';
import type { ActivityDeps } from '../../../activities/deps.js';
import type { ContentBrief } from '../../../domain/brief.js';
import { vnDateOf } from '../../../domain/campaign/schedule.js';
import { scheduledPeriod, SEMIANNUAL_DUE_DATES } from '../../../domain/report/period.js';
import type { BulletinSeriesInput } from '../../../domain/schedules/bulletin.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { runTimeOf, TemporalScheduledStartTime } from '../../../workflows/run-time.js';

type Info = Pick<WorkflowInfo, 'typedSearchAttributes' | 'searchAttributes' | 'startTime'>;

/** A run the schedule planned for `scheduled` that started at `started` (after downtime). */
const scheduledRun = (scheduled: string, started: string): Info => ({
  typedSearchAttributes: new TypedSearchAttributes([{ key: TemporalScheduledStartTime, value: new Date(scheduled) }]),
  searchAttributes: { TemporalScheduledStartTime: [new Date(scheduled)] },
  startTime: new Date(started),
});
const manualRun = (started: string): Info => ({ typedSearchAttributes: new TypedSearchAttributes([]), searchAttributes: {}, startTime: new Date(started) });

describe('the time a run is for', () => {
  it('is the scheduled time when a schedule started the run, else its start time', () => {
    expect(runTimeOf(scheduledRun('2026-06-05T01:00:00Z', '2026-06-07T03:00:00Z'))).toBe('2026-06-05T01:00:00.000Z');
    expect(runTimeOf(manualRun('2026-06-07T03:00:00Z'))).toBe('2026-06-07T03:00:00.000Z');
    // Only the untyped view has it (a payload without type metadata).
    const untyped = { ...manualRun('2026-06-07T03:00:00Z'), searchAttributes: { TemporalScheduledStartTime: ['2026-06-05T01:00:00Z'] } } as unknown as Info;
    expect(runTimeOf(untyped)).toBe('2026-06-05T01:00:00.000Z');
  });

  it('gives a report caught up two days late the period of its firing day, not a two-day one', () => {
    // The June report fires on 05/06 at 08:00 (01:00 UTC); the worker was down until 07/06.
    const run = scheduledRun('2026-06-05T01:00:00Z', '2026-06-07T03:00:00Z');
    const period = scheduledPeriod(vnDateOf(runTimeOf(run)), SEMIANNUAL_DUE_DATES, 5);
    expect([period.from, period.to]).toEqual(['2025-12-05', '2026-06-04']);
    const fromStart = scheduledPeriod(vnDateOf(run.startTime.getTime()), SEMIANNUAL_DUE_DATES, 5);
    expect([fromStart.from, fromStart.to]).toEqual(['2026-06-05', '2026-06-06']);
  });

  it('gives a bulletin caught up after its slot the day it was scheduled for', async () => {
    const series = {
      seriesId: 'sched-phuong-bac-kan-2026-bulletin-x',
      planId: 'phuong-bac-kan-2026',
      taskId: 't',
      brief: { headline: '', keyMessages: [] } as unknown as ContentBrief,
      pool: ['Giữ gìn vệ sinh môi trường.'],
      approvers: ['bien-tap@example.org'],
      localities: 'all',
      localitiesFile: 'test/fixtures/data/localities-file.yaml',
      decideWithinMs: 3600_000,
    } as BulletinSeriesInput;
    // Scheduled 04:30 on 03/03 (before the 05:30 slot); started at 09:00 after downtime.
    const run = scheduledRun('2026-03-02T21:30:00Z', '2026-03-03T02:00:00Z');
    const activities = (store = new MemoryObjectStore()) => createBulletinActivities({ store } as unknown as ActivityDeps);
    const onTime = await activities().prepareBulletinRun({ series, runId: 'r1', at: run.startTime.toISOString(), scheduledAt: runTimeOf(run) });
    expect(onTime.day).toBe('2026-03-03');
    // Without the scheduled time the 09:00 start would move it to the next day.
    const byStart = await activities().prepareBulletinRun({ series, runId: 'r2', at: run.startTime.toISOString() });
    expect(byStart.day).toBe('2026-03-04');
  });
});
