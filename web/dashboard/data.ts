/**
 * Data the dashboard pages share, shaped for templates: plans (read from disk on each request,
 * so an edited plan file shows at once), occasion cards and campaign listings. Failures come
 * back as a Vietnamese message for the page instead of an error page.
 */
import { findOccasion, occasionsBetween, type OccasionInstance } from '../../domain/calendar/index.js';
import { campaignStatusLabels, type CampaignStatus } from '../../domain/campaign/types.js';
import { formatVnDate, formatVnDateTime, type IsoDate } from '../../domain/dates.js';
import { capitalize } from '../../domain/text/case.js';
import { channelLabels, formatChannels, planSymbol, type Plan } from '../../domain/plan/index.js';
import { listCampaigns, type CampaignListing } from '../../infra/campaign-client.js';
import { loadPlans } from '../../infra/plan-store.js';
import type { AccessView } from './access.js';
import type { DashContext } from './context.js';
import { daysAway, vnDayLabel } from './format.js';

/** A free-text list of addresses or ids: split on commas, semicolons and whitespace. */
export function splitList(s: string): string[] {
  return s.split(/[,;\s]+/).map((x) => x.trim()).filter(Boolean);
}

/** "…/KH-UBND — UBND phường Bắc Kạn". */
export function planLabel(plan: Plan): string {
  return `${planSymbol(plan)} — ${plan.issuer.shortName}`;
}

export async function plansOrProblem(): Promise<{ plans: Plan[]; problem?: string }> {
  try {
    return { plans: await loadPlans() };
  } catch (err) {
    return { plans: [], problem: `Không đọc được các tệp kế hoạch: ${(err as Error).message}` };
  }
}

/** The plans the person may see: those their units issued (every plan for a platform account). */
export function plansOf(access: AccessView, plans: readonly Plan[]): Plan[] {
  return plans.filter((p) => access.mayPlan(p.id));
}

/** The campaigns the person may see: their units' (by the unit recorded at start, else the plan's owner). */
export function campaignsOf<T extends { unitId?: string; planId?: string }>(access: AccessView, listings: readonly T[]): T[] {
  return listings.filter((l) => access.mayCampaign(l));
}

/** Plans a campaign for this occasion may be started under. */
function plansFor(o: OccasionInstance, plans: readonly Plan[]): Plan[] {
  if (o.occasion.planId) return plans.filter((p) => p.id === o.occasion.planId);
  return plans.filter((p) => p.tasks.some((t) => t.occasions.includes(o.occasionId)) || o.occasion.resolutions.includes(p.resolution.number));
}

export interface OccasionCard {
  id: string;
  date: IsoDate;
  name: string;
  label: string;
  dateLabel: string;
  away: string;
  description?: string;
  /** Per plan the campaign may be started under: its tasks tied to the occasion and the start link. */
  plans: { id: string; label: string; href: string; start: string; tasks: { id: string; number: string; title: string; leadBody: string; channels: string }[] }[];
  due: { channel: string; when: string }[];
}

/** Occasions from `from` to `to` with their tied tasks, due dates per channel and start links. */
export function occasionCards(plans: readonly Plan[], today: IsoDate, from: IsoDate, to: IsoDate): OccasionCard[] {
  return occasionsBetween(from, to, plans).map((o) => ({
    id: `${o.occasionId}-${o.date}`,
    date: o.date,
    name: o.name,
    label: o.label,
    dateLabel: vnDayLabel(o.date),
    away: daysAway(today, o.date),
    description: o.occasion.description,
    plans: plansFor(o, plans).map((p) => ({
      id: p.id,
      label: planLabel(p),
      href: `/plans/${encodeURIComponent(p.id)}`,
      start: `/campaigns/new?plan=${encodeURIComponent(p.id)}&occasion=${encodeURIComponent(o.occasionId)}&date=${o.date}`,
      tasks: o.tasks
        .filter((t) => t.planId === p.id)
        .map((t) => ({ id: t.taskId, number: t.number, title: t.title, leadBody: t.leadBody, channels: capitalize(formatChannels(t.channels)) })),
    })),
    due: o.due.map((d) => ({
      channel: capitalize(channelLabels[d.channel]),
      when: d.until
        ? `hằng ngày từ ${formatVnDate(d.due)} đến ${formatVnDate(d.until)}`
        : d.daysBefore === 0
          ? `đúng ngày ${formatVnDate(d.due)}`
          : `${formatVnDate(d.due)} (trước ${d.daysBefore} ngày)`,
    })),
  }));
}

export interface CampaignRow {
  id: string;
  href: string;
  occasion: string;
  year?: number;
  plan: string;
  status?: string;
  statusLabel: string;
  startedAt: string;
  closed: boolean;
}

/** A listing row with names instead of ids. */
export function campaignRow(l: CampaignListing, plans: readonly Plan[]): CampaignRow {
  const plan = plans.find((p) => p.id === l.planId);
  const occasion = l.occasionId ? findOccasion(l.occasionId, plans) : undefined;
  const open = l.workflowStatus === 'RUNNING';
  const statusLabel = l.status && l.status in campaignStatusLabels ? campaignStatusLabels[l.status as CampaignStatus] : open ? 'Đang chạy' : 'Đã kết thúc';
  return {
    id: l.campaignId,
    href: `/campaigns/${encodeURIComponent(l.campaignId)}`,
    occasion: occasion?.name ?? l.occasionId ?? l.campaignId,
    year: l.year,
    plan: plan ? planLabel(plan) : (l.planId ?? ''),
    status: l.status,
    statusLabel: !open && l.workflowStatus === 'TERMINATED' ? 'Đã dừng' : !open && l.workflowStatus === 'FAILED' ? campaignStatusLabels.failed : statusLabel,
    startedAt: formatVnDateTime(l.startedAt),
    closed: !open,
  };
}

/** Campaigns from Temporal's visibility store, or a message when Temporal cannot be reached. */
export async function campaignsOrProblem(ctx: DashContext, filter: Parameters<typeof listCampaigns>[1] = {}): Promise<{ listings: CampaignListing[]; problem?: string }> {
  try {
    return { listings: await listCampaigns(await ctx.deps.client(), filter) };
  } catch (err) {
    return { listings: [], problem: `Chưa đọc được danh sách chiến dịch từ máy chủ quy trình (Temporal): ${(err as Error).message}` };
  }
}
