/**
 * Campaigns: the list (`/campaigns`), one campaign's page with live status, drafts, history and
 * the approve / request changes / reject actions (`/campaigns/:id`), its status as JSON for the
 * page's polling script, its draft files, and cancelling with a confirmation page.
 */
import type { Context, Hono } from 'hono';
import { decisionFormSchema, refusalOf, UNCONFIRMED_DECISION } from '../decision-form.js';
import { findOccasion } from '../../domain/calendar/index.js';
import { isCampaignId } from '../../domain/campaign/ids.js';
import { decisionLabels, type CampaignState, type Decision } from '../../domain/campaign/types.js';
import { cancelCampaign } from '../../infra/campaign-client.js';
import type { DashContext, DashEnv } from './context.js';
import { campaignRow, campaignsOf, campaignsOrProblem, planLabel, plansOrProblem } from './data.js';
import { campaignOfParam } from './subjects.js';
import { peopleOf } from './access.js';
import { campaignTitle, campaignView, liveStatus } from './campaign-view.js';
import { requireJson, requirePage, requirePost } from './guard.js';
import { renderDash } from './render.js';
import { draftFileHeaders, previewBody, rangedBody } from '../previews.js';
import { isMediaPreviewFile, MODULE_DRAFT_FOLDERS } from '../../channels/registry.js';
import { markPackPosted, markSocialPosted, socialImageName, socialKeys } from '../../channels/social/activities.js';
import { PACK_FILES, videoKeys, videoPackPlace } from '../../channels/video/activities.js';
import { isSocialPlatform } from '../../channels/social/pack.js';
import { recordedCampaignInput } from '../../infra/campaign-record.js';
import { processPlans } from '../../infra/plan-library.js';

/** Draft files a page may embed: a version folder, a known channel folder, strict names. */
const FILE_RE = new RegExp(String.raw`^v\d{1,4}\/(?:infographic|loudspeaker|post|briefing|${MODULE_DRAFT_FOLDERS.join('|')})(?:\/[a-z0-9][a-z0-9._-]{0,120}){1,3}$`);

const notices: Record<string, string> = {
  started: 'Đã khởi tạo chiến dịch. Bản nháp đang được soạn; trang tự cập nhật khi xong.',
  approve: 'Đã ghi nhận quyết định: Phê duyệt.',
  requestChanges: 'Đã ghi nhận yêu cầu sửa. Phiên bản mới đang được soạn.',
  reject: 'Đã ghi nhận quyết định: Từ chối.',
  cancelled: 'Đã gửi yêu cầu hủy chiến dịch.',
  socialPosted: 'Đã ghi nhận: bài đăng mạng xã hội đã đăng. Báo cáo định kỳ sẽ tính bài này.',
  videoPosted: 'Đã ghi nhận: video ngắn đã đăng. Báo cáo định kỳ sẽ tính video này.',
};

type Ctx = Context<DashEnv>;

export function campaignRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  /** Every route of one campaign: its unit's editors only. */
  const ofCampaign = { subject: campaignOfParam(ctx) };
  function problem(c: Ctx, status: 404 | 409 | 503, heading: string, text: string) {
    return renderDash(c, ctx, 'dashboard/problem', heading, { heading, text, back: { href: '/campaigns', label: 'Về danh sách chiến dịch' } }, status);
  }

  /** The campaign's state, or a finished response explaining why there is none. */
  async function load(c: Ctx): Promise<CampaignState | Response> {
    const id = c.req.param('id') ?? '';
    if (!isCampaignId(id)) return problem(c, 404, 'Không tìm thấy chiến dịch', 'Không có chiến dịch với mã này.');
    try {
      const state = await ctx.deps.campaigns.status(id);
      return state ?? problem(c, 404, 'Không tìm thấy chiến dịch', 'Không có chiến dịch với mã này.');
    } catch (err) {
      return problem(c, 503, 'Chưa đọc được trạng thái chiến dịch', `Máy chủ quy trình (Temporal) chưa trả lời: ${(err as Error).message}. Hãy thử lại sau ít phút.`);
    }
  }

  async function page(c: Ctx, state: CampaignState, extra: { errors?: string[]; values?: Record<string, string> } = {}, status: 200 | 400 | 409 = 200) {
    const shown = Number(c.req.query('version')) || undefined;
    const { plans } = await plansOrProblem();
    const plan = plans.find((p) => p.id === state.planId);
    const occasionName = findOccasion(state.occasionId, plans)?.name;
    // People are named as the platform and the campaign's unit list them.
    const editors = await peopleOf(ctx.deps.editors, ctx.directory, [c.get('access').ownerOf(state.planId)]);
    // The plan version the campaign drafts from (recorded at start), beside the plan's current one.
    const [input, current] = await Promise.all([recordedCampaignInput(ctx.deps.store, state.campaignId), processPlans().get(state.planId).catch(() => undefined)]);
    const planVersion = input?.planVersion ? { used: input.planVersion, current: current?.version ?? 0 } : undefined;
    const view = await campaignView(ctx.deps.store, state, { email: c.get('session').email, shown, planLabel: plan ? planLabel(plan) : undefined, occasionName, editors, planVersion });
    const ok = c.req.query('ok');
    return renderDash(c, ctx, 'dashboard/campaign', view.title, {
      c: view,
      notice: ok ? notices[ok] : undefined,
      errors: extra.errors ?? [],
      values: {
        headline: extra.values?.headline ?? view.brief?.headline ?? '',
        keyMessages: extra.values?.keyMessages ?? view.brief?.keyMessages.join('\n') ?? '',
        comment: extra.values?.comment ?? '',
      },
      statusUrl: `/campaigns/${encodeURIComponent(state.campaignId)}/status.json`,
    }, status);
  }

  app.get('/campaigns', requirePage(ctx), async (c) => {
    const { plans } = await plansOrProblem();
    const { listings, problem: p } = await campaignsOrProblem(ctx);
    return renderDash(c, ctx, 'dashboard/campaigns', 'Chiến dịch', { campaigns: campaignsOf(c.get('access'), listings).map((l) => campaignRow(l, plans)), problems: [p].filter(Boolean) });
  });

  app.get('/campaigns/:id', requirePage(ctx, ofCampaign), async (c) => {
    const state = await load(c);
    return state instanceof Response ? state : page(c, state);
  });

  app.get('/campaigns/:id/status.json', requireJson(ctx, ofCampaign), async (c) => {
    c.header('Cache-Control', 'no-store');
    const id = c.req.param('id');
    if (!isCampaignId(id)) return c.json({ error: 'Không tìm thấy chiến dịch.' }, 404);
    try {
      const state = await ctx.deps.campaigns.status(id);
      if (!state) return c.json({ error: 'Không tìm thấy chiến dịch.' }, 404);
      return c.json(liveStatus(state));
    } catch {
      return c.json({ error: 'Máy chủ quy trình chưa trả lời.' }, 503);
    }
  });

  app.get('/campaigns/:id/files/*', requirePage(ctx, ofCampaign), async (c) => {
    const id = c.req.param('id');
    const rest = c.req.path.split('/files/')[1] ?? '';
    if (!isCampaignId(id) || !FILE_RE.test(rest) || rest.includes('..')) return c.text('Không tìm thấy tệp.', 404);
    const obj = await ctx.deps.store.get(`campaigns/${id}/${rest}`);
    if (!obj) return c.text('Không tìm thấy tệp.', 404);
    const sent = rangedBody(await previewBody(obj, (key) => ctx.deps.store.get(key)), c.req.header('Range'), { ...draftFileHeaders(obj.contentType, { media: isMediaPreviewFile(rest.replace(/^v\d+\//, '')) }), 'Cache-Control': 'private, max-age=60' });
    return c.body(sent.body, sent.status, sent.headers);
  });

  app.post('/campaigns/:id/decision', requirePost(ctx, ofCampaign), async (c) => {
    const id = c.req.param('id') ?? '';
    if (!isCampaignId(id)) return problem(c, 404, 'Không tìm thấy chiến dịch', 'Không có chiến dịch với mã này.');
    const form = c.get('form');
    const email = c.get('session').email;
    const values = { headline: form.one('headline') ?? '', keyMessages: form.one('keyMessages') ?? '', comment: form.one('comment') ?? '' };
    const asked = { version: Number(form.one('version')), step: Number(form.one('step')), approver: email };
    const STALE = 'Chiến dịch đã sang phiên bản, bước duyệt hoặc trạng thái khác từ khi trang này được mở. Hãy xem lại trang rồi quyết định.';
    const parsed = decisionFormSchema.safeParse({ decision: form.one('decision'), comment: form.one('comment'), headline: form.one('headline'), keyMessages: form.one('keyMessages') });
    const formErrors = !parsed.success
      ? parsed.error.issues.map((i) => i.message)
      : parsed.data.decision === 'requestChanges' && !parsed.data.comment
        ? ['Khi yêu cầu sửa, hãy ghi nhận xét cho người soạn.']
        : [];
    if (!Number.isInteger(asked.version) || !Number.isInteger(asked.step) || !parsed.success || formErrors.length) {
      const state = await load(c);
      if (state instanceof Response) return state;
      if (!Number.isInteger(asked.version) || !Number.isInteger(asked.step)) return page(c, state, { errors: [STALE] }, 409);
      return page(c, state, { errors: formErrors, values }, 400);
    }
    const { decision, comment, headline, keyMessages } = parsed.data;
    // Straight to the workflow (its update validator checks version, step, approver and that it
    // still waits); the status is read only to explain a refusal.
    let result;
    try {
      result = await ctx.deps.campaigns.decide(id, {
        ...asked,
        decision: decision as Decision,
        comment: comment || undefined,
        edits: decision === 'requestChanges' ? { headline: headline || undefined, keyMessages: keyMessages.length ? keyMessages : undefined } : undefined,
        at: ctx.now().toISOString(),
      });
    } catch {
      return problem(c, 503, UNCONFIRMED_DECISION.title, UNCONFIRMED_DECISION.text);
    }
    if (!result.ok) {
      if (result.reason === 'gone') return problem(c, 404, 'Không tìm thấy chiến dịch', 'Không có chiến dịch với mã này.');
      const state = await load(c);
      if (state instanceof Response) return state;
      const why = refusalOf(state, asked);
      const message =
        why === 'staleVersion' || why === 'closed'
          ? STALE
          : why === 'notApprover'
            ? 'Bạn không phải người duyệt của bước này.'
            : `Không ghi nhận được quyết định “${decisionLabels[decision as Decision]}”: ${result.message}`;
      return page(c, state, { errors: [message], values }, 409);
    }
    return c.redirect(`/campaigns/${encodeURIComponent(id)}?ok=${decision}`, 303);
  });

  // The social pack's square image, and an editor's "posted" mark (channels/social).
  app.get('/campaigns/:id/social/:file', requirePage(ctx, ofCampaign), async (c) => {
    const id = c.req.param('id');
    if (!isCampaignId(id) || c.req.param('file') !== socialImageName) return c.text('Không tìm thấy tệp.', 404);
    const obj = await ctx.deps.store.get(socialKeys.image(id));
    if (!obj) return c.text('Không tìm thấy tệp.', 404);
    return c.body(new Uint8Array(obj.body), 200, { 'Content-Type': 'image/png', 'Content-Disposition': `attachment; filename="${socialImageName}"`, 'Cache-Control': 'private, max-age=60' });
  });

  app.post('/campaigns/:id/social/:platform/posted', requirePost(ctx, ofCampaign), async (c) => {
    const state = await load(c);
    if (state instanceof Response) return state;
    const platform = c.req.param('platform');
    if (!isSocialPlatform(platform)) return c.text('Không tìm thấy nền tảng.', 404);
    const r = await markSocialPosted(ctx.deps.store, state.campaignId, platform, c.get('session').email, ctx.now().toISOString());
    if (r === 'unknown') return page(c, state, { errors: ['Chiến dịch chưa có gói bài đăng mạng xã hội cho nền tảng này.'] }, 409);
    return c.redirect(`/campaigns/${encodeURIComponent(state.campaignId)}?ok=socialPosted`, 303);
  });

  // The video pack's files (download, and seeking in a player), and an editor's "posted" mark (channels/video).
  app.get('/campaigns/:id/video/:file', requirePage(ctx, ofCampaign), async (c) => {
    const id = c.req.param('id');
    const file = c.req.param('file');
    if (!isCampaignId(id) || !PACK_FILES.includes(file)) return c.text('Không tìm thấy tệp.', 404);
    const obj = await ctx.deps.store.get(videoKeys.file(id, file));
    if (!obj) return c.text('Không tìm thấy tệp.', 404);
    const sent = rangedBody(new Uint8Array(obj.body), c.req.header('Range'), { 'Content-Type': obj.contentType ?? 'application/octet-stream', 'Content-Disposition': `attachment; filename="${file}"`, 'Cache-Control': 'private, max-age=60' });
    return c.body(sent.body, sent.status, sent.headers);
  });

  app.post('/campaigns/:id/video/:platform/posted', requirePost(ctx, ofCampaign), async (c) => {
    const state = await load(c);
    if (state instanceof Response) return state;
    const platform = c.req.param('platform');
    if (!isSocialPlatform(platform)) return c.text('Không tìm thấy nền tảng.', 404);
    const r = await markPackPosted(ctx.deps.store, videoPackPlace(state.campaignId), platform, c.get('session').email, ctx.now().toISOString());
    if (r === 'unknown') return page(c, state, { errors: ['Chiến dịch chưa có gói video ngắn cho nền tảng này.'] }, 409);
    return c.redirect(`/campaigns/${encodeURIComponent(state.campaignId)}?ok=videoPosted`, 303);
  });

  app.get('/campaigns/:id/cancel', requirePage(ctx, ofCampaign), async (c) => {
    const state = await load(c);
    if (state instanceof Response) return state;
    const view = liveStatus(state);
    const { plans } = await plansOrProblem();
    const title = campaignTitle(state, findOccasion(state.occasionId, plans)?.name);
    return renderDash(c, ctx, 'dashboard/cancel', 'Hủy chiến dịch', { id: state.campaignId, title, href: `/campaigns/${encodeURIComponent(state.campaignId)}`, statusLabel: view.statusLabel, terminal: view.terminal });
  });

  app.post('/campaigns/:id/cancel', requirePost(ctx, ofCampaign), async (c) => {
    const state = await load(c);
    if (state instanceof Response) return state;
    const href = `/campaigns/${encodeURIComponent(state.campaignId)}`;
    if (liveStatus(state).terminal) return c.redirect(href, 303);
    await cancelCampaign(await ctx.deps.client(), state.campaignId);
    return c.redirect(`${href}?ok=cancelled`, 303);
  });
}
