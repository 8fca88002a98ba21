/**
 * Start a campaign. `GET /campaigns/new` asks for the plan first (a plain GET form, so it works
 * without JavaScript), then shows the full form for that plan. `POST /campaigns/new` validates with
 * `resolveCampaignInput`; problems come back beside their fields with the entered values kept,
 * success redirects (303) to the campaign page.
 */
import type { Context, Hono } from 'hono';
import { occasionsBetween } from '../../domain/calendar/index.js';
import { CHANNELS } from '../../channels/registry.js';
import { addDays, vnToday } from '../../domain/dates.js';
import type { Plan } from '../../domain/plan/index.js';
import { CampaignExistsError, CampaignRequestError, resolveCampaignInput, startCampaign, type FieldProblem } from '../../infra/campaign-client.js';
import { loadLocalities } from '../../infra/plan-store.js';
import type { Locality } from '../../domain/localities.js';
import { reachProvinceId, unitLocalities } from '../../domain/directory/audience.js';
import { foldVietnamese } from '../../domain/directory/search.js';
import type { DashContext, DashEnv } from './context.js';
import { capitalize } from '../../domain/text/case.js';
import { planLabel, plansOf, plansOrProblem } from './data.js';
import { processPlans, type StoredPlan } from '../../infra/plan-library.js';
import { formatVnDateTime } from '../../domain/dates.js';
import { planOfField } from './subjects.js';
import { editorRoleLabels } from './editors.js';
import { editorRoleLabels as unitRoleLabels } from '../../domain/directory/schema.js';
import { daysAway, vnDayLabel } from './format.js';
import { requirePage, requirePost } from './guard.js';
import { renderDash } from './render.js';
import { defaultStartValues, FIELD_OF, startFormValues, startRequest, type StartFormValues } from './start-form.js';

async function localitiesOrProblem(): Promise<{ localities: Locality[]; problem?: string }> {
  try {
    return { localities: (await loadLocalities()).localities };
  } catch (err) {
    return { localities: [], problem: (err as Error).message };
  }
}

/**
 * Who a plan's campaign can be read out to, from the directory: a province's, city's or
 * department's plan offers its commune-tier units (summaries from the index, not every
 * station), a commune's plan its own stations. A plan without an owner falls back to the
 * locality list (platform accounts only reach those).
 */
interface AudienceChoice {
  units?: { id: string; name: string; folded: string; stations: number; byDefault: boolean }[];
  localities: Locality[];
  problem?: string;
}

/** The plan's current version in the library; undefined for a plan outside it (or unreadable). */
async function currentVersion(planId: string): Promise<StoredPlan | undefined> {
  const stored = await processPlans().get(planId).catch(() => undefined);
  return stored && stored.version > 0 ? stored : undefined;
}

/** "phiên bản 3, lưu lúc 09:15 ngày 18/11/2026, bởi Nguyễn Thu Biên". */
function versionLabel(s: StoredPlan): string {
  return [`phiên bản ${s.version}`, s.at ? `lưu lúc ${formatVnDateTime(s.at)}` : '', s.by ? `bởi ${s.by}` : ''].filter(Boolean).join(', ');
}

async function audienceChoice(ctx: DashContext, planId: string): Promise<AudienceChoice> {
  const owner = await ctx.directory.ownerOfPlan(planId);
  if (!owner) return localitiesOrProblem();
  const provinceId = reachProvinceId(owner);
  if (!provinceId) return { localities: unitLocalities(owner) };
  const communes = await ctx.directory.list({ parentId: provinceId, tier: 'commune' });
  return {
    localities: [],
    units: communes.map((u) => ({ id: u.id, name: u.name, folded: foldVietnamese(u.name), stations: u.stations, byDefault: owner.tier !== 'department' && u.stations > 0 })),
  };
}

export function startRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  function choosePlan(c: Context<DashEnv>, plans: Plan[], query: { plan?: string; occasion?: string; date?: string }, problem?: string) {
    return renderDash(c, ctx, 'dashboard/start-plan', 'Khởi tạo chiến dịch', {
      plans: plans.map((p) => ({ id: p.id, label: `${planLabel(p)}: ${p.title}`, selected: p.id === query.plan })),
      occasion: query.occasion,
      date: query.date,
      error: problem,
    }, problem ? 404 : 200);
  }

  async function form(c: Context<DashEnv>, plan: Plan, v: StartFormValues, problems: FieldProblem[] = [], status: 200 | 400 | 409 = 200, existing?: string) {
    const today = vnToday(ctx.now());
    const { localities, units, problem: localityProblem } = await audienceChoice(ctx, plan.id);
    const occasions = occasionsBetween(today, addDays(today, 400), [plan]);
    const errors: Record<string, string[]> = {};
    const summary: { href: string; message: string }[] = [];
    for (const p of problems) {
      const id = FIELD_OF[p.field];
      const message = capitalize(p.message);
      if (id) (errors[id] ??= []).push(message);
      summary.push({ href: `#${id ?? 'start-form'}`, message });
    }
    // Approvers and leaders come from the plan's issuing unit; a platform account starting a
    // campaign of an unowned plan sees the platform accounts.
    const owner = await ctx.directory.ownerOfPlan(plan.id);
    // Leaders: the owner's only (the second step is theirs). Approvers: the owner's people and the platform accounts.
    const platform = ctx.deps.editors.map((e) => ({ ...e, role: editorRoleLabels[e.role], leader: !owner && e.role === 'leader' }));
    const ownPeople = (owner?.editors ?? []).map((e) => ({ name: e.name, email: e.email, role: capitalize(unitRoleLabels[e.role]), leader: e.role === 'leader', unit: e.office ?? owner!.name }));
    const editors: { name: string; email: string; role: string; leader: boolean; unit?: string }[] = [...ownPeople, ...platform.filter((p) => !ownPeople.some((o) => o.email === p.email))];
    const err = (id: string) => (errors[id] ? { id: `${id}-error`, messages: errors[id] } : undefined);
    const stored = await currentVersion(plan.id);
    return renderDash(c, ctx, 'dashboard/start', 'Khởi tạo chiến dịch', {
      plan: { id: plan.id, label: planLabel(plan), title: plan.title, version: v.planVersion || stored?.version || 0, versionLabel: stored ? versionLabel(stored) : '', versionsHref: `/plans/${encodeURIComponent(plan.id)}/versions` },
      summary,
      existing,
      occasions: occasions.map((o) => {
        const value = `${o.occasionId}@${o.date}`;
        return { value, label: `${o.label} — ${vnDayLabel(o.date)} (${daysAway(today, o.date)})`, selected: value === v.occasion };
      }),
      tasks: plan.tasks.map((t) => {
        const ties = occasions.filter((o) => o.tasks.some((x) => x.taskId === t.id));
        const names = [...new Set(ties.map((o) => o.name))];
        return { id: t.id, label: `${t.number} ${t.title}`, checked: v.tasks.includes(t.id), ties: names.join('; ') };
      }),
      channels: CHANNELS.map((ch) => ({ value: ch.id, label: ch.label, hint: ch.hint, checked: v.channels.includes(ch.id) })),
      localities: localities.map((l) => ({ id: l.id, label: l.cluster && l.cluster !== l.name ? `${l.cluster} (${l.name})` : l.name, station: l.station, checked: v.localities.includes(l.id) })),
      unitMode: units !== undefined,
      units: (units ?? []).map((u) => ({ id: u.id, label: u.name, folded: u.folded, stations: u.stations ? `${u.stations} trạm, cụm loa` : 'chưa có trạm truyền thanh', disabled: u.stations === 0, checked: v.units.includes(u.id) })),
      localityProblem,
      publish: { schedule: v.publishMode === 'schedule', immediate: v.publishMode === 'immediate', at: v.publishMode === 'at', value: v.publishAt },
      approvers: editors.map((e) => ({ email: e.email, label: `${e.name} (${e.role}${e.unit ? `, ${e.unit}` : ''})`, checked: v.approvers.includes(e.email) })),
      approversExtra: v.approversExtra || v.approvers.filter((a) => !editors.some((e) => e.email === a)).join(', '),
      leaders: editors.filter((e) => e.leader).map((e) => ({ email: e.email, label: `${e.name}${e.unit ? ` (${e.unit})` : ''}`, checked: v.leaders.includes(e.email) })),
      forceNew: v.forceNew,
      errors: {
        plan: err('plan'),
        occasion: err('occasion'),
        tasks: err('tasks'),
        channels: err('channels'),
        localities: err('localities'),
        units: err('units'),
        publishAt: err('publishAt'),
        approvers: err('approvers'),
        leaders: err('leaders'),
        forceNew: err('forceNew'),
      },
    }, status);
  }

  const ofPlan = { subject: planOfField('kế hoạch này') };

  app.get('/campaigns/new', requirePage(ctx, ofPlan), async (c) => {
    const query = { plan: c.req.query('plan'), occasion: c.req.query('occasion'), date: c.req.query('date') };
    const { plans: all, problem } = await plansOrProblem();
    const plans = plansOf(c.get('access'), all);
    if (problem) return renderDash(c, ctx, 'dashboard/problem', 'Không đọc được kế hoạch', { heading: 'Không đọc được kế hoạch', text: problem }, 500);
    const plan = plans.find((p) => p.id === query.plan);
    if (!plan) return choosePlan(c, plans, query, query.plan ? `Không có kế hoạch mã “${query.plan}”; hãy chọn trong danh sách.` : undefined);
    const { localities, units } = await audienceChoice(ctx, plan.id);
    const occasion = query.occasion ? `${query.occasion}@${query.date ?? ''}` : '';
    const stored = await currentVersion(plan.id);
    return form(c, plan, defaultStartValues(plan.id, occasion, c.get('session').email, localities.map((l) => l.id), units?.filter((u) => u.byDefault).map((u) => u.id), stored?.version));
  });

  app.post('/campaigns/new', requirePost(ctx, ofPlan), async (c) => {
    const v = startFormValues(c.get('form'));
    const { plans: all, problem } = await plansOrProblem();
    const plans = plansOf(c.get('access'), all);
    if (problem) return renderDash(c, ctx, 'dashboard/problem', 'Không đọc được kế hoạch', { heading: 'Không đọc được kế hoạch', text: problem }, 500);
    const plan = plans.find((p) => p.id === v.plan);
    if (!plan) return choosePlan(c, plans, {}, 'Kế hoạch không còn trong danh sách; hãy chọn lại.');
    // Saved again since the form was opened: the editor reviews the new version (its tasks may
    // differ) before a campaign is drafted from it.
    const stored = await currentVersion(plan.id);
    if (stored && v.planVersion > 0 && stored.version > v.planVersion) {
      const seen = v.planVersion;
      const message = `Kế hoạch vừa được cập nhật (${versionLabel(stored)}) sau khi bạn mở biểu mẫu với phiên bản ${seen}. Biểu mẫu nay theo phiên bản mới; hãy xem lại nhiệm vụ rồi bấm khởi tạo lại.`;
      return form(c, plan, { ...v, planVersion: stored.version }, [{ field: 'plan', message }], 409);
    }
    const { localities } = await audienceChoice(ctx, plan.id);
    const { request, problems } = startRequest(v, { now: ctx.now(), editorEmail: c.get('session').email, allLocalityIds: localities.map((l) => l.id) });
    let input;
    try {
      input = await resolveCampaignInput(request, ctx.now(), { directory: ctx.directory });
    } catch (err) {
      if (!(err instanceof CampaignRequestError)) throw err;
      problems.push(...err.problems.filter((p) => !problems.some((q) => q.field === p.field)));
    }
    if (problems.length || !input) return form(c, plan, v, problems, 400);
    try {
      await startCampaign(await ctx.deps.client(), ctx.deps.endpoints.taskQueue, input);
    } catch (err) {
      if (!(err instanceof CampaignExistsError)) throw err;
      const message = 'Chiến dịch cho sự kiện này của kế hoạch đã được khởi tạo trong năm nay. Mở chiến dịch đó, hoặc đánh dấu “Chạy một lần mới” nếu thật sự cần chạy lại.';
      return form(c, plan, v, [{ field: 'forceNew', message }], 409, `/campaigns/${encodeURIComponent(input.campaignId)}`);
    }
    return c.redirect(`/campaigns/${encodeURIComponent(input.campaignId)}?ok=started`, 303);
  });
}
