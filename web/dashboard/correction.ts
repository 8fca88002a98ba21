/**
 * Urgent corrections from the dashboard. `GET /corrections/new` is the form (plan of the unit
 * that speaks, the false claim, the correct information, the source, one approver, channels);
 * `POST /corrections/new` validates with `resolveCorrectionInput` — problems beside their fields,
 * what was typed kept — and starts the campaign, then redirects (303) to its page.
 */
import type { Context, Hono } from 'hono';
import { campaignChannelLabels } from '../../domain/campaign/types.js';
import { CORRECTION_HEADLINE_MAX } from '../../domain/correction.js';
import { editorRoleLabels as unitRoleLabels } from '../../domain/directory/schema.js';
import { capitalize } from '../../domain/text/case.js';
import type { Plan } from '../../domain/plan/index.js';
import { CampaignRequestError, startCampaign, type FieldProblem } from '../../infra/campaign-client.js';
import { CORRECTION_CHANNELS, resolveCorrectionInput } from '../../infra/correction-client.js';
import type { Form } from '../request-body.js';
import type { DashContext, DashEnv } from './context.js';
import { planLabel, plansOf, plansOrProblem } from './data.js';
import { requirePage, requirePost } from './guard.js';
import { renderDash } from './render.js';
import { planOfField } from './subjects.js';

interface CorrectionValues {
  plan: string;
  headline: string;
  claim: string;
  facts: string;
  source: string;
  sourceUrl: string;
  approver: string;
  channels: string[];
}

const FIELDS = ['plan', 'headline', 'claim', 'facts', 'source', 'sourceUrl', 'approver', 'channels'] as const;

function valuesOf(form: Form): CorrectionValues {
  const one = (n: string) => (form.one(n) ?? '').trim();
  return { plan: one('plan'), headline: one('headline'), claim: one('claim'), facts: form.one('facts') ?? '', source: one('source'), sourceUrl: one('sourceUrl'), approver: one('approver'), channels: form.many('channels') };
}

export function correctionRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  async function page(c: Context<DashEnv>, plans: Plan[], v: CorrectionValues, problems: FieldProblem[] = [], status: 200 | 400 = 200) {
    const owner = v.plan ? await ctx.directory.ownerOfPlan(v.plan) : undefined;
    const people = (owner?.editors ?? []).map((e) => ({ email: e.email, label: `${e.name} (${capitalize(unitRoleLabels[e.role])}${e.office ? `, ${e.office}` : ''})` }));
    const errors: Record<string, { id: string; messages: string[] } | undefined> = Object.fromEntries(FIELDS.map((f) => [f, undefined]));
    const summary: { href: string; message: string }[] = [];
    for (const p of problems) {
      const field = (FIELDS as readonly string[]).includes(p.field) ? p.field : p.field === 'units' || p.field === 'localities' ? 'channels' : 'plan';
      const e = (errors[field] ??= { id: `${field}-error`, messages: [] });
      e.messages.push(capitalize(p.message));
      summary.push({ href: `#${field}`, message: capitalize(p.message) });
    }
    return renderDash(c, ctx, 'dashboard/correction', 'Đính chính thông tin sai lệch', {
      plans: plans.map((p) => ({ id: p.id, label: `${planLabel(p)}: ${p.title}`, selected: p.id === v.plan })),
      values: v,
      headlineMax: CORRECTION_HEADLINE_MAX,
      approvers: people.map((p) => ({ ...p, checked: p.email === v.approver })),
      approverOther: people.some((p) => p.email === v.approver) ? '' : v.approver,
      channels: CORRECTION_CHANNELS.map((ch) => ({ value: ch, label: campaignChannelLabels[ch], checked: v.channels.includes(ch) })),
      summary,
      errors,
    }, status);
  }

  const ofPlan = { subject: planOfField('kế hoạch này') };

  app.get('/corrections/new', requirePage(ctx, ofPlan), async (c) => {
    const { plans: all, problem } = await plansOrProblem();
    if (problem) return renderDash(c, ctx, 'dashboard/problem', 'Không đọc được kế hoạch', { heading: 'Không đọc được kế hoạch', text: problem }, 500);
    const plans = plansOf(c.get('access'), all);
    const plan = plans.find((p) => p.id === c.req.query('plan')) ?? plans[0];
    return page(c, plans, { plan: plan?.id ?? '', headline: '', claim: '', facts: '', source: '', sourceUrl: '', approver: '', channels: [...CORRECTION_CHANNELS] });
  });

  app.post('/corrections/new', requirePost(ctx, ofPlan), async (c) => {
    const form = c.get('form');
    const v = valuesOf(form);
    const other = (form.one('approverOther') ?? '').trim();
    if (other) v.approver = other;
    const { plans: all, problem } = await plansOrProblem();
    if (problem) return renderDash(c, ctx, 'dashboard/problem', 'Không đọc được kế hoạch', { heading: 'Không đọc được kế hoạch', text: problem }, 500);
    const plans = plansOf(c.get('access'), all);
    const problems: FieldProblem[] = [];
    if (!plans.some((p) => p.id === v.plan)) problems.push({ field: 'plan', message: 'hãy chọn kế hoạch của đơn vị lên tiếng đính chính' });
    if (v.channels.length === 0) problems.push({ field: 'channels', message: 'hãy chọn ít nhất một kênh' });
    let input;
    if (!problems.length) {
      try {
        input = await resolveCorrectionInput(
          {
            planId: v.plan,
            headline: v.headline,
            claim: v.claim,
            facts: v.facts.split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
            source: v.source,
            ...(v.sourceUrl ? { sourceUrl: v.sourceUrl } : {}),
            approver: v.approver,
            channels: v.channels,
            startedBy: c.get('session').email,
          },
          ctx.now(),
          { directory: ctx.directory },
        );
      } catch (err) {
        if (!(err instanceof CampaignRequestError)) throw err;
        problems.push(...err.problems);
      }
    }
    if (problems.length || !input) return page(c, plans, v, problems, 400);
    await startCampaign(await ctx.deps.client(), ctx.deps.endpoints.taskQueue, input);
    return c.redirect(`/campaigns/${encodeURIComponent(input.campaignId)}?ok=started`, 303);
  });
}
