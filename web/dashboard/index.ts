/**
 * The editors' dashboard: sign-in by emailed one-time link, then home (upcoming occasions and
 * the campaigns waiting for this person), calendar, plans, starting a campaign and following it
 * to publication, the product's schedules and the stored periodic reports. Server-rendered Handlebars pages; one small inline script polls a campaign's
 * status. Mount with `app.route('/', dashboardRoutes(deps))`.
 *
 * Guards are attached per route (not with `use('*')`), so mounting at `/` never puts other
 * parts of the server (approval links, the public site, /healthz) behind the sign-in.
 */
import { Hono } from 'hono';
import { campaignRoutes } from './campaign.js';
import { correctionRoutes } from './correction.js';
import { dashContext, type DashboardDeps, type DashEnv } from './context.js';
import { homeRoutes } from './home.js';
import { planReviewRoutes } from './plan-review.js';
import { planRoutes } from './plans.js';
import { reportRoutes } from './reports.js';
import { scheduleRoutes } from './schedules.js';
import { signInRoutes } from './sign-in.js';
import { startRoutes } from './start.js';
import { stationRoutes } from './stations.js';
import { unitRoutes } from './units.js';

export type { DashboardDeps } from './context.js';
export { loadEditors, parseEditors, EditorsFileError, type Editor } from './editors.js';

/** Every dashboard route, ready to mount at `/`. */
export function dashboardRoutes(deps: DashboardDeps): Hono<DashEnv> {
  const app = new Hono<DashEnv>();
  const ctx = dashContext(deps);
  signInRoutes(app, ctx);
  homeRoutes(app, ctx);
  // `/plans/upload` before `/plans/:id`.
  planReviewRoutes(app, ctx);
  planRoutes(app, ctx);
  // `/campaigns/new` before `/campaigns/:id`.
  startRoutes(app, ctx);
  correctionRoutes(app, ctx);
  campaignRoutes(app, ctx);
  scheduleRoutes(app, ctx);
  reportRoutes(app, ctx);
  stationRoutes(app, ctx);
  unitRoutes(app, ctx);
  return app;
}
