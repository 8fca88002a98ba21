/**
 * Schedules (`/schedules`): the product's Temporal schedules (recurring bulletins, occasion
 * campaign starts, periodic reports) with their next and recent runs, and pause / resume /
 * run-now buttons. Creating or changing schedules stays with `campaign schedules sync`.
 */
import type { Hono } from 'hono';
import { isCampaignId } from '../../domain/campaign/ids.js';
import { scheduleKindLabels } from '../../domain/schedules/types.js';
import { listManagedSchedules, pauseSchedule, resumeSchedule, triggerSchedule, UnknownScheduleError, type ScheduleListing } from '../../infra/schedules.js';
import type { DashContext, DashEnv } from './context.js';
import { planLabel, plansOrProblem } from './data.js';
import { vnDateTime } from './format.js';
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
    const { plans } = await plansOrProblem();
    let listings: ScheduleListing[] = [];
    let problem: string | undefined;
    try {
      listings = await listManagedSchedules(await ctx.deps.client());
    } catch (err) {
      problem = `Chưa đọc được danh sách lịch từ máy chủ quy trình (Temporal): ${(err as Error).message}`;
    }
    const ok = c.req.query('ok');
    return renderDash(c, ctx, 'dashboard/schedules', 'Lịch chạy định kỳ', {
      notice: ok && ok in actions ? actions[ok as Action].notice : undefined,
      schedules: listings.map((s) => {
        const plan = plans.find((p) => p.id === s.planId);
        return {
          id: s.id,
          title: s.title ?? s.id,
          kind: s.kind ? scheduleKindLabels[s.kind] : '',
          plan: plan ? planLabel(plan) : s.planId,
          paused: s.paused,
          next: s.nextRuns.slice(0, 3).map((t) => vnDateTime(t)),
          recent: s.recentRuns
            .slice(-3)
            .reverse()
            .map((r) => ({ at: vnDateTime(r.scheduledAt), href: isCampaignId(r.workflowId) ? `/campaigns/${encodeURIComponent(r.workflowId)}` : undefined })),
        };
      }),
      problems: [problem].filter(Boolean),
    });
  });

  app.post('/schedules/:id/:action', requirePost(ctx), async (c) => {
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
    return c.redirect(`/schedules?ok=${action}`, 303);
  });
}
