/**
 * Recovery time after a fault: the activities in flight when the fault hit, and when each of
 * them finally completed (from the workflow history). The time from "the faulted part is back"
 * to the last of them completing is how long the campaign's work stood still because of it.
 */
import type { Harness } from './harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface InFlight {
  workflowId: string;
  activityId: string;
  activityType: string;
}

/** The part of a history event this module reads (as the Temporal client returns it). */
export interface HistoryEventLike {
  eventId?: unknown;
  eventTime?: { seconds?: unknown; nanos?: number | null } | null;
  activityTaskScheduledEventAttributes?: { activityId?: string | null } | null;
  activityTaskCompletedEventAttributes?: { scheduledEventId?: unknown } | null;
  activityTaskFailedEventAttributes?: { scheduledEventId?: unknown } | null;
  activityTaskTimedOutEventAttributes?: { scheduledEventId?: unknown } | null;
  activityTaskCanceledEventAttributes?: { scheduledEventId?: unknown } | null;
}

export function eventMs(e: HistoryEventLike): number {
  return Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
}

/**
 * When each of these activities closed (completed, or failed / timed out for good), in epoch
 * ms, from one workflow's history. Activities not closed yet are absent.
 */
export function activityCloseTimes(events: readonly HistoryEventLike[], activityIds: readonly string[]): Map<string, number> {
  const wanted = new Set(activityIds);
  const byScheduled = new Map<number, string>();
  const out = new Map<string, number>();
  for (const e of events) {
    const scheduled = e.activityTaskScheduledEventAttributes;
    if (scheduled?.activityId && wanted.has(scheduled.activityId)) byScheduled.set(Number(e.eventId), scheduled.activityId);
    const closed =
      e.activityTaskCompletedEventAttributes ?? e.activityTaskFailedEventAttributes ?? e.activityTaskTimedOutEventAttributes ?? e.activityTaskCanceledEventAttributes;
    if (closed) {
      const id = byScheduled.get(Number(closed.scheduledEventId));
      if (id !== undefined && !out.has(id)) out.set(id, eventMs(e));
    }
  }
  return out;
}

/** The activities pending right now in these workflows. */
export async function inFlight(h: Harness, workflowIds: readonly string[]): Promise<InFlight[]> {
  const out: InFlight[] = [];
  await Promise.all(
    workflowIds.map(async (workflowId) => {
      try {
        const d = await h.client.workflow.getHandle(workflowId).describe();
        if (d.status.name !== 'RUNNING') return;
        for (const p of d.raw.pendingActivities ?? []) out.push({ workflowId, activityId: p.activityId ?? '', activityType: p.activityType?.name ?? '' });
      } catch {
        // not readable now (Temporal restarting): nothing counted for it
      }
    }),
  );
  return out;
}

/**
 * Seconds from `backAt` until the last of `flights` closed (0 when they all closed before),
 * polling the histories until `deadline`; undefined when some never closed in time.
 */
export async function recoverySeconds(h: Harness, flights: readonly InFlight[], backAt: number, deadline: number): Promise<number | undefined> {
  if (flights.length === 0) return 0;
  const byWorkflow = new Map<string, string[]>();
  for (const f of flights) byWorkflow.set(f.workflowId, [...(byWorkflow.get(f.workflowId) ?? []), f.activityId]);
  for (;;) {
    let latest = backAt;
    let open = 0;
    for (const [workflowId, ids] of byWorkflow) {
      try {
        const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
        const closed = activityCloseTimes((history.events ?? []) as HistoryEventLike[], ids);
        open += ids.length - closed.size;
        for (const t of closed.values()) latest = Math.max(latest, t);
        // A workflow that ended (cancelled, failed) closes whatever it had in flight.
        if (closed.size < ids.length) {
          const d = await h.client.workflow.getHandle(workflowId).describe();
          if (d.status.name !== 'RUNNING') open -= ids.length - closed.size;
        }
      } catch {
        open += ids.length;
      }
    }
    if (open <= 0) return (latest - backAt) / 1000;
    if (Date.now() > deadline) return undefined;
    await sleep(1_000);
  }
}
