/**
 * Reports (`/reports`): the periodic reports stored under `reports/<plan>/<from>_<to>/`, newest
 * period first, with links to their Word, HTML and image files. Files are served only for that
 * exact shape of key; the HTML is sandboxed, the Word file downloads. A form makes a report on
 * demand for a plan and period, like `campaign report`: the same report workflow, optionally
 * emailing the draft.
 */
import type { Context, Hono } from 'hono';
import { WorkflowFailedError } from '@temporalio/client';
import { formatVnDate, parseVnDate, vnToday } from '../../domain/dates.js';
import { formatPeriod, halfYearStart, periodOfDays } from '../../domain/report/period.js';
import { startReport } from '../../infra/report-client.js';
import { isEmailAddress } from '../../domain/email.js';
import type { DashContext, DashEnv } from './context.js';
import { planLabel, plansOf, plansOrProblem, splitList } from './data.js';
import { planOfField, reportOfPath } from './subjects.js';
import { requirePage, requirePost } from './guard.js';
import { renderDash } from './render.js';

const FOLDER = /^reports\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\/(report\.(?:docx|html|png))$/;
const FILE_LABELS: Record<string, string> = { 'report.docx': 'Văn bản Word (.docx)', 'report.html': 'Trang HTML', 'report.png': 'Ảnh tóm tắt (.png)' };

export function reportRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  app.get('/reports', requirePage(ctx), async (c) => {
    const today = vnToday(ctx.now());
    const notice = c.req.query('ok') === 'made' ? 'Đã lập xong báo cáo; báo cáo ở đầu danh sách bên dưới.' : c.req.query('ok') === 'pending' ? 'Báo cáo đang được lập. Tải lại trang sau ít phút để thấy báo cáo.' : undefined;
    return reportsPage(c, ctx, { notice, form: { planId: c.req.query('plan') ?? '', from: halfYearStart(today), to: today, reportTo: c.get('editor').email, email: true } });
  });

  app.post('/reports/new', requirePost(ctx, { subject: planOfField('kế hoạch này') }), async (c) => {
    const f = c.get('form');
    const form: ReportForm = {
      planId: f.one('plan')?.trim() ?? '',
      from: f.one('from')?.trim() ?? '',
      to: f.one('to')?.trim() ?? '',
      reportTo: f.one('reportTo') ?? '',
      email: f.one('email') === 'yes',
    };
    const errors: Record<string, string[]> = {};
    const add = (field: string, message: string) => (errors[field] ??= []).push(message);
    const { plans } = await plansOrProblem();
    const plan = plans.find((p) => p.id === form.planId);
    if (!plan) add('plan', form.planId ? `Không có kế hoạch "${form.planId}".` : 'Chọn kế hoạch.');
    const from = parseVnDate(form.from);
    const to = parseVnDate(form.to);
    if (!from) add('from', form.from ? `"${form.from}" không phải ngày hợp lệ.` : 'Nhập ngày bắt đầu kỳ báo cáo.');
    if (!to) add('to', form.to ? `"${form.to}" không phải ngày hợp lệ.` : 'Nhập ngày kết thúc kỳ báo cáo.');
    if (from && to && to < from) add('to', `Ngày kết thúc (${formatVnDate(to)}) đứng trước ngày bắt đầu (${formatVnDate(from)}).`);
    const reportTo = splitList(form.reportTo).map((a) => a.toLowerCase());
    if (form.email && reportTo.length === 0) add('reportTo', 'Nhập ít nhất một email nhận dự thảo, hoặc bỏ chọn gửi email.');
    for (const a of reportTo) if (!isEmailAddress(a)) add('reportTo', `"${a}" không phải địa chỉ email hợp lệ.`);
    if (Object.keys(errors).length > 0 || !plan || !from || !to) return reportsPage(c, ctx, { form, errors }, 400);

    const handle = await startReport(await ctx.deps.client(), ctx.deps.endpoints.taskQueue, { planId: plan.id, period: periodOfDays(from, to), reportTo, email: form.email }, ctx.now());
    // A report takes a second or two: wait for it so the list shows it, but not for long.
    const outcome = await Promise.race([
      handle.result().then(
        () => 'made' as const,
        (err: unknown) => err,
      ),
      new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), WAIT_FOR_REPORT_MS).unref()),
    ]);
    if (outcome === 'made' || outcome === 'pending') return c.redirect(`/reports?ok=${outcome}`, 303);
    const cause = outcome instanceof WorkflowFailedError ? (outcome.cause?.message ?? outcome.message) : (outcome as Error).message;
    return reportsPage(c, ctx, { form, errors: { form: [`Không lập được báo cáo: ${cause}`] } }, 500);
  });

  app.get('/reports/files/*', requirePage(ctx, { subject: reportOfPath }), async (c) => {
    const key = `reports/${c.req.path.slice('/reports/files/'.length)}`;
    const m = FOLDER.exec(key);
    if (!m) return c.text('Không tìm thấy tệp.', 404);
    const obj = await ctx.deps.store.get(key);
    if (!obj) return c.text('Không tìm thấy tệp.', 404);
    const file = m[4]!;
    const headers: Record<string, string> = {
      'Content-Type': obj.contentType ?? 'application/octet-stream',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src 'self' data:; sandbox",
    };
    if (file.endsWith('.docx')) headers['Content-Disposition'] = `attachment; filename="bao-cao-${m[1]}-${m[2]}_${m[3]}.docx"`;
    return c.body(new Uint8Array(obj.body), 200, headers);
  });
}

/** How long the form waits for the report before answering "being made". */
const WAIT_FOR_REPORT_MS = 20_000;

interface ReportForm {
  planId: string;
  from: string;
  to: string;
  reportTo: string;
  email: boolean;
}

async function reportsPage(c: Context<DashEnv>, ctx: DashContext, state: { notice?: string; form: ReportForm; errors?: Record<string, string[]> }, status: 200 | 400 | 500 = 200) {
  const access = c.get('access');
  const { plans: all, problem: planProblem } = await plansOrProblem();
  const plans = plansOf(access, all);
  let keys: string[] = [];
  let problem: string | undefined;
  try {
    keys = await ctx.deps.store.list('reports/');
  } catch (err) {
    problem = `Chưa đọc được kho báo cáo: ${(err as Error).message}`;
  }
  const groups = new Map<string, { planId: string; from: string; to: string; files: { href: string; label: string }[] }>();
  for (const key of keys) {
    const m = FOLDER.exec(key);
    if (!m) continue;
    const [, planId, from, to, file] = m as unknown as [string, string, string, string, string];
    if (!access.mayPlan(planId)) continue;
    const id = `${planId}/${from}_${to}`;
    const g = groups.get(id) ?? { planId, from, to, files: [] };
    g.files.push({ href: `/reports/files/${id}/${file}`, label: FILE_LABELS[file] ?? file });
    groups.set(id, g);
  }
  const reports = [...groups.values()]
    .sort((a, b) => b.to.localeCompare(a.to) || a.planId.localeCompare(b.planId))
    .map((g) => {
      const plan = plans.find((p) => p.id === g.planId);
      return { plan: plan ? planLabel(plan) : g.planId, period: formatPeriod(g), files: g.files };
    });
  const errors = state.errors ?? {};
  const err = (id: string) => (errors[id] ? { id: `report-${id}-error`, messages: errors[id] } : undefined);
  return renderDash(
    c,
    ctx,
    'dashboard/reports',
    'Báo cáo định kỳ',
    {
      notice: state.notice,
      reports,
      problems: [problem, planProblem].filter(Boolean),
      reportForm: {
        plans: plans.map((p) => ({ value: p.id, label: planLabel(p), selected: p.id === state.form.planId })),
        from: state.form.from,
        to: state.form.to,
        reportTo: state.form.reportTo,
        email: state.form.email,
        errors: { plan: err('plan'), from: err('from'), to: err('to'), reportTo: err('reportTo') },
        summary: Object.entries(errors).flatMap(([field, messages]) => messages.map((message) => ({ href: field === 'form' ? '#report-form' : `#report-${field}`, message }))),
      },
    },
    status,
  );
}
