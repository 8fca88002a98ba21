/**
 * A channel module's draft where people decide: the approval email lists it by its label, the
 * approval page and the dashboard's campaign page show its own preview, and the start form
 * offers it among the channels.
 */
import { describe, expect, it } from 'vitest';
import { createApprovalActivities } from '../../../activities/campaign/approval.js';
import type { ActivityDeps } from '../../../activities/deps.js';
import { qaPreviewHtml } from '../../../channels/qa-set/render.js';
import { issueToken } from '../../../infra/approval-tokens.js';
import { INTERNAL_WORDS, visibleText } from '../../support/words.js';
import { campaignState, EDITORS, harness, signIn } from '../dashboard/harness.js';

const ID = campaignState().campaignId;
const PREFIX = `campaigns/${ID}`;
const BRIEF = { headline: 'Tri ân thầy cô', keyMessages: ['Tôn vinh nhà giáo.'], occasionName: 'Ngày Nhà giáo Việt Nam', occasionDate: '2026-11-20', planSymbol: '…/KH-UBND', issuer: 'Ủy ban nhân dân phường Bắc Kạn', issuerShort: 'UBND phường Bắc Kạn' };
const QA = [{ question: 'Kế hoạch số …/KH-UBND do cơ quan nào ban hành?', answer: 'Ủy ban nhân dân phường Bắc Kạn ban hành.', source: 'issued' }];

async function setup() {
  const h = harness();
  h.states.set(
    ID,
    campaignState({
      channels: [{ channel: 'qaSet', state: 'drafted', version: 1 }],
      drafts: [{ channel: 'qaSet', keys: [`${PREFIX}/v1/qa/preview.html`], summary: '1 câu hỏi - đáp, tệp Word, đoạn đọc trên loa 40 giây', problems: [] }],
    }),
  );
  await h.store.put(`${PREFIX}/v1/brief.json`, JSON.stringify(BRIEF), { contentType: 'application/json' });
  await h.store.put(`${PREFIX}/v1/qa/preview.html`, qaPreviewHtml(BRIEF, QA), { contentType: 'text/html; charset=utf-8' });
  await h.store.put(`${PREFIX}/inputs/localities.json`, '[]', { contentType: 'application/json' });
  return h;
}

describe('Q&A set previews', () => {
  it('the approval email names the channel by its label', async () => {
    const h = await setup();
    const sent: { text: string; html: string }[] = [];
    const mailer = { sendMail: async (m: { text: string; html: string }) => void sent.push(m) } as unknown as ActivityDeps['mailer'];
    const { sendApprovalRequests } = createApprovalActivities({ store: h.store, mailer, endpoints: h.endpoints, editors: EDITORS });
    await sendApprovalRequests({ campaignId: ID, workflowId: ID, version: 1, step: 1, steps: 1, approvers: ['bientap@example.org'], kind: 'request', round: 0, tokenTtlMs: 3_600_000, drafts: ['qaSet: 18 câu hỏi - đáp, tệp Word, đoạn đọc trên loa 3 phút'] });
    for (const body of [sent[0]!.text, visibleText(sent[0]!.html)]) {
      expect(body).toContain('Bộ câu hỏi - đáp: 18 câu hỏi - đáp, tệp Word, đoạn đọc trên loa 3 phút');
      expect(body).not.toContain('qaSet');
    }
  });

  it('the approval page frames the set and serves it to the frame', async () => {
    const h = await setup();
    const token = await issueToken(h.store, { campaignId: ID, workflowId: ID, version: 1, step: 1, approver: 'bientap@example.org', kind: 'request' }, 3_600_000, h.clock.now);
    const html = await (await h.app.request(`/approve/${token}`)).text();
    expect(html).toContain(`<h3>Bộ câu hỏi - đáp</h3><iframe title="Xem trước: Bộ câu hỏi - đáp" sandbox src="/approve/${token}/files/qa/preview.html"`);
    expect(visibleText(html)).not.toMatch(INTERNAL_WORDS);
    const frame = await h.app.request(`/approve/${token}/files/qa/preview.html`);
    expect(frame.status).toBe(200);
    expect(await frame.text()).toContain('<dt>Câu 1. Kế hoạch số …/KH-UBND do cơ quan nào ban hành?</dt>');
  });

  it('the campaign page frames the set from the dashboard file route, and the start form offers it', async () => {
    const h = await setup();
    const cookie = await signIn(h);
    const html = await (await h.app.request(`/campaigns/${ID}`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain(`<h3>Bộ câu hỏi - đáp</h3><iframe title="Xem trước: Bộ câu hỏi - đáp" sandbox src="/campaigns/${ID}/files/v1/qa/preview.html"`);
    expect(html).toContain('<tr data-channel="qaSet"><th scope="row">Bộ câu hỏi - đáp</th>');
    const file = await h.app.request(`/campaigns/${ID}/files/v1/qa/preview.html`, { headers: { Cookie: cookie } });
    expect(file.status).toBe(200);
    const form = await (await h.app.request('/campaigns/new?plan=phuong-bac-kan-2026&occasion=ngay-nha-giao-20-11', { headers: { Cookie: cookie } })).text();
    expect(form).toMatch(/value="qaSet"(?![^>]*checked)[^>]*>/);
    expect(visibleText(form)).toContain('Bộ câu hỏi - đáp');
  });
});
