/**
 * Home (`/`): occasions of the next 60 days with their tasks and channels, the campaigns
 * waiting for this person's decision, and the latest campaigns. Calendar (`/calendar`): the
 * occasions of the next twelve months, grouped by month.
 */
import type { Hono } from 'hono';
import { addDays, vnToday } from '../../domain/dates.js';
import type { DashContext, DashEnv } from './context.js';
import { campaignRow, campaignsOf, campaignsOrProblem, occasionCards, plansOf, plansOrProblem } from './data.js';
import { requirePage } from './guard.js';
import { renderDash } from './render.js';

/** How far ahead the home page looks. */
export const HOME_WINDOW_DAYS = 60;
const CALENDAR_DAYS = 365;

export function homeRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  app.get('/', requirePage(ctx), async (c) => {
    const email = c.get('session').email;
    const today = vnToday(ctx.now());
    const access = c.get('access');
    const { plans: all, problem: planProblem } = await plansOrProblem();
    const plans = plansOf(access, all);
    const occasions = occasionCards(plans, today, today, addDays(today, HOME_WINDOW_DAYS));
    const { listings: found, problem: campaignProblem } = await campaignsOrProblem(ctx);
    const listings = campaignsOf(access, found);
    // Who each waiting campaign waits for is in its live state: asked of every candidate at once,
    // each given a few seconds, so one campaign whose worker does not answer (a query waits for a
    // worker) cannot hold the home page.
    const candidates = listings.filter((x) => x.status === 'awaitingApproval' && x.workflowStatus === 'RUNNING').slice(0, 50);
    const states = await Promise.all(candidates.map((l) => withinMs(ctx.deps.campaigns.status(l.campaignId), STATUS_WAIT_MS).catch(() => undefined)));
    const waiting = [];
    for (const [i, l] of candidates.entries()) {
      const state = states[i];
      if (state?.status === 'awaitingApproval' && state.awaiting.some((a) => a.toLowerCase() === email)) {
        waiting.push({ ...campaignRow(l, plans), version: state.version, step: state.steps > 1 ? `bước ${state.step}/${state.steps}` : '' });
      }
    }
    return renderDash(c, ctx, 'dashboard/home', 'Trang chủ', {
      name: c.get('editor').name,
      windowDays: HOME_WINDOW_DAYS,
      occasions,
      waiting,
      recent: listings.slice(0, 8).map((l) => campaignRow(l, plans)),
      problems: [planProblem, campaignProblem].filter(Boolean),
    });
  });

  app.get('/calendar', requirePage(ctx), async (c) => {
    const today = vnToday(ctx.now());
    const { plans: all, problem } = await plansOrProblem();
    const cards = occasionCards(plansOf(c.get('access'), all), today, today, addDays(today, CALENDAR_DAYS));
    const months: { heading: string; occasions: typeof cards }[] = [];
    for (const card of cards) {
      const heading = `Tháng ${Number(card.date.slice(5, 7))} năm ${card.date.slice(0, 4)}`;
      const last = months[months.length - 1];
      if (last?.heading === heading) last.occasions.push(card);
      else months.push({ heading, occasions: [card] });
    }
    return renderDash(c, ctx, 'dashboard/calendar', 'Lịch sự kiện 12 tháng tới', { months, problems: [problem].filter(Boolean) });
  });
}

/** How long the home page waits for one campaign's live state. */
const STATUS_WAIT_MS = 4_000;

/** The promise's value, or undefined once `ms` have passed. */
function withinMs<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]).finally(() => clearTimeout(timer));
}
