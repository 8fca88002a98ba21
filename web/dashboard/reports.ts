/**
 * Reports (`/reports`): the periodic reports stored under `reports/<plan>/<from>_<to>/`, newest
 * period first, with links to their Word, HTML and image files. Files are served only for that
 * exact shape of key; the HTML is sandboxed, the Word file downloads.
 */
import type { Hono } from 'hono';
import { formatPeriod } from '../../domain/report/period.js';
import type { DashContext, DashEnv } from './context.js';
import { planLabel, plansOrProblem } from './data.js';
import { requirePage } from './guard.js';
import { renderDash } from './render.js';

const FOLDER = /^reports\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\/(report\.(?:docx|html|png))$/;
const FILE_LABELS: Record<string, string> = { 'report.docx': 'Văn bản Word (.docx)', 'report.html': 'Trang HTML', 'report.png': 'Ảnh tóm tắt (.png)' };

export function reportRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  app.get('/reports', requirePage(ctx), async (c) => {
    const { plans } = await plansOrProblem();
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
    return renderDash(c, ctx, 'dashboard/reports', 'Báo cáo định kỳ', { reports, problems: [problem].filter(Boolean) });
  });

  app.get('/reports/files/*', requirePage(ctx), async (c) => {
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
