/**
 * The product's web server: health now; approval pages, the editors' dashboard and the
 * published site mount here as they land. Built as a Hono app so every route can be tested
 * in-process with `app.request(...)`.
 */
import { Hono, type Context } from 'hono';
import type { CampaignGateway } from '../infra/campaign-gateway.js';
import type { Endpoints } from '../infra/config.js';
import type { ObjectStore } from '../infra/object-store.js';
import { approvalRoutes } from './approval.js';
import { siteRoutes } from './site.js';
import { unsubscribeRoutes } from './unsubscribe.js';
import { dashboardRoutes, type DashboardDeps } from './dashboard/index.js';
import { checkDependencies, serviceLabels, type HealthCheck } from '../infra/health.js';
import { renderPage } from './views.js';

export interface AppDeps {
  endpoints: Endpoints;
  /** Replaceable in unit tests; defaults to the real checks. */
  checkHealth?: () => Promise<HealthCheck[]>;
  /** Object store and running campaigns: needed by the approval pages, the site and the dashboard. */
  store?: ObjectStore;
  campaigns?: CampaignGateway;
  now?: () => Date;
  /** The editors' dashboard (Temporal client, editor list, sign-in mailer); with store and campaigns it replaces the status page at `/`, which moves to `/system`. */
  dashboard?: Pick<DashboardDeps, 'client' | 'editors' | 'mailer' | 'logError'>;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const checkHealth = deps.checkHealth ?? (() => checkDependencies(deps.endpoints));

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Referrer-Policy')) c.header('Referrer-Policy', 'no-referrer');
    // A route may allow same-origin framing (draft previews in the dashboard); everything else is DENY.
    if (!c.res.headers.has('X-Frame-Options')) c.header('X-Frame-Options', 'DENY');
  });

  app.get('/healthz', async (c) => {
    const checks = await checkHealth();
    const ok = checks.every((x) => x.state === 'up');
    c.header('Cache-Control', 'no-store');
    return c.json({ status: ok ? 'ok' : 'degraded', checkedAt: new Date().toISOString(), checks }, ok ? 200 : 503);
  });

  const statusPage = async (c: Context) => {
    const checks = await checkHealth();
    const allUp = checks.every((x) => x.state === 'up');
    const links = [
      deps.endpoints.temporalUi ? { href: deps.endpoints.temporalUi, label: 'Giao diện Temporal (các quy trình)' } : undefined,
      deps.endpoints.mailUi ? { href: deps.endpoints.mailUi, label: 'Hộp thư thử nghiệm' } : undefined,
    ].filter(Boolean);
    const html = renderPage('health', 'Tình trạng hệ thống', {
      allUp,
      checkedAt: new Date().toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }),
      checks: checks.map((x) => ({ ...x, label: serviceLabels[x.service], stateLabel: x.state === 'up' ? 'Hoạt động' : 'Ngừng' })),
      links,
    });
    return c.html(html, allUp ? 200 : 503);
  };
  app.get('/system', statusPage);
  if (!(deps.store && deps.campaigns && deps.dashboard)) app.get('/', statusPage);

  if (deps.store) {
    app.route('/', siteRoutes(deps.store));
    app.route('/', unsubscribeRoutes({ store: deps.store, secret: deps.endpoints.approvalSecret }));
  }
  if (deps.store && deps.campaigns) {
    app.route('/', approvalRoutes({ store: deps.store, campaigns: deps.campaigns, secret: deps.endpoints.approvalSecret, now: deps.now, editors: deps.dashboard?.editors }));
  }

  if (deps.store && deps.campaigns && deps.dashboard) {
    app.route('/', dashboardRoutes({ ...deps.dashboard, store: deps.store, campaigns: deps.campaigns, endpoints: deps.endpoints, now: deps.now }));
  }

  app.notFound((c) => c.html(renderPage('not-found', 'Không tìm thấy trang'), 404));
  return app;
}
