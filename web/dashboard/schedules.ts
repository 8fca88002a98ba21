/**
 * Schedules (`/schedules`): the product's Temporal schedules (recurring bulletins, occasion
 * campaign starts, periodic reports) with their next and recent runs, and pause / resume /
 * run-now buttons. A form syncs a plan's schedules with its file, like `campaign schedules
 * sync`: preview first, then apply. Pre-approved series, custom days and report dates stay
 * with the CLI.
 */
import type { Context, Hono } from 'hono';
import { isCampaignId } from '../../domain/campaign/ids.js';
import { scheduleKindLabels } from '../../domain/schedules/types.js';
import type { Plan } from '../../domain/plan/schema.js';
import {
  describeChangeCounts,
  listManagedSchedules,
  pauseSchedule,
  planSchedules,
  resumeSchedule,
  ScheduleRequestError,
  syncActionLabels,
  syncSchedules,
  triggerSchedule,
  UnknownScheduleError,
  type ScheduleListing,
  type SyncReport,
} from '../../infra/schedules.js';
import type { DashContext, DashEnv } from './context.js';
import { capitalize } from '../../domain/text/case.js';
import { planLabel, plansOf, plansOrProblem, splitList } from './data.js';
import { planOfField, scheduleOfParam } from './subjects.js';
import { peopleOf } from './access.js';
import { editorRoleLabels } from './editors.js';
import { formatVnDateTime } from '../../domain/dates.js';
import { requirePage, requirePost } from './guard.js';
import { renderDash } from './render.js';

const SCHEDULE_ID = /^[a-z0-9][a-z0-9-]{0,200}$/;

const actions = {
  pause: { run: (c: Parameters<typeof pauseSchedule>[0], id: string, who: string) => pauseSchedule(c, id, `Tạm dừng trên bảng điều khiển bởi ${who}`), notice: 'Đã tạm dừng lịch.' },
  resume: { run: (c: Parameters<typeof resumeSchedule>[0], id: string) => resumeSchedule(c, id), notice: 'Đã cho lịch chạy tiếp.' },
  trigger: { run: (c: Parameters<typeof triggerSchedule>[0], id: string) => triggerSchedule(c, id), notice: 'Đã yêu cầu chạy lịch ngay (bỏ qua nếu lần chạy trước chưa xong).' },
} as const;
type Action = keyof typeof actions;

export function scheduleRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  app.get('/schedules', requirePage(ctx), async (c) => {
    const ok = c.req.query('ok');
    const editor = c.get('editor');
    const plan = c.req.query('plan');
    // The schedule just paused, resumed or run: read directly, so it shows even if it is so new
    // that the list does not have it yet.
    const acted = c.req.query('id');
    return schedulesPage(c, ctx, {
      notice: ok && ok in actions ? actions[ok as Action].notice : undefined,
      include: acted && SCHEDULE_ID.test(acted) ? [acted] : [],
      form: { planId: plan ?? '', approvers: [editor.email], approversExtra: '', reportTo: editor.email },
    });
  });

  app.post('/schedules/sync', requirePost(ctx, { subject: planOfField('kế hoạch này') }), async (c) => {
    const f = c.get('form');
    const form: SyncForm = {
      planId: f.one('plan')?.trim() ?? '',
      approvers: f.many('approvers'),
      approversExtra: f.one('approversExtra') ?? '',
      reportTo: f.one('reportTo') ?? '',
    };
    const apply = f.one('mode') === 'apply';
    const errors: Record<string, string[]> = {};
    const add = (field: string, message: string) => (errors[field] ??= []).push(message);
    const approvers = [...new Set([...form.approvers, ...splitList(form.approversExtra)].map((a) => a.toLowerCase()))];
    const reportTo = splitList(form.reportTo);
    if (!form.planId) add('plan', 'Chọn kế hoạch.');
    if (approvers.length === 0) add('approvers', 'Chọn ít nhất một người phê duyệt bản tin và chiến dịch.');
    if (reportTo.length === 0) add('reportTo', 'Nhập ít nhất một email nhận dự thảo báo cáo.');
    let report: SyncReport | undefined;
    let include: string[] = [];
    if (Object.keys(errors).length === 0) {
      try {
        const desired = await planSchedules({ planId: form.planId, taskQueue: ctx.deps.endpoints.taskQueue, approvers, reportTo }, { directory: ctx.directory });
        report = await syncSchedules(await ctx.deps.client(), desired, { dryRun: !apply });
        include = desired.schedules.map((d) => d.id);
      } catch (err) {
        if (!(err instanceof ScheduleRequestError)) throw err;
        for (const p of err.problems) add(SYNC_FIELDS[p.field] ?? 'plan', p.message);
      }
    }
    if (!report) return schedulesPage(c, ctx, { form, errors }, 400);
    return schedulesPage(c, ctx, {
      form,
      include: apply ? include : [],
      sync: {
        apply,
        heading: apply ? 'Đã đồng bộ lịch với kế hoạch' : 'Xem trước: những gì sẽ thay đổi',
        counts: describeChangeCounts(report),
        changes: report.changes.map((ch) => ({ action: capitalize(syncActionLabels[ch.action]), kind: ch.kind ? scheduleKindLabels[ch.kind] : '', title: ch.title ?? ch.id })),
        notes: report.notes.map((note) => `${note.subject}: ${note.text}`),
      },
    });
  });

  app.post('/schedules/:id/:action', requirePost(ctx, { subject: scheduleOfParam(ctx) }), async (c) => {
    const id = c.req.param('id');
    const action = c.req.param('action');
    if (!SCHEDULE_ID.test(id) || !(action in actions)) {
      return renderDash(c, ctx, 'dashboard/problem', 'Không tìm thấy lịch', { heading: 'Không tìm thấy lịch', text: 'Không có lịch hoặc thao tác này.', back: { href: '/schedules', label: 'Về danh sách lịch' } }, 404);
    }
    try {
      await actions[action as Action].run(await ctx.deps.client(), id, c.get('session').email);
    } catch (err) {
      if (!(err instanceof UnknownScheduleError)) throw err;
      return renderDash(c, ctx, 'dashboard/problem', 'Không tìm thấy lịch', { heading: 'Không tìm thấy lịch', text: err.message, back: { href: '/schedules', label: 'Về danh sách lịch' } }, 404);
    }
    return c.redirect(`/schedules?ok=${action}&id=${encodeURIComponent(id)}`, 303);
  });
}

/** Request fields of `planSchedules` to the form's fields. */
const SYNC_FIELDS: Record<string, string> = { plan: 'plan', approvers: 'approvers', 'report-to': 'reportTo' };

interface SyncForm {
  planId: string;
  approvers: string[];
  approversExtra: string;
  reportTo: string;
}

interface PageState {
  notice?: string;
  form: SyncForm;
  errors?: Record<string, string[]>;
  /** Schedules just created: described directly, since the list may not show them yet. */
  include?: string[];
  sync?: Record<string, unknown>;
}

async function schedulesPage(c: Context<DashEnv>, ctx: DashContext, state: PageState, status: 200 | 400 = 200) {
  const access = c.get('access');
  const { plans: all, problem: planProblem } = await plansOrProblem();
  const plans = plansOf(access, all);
  let listings: ScheduleListing[] = [];
  let problem: string | undefined;
  try {
    listings = await listManagedSchedules(await ctx.deps.client(), { include: state.include });
  } catch (err) {
    problem = `Chưa đọc được danh sách lịch từ máy chủ quy trình (Temporal): ${(err as Error).message}`;
  }
  const errors = state.errors ?? {};
  const err = (id: string) => (errors[id] ? { id: `${id}-error`, messages: errors[id] } : undefined);
  const chosen = new Set(state.form.approvers.map((a) => a.toLowerCase()));
  return renderDash(
    c,
    ctx,
    'dashboard/schedules',
    'Lịch chạy định kỳ',
    {
      notice: state.notice,
      sync: state.sync,
      schedules: listings.filter((s) => access.mayPlan(s.planId)).map((s) => scheduleRow(s, plans)),
      problems: [problem, planProblem].filter(Boolean),
      syncForm: {
        plans: plans.map((p) => ({ value: p.id, label: planLabel(p), selected: p.id === state.form.planId })),
        approvers: (await peopleOf(ctx.deps.editors, ctx.directory, access.grants.filter((g) => !g.via).map((g) => g.unitId))).map((e, i) => ({ index: i, email: e.email, label: `${e.name} · ${editorRoleLabels[e.role]}`, checked: chosen.has(e.email.toLowerCase()) })),
        approversExtra: state.form.approversExtra,
        reportTo: state.form.reportTo,
        errors: { plan: err('plan'), approvers: err('approvers'), reportTo: err('reportTo') },
        summary: Object.entries(errors).flatMap(([field, messages]) => messages.map((message) => ({ href: `#sync-${field}`, message }))),
      },
    },
    status,
  );
}

function scheduleRow(s: ScheduleListing, plans: readonly Plan[]) {
  const plan = plans.find((p) => p.id === s.planId);
  return {
    id: s.id,
    title: s.title ?? s.id,
    kind: s.kind ? scheduleKindLabels[s.kind] : '',
    plan: plan ? planLabel(plan) : s.planId,
    paused: s.paused,
    next: s.nextRuns.slice(0, 3).map((t) => formatVnDateTime(t)),
    recent: s.recentRuns
      .slice(-3)
      .reverse()
      .map((r) => ({ at: formatVnDateTime(r.scheduledAt), href: isCampaignId(r.workflowId) ? `/campaigns/${encodeURIComponent(r.workflowId)}` : undefined })),
  };
}
