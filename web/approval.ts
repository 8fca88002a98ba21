/**
 * The approval link. GET/HEAD show the drafts and never change anything (mail scanners fetch
 * links, sometimes twice and with JavaScript); only the POST from the page decides, and only
 * with the CSRF value bound to this token, for the campaign, version and step it was issued for.
 */
import { Hono, type Context } from 'hono';
import { decisionFormSchema, refusalOf, UNCONFIRMED_DECISION } from './decision-form.js';
import { csrfFor, csrfMatches, hashToken, isTokenShaped, tokenProblem, type TokenProblem, type TokenRecord } from '../domain/approval-token.js';
import { isMediaPreviewFile, modulePreviews } from '../channels/registry.js';
import { campaignChannelLabels, decisionLabels, type CampaignState, type Decision } from '../domain/campaign/types.js';
import type { CampaignGateway } from '../infra/campaign-gateway.js';
import { markTokenUsed, readTokenRecord } from '../infra/approval-tokens.js';
import type { ObjectStore } from '../infra/object-store.js';
import { bodyProblemPage, readForm } from './request-body.js';
import { draftFileHeaders, previewBody, rangedBody } from './previews.js';
import { renderPage } from './views.js';
import { personLabel, type Editor } from './dashboard/editors.js';
import { campaignPeople } from '../infra/campaign-people.js';
import { infographicGallery } from '../channels/infographic/preview.js';
import { scriptPreview } from '../channels/loudspeaker/preview.js';
import { formatVnDateTime } from '../domain/dates.js';

export interface ApprovalDeps {
  store: ObjectStore;
  campaigns: CampaignGateway;
  secret: string;
  now?: () => Date;
  /** The editor list: the page names approvers by name where it knows them. */
  editors?: readonly Editor[];
}

const problems: Record<TokenProblem | 'csrf' | 'crossCampaign' | 'gone', { status: 400 | 403 | 404 | 409 | 410; title: string; text: string }> = {
  unknown: { status: 404, title: 'Liên kết không hợp lệ', text: 'Liên kết phê duyệt này không tồn tại hoặc đã bị sửa. Hãy mở đúng liên kết trong thư.' },
  expired: { status: 410, title: 'Liên kết đã hết hạn', text: 'Liên kết phê duyệt này đã hết hạn. Hãy dùng liên kết trong thư nhắc mới nhất hoặc liên hệ bộ phận truyền thông.' },
  used: { status: 409, title: 'Liên kết đã được dùng', text: 'Quyết định qua liên kết này đã được ghi nhận trước đó; mỗi liên kết chỉ dùng được một lần.' },
  staleVersion: { status: 409, title: 'Bản nháp đã có phiên bản mới', text: 'Liên kết này dành cho một phiên bản hoặc bước duyệt đã qua. Hãy dùng liên kết trong thư mới nhất.' },
  closed: { status: 409, title: 'Chiến dịch không còn chờ phê duyệt', text: 'Chiến dịch đã có quyết định, đã bị hủy hoặc đã hết hạn; không cần thao tác thêm.' },
  gone: { status: 410, title: 'Chiến dịch không còn chạy', text: 'Không tìm thấy chiến dịch của liên kết này.' },
  csrf: { status: 403, title: 'Yêu cầu bị từ chối', text: 'Biểu mẫu không mang mã bảo vệ hợp lệ. Hãy mở lại liên kết trong thư và bấm nút trên trang.' },
  crossCampaign: { status: 403, title: 'Yêu cầu bị từ chối', text: 'Biểu mẫu không thuộc chiến dịch của liên kết này.' },
};

const FILE_RE = /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*$/;

function refuse(c: Context, kind: keyof typeof problems) {
  const p = problems[kind];
  c.header('Cache-Control', 'no-store');
  return c.html(renderPage('approval-problem', p.title, p), p.status);
}

export function approvalRoutes(deps: ApprovalDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? (() => new Date());

  async function load(token: string): Promise<{ record: TokenRecord; status?: CampaignState } | keyof typeof problems> {
    if (!isTokenShaped(token)) return 'unknown';
    const record = await readTokenRecord(deps.store, hashToken(token));
    const early = tokenProblem(record, now());
    if (early) return early;
    const status = await deps.campaigns.status(record!.workflowId);
    if (!status) return 'gone';
    const late = tokenProblem(record, now(), { version: status.version, step: status.step, awaiting: status.status === 'awaitingApproval' });
    return late ?? { record: record!, status };
  }

  async function page(c: Context, token: string, record: TokenRecord, status: CampaignState, errors: string[] = [], values: Record<string, string> = {}) {
    const base = `campaigns/${record.campaignId}/v${record.version}/`;
    const brief = await deps.store.get(`${base}brief.json`);
    const b = brief ? (JSON.parse(brief.body.toString('utf8')) as { headline: string; keyMessages: string[]; occasionName: string; planSymbol: string; issuer: string }) : undefined;
    const scriptKey = status.drafts.find((d) => d.channel === 'loudspeaker')?.keys[0];
    const script = scriptKey ? await scriptPreview(deps.store, scriptKey) : undefined;
    const images = infographicGallery(status.drafts.find((d) => d.channel === 'infographic')?.keys ?? [], (k) => `/approve/${token}/files/${k.slice(base.length)}`);
    c.header('Cache-Control', 'no-store');
    return c.html(
      renderPage('approval', 'Phê duyệt nội dung', {
        token,
        csrf: csrfFor(deps.secret, record.tokenHash),
        campaignId: record.campaignId,
        version: record.version,
        step: record.step,
        steps: status.steps,
        approver: personLabel(await campaignPeople(deps.store, record.campaignId, deps.editors ?? []), record.approver),
        brief: b,
        drafts: status.drafts.map((d) => ({ label: campaignChannelLabels[d.channel], summary: d.summary, problems: d.problems })),
        images,
        script: script?.text,
        hasPost: status.drafts.some((d) => d.channel === 'webPortal'),
        hasBriefing: status.drafts.some((d) => d.channel === 'pressBriefing'),
        previews: modulePreviews(status.drafts.map((d) => d.channel)),
        errors,
        values: { headline: values.headline ?? b?.headline ?? '', keyMessages: values.keyMessages ?? b?.keyMessages.join('\n') ?? '', comment: values.comment ?? '' },
      }),
      errors.length ? 400 : 200,
    );
  }

  app.get('/approve/:token', async (c) => {
    const token = c.req.param('token');
    const loaded = await load(token);
    if (typeof loaded === 'string') return refuse(c, loaded);
    return page(c, token, loaded.record, loaded.status!);
  });

  // Drafts (images, post and briefing previews) of the token's own version only.
  app.get('/approve/:token/files/*', async (c) => {
    const token = c.req.param('token');
    const rest = c.req.path.split('/files/')[1] ?? '';
    if (!FILE_RE.test(rest) || rest.includes('..')) return refuse(c, 'unknown');
    const loaded = await load(token);
    if (typeof loaded === 'string') return refuse(c, loaded);
    const obj = await deps.store.get(`campaigns/${loaded.record.campaignId}/v${loaded.record.version}/${rest}`);
    if (!obj) return refuse(c, 'unknown');
    // Previews are framed by the approval page itself; scripts never run in them. Players seek by range.
    const sent = rangedBody(await previewBody(obj, (key) => deps.store.get(key)), c.req.header('Range'), { ...draftFileHeaders(obj.contentType, { media: isMediaPreviewFile(rest) }), 'Cache-Control': 'no-store' });
    return c.body(sent.body, sent.status, sent.headers);
  });

  app.post('/approve/:token', async (c) => {
    const token = c.req.param('token');
    if (!isTokenShaped(token)) return refuse(c, 'unknown');
    // An unknown, expired or used token is refused before the body is read.
    const record = await readTokenRecord(deps.store, hashToken(token));
    const early = tokenProblem(record, now());
    if (early) return refuse(c, early);
    const read = await readForm(c);
    if ('problem' in read) return bodyProblemPage(c, read.problem);
    const field = (name: string) => read.form.one(name);
    if (!csrfMatches(deps.secret, record!.tokenHash, field('csrf'))) return refuse(c, 'csrf');
    if (field('campaignId') !== record!.campaignId || field('version') !== String(record!.version)) return refuse(c, 'crossCampaign');
    const parsed = decisionFormSchema.safeParse({ decision: field('decision'), comment: field('comment'), headline: field('headline'), keyMessages: field('keyMessages') });
    const values = { headline: field('headline') ?? '', keyMessages: field('keyMessages') ?? '', comment: field('comment') ?? '' };
    const formErrors = !parsed.success
      ? parsed.error.issues.map((i) => i.message)
      : parsed.data.decision === 'requestChanges' && !parsed.data.comment
        ? ['Khi yêu cầu sửa, hãy ghi nhận xét cho người soạn.']
        : [];
    if (!parsed.success || formErrors.length) {
      // Only a form with mistakes needs the drafts again (a status query).
      const loaded = await load(token);
      if (typeof loaded === 'string') return refuse(c, loaded);
      return page(c, token, loaded.record, loaded.status!, formErrors, values);
    }
    const { decision, comment, headline, keyMessages } = parsed.data;
    const at = now();
    const asked = { version: record!.version, step: record!.step, approver: record!.approver };
    // Straight to the workflow: its update validator checks version, step, approver and that it
    // still waits; no status query first (under many approvals at once queries time out).
    let result;
    try {
      result = await deps.campaigns.decide(record!.workflowId, {
        ...asked,
        decision: decision as Decision,
        comment: comment || undefined,
        edits: decision === 'requestChanges' ? { headline: headline || undefined, keyMessages: keyMessages.length ? keyMessages : undefined } : undefined,
        at: at.toISOString(),
        tokenHash: record!.tokenHash,
      });
    } catch {
      c.header('Cache-Control', 'no-store');
      return c.html(renderPage('approval-problem', UNCONFIRMED_DECISION.title, UNCONFIRMED_DECISION), 503);
    }
    if (!result.ok) {
      if (result.reason === 'gone') return refuse(c, 'gone');
      // Refused: explain it as the page would have before sending (the state says why).
      const current = await deps.campaigns.status(record!.workflowId).catch(() => undefined);
      const why = refusalOf(current, asked);
      if (why === 'staleVersion' || why === 'closed') return refuse(c, why);
      c.header('Cache-Control', 'no-store');
      return c.html(renderPage('approval-problem', 'Không ghi nhận được quyết định', { title: 'Không ghi nhận được quyết định', text: result.message }), 409);
    }
    // The decision is recorded; a failure to mark the link used must not turn that into an
    // error (the workflow accepts one decision per step, and the same decision again is a no-op).
    await markTokenUsed(deps.store, record!, at).catch(() => undefined);
    c.header('Cache-Control', 'no-store');
    return c.html(
      renderPage('approval-done', 'Đã ghi nhận quyết định', {
        decision: decisionLabels[decision as Decision],
        approver: personLabel(await campaignPeople(deps.store, record!.campaignId, deps.editors ?? []), record!.approver),
        at: formatVnDateTime(at),
        version: record!.version,
        comment,
      }),
    );
  });

  return app;
}
