/**
 * Builds the ContentBrief a renderer needs from a plan, an occasion instance and (optionally)
 * one of the plan's tasks. Pure: the same inputs always give the same brief.
 */
import type { BriefFigure, ContentBrief } from './brief.js';
import type { OccasionInstance } from './calendar/occasions-between.js';
import { allTargets, paragraphText, planSymbol, resolutionName, resolutionTheme, type TargetWithPeriod } from './plan/describe.js';
import type { Plan, Task } from './plan/schema.js';
import { capitalize } from './text/case.js';

const MAX_FIGURES = 4;
const MAX_MESSAGES = 5;

const firstSentence = (s: string): string => (s.split(/(?<=[.;])\s/)[0] ?? s).replace(/[;,]\s*$/, '.');

type MeasurableTarget = TargetWithPeriod & { measure: NonNullable<TargetWithPeriod['measure']> };

/** A measurable target as a brief figure, with its bound and aim when the plan states them. */
export function targetFigure(t: MeasurableTarget): BriefFigure {
  return {
    targetId: t.id,
    value: t.measure.value,
    unit: t.measure.metric,
    label: t.measure.label,
    ...(t.measure.bound !== 'exact' ? { bound: t.measure.bound } : {}),
    ...(t.measure.aim ? { aim: true } : {}),
    period: t.period.label,
  };
}

/**
 * Figures from measurable targets, preferring those in force in `year` (the occasion's): the
 * tasks' own in force, else the plan's in force, else the tasks' own of other periods, else
 * the plan's first period. Every figure carries its own period, so one from another period
 * says so.
 */
function figuresFor(plan: Plan, year: number, ...tasks: Task[]): BriefFigure[] {
  const measurable = allTargets(plan).filter((t): t is MeasurableTarget => t.measure !== undefined);
  const inForce = (t: MeasurableTarget) => t.period.from <= year && year <= t.period.to;
  const ownIds = [...new Set(tasks.flatMap((t) => t.targets))];
  const own = ownIds.flatMap((id) => measurable.filter((t) => t.id === id));
  const candidates = [
    own.filter(inForce),
    measurable.filter(inForce),
    own,
    measurable.filter((t) => t.period.label === measurable[0]?.period.label),
  ];
  const chosen = candidates.find((c) => c.length > 0) ?? [];
  return chosen.slice(0, MAX_FIGURES).map(targetFigure);
}

/** The task's editorial key messages, else the plan's, else lines drawn from the plan itself. */
function messagesFor(plan: Plan, task?: Task): string[] {
  const own = task && task.keyMessages.length > 0 ? task.keyMessages : plan.keyMessages;
  if (own.length >= 2) return own.slice(0, MAX_MESSAGES);
  const fallback = [`Thực hiện ${resolutionName(plan)} ${plan.resolution.title}.`, ...plan.objectives.general.slice(0, 1).map(firstSentence)];
  return [...own, ...fallback].slice(0, MAX_MESSAGES);
}

/**
 * A brief for one occasion instance, optionally narrowed to one task (given as the Task or
 * its id). Throws RangeError when a task id is not in the plan.
 */
export function buildBrief(plan: Plan, occasion: OccasionInstance, taskOrId?: Task | string): ContentBrief {
  const task = typeof taskOrId === 'string' ? plan.tasks.find((t) => t.id === taskOrId) : taskOrId;
  if (typeof taskOrId === 'string' && !task) throw new RangeError(`task "${taskOrId}" is not in plan "${plan.id}"`);
  const greeting = occasion.occasion.greeting ? `${occasion.occasion.greeting} ${occasion.label}` : occasion.label;
  const brief: ContentBrief = {
    planId: plan.id,
    planSymbol: planSymbol(plan),
    planTitle: plan.title,
    resolution: resolutionName(plan),
    issuer: plan.issuer.name,
    issuerShort: plan.issuer.shortName,
    leadBody: task?.leadBody ?? plan.leadBody,
    occasionId: occasion.occasionId,
    occasionName: occasion.name,
    occasionDate: occasion.date,
    headline: `${greeting} – ${capitalize(resolutionTheme(plan))}`,
    keyMessages: messagesFor(plan, task),
    figures: figuresFor(plan, Number(occasion.date.slice(0, 4)), ...(task ? [task] : [])),
    body: task ? task.description.map(paragraphText) : [...plan.objectives.general],
    tags: [...new Set([resolutionName(plan), occasion.name, plan.issuer.area])],
  };
  if (task) {
    brief.taskId = task.id;
    brief.taskNumber = task.number;
    brief.taskTitle = task.title;
  }
  return brief;
}

/** Ids of the plan's tasks tied to an occasion instance, in the order the calendar lists them. */
export function occasionTaskIds(plan: Plan, occasion: OccasionInstance): string[] {
  return occasion.tasks.filter((t) => t.planId === plan.id).map((t) => t.taskId);
}

/** The tasks a campaign drafts for: the ones asked for, else every task of the plan tied to the occasion. */
export function campaignTaskIds(plan: Plan, occasion: OccasionInstance, requested: readonly string[] = []): string[] {
  return requested.length > 0 ? [...requested] : occasionTaskIds(plan, occasion);
}

/** At most this many description paragraphs per task when a brief covers several tasks. */
const PARAGRAPHS_PER_TASK = 2;
/** A joined task title longer than this names the first task and counts the others. */
const MAX_JOINED_TITLE = 300;

/** Round-robin over lists, skipping repeats: every task gets its first message in before any gets a second. */
function interleave(lists: string[][], max: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < max && lists.some((l) => i < l.length); i++) {
    for (const list of lists) {
      const item = list[i];
      if (item !== undefined && !out.includes(item) && out.length < max) out.push(item);
    }
  }
  return out;
}

/**
 * The brief of a campaign over one or more tasks of a plan on one occasion. One task (or none)
 * gives exactly `buildBrief`. Several tasks give one brief that speaks for all of them: key
 * messages taken in turn from each task, the figures of all their targets, the opening
 * paragraphs of each description, the numbers and titles of all tasks, and the first task as
 * the primary one (its id keys the stored drafts). Throws RangeError for a task not in the plan.
 */
export function buildCampaignBrief(plan: Plan, occasion: OccasionInstance, taskIds: readonly string[]): ContentBrief {
  const ids = [...new Set(taskIds)];
  if (ids.length <= 1) return buildBrief(plan, occasion, ids[0]);
  const tasks = ids.map((id) => {
    const task = plan.tasks.find((t) => t.id === id);
    if (!task) throw new RangeError(`task "${id}" is not in plan "${plan.id}"`);
    return task;
  });
  const primary = buildBrief(plan, occasion, tasks[0]);
  const leads = [...new Set(tasks.map((t) => t.leadBody ?? plan.leadBody))];
  const joinedTitle = tasks.map((t) => t.title).join('; ');
  return {
    ...primary,
    taskIds: ids,
    taskNumber: tasks.map((t) => t.number).join(', '),
    taskTitle: joinedTitle.length <= MAX_JOINED_TITLE ? joinedTitle : `${tasks[0]!.title} và ${tasks.length - 1} nhiệm vụ khác`,
    leadBody: leads.length === 1 ? leads[0]! : plan.leadBody,
    keyMessages: interleave(
      tasks.map((t) => messagesFor(plan, t)),
      MAX_MESSAGES,
    ),
    figures: figuresFor(plan, Number(occasion.date.slice(0, 4)), ...tasks),
    body: tasks.flatMap((t) => t.description.slice(0, PARAGRAPHS_PER_TASK).map(paragraphText)),
  };
}

