/**
 * Campaigns started ahead of occasions: for each occasion the plan's tasks tie to, a schedule
 * fires once a year (or on each dated instance) early enough that the drafts wait for approval
 * before the channel with the longest lead time is due. Pure.
 */
import { DEFAULT_CAMPAIGN_CHANNELS, type CampaignChannel } from '../campaign/types.js';
import { leadTimeFor } from '../calendar/lead-times.js';
import type { Occasion } from '../calendar/occasions.js';
import { addDays, isoParts, toIsoDate, type IsoDate } from '../dates.js';
import type { Plan } from '../plan/schema.js';

/** What an occasion schedule passes to `occasionCampaignWorkflow`. */
export interface OccasionStartInput {
  scheduleId: string;
  planId: string;
  occasionId: string;
  taskIds: string[];
  channels: CampaignChannel[];
  approvers: string[];
  /** Explicit files; without them the campaign reads the directory (the plan's owning unit). */
  localitiesFile?: string;
  mediaListFile?: string;
  /** Directory units the campaign is read out on (default: what the plan's owner reaches). */
  units?: string[];
  /** The campaign starts for the next instance dated at most this many days ahead (plus slack). */
  startDaysBefore: number;
  /** The schedule set's id prefix (staging and tests); its campaigns carry it too. */
  idPrefix?: string;
}

/** Days left for approval between the start of drafting and the earliest channel's due date. */
export const APPROVAL_MARGIN_DAYS = 7;
/** Local hour the campaign starts. */
export const OCCASION_START_HOUR = 8;

/** The campaign channels for an occasion's tied tasks (always with the infographic the post and briefing embed). */
export function occasionChannels(plan: Plan, taskIds: readonly string[]): CampaignChannel[] {
  const named = new Set<string>(plan.tasks.filter((t) => taskIds.includes(t.id)).flatMap((t) => t.channels));
  // Scheduled campaigns keep to the default channels; the channel modules are chosen by hand for now.
  const chosen = DEFAULT_CAMPAIGN_CHANNELS.filter((c) => c === 'infographic' || named.has(c));
  return chosen.length > 1 ? [...chosen] : [...DEFAULT_CAMPAIGN_CHANNELS];
}

/** Days before the occasion the campaign starts: the longest lead time of its channels plus the approval margin. */
export function startDaysBefore(occasion: Occasion, channels: readonly CampaignChannel[]): number {
  return Math.max(0, ...channels.map((c) => leadTimeFor(occasion.leadTimes, c).daysBefore)) + APPROVAL_MARGIN_DAYS;
}

/** Start dates of the campaign: one annual day/month, or each future dated instance. */
export function occasionStartDates(occasion: Occasion, daysBefore: number, today: IsoDate): { annual?: { day: number; month: number }; dates: IsoDate[] } {
  const r = occasion.recurrence;
  if (r.kind === 'annual') {
    // A common (non-leap) year as reference; around 29/02 a leap year shifts the start by a day.
    const start = isoParts(addDays(toIsoDate(2025, r.month, r.day), -daysBefore));
    return { annual: { day: start.day, month: start.month }, dates: [] };
  }
  if (r.kind === 'dated') {
    return { dates: r.dates.map((d) => addDays(d.date, -daysBefore)).filter((d) => d >= today).sort() };
  }
  return { dates: [] };
}
