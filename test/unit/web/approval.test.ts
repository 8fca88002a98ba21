/**
 * What a leader reads when asked to approve: the approval email (text and HTML) and the
 * approval page reached with its token. People are greeted by name, channels, templates and
 * notes are named by their Vietnamese labels, and the previews need no session.
 */
import { describe, expect, it } from 'vitest';
import { createApprovalActivities } from '../../../activities/campaign/approval.js';
import type { ActivityDeps } from '../../../activities/deps.js';
import { issueToken } from '../../../infra/approval-tokens.js';
import sharp from '../../../render/sharp.js';
import { INTERNAL_WORDS, visibleText } from '../../support/words.js';
import { campaignState, EDITORS, harness } from '../dashboard/harness.js';

const ID = campaignState().campaignId;
const PREFIX = `campaigns/${ID}`;
const BRIEF = {
  headline: 'Tri ân thầy cô',
  keyMessages: ['Tôn vinh nhà giáo.'],
  occasionName: 'Ngày Nhà giáo Việt Nam',
  occasionDate: '2026-11-20',
  planSymbol: '…/KH-UBND',
  issuer: 'Ủy ban nhân dân phường Bắc Kạn',
  issuerShort: 'UBND phường Bắc Kạn',
};
// Lines as the campaign workflow writes them: `<channel id>: <summary>`.
const DRAFT_LINES = [
  'infographic: 4 mẫu infographic (PNG và WebP); Thẻ mạng xã hội vuông: đã rút gọn thông điệp chính cho vừa khung',
  'webPortal: bài 120 từ, HTML hợp lệ',
  'pressBriefing: thư "[Thông cáo báo chí] Ngày Nhà giáo Việt Nam 20/11" gửi 6 phóng viên',
  'loudspeaker: 1 kịch bản, tổng 3 phút đọc',
];

async function approvalEmail(approver: string) {
  const h = harness();
  await h.store.put(`${PREFIX}/v1/brief.json`, JSON.stringify(BRIEF), { contentType: 'application/json' });
  const sent: { text: string; html: string }[] = [];
  const mailer = { sendMail: async (m: { text: string; html: string }) => void sent.push(m) } as unknown as ActivityDeps['mailer'];
  const { sendApprovalRequests } = createApprovalActivities({ store: h.store, mailer, endpoints: h.endpoints, editors: EDITORS });
  await sendApprovalRequests({ campaignId: ID, workflowId: ID, version: 1, step: 1, steps: 1, approvers: [approver], kind: 'request', round: 0, tokenTtlMs: 3_600_000, drafts: DRAFT_LINES });
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

describe('approval email', () => {
  it('greets a person of the editor list by name and lists the drafts by channel label', async () => {
    const mail = await approvalEmail('bientap@example.org');
    for (const body of [mail.text, visibleText(mail.html)]) {
      expect(body).toContain('Kính gửi Nguyễn Thu Biên,');
      expect(body).not.toContain('Kính gửi bientap@example.org');
      expect(body).toContain('Infographic: 4 mẫu infographic (PNG và WebP); Thẻ mạng xã hội vuông: đã rút gọn thông điệp chính cho vừa khung');
      expect(body).toContain('Bài đăng cổng thông tin: bài 120 từ, HTML hợp lệ');
      expect(body).toContain('Thông tin cho báo chí: thư');
      expect(body).toContain('Truyền thanh cơ sở: 1 kịch bản, tổng 3 phút đọc');
      expect(body).toContain('Liên kết dành riêng cho Nguyễn Thu Biên (bientap@example.org)');
      expect(visibleText(body)).not.toMatch(INTERNAL_WORDS);
    }
  });

  it('greets by address only when the editor list has no name for it', async () => {
    const mail = await approvalEmail('khach@example.org');
    expect(mail.text).toContain('Kính gửi khach@example.org,');
    expect(mail.text).toContain('Liên kết dành riêng cho khach@example.org,');
  });
});

describe('approval page', () => {
  async function setup() {
    const h = harness();
    const state = campaignState({
      channels: ['infographic', 'webPortal', 'pressBriefing', 'loudspeaker'].map((channel) => ({ channel: channel as 'infographic', state: 'drafted' as const, version: 1 })),
      drafts: [
        { channel: 'infographic', keys: [`${PREFIX}/v1/infographic/social.png`, `${PREFIX}/v1/infographic/eboard.png`], summary: '2 mẫu infographic (PNG và WebP)', problems: [] },
        { channel: 'webPortal', keys: [`${PREFIX}/v1/post/index.html`], summary: 'bài 120 từ, HTML hợp lệ', problems: [] },
        { channel: 'pressBriefing', keys: [`${PREFIX}/v1/briefing/preview.html`], summary: 'thư gửi 6 phóng viên', problems: [] },
        { channel: 'loudspeaker', keys: [`${PREFIX}/v1/loudspeaker/phuong-bac-kan.txt`], summary: '1 kịch bản, tổng 3 phút đọc', problems: [] },
      ],
    });
    h.states.set(ID, state);
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#a4161a' } }).png().toBuffer();
    await h.store.put(`${PREFIX}/v1/brief.json`, JSON.stringify(BRIEF), { contentType: 'application/json' });
    for (const t of ['social', 'eboard']) await h.store.put(`${PREFIX}/v1/infographic/${t}.png`, png, { contentType: 'image/png' });
    await h.store.put(`${PREFIX}/v1/post/infographic.png`, png, { contentType: 'image/png' });
    await h.store.put(`${PREFIX}/v1/post/index.html`, '<!DOCTYPE html><html lang="vi"><body><img src="infographic.png" alt="Đồ họa"></body></html>', { contentType: 'text/html; charset=utf-8' });
    await h.store.put(`${PREFIX}/v1/loudspeaker/phuong-bac-kan.txt`, 'Đây là Đài truyền thanh phường Bắc Kạn.', { contentType: 'text/plain; charset=utf-8' });
    const token = await issueToken(h.store, { campaignId: ID, workflowId: ID, version: 1, step: 1, approver: 'bientap@example.org', kind: 'request' }, 3_600_000, h.clock.now);
    return { h, token };
  }

  it('names the approver, the channels and the infographic templates by their labels', async () => {
    const { h, token } = await setup();
    const res = await h.app.request(`/approve/${token}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = visibleText(html);
    expect(text).toContain('người duyệt: Nguyễn Thu Biên (bientap@example.org)');
    expect(text).toContain('Bài đăng cổng thông tin: bài 120 từ, HTML hợp lệ');
    expect(text).toContain('Thẻ mạng xã hội vuông');
    expect(text).toContain('Trình chiếu bảng tin điện tử (ngang)');
    expect(html).toContain('alt="Bản nháp infographic, mẫu Thẻ mạng xã hội vuông: Tri ân thầy cô"');
    expect(text).not.toMatch(INTERNAL_WORDS);
  });

  it('serves the post preview with its image embedded: the sandboxed frame needs no request', async () => {
    const { h, token } = await setup();
    const res = await h.app.request(`/approve/${token}/files/post/index.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'; img-src data:;");
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    const src = /<img src="([^"]+)"/.exec(await res.text())?.[1] ?? '';
    expect(src).toMatch(/^data:image\/webp;base64,/);
    expect(await sharp(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64')).metadata()).toMatchObject({ width: 960, height: 640 });
  });

  it('names the approver on the page that confirms the decision', async () => {
    const { h, token } = await setup();
    const page = await (await h.app.request(`/approve/${token}`)).text();
    const fields = Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
    const res = await h.app.request(`/approve/${token}`, { method: 'POST', body: new URLSearchParams({ ...fields, decision: 'approve' }) });
    expect(res.status).toBe(200);
    expect(visibleText(await res.text())).toContain('Phê duyệt — Nguyễn Thu Biên (bientap@example.org), lúc');
  });
});
