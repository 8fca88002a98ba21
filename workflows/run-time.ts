/**
 * The time a scheduled run is for. Temporal sets the `TemporalScheduledStartTime` search
 * attribute on every workflow a schedule starts (its nominal time, also for a run caught up
 * after downtime, a backfill or "run now"); a run computes its period or day from that, not from
 * when it happened to start. A workflow started by hand has none: its start time is used.
 * Deterministic (read from the workflow's start event); safe to import from workflow code.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { WorkflowInfo } from '@temporalio/workflow';

export const TemporalScheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

function validIso(value: unknown): string | undefined {
  const t = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** ISO instant the run is for: its scheduled time, else its start time. */
export function runTimeOf(info: Pick<WorkflowInfo, 'typedSearchAttributes' | 'searchAttributes' | 'startTime'>): string {
  const typed = validIso(info.typedSearchAttributes?.get(TemporalScheduledStartTime));
  if (typed) return typed;
  // A payload without type metadata is left out of the typed view; the untyped one still has it.
  const untyped = validIso(info.searchAttributes?.[TemporalScheduledStartTime.name]?.[0]);
  return untyped ?? info.startTime.toISOString();
}
