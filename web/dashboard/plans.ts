/**
 * Plans (`/plans`): every plan file; a plan page (`/plans/:id`) with its targets, its task
 * table (number, title, lead body, timeframe, channels) and the campaigns each task has had.
 */
import type { Hono } from 'hono';
import { formatVnDate } from '../../domain/dates.js';
import { planIssueDate, planSymbol, resolutionName, formatTimeframe, formatChannels, type Plan } from '../../domain/plan/index.js';
import { periodPhrase } from '../../domain/plan/bounds.js';
import { processPlans, type StoredPlan } from '../../infra/plan-library.js';
import { PlanNotFoundError } from '../../infra/plan-store.js';
import { vnTimeLabel } from '../../infra/directory-store.js';
import type { DashContext, DashEnv } from './context.js';
import { capitalize } from '../../domain/text/case.js';
import { campaignRow, campaignsOf, campaignsOrProblem, plansOf, plansOrProblem, type CampaignRow } from './data.js';
import { requirePage } from './guard.js';
import { planOfParam } from './subjects.js';
import { renderDash } from './render.js';
import { recordedCampaignInput } from '../../infra/campaign-record.js';

const PLAN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function notFound(c: Parameters<typeof renderDash>[0], ctx: DashContext) {
  return renderDash(c, ctx, 'dashboard/problem', 'Không tìm thấy kế hoạch', { heading: 'Không tìm thấy kế hoạch', text: 'Không có kế hoạch với mã này.', back: { href: '/plans', label: 'Về danh sách kế hoạch' } }, 404);
}

export function planRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  app.get('/plans', requirePage(ctx), async (c) => {
    const { plans: all, problem } = await plansOrProblem();
    const plans = plansOf(c.get('access'), all);
    return renderDash(c, ctx, 'dashboard/plans', 'Kế hoạch', {
      plans: plans.map((p) => ({
        id: p.id,
        href: `/plans/${p.id}`,
        symbol: planSymbol(p),
        title: p.title,
        issuer: p.issuer.name,
        issued: planIssueDate(p),
        resolution: resolutionName(p),
        tasks: p.tasks.length,
      })),
      problems: [problem].filter(Boolean),
    });
  });

  app.get('/plans/:id', requirePage(ctx, { subject: planOfParam }), async (c) => {
    const id = c.req.param('id');
    if (!PLAN_ID.test(id) || id.length > 100) return notFound(c, ctx);
    let plan: Plan;
    let stored: StoredPlan;
    try {
      stored = await processPlans().get(id);
      plan = stored.plan;
    } catch (err) {
      if (err instanceof PlanNotFoundError) return notFound(c, ctx);
      return renderDash(c, ctx, 'dashboard/problem', 'Kế hoạch không hợp lệ', { heading: 'Kế hoạch không hợp lệ', text: (err as Error).message }, 500);
    }
    const { plans } = await plansOrProblem();
    const { listings: found, problem } = await campaignsOrProblem(ctx, { planId: plan.id });
    const listings = campaignsOf(c.get('access'), found);
    const byTask = new Map<string, CampaignRow[]>();
    for (const l of listings.slice(0, 100)) {
      const input = await recordedCampaignInput(ctx.deps.store, l.campaignId);
      for (const taskId of input?.taskIds ?? []) byTask.set(taskId, [...(byTask.get(taskId) ?? []), campaignRow(l, plans.length ? plans : [plan])]);
    }
    return renderDash(c, ctx, 'dashboard/plan', plan.title, {
      plan: {
        id: plan.id,
        symbol: planSymbol(plan),
        title: plan.title,
        issuer: plan.issuer.name,
        issued: planIssueDate(plan),
        place: plan.issued.place,
        resolution: `${resolutionName(plan)} ngày ${formatVnDate(plan.resolution.date)} của ${plan.resolution.issuer}`,
        leadBody: plan.leadBody,
        general: plan.objectives.general,
        version: stored.version > 0 ? `phiên bản ${stored.version}${stored.by ? `, ${stored.by} lưu lúc ${vnTimeLabel(stored.at!)}` : ''}` : undefined,
      },
      periods: plan.objectives.periods.map((p) => ({ label: p.heading ?? capitalize(periodPhrase(p.period.label)), targets: p.targets.map((t) => t.text) })),
      tasks: plan.tasks.map((t) => ({
        id: t.id,
        number: t.number,
        title: t.title,
        leadBody: t.leadBody,
        timeframe: t.timeframe.asWritten ?? formatTimeframe(t.timeframe),
        channels: t.channels.length ? capitalize(formatChannels(t.channels)) : '—',
        campaigns: byTask.get(t.id) ?? [],
      })),
      campaignCount: listings.length,
      startHref: `/campaigns/new?plan=${plan.id}`,
      // Plan library: edit with the review form, the version list, the version just saved.
      editHref: `/plans/${plan.id}/edit`,
      versionsHref: `/plans/${plan.id}/versions`,
      saved: /^\d+$/.test(c.req.query('saved') ?? '') ? c.req.query('saved') : undefined,
      problems: [problem].filter(Boolean),
    });
  });
}
