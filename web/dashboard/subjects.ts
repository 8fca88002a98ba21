/**
 * The subjects of the dashboard's routes for the guard (guard.ts): which unit a plan, campaign,
 * schedule or report belongs to. A plan belongs to its issuing unit; a campaign to the unit
 * recorded when it started (its stored input and workflow memo), else its plan's owner; a
 * schedule and a report to their plan's owner.
 */
import type { Context } from 'hono';
import { isCampaignId } from '../../domain/campaign/ids.js';
import { describeSchedule, UnknownScheduleError } from '../../infra/schedules.js';
import type { AccessView } from './access.js';
import type { DashContext, DashEnv } from './context.js';
import { plansOrProblem } from './data.js';
import type { Subject, SubjectOf } from './guard.js';
import { recordedCampaignInput } from '../../infra/campaign-record.js';

type Ctx = Context<DashEnv>;

/** A plan's subject; undefined (no check, the route answers 404) for a plan that does not exist. */
export async function planSubject(access: AccessView, planId: string | undefined, what = 'kế hoạch này'): Promise<Subject | undefined> {
  if (!planId) return undefined;
  const unitId = access.ownerOf(planId);
  if (!unitId && !access.platform) {
    const { plans } = await plansOrProblem();
    if (!plans.some((p) => p.id === planId)) return undefined;
  }
  return { what, unitId };
}

/** The plan named by the route's `:id`. */
export const planOfParam: SubjectOf = (c, access) => planSubject(access, c.req.param('id'));

/** The plan named by a form field (`plan`) of a POST, or by the query of a GET. */
export function planOfField(what: string): SubjectOf {
  return async (c: Ctx, access) => {
    const form = c.get('form') as { one(name: string): string | undefined } | undefined;
    const planId = (form ? form.one('plan') : c.req.query('plan'))?.trim();
    return planSubject(access, planId, what);
  };
}

/** The campaign named by the route's `:id`: its stored input (unit recorded at start), else its live state's plan. */
export function campaignOfParam(ctx: DashContext): SubjectOf {
  return async (c: Ctx, access) => {
    const id = c.req.param('id') ?? '';
    if (!isCampaignId(id)) return undefined;
    const input = await recordedCampaignInput(ctx.deps.store, id);
    if (input?.planId) return { what: 'chiến dịch này', unitId: input.ownerUnit ?? access.ownerOf(input.planId) };
    const state = await ctx.deps.campaigns.status(id).catch(() => undefined);
    // Unknown (or Temporal silent): the route itself answers 404 or 503.
    if (!state) return undefined;
    return { what: 'chiến dịch này', unitId: access.ownerOf(state.planId) };
  };
}

/** The schedule named by the route's `:id`, through the plan in its memo. */
export function scheduleOfParam(ctx: DashContext): SubjectOf {
  return async (c: Ctx, access) => {
    const id = c.req.param('id') ?? '';
    if (!/^[a-z0-9][a-z0-9-]{0,200}$/.test(id)) return undefined;
    try {
      const d = await describeSchedule(await ctx.deps.client(), id);
      const planId = typeof d.memo?.planId === 'string' ? d.memo.planId : undefined;
      return { what: 'lịch này', unitId: access.ownerOf(planId) };
    } catch (err) {
      if (err instanceof UnknownScheduleError) return undefined;
      throw err;
    }
  };
}

/** A stored report file: `reports/<plan>/<period>/<file>`. */
export const reportOfPath: SubjectOf = (c, access) => {
  const planId = /^\/reports\/files\/([a-z0-9]+(?:-[a-z0-9]+)*)\//.exec(c.req.path)?.[1];
  return planSubject(access, planId, 'báo cáo này');
};
