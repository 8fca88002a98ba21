/**
 * Recurring loudspeaker bulletins for a plan's ongoing tasks: the series' input (carried in the
 * schedule's arguments), the brief each run renders from, the rotation of key messages, and
 * the run id and broadcast day of a run. Pure; used by the bulletin workflow and its activities.
 */
import type { BriefFigure, ContentBrief } from '../brief.js';
import { targetFigure } from '../brief-builder.js';
import { addDays, type IsoDate } from '../dates.js';
import { allTargets, paragraphText, planSymbol, resolutionName } from '../plan/describe.js';
import type { Plan, Task } from '../plan/schema.js';
import { fnv1a64 } from './fingerprint.js';

/** What a bulletin series schedule passes to every run of `bulletinWorkflow`. */
export interface BulletinSeriesInput {
  /** The schedule id; also names the series' rotation state and run records. */
  seriesId: string;
  planId: string;
  taskId: string;
  /** The brief every run starts from; a run sets its headline, key message and date. */
  brief: ContentBrief;
  /** Key messages in rotation: the task's, else the plan's. */
  pool: string[];
  /** Who pre-approved the series with this pool; absent: every run asks the approvers. */
  preApprovedBy?: string;
  approvers: string[];
  /** 'all' or locality ids of the locality list. */
  localities: 'all' | string[];
  localitiesFile: string;
  /** How long a run that needs approval waits for a decision (ms). */
  decideWithinMs: number;
}

/** Occasion id written into bulletin briefs and sidecars (they belong to no occasion). */
export const BULLETIN_OCCASION_ID = 'ban-tin-dinh-ky';

const MAX_FIGURES = 3;

function taskFigures(plan: Plan, task: Task): BriefFigure[] {
  return allTargets(plan)
    .filter((t): t is Parameters<typeof targetFigure>[0] => task.targets.includes(t.id) && t.measure !== undefined)
    .slice(0, MAX_FIGURES)
    .map(targetFigure);
}

/** The key messages a series rotates through: the task's own, else the plan's. */
export function messagePool(plan: Plan, task: Task): string[] {
  return task.keyMessages.length > 0 ? [...task.keyMessages] : [...plan.keyMessages];
}

/** The brief a series starts from; `bulletinBrief` fills in one run. */
export function seriesBrief(plan: Plan, task: Task): ContentBrief {
  return {
    planId: plan.id,
    planSymbol: planSymbol(plan),
    planTitle: plan.title,
    resolution: resolutionName(plan),
    issuer: plan.issuer.name,
    issuerShort: plan.issuer.shortName,
    taskId: task.id,
    taskNumber: task.number,
    taskTitle: task.title,
    leadBody: task.leadBody,
    occasionId: BULLETIN_OCCASION_ID,
    occasionName: '',
    occasionDate: '',
    headline: task.title,
    keyMessages: messagePool(plan, task),
    figures: taskFigures(plan, task),
    body: task.description.map(paragraphText),
    tags: [resolutionName(plan), plan.issuer.area],
  };
}

/** One run's brief: the chosen message is the headline and the message repeated on air. */
export function bulletinBrief(base: ContentBrief, message: string, day: IsoDate): ContentBrief {
  const headline = message.trim().replace(/[\s.!?…,;:]+$/u, '');
  return { ...base, headline, keyMessages: [message], occasionDate: day };
}

/** Rotation state of a series, kept in the object store between runs. */
export interface RotationState {
  /** Position of the next message to use. */
  next: number;
  /** Message index given to each run, so a retried run gets the same message. */
  runs: Record<string, number>;
}

/** Runs remembered in the rotation state (older ones are forgotten). */
export const ROTATION_MEMORY = 60;

/**
 * The message index for `runId`: the one it already had, else the next in turn. Returns the new
 * state (unchanged when the run was known).
 */
export function rotate(state: RotationState, runId: string, poolSize: number): { index: number; state: RotationState; reused: boolean } {
  if (poolSize < 1) throw new RangeError('the message pool is empty');
  const known = state.runs[runId];
  if (known !== undefined) return { index: known % poolSize, state, reused: true };
  const index = state.next % poolSize;
  const kept = Object.entries(state.runs).slice(-(ROTATION_MEMORY - 1));
  return { index, state: { next: state.next + 1, runs: Object.fromEntries([...kept, [runId, index]]) }, reused: false };
}

const SCHEDULED_SUFFIX = /-(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * A run's id from its series and workflow id. Temporal names a scheduled workflow
 * `<base>-<scheduled time, RFC 3339>`; that time becomes a readable suffix
 * (`…-20260302t2130z`). Other workflow ids get a hash. Safe in object keys and Message-IDs.
 */
export function bulletinRunId(seriesId: string, workflowId: string): string {
  const m = SCHEDULED_SUFFIX.exec(workflowId);
  const stamp = m ? `${m[1]}${m[2]}${m[3]}t${m[4]}${m[5]}${m[6]}z` : `w${fnv1a64(workflowId).slice(0, 12)}`;
  return `${seriesId}-${stamp}`;
}

/**
 * The day a run's bulletin is broadcast: today when the run comes before `slotStart` (local
 * "HH:MM"), else tomorrow, so a late or manual run never lands in a slot that has passed.
 */
export function bulletinDay(localDate: IsoDate, localTime: string, slotStart: string): IsoDate {
  return localTime < slotStart ? localDate : addDays(localDate, 1);
}
