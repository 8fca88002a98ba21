/**
 * The occasions falling in a window of days, each with the plan tasks tied to it and the dates
 * content is due on each channel, computed from the occasion's lead times.
 */
import { addDays, formatDayMonth, isoParts, toIsoDate, type IsoDate } from '../dates.js';
import type { Plan } from '../plan/schema.js';
import type { Channel } from '../plan/vocabulary.js';
import { leadTimeFor } from './lead-times.js';
import { BUILT_IN_OCCASIONS, fromPlanOccasion, type Occasion } from './occasions.js';

/** When content for one channel is due before an occasion. */
export interface DueDate {
  channel: Channel;
  daysBefore: number;
  /** First (or only) day the content is due. */
  due: IsoDate;
  /** For daily content (loudspeaker bulletins): the last day, i.e. the occasion itself. */
  until?: IsoDate;
}

/** A plan task tied to an occasion instance. */
export interface TiedTask {
  planId: string;
  taskId: string;
  number: string;
  title: string;
  /** The task's lead body; "" when the plan names none (nothing is put in its place). */
  leadBody: string;
  channels: Channel[];
  due: DueDate[];
}

/** One occurrence of an occasion on a date. */
export interface OccasionInstance {
  occasionId: string;
  name: string;
  /** Name with its date or school year, e.g. "Ngày Nhà giáo Việt Nam 20/11". */
  label: string;
  date: IsoDate;
  /** Set when the occasion belongs to one plan. */
  planId?: string;
  occasion: Occasion;
  tasks: TiedTask[];
  /** Due dates per channel over all tied tasks (or the occasion's own lead times when none). */
  due: DueDate[];
}

function datesIn(o: Occasion, from: IsoDate, to: IsoDate): { date: IsoDate; label: string }[] {
  const r = o.recurrence;
  if (r.kind === 'unscheduled') return [];
  if (r.kind === 'dated') return r.dates.filter((d) => d.date >= from && d.date <= to).map((d) => ({ date: d.date, label: d.label ? `${o.name} ${d.label}` : o.name }));
  const out: { date: IsoDate; label: string }[] = [];
  for (let y = isoParts(from).year; y <= isoParts(to).year; y++) {
    const date = toIsoDate(y, r.month, r.day);
    if (date >= from && date <= to) out.push({ date, label: `${o.name} ${formatDayMonth(r.day, r.month)}` });
  }
  return out;
}

function dueDates(o: Occasion, date: IsoDate, channels: Iterable<Channel>): DueDate[] {
  const out: DueDate[] = [];
  for (const channel of new Set(channels)) {
    const lead = leadTimeFor(o.leadTimes, channel);
    const due = addDays(date, -lead.daysBefore);
    out.push(lead.repeatDaily && lead.daysBefore > 0 ? { channel, daysBefore: lead.daysBefore, due, until: date } : { channel, daysBefore: lead.daysBefore, due });
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/**
 * Occasions dated from `from` to `to` (inclusive, ISO dates). With plans, built-in occasions are
 * kept when relevant to one of the plans' resolutions or tied to by one of their tasks, and
 * each plan's own occasions are added; with no plans, every built-in occasion is listed.
 */
export function occasionsBetween(from: IsoDate, to: IsoDate, plans: readonly Plan[]): OccasionInstance[] {
  if (to < from) throw new RangeError(`window ends (${to}) before it starts (${from})`);
  const resolutions = new Set(plans.map((p) => p.resolution.number));
  const tied = new Set(plans.flatMap((p) => p.tasks.flatMap((t) => t.occasions)));
  const candidates: Occasion[] = [
    ...BUILT_IN_OCCASIONS.filter((o) => plans.length === 0 || tied.has(o.id) || o.resolutions.some((r) => resolutions.has(r))),
    ...plans.flatMap((p) => p.occasions.map((o) => fromPlanOccasion(p, o))),
  ];
  const instances: OccasionInstance[] = [];
  for (const occasion of candidates) {
    const scope = occasion.planId === undefined ? plans : plans.filter((p) => p.id === occasion.planId);
    for (const { date, label } of datesIn(occasion, from, to)) {
      const tasks: TiedTask[] = scope.flatMap((plan) =>
        plan.tasks
          .filter((t) => t.occasions.includes(occasion.id))
          .map((t) => ({ planId: plan.id, taskId: t.id, number: t.number, title: t.title, leadBody: t.leadBody ?? '', channels: t.channels, due: dueDates(occasion, date, t.channels) })),
      );
      const channels = tasks.length > 0 ? tasks.flatMap((t) => t.channels) : occasion.leadTimes.map((l) => l.channel);
      instances.push({
        occasionId: occasion.id,
        name: occasion.name,
        label,
        date,
        ...(occasion.planId !== undefined ? { planId: occasion.planId } : {}),
        occasion,
        tasks,
        due: dueDates(occasion, date, channels),
      });
    }
  }
  return instances.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name, 'vi')));
}
