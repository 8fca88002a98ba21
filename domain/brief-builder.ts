/**
 * Builds the ContentBrief a renderer needs from a plan, an occasion instance and (optionally)
 * one of the plan's tasks. Pure: the same inputs always give the same brief.
 */
import type { BriefFigure, ContentBrief } from './brief.js';
import type { OccasionInstance } from './calendar/occasions-between.js';
import { allTargets, paragraphText, planSymbol, resolutionName, resolutionTheme, type TargetWithPeriod } from './plan/describe.js';
import type { Plan, Task } from './plan/schema.js';

const MAX_FIGURES = 4;
const MAX_MESSAGES = 5;

const capitalize = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const firstSentence = (s: string): string => (s.split(/(?<=[.;])\s/)[0] ?? s).replace(/[;,]\s*$/, '.');

/** Figures from measurable targets: the task's own, else those of the period holding `year`. */
function figuresFor(plan: Plan, year: number, task?: Task): BriefFigure[] {
  const measurable = allTargets(plan).filter((t): t is TargetWithPeriod & { measure: NonNullable<TargetWithPeriod['measure']> } => t.measure !== undefined);
  let chosen = task && task.targets.length > 0 ? measurable.filter((t) => task.targets.includes(t.id)) : [];
  if (chosen.length === 0) {
    const current = measurable.filter((t) => t.period.from <= year && year <= t.period.to);
    chosen = current.length > 0 ? current : measurable.filter((t) => t.period.label === measurable[0]?.period.label);
  }
  return chosen.slice(0, MAX_FIGURES).map((t) => ({
    targetId: t.id,
    value: t.measure.value,
    unit: t.measure.metric,
    label: t.measure.label,
    period: t.period.label,
  }));
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
    figures: figuresFor(plan, Number(occasion.date.slice(0, 4)), task),
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
