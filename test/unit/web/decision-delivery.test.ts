/**
 * A decision goes straight to the workflow (no status query first: under many approvals at
 * once queries time out and approvers saw errors), and what the approver reads matches what
 * the workflow did: success only when it recorded the decision, the same Vietnamese reasons as
 * before when it refused, and never an error for a decision it recorded — when Temporal's
 * answer is lost, the page says the outcome is unknown, and pressing again confirms it without
 * recording twice. The fake gateway plays the workflow's update validator (harness.ts).
 */
import { describe, expect, it } from 'vitest';
import { issueToken } from '../../../infra/approval-tokens.js';
import { PreconditionFailedError } from '../../../infra/object-store.js';
import { visibleText } from '../../support/words.js';
import { campaignState, csrfOf, form, harness, signIn } from '../dashboard/harness.js';

const ID = campaignState().campaignId;
const PREFIX = `campaigns/${ID}`;
const BRIEF = { headline: 'Tri ân thầy cô', keyMessages: ['Tôn vinh nhà giáo.'], occasionName: 'Ngày Nhà giáo Việt Nam', occasionDate: '2026-11-20', planSymbol: '…/KH-UBND', issuer: 'UBND phường Bắc Kạn', issuerShort: 'UBND phường Bắc Kạn' };

describe('approval link: pressing a decision', () => {
  async function opened() {
    const h = harness();
    h.states.set(ID, campaignState());
    await h.store.put(`${PREFIX}/v1/brief.json`, JSON.stringify(BRIEF), { contentType: 'application/json' });
    const token = await issueToken(h.store, { campaignId: ID, workflowId: ID, version: 1, step: 1, approver: 'bientap@example.org', kind: 'request' }, 3_600_000, h.clock.now);
    const page = await (await h.app.request(`/approve/${token}`)).text();
    const fields = Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
    h.statusCalls.length = 0;
    const press = async (decision = 'approve') => {
      const res = await h.app.request(`/approve/${token}`, { method: 'POST', body: new URLSearchParams({ ...fields, decision }) });
      return { status: res.status, text: visibleText(await res.text()) };
    };
    return { h, press };
  }

  it('records the decision without asking the workflow for its status first', async () => {
    const { h, press } = await opened();
    const r = await press();
    expect(r.status).toBe(200);
    expect(r.text).toContain('Đã ghi nhận quyết định');
    expect(h.decisions.map((d) => d.d.decision)).toEqual(['approve']);
    expect(h.statusCalls).toEqual([]);
  });

  it('explains a refusal with the page’s own reasons: a newer version, a campaign already decided, a campaign gone', async () => {
    const stale = await opened();
    stale.h.states.set(ID, campaignState({ version: 2 }));
    const r1 = await stale.press();
    expect(r1.status).toBe(409);
    expect(r1.text).toContain('Bản nháp đã có phiên bản mới');
    expect(stale.h.decisions).toEqual([]);

    const closed = await opened();
    closed.h.states.set(ID, campaignState({ status: 'published', awaiting: [] }));
    const r2 = await closed.press();
    expect(r2.status).toBe(409);
    expect(r2.text).toContain('Chiến dịch không còn chờ phê duyệt');
    expect(r2.text).not.toContain('Đã ghi nhận quyết định');
    expect(closed.h.decisions).toEqual([]);

    const gone = await opened();
    gone.h.states.delete(ID);
    const r3 = await gone.press();
    expect(r3.status).toBe(410);
    expect(r3.text).toContain('Chiến dịch không còn chạy');
  });

  it('a decision already recorded by someone else is refused as decided, not shown as recorded', async () => {
    const { h, press } = await opened();
    h.states.set(ID, campaignState({ awaiting: ['bientap@example.org', 'lanhdao@example.org'], decisions: [{ version: 1, step: 1, approver: 'lanhdao@example.org', decision: 'reject', at: h.clock.now.toISOString() }] }));
    const r = await press();
    expect(r.status).toBe(409);
    expect(r.text).toContain('Chiến dịch không còn chờ phê duyệt');
    expect(h.decisions).toEqual([]);
  });

  it('when the answer is lost after the workflow recorded it, says so without an error, and pressing again confirms it once', async () => {
    const { h, press } = await opened();
    h.decideFaults.push('lostAnswer');
    const first = await press();
    expect(first.status).toBe(503);
    expect(first.text).toContain('Chưa xác nhận được quyết định');
    expect(first.text).not.toContain('Không ghi nhận được quyết định');
    const again = await press();
    expect(again.status).toBe(200);
    expect(again.text).toContain('Đã ghi nhận quyết định');
    expect(h.decisions).toHaveLength(1);
  });

  it('when Temporal does not answer at all, pressing again records the decision', async () => {
    const { h, press } = await opened();
    h.decideFaults.push('unavailable');
    expect((await press()).status).toBe(503);
    expect(h.decisions).toEqual([]);
    expect((await press()).status).toBe(200);
    expect(h.decisions).toHaveLength(1);
  });

  it('a recorded decision is shown as recorded even when the link cannot be marked used', async () => {
    const { h, press } = await opened();
    const put = h.store.put.bind(h.store);
    h.store.put = async (key, body, options) => {
      if (key.startsWith('approvals/tokens/')) throw new PreconditionFailedError(key);
      return put(key, body, options);
    };
    const r = await press();
    expect(r.status).toBe(200);
    expect(r.text).toContain('Đã ghi nhận quyết định');
    expect(h.decisions).toHaveLength(1);
  });
});

describe('dashboard: pressing a decision', () => {
  async function signedIn(email?: string) {
    const h = harness();
    h.states.set(ID, campaignState());
    await h.store.put(`${PREFIX}/v1/brief.json`, JSON.stringify(BRIEF), { contentType: 'application/json' });
    // As the worker records it when preparing: the access check reads the campaign's unit from it.
    await h.store.put(`${PREFIX}/inputs/campaign.json`, JSON.stringify({ campaignId: ID, planId: campaignState().planId }), { contentType: 'application/json' });
    const cookie = await signIn(h, email);
    const csrf = await csrfOf(h, cookie);
    h.statusCalls.length = 0;
    const press = (decision = 'approve') => h.app.request(`/campaigns/${ID}/decision`, { method: 'POST', body: form({ csrf, version: '1', step: '1', decision }), headers: { Cookie: cookie } });
    return { h, press };
  }

  it('records the decision without asking the workflow for its status first', async () => {
    const { h, press } = await signedIn();
    const res = await press();
    expect(res.status).toBe(303);
    expect(h.decisions.map((d) => d.d.approver)).toEqual(['bientap@example.org']);
    expect(h.statusCalls).toEqual([]);
  });

  it('explains a refusal as before: the campaign moved on, or the person is not an approver of the step', async () => {
    const moved = await signedIn();
    moved.h.states.set(ID, campaignState({ status: 'published', awaiting: [] }));
    const r1 = await moved.press();
    expect(r1.status).toBe(409);
    expect(visibleText(await r1.text())).toContain('Chiến dịch đã sang phiên bản, bước duyệt hoặc trạng thái khác');
    const outsider = await signedIn('lanhdao@example.org');
    const r2 = await outsider.press();
    expect(r2.status).toBe(409);
    expect(visibleText(await r2.text())).toContain('Bạn không phải người duyệt của bước này.');
    expect([...moved.h.decisions, ...outsider.h.decisions]).toEqual([]);
  });

  it('when the answer is lost after the workflow recorded it, pressing again confirms it once', async () => {
    const { h, press } = await signedIn();
    h.decideFaults.push('lostAnswer');
    const first = await press();
    expect(first.status).toBe(503);
    expect(visibleText(await first.text())).toContain('Chưa xác nhận được quyết định');
    const again = await press();
    expect(again.status).toBe(303);
    expect(h.decisions).toHaveLength(1);
  });
});
