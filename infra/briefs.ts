/**
 * The content brief for a plan, an occasion and optionally some of its tasks, as the CLI renders
 * it: the occasion's next date from today (or a given date), built from the plan files.
 */
import type { ContentBrief } from '../domain/brief.js';
import { buildCampaignBrief, campaignTaskIds } from '../domain/brief-builder.js';
import { occasionsBetween, type OccasionInstance } from '../domain/calendar/index.js';
import { addDays, parseVnDate, vnToday } from '../domain/dates.js';
import type { Plan } from '../domain/plan/schema.js';
import { loadPlan } from './plan-store.js';

export class BriefRequestError extends Error {}

/** The occasion instance on `date`, or its next occurrence within 400 days of `now`. */
export function findOccasionInstance(plan: Plan, occasionId: string, date: string | undefined, now: Date = new Date()): OccasionInstance {
  let from = vnToday(now);
  let to = addDays(from, 400);
  if (date) {
    const d = parseVnDate(date);
    if (!d) throw new BriefRequestError(`Ngày "${date}" không hợp lệ; hãy viết dd/mm/yyyy, ví dụ 20/11/2026.`);
    from = to = d;
  }
  const found = occasionsBetween(from, to, [plan]).find((o) => o.occasionId === occasionId);
  if (!found) throw new BriefRequestError(`Sự kiện "${occasionId}" không có trong lịch của kế hoạch ${plan.id}${date ? ` vào ngày ${date}` : ''}. Xem: campaign calendar --plan ${plan.id}`);
  return found;
}

/**
 * The brief a campaign would draft from: for the given tasks, or (none given) for every task of
 * the plan tied to the occasion — the same choice and the same builder as `prepareCampaign`.
 */
export async function briefFor(req: { planId: string; occasionId: string; taskIds?: readonly string[]; date?: string; now?: Date }): Promise<{ plan: Plan; occasion: OccasionInstance; brief: ContentBrief }> {
  const plan = await loadPlan(req.planId);
  const occasion = findOccasionInstance(plan, req.occasionId, req.date, req.now);
  const unknown = (req.taskIds ?? []).filter((id) => !plan.tasks.some((t) => t.id === id));
  if (unknown.length) {
    throw new BriefRequestError(`Kế hoạch ${plan.id} không có nhiệm vụ ${unknown.map((id) => `"${id}"`).join(', ')}. Các nhiệm vụ: ${plan.tasks.map((t) => t.id).join(', ')}`);
  }
  return { plan, occasion, brief: buildCampaignBrief(plan, occasion, campaignTaskIds(plan, occasion, req.taskIds)) };
}
