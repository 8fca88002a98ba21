/**
 * Activities of a bulletin run: choosing the run's key message by rotation (idempotent per
 * run), snapshotting the localities and writing the run's brief so the campaign drafting and
 * broadcast activities can render and publish it, and keeping a record of the run.
 */
import { ApplicationFailure } from '@temporalio/common';
import { keys } from '../campaign/keys.js';
import { updateJsonDocument } from '../../infra/json-document.js';
import { readJson, writeJson } from '../campaign/store-json.js';
import { campaignSlot } from '../../channels/loudspeaker/activities.js';
import { vnDateOf } from '../../domain/campaign/schedule.js';
import { formatVnTime } from '../../domain/dates.js';
import type { Locality } from '../../domain/localities.js';
import { bulletinBrief, bulletinDay, rotate, type BulletinSeriesInput, type RotationState } from '../../domain/schedules/bulletin.js';
import { resolveAudience } from '../../infra/campaign-audience.js';
import { DirectoryStore } from '../../infra/directory-store.js';
import type { ActivityDeps } from '../deps.js';
import { heartbeat } from '../heartbeat.js';
import { bulletinKeys } from './keys.js';

/** What a run records about itself (the report reads these). */
export interface BulletinRunRecord {
  runId: string;
  seriesId: string;
  planId: string;
  taskId: string;
  messageIndex: number;
  message: string;
  /** Broadcast day (ISO date, local). */
  day: string;
  status: string;
  startedAt: string;
  preApprovedBy?: string;
  localityCount: number;
  bulletins?: number;
  publishedAt?: string;
  problems?: string[];
  /** Why the run failed (status "failed"), in Vietnamese. */
  failure?: string;
}

export interface PreparedBulletinRun {
  messageIndex: number;
  message: string;
  day: string;
  briefKey: string;
  localityCount: number;
  /** True when this run already had a message (a retried or replayed run). */
  reused: boolean;
}

const localTime = (iso: string) => formatVnTime(new Date(iso));

function dayFor(localities: readonly Locality[], at: string): string {
  const earliest = localities.map((l) => campaignSlot(l).start).sort()[0] ?? '00:00';
  return bulletinDay(vnDateOf(at), localTime(at), earliest);
}

export function createBulletinActivities({ store }: ActivityDeps) {
  async function readRecord(seriesId: string, runId: string): Promise<BulletinRunRecord | undefined> {
    const found = await store.get(bulletinKeys.run(seriesId, runId));
    return found ? (JSON.parse(found.body.toString('utf8')) as BulletinRunRecord) : undefined;
  }

  return {
    /**
     * Picks the run's message (the same one on every retry of the run, the next one for a new
     * run), snapshots the localities, and writes the version-1 brief under the run's prefix.
     * The broadcast day comes from `scheduledAt` (the time the schedule planned the run for; a
     * run caught up after downtime keeps its day), else from `at` (when the run started).
     */
    async prepareBulletinRun(input: { series: BulletinSeriesInput; runId: string; at: string; scheduledAt?: string }): Promise<PreparedBulletinRun> {
      const { series, runId } = input;
      if (series.pool.length === 0) throw ApplicationFailure.nonRetryable(`Chuỗi bản tin ${series.seriesId} không có thông điệp nào.`, 'EmptyMessagePool');
      const rotationKey = bulletinKeys.rotation(series.seriesId);
      // A manual "run now" can overlap a scheduled run: the rotation is a compare-and-swap.
      let turn = { index: 0, reused: false };
      await updateJsonDocument(store, rotationKey, (j) => j as RotationState, (current) => {
        const next = rotate(current ?? { next: 0, runs: {} }, runId, series.pool.length);
        turn = next;
        return next.reused ? undefined : next.state;
      });
      const message = series.pool[turn.index]!;
      heartbeat('audience');

      // The series' locality file, else the directory's stations of the plan's owning unit (or the chosen units).
      const audience = await resolveAudience(
        {
          planId: series.planId,
          channels: ['loudspeaker'],
          localities: series.localities,
          ...(series.units?.length ? { units: series.units } : {}),
          ...(series.localitiesFile ? { localitiesFile: series.localitiesFile } : {}),
        },
        new DirectoryStore(store),
      );
      const fatal = audience.problems.filter((p) => p.field !== 'mediaList');
      if (fatal.length && audience.chosen.length === 0) throw ApplicationFailure.nonRetryable(fatal.map((p) => p.message).join('\n'), 'InvalidLocalities');
      const localities = audience.chosen;
      if (localities.length === 0) throw ApplicationFailure.nonRetryable(`Không có đơn vị nào nhận bản tin của chuỗi ${series.seriesId}.`, 'NoLocalities');
      heartbeat('snapshot');
      const day = (await readRecord(series.seriesId, runId))?.day ?? dayFor(localities, input.scheduledAt ?? input.at);
      await writeJson(store, keys.localities(runId), localities);
      const briefKey = keys.brief(runId, 1);
      await writeJson(store, briefKey, bulletinBrief(series.brief, message, day));
      const record: BulletinRunRecord = {
        runId,
        seriesId: series.seriesId,
        planId: series.planId,
        taskId: series.taskId,
        messageIndex: turn.index,
        message,
        day,
        status: 'drafting',
        startedAt: input.at,
        ...(series.preApprovedBy ? { preApprovedBy: series.preApprovedBy } : {}),
        localityCount: localities.length,
      };
      await writeJson(store, bulletinKeys.run(series.seriesId, runId), { ...(await readRecord(series.seriesId, runId)), ...record });
      return { messageIndex: turn.index, message, day, briefKey, localityCount: localities.length, reused: turn.reused };
    },

    /** The broadcast day for a run approved at `at` (the next slot that has not passed). */
    async bulletinPublishDay(input: { runId: string; at: string }): Promise<string> {
      return dayFor(await readJson<Locality[]>(store, keys.localities(input.runId)), input.at);
    },

    /** Merges `patch` into the run's record. */
    async recordBulletinRun(input: { seriesId: string; runId: string; patch: Partial<BulletinRunRecord> }): Promise<void> {
      const previous = await readRecord(input.seriesId, input.runId);
      await writeJson(store, bulletinKeys.run(input.seriesId, input.runId), { ...previous, ...input.patch });
    },
  };
}
