/**
 * The product's web server: health now; approval pages, the editors' dashboard and the
 * published site mount here as they land. Built as a Hono app so every route can be tested
 * in-process with `app.request(...)`.
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { CampaignGateway } from '../infra/campaign-gateway.js';
import type { Endpoints } from '../infra/config.js';
import type { ObjectStore } from '../infra/object-store.js';
import { approvalRoutes } from './approval.js';
import { siteRoutes } from './site.js';
import { unsubscribeRoutes } from './unsubscribe.js';
import { dashboardRoutes, type DashboardDeps } from './dashboard/index.js';
import { checkDependencies, serviceLabels, type HealthCheck } from '../infra/health.js';
import { renderPage } from './views.js';
import { sharedHealth } from './health.js';
import { BodyTooLargeError, bodyProblemPage, limitBodies } from './request-body.js';
import { planBodyLimit } from './dashboard/plan-review.js';
import { dashContext } from './dashboard/context.js';
import { requirePage } from './dashboard/guard.js';
import { renderDash } from './dashboard/render.js';
import { formatVnDateTime } from '../domain/dates.js';

export interface AppDeps {
  endpoints: Endpoints;
  /** Replaceable in unit tests; defaults to the real checks. */
  checkHealth?: () => Promise<HealthCheck[]>;
  /** How long a health result is shared (default a few seconds), and the monotonic clock (ms) that ages it. */
  healthTtlMs?: number;
  healthClock?: () => number;
  /** Object store and running campaigns: needed by the approval pages, the site and the dashboard. */
  store?: ObjectStore;
  campaigns?: CampaignGateway;
  now?: () => Date;
  /** The editors' dashboard (Temporal client, editor list, sign-in mailer); with store and campaigns it replaces the status page at `/`, which moves to `/system`. */
  dashboard?: Pick<DashboardDeps, 'client' | 'editors' | 'mailer' | 'logError'>;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const health = sharedHealth(deps.checkHealth ?? (() => checkDependencies(deps.endpoints)), { ttlMs: deps.healthTtlMs, clock: deps.healthClock, now: deps.now });
  const logError = deps.dashboard?.logError ?? ((message: string, err: unknown) => process.stderr.write(`${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`));
  const dash =
    deps.store && deps.campaigns && deps.dashboard
      ? dashContext({ ...deps.dashboard, store: deps.store, campaigns: deps.campaigns, endpoints: deps.endpoints, now: deps.now })
      : undefined;

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Referrer-Policy')) c.header('Referrer-Policy', 'no-referrer');
    // A route may allow same-origin framing (draft previews in the dashboard); everything else is DENY.
    if (!c.res.headers.has('X-Frame-Options')) c.header('X-Frame-Options', 'DENY');
  });

  // Every request body is limited and read only when a route asks for it.
  app.use('*', limitBodies(undefined, planBodyLimit));

  // Public: only ok or degraded. Addresses, versions and errors stay on the signed-in status
  // page and in `campaign doctor`.
  app.get('/healthz', async (c) => {
    const { ok } = await health();
    c.header('Cache-Control', 'no-store');
    return c.json({ status: ok ? 'ok' : 'degraded' }, ok ? 200 : 503);
  });

  const statusPage = async (c: Context, details: boolean) => {
    const result = await health();
    const data = {
      allUp: result.ok,
      details,
      checkedAt: formatVnDateTime(result.checkedAt),
      ...(details
        ? {
            error: result.error,
            checks: result.checks.map((x) => ({ ...x, version: x.version ?? '', detail: x.detail ?? '', label: serviceLabels[x.service], stateLabel: x.state === 'up' ? 'Hoạt động' : 'Ngừng' })),
            links: [
              deps.endpoints.temporalUi ? { href: deps.endpoints.temporalUi, label: 'Giao diện Temporal (các quy trình)' } : undefined,
              deps.endpoints.mailUi ? { href: deps.endpoints.mailUi, label: 'Hộp thư thử nghiệm' } : undefined,
            ].filter(Boolean),
          }
        : {}),
    };
    const status = result.ok ? 200 : 503;
    if (dash) return renderDash(c, dash, 'health', 'Tình trạng hệ thống', data, status);
    c.header('Cache-Control', 'no-store');
    return c.html(renderPage('health', 'Tình trạng hệ thống', data), status);
  };
  if (dash) {
    // With the dashboard, the details are for signed-in editors only.
    app.get('/system', requirePage(dash), (c) => statusPage(c, true));
  } else {
    // Without it nobody can sign in: the page says only whether all is well.
    app.get('/system', (c) => statusPage(c, false));
    app.get('/', (c) => statusPage(c, false));
  }

  if (deps.store) {
    app.route('/', siteRoutes(deps.store));
    app.route('/', unsubscribeRoutes({ store: deps.store, secret: deps.endpoints.approvalSecret }));
  }
  if (deps.store && deps.campaigns) {
    app.route('/', approvalRoutes({ store: deps.store, campaigns: deps.campaigns, secret: deps.endpoints.approvalSecret, now: deps.now, editors: deps.dashboard?.editors }));
  }

  if (dash) app.route('/', dashboardRoutes(dash.deps));

  app.notFound((c) => c.html(renderPage('not-found', 'Không tìm thấy trang'), 404));
  app.onError((err, c) => {
    if (err instanceof BodyTooLargeError) return bodyProblemPage(c, 'tooLarge');
    if (err instanceof HTTPException && (err.status === 400 || err.status === 413)) return bodyProblemPage(c, err.status === 413 ? 'tooLarge' : 'malformed');
    logError('Lỗi khi xử lý yêu cầu', err);
    c.header('Cache-Control', 'no-store');
    return c.html(renderPage('request-problem', 'Hệ thống đang gặp lỗi', { title: 'Hệ thống đang gặp lỗi', text: 'Yêu cầu chưa được xử lý do lỗi phía máy chủ. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo bộ phận kỹ thuật.' }), 500);
  });
  return app;
}
