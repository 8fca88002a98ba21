import { describe, expect, it } from 'vitest';
import sharp from '../../../render/sharp.js';
import { INTERNAL_WORDS, visibleText } from '../../support/words.js';
import { campaignState, csrfOf, form, harness, signIn } from './harness.js';

const ID = campaignState().campaignId;
const PREFIX = `campaigns/${ID}`;

async function setup(email?: string) {
  const h = harness();
  h.states.set(ID, campaignState());
  await h.store.put(`${PREFIX}/v1/brief.json`, JSON.stringify({ headline: 'Tri ân thầy cô', keyMessages: ['Tôn vinh nhà giáo.'], occasionName: 'Ngày Nhà giáo Việt Nam', occasionDate: '2026-11-20', planSymbol: '…/KH-UBND', issuerShort: 'UBND phường Bắc Kạn' }), { contentType: 'application/json' });
  await h.store.put(`${PREFIX}/v1/infographic/social.png`, Buffer.from([0x89, 0x50, 0x4e, 0x47]), { contentType: 'image/png' });
  await h.store.put(`${PREFIX}/v1/infographic/social.webp`, Buffer.from('webp'), { contentType: 'image/webp' });
  await h.store.put(`${PREFIX}/v1/loudspeaker/phuong-bac-kan.txt`, 'Đây là Đài truyền thanh phường Bắc Kạn.', { contentType: 'text/plain; charset=utf-8' });
  await h.store.put(
    `${PREFIX}/v1/loudspeaker/phuong-bac-kan.json`,
    JSON.stringify({ localityName: 'Phường Bắc Kạn', station: 'Đài truyền thanh phường Bắc Kạn', slot: { label: 'Buổi sáng', start: '05:30', durationMinutes: 30 }, durationSeconds: 135, spareSeconds: 1665, priorityLabel: 'ưu tiên' }),
    { contentType: 'application/json' },
  );
  await h.store.put(`${PREFIX}/inputs/localities.json`, '[]', { contentType: 'application/json' });
  const cookie = await signIn(h, email);
  return { h, cookie, csrf: await csrfOf(h, cookie) };
}

describe('campaign page', () => {
  it('shows live status per channel, the drafts with the script’s reading time, history and the decision form', async () => {
    const { h, cookie } = await setup();
    const html = await (await h.app.request(`/campaigns/${ID}`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain('<h1>Ngày Nhà giáo Việt Nam 20/11/2026</h1>');
    expect(html).toMatch(/aria-live="polite"[^>]*>Trạng thái: <span id="status-label" class="badge s-awaitingApproval">Chờ phê duyệt<\/span>/);
    expect(html).toContain('<tr data-channel="loudspeaker"><th scope="row">Truyền thanh cơ sở</th>');
    expect(html).toContain(`src="/campaigns/${ID}/files/v1/infographic/social.png"`);
    expect(html).not.toContain('social.webp');
    expect(html).toContain('thời lượng đọc khoảng <strong>2 phút 15 giây</strong>');
    expect(html).toContain('Đây là Đài truyền thanh phường Bắc Kạn.');
    expect(html).not.toContain('<iframe');
    expect(html).toContain('value="approve" class="primary">Phê duyệt</button>');
    expect(html).toContain(`data-status-url="/campaigns/${ID}/status.json"`);
    expect(html).toMatch(/<script nonce="[^"]+">/);
  });

  it('shows the decision form only to the people the current step waits for', async () => {
    const { h, cookie } = await setup('lanhdao@example.org');
    const html = await (await h.app.request(`/campaigns/${ID}`, { headers: { Cookie: cookie } })).text();
    expect(html).not.toContain('name="decision"');
    expect(html).toContain('Đang chờ Nguyễn Thu Biên (bientap@example.org) quyết định.');
  });

  it('status.json carries the status and every channel with Vietnamese labels', async () => {
    const { h, cookie } = await setup();
    const res = await h.app.request(`/campaigns/${ID}/status.json`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { status: string; statusLabel: string; terminal: boolean; channels: { channel: string; stateLabel: string }[] };
    expect(body).toMatchObject({ status: 'awaitingApproval', statusLabel: 'Chờ phê duyệt', terminal: false });
    expect(body.channels.map((c) => [c.channel, c.stateLabel])).toEqual([
      ['infographic', 'Đã soạn'],
      ['loudspeaker', 'Đã soạn'],
    ]);
  });

  it('names channels, templates, decisions and people by labels, never by internal ids', async () => {
    const { h, cookie } = await setup();
    h.states.set(
      ID,
      campaignState({
        status: 'awaitingApproval',
        version: 2,
        decisions: [{ version: 1, step: 1, approver: 'lanhdao@example.org', decision: 'requestChanges', comment: 'Thêm ảnh.', at: '2026-10-20T02:00:00.000Z' }],
        events: [
          { at: '2026-10-20T01:00:00.000Z', kind: 'approvalRequested', text: 'Đã gửi yêu cầu phê duyệt (bước 1/1) tới bientap@example.org' },
          { at: '2026-10-20T02:00:00.000Z', kind: 'requestChanges', text: 'lanhdao@example.org: requestChanges — Thêm ảnh.' },
          { at: '2026-10-20T03:00:00.000Z', kind: 'published', text: 'Đã đăng loudspeaker: 5 đơn vị' },
        ],
      }),
    );
    await h.store.put(`${PREFIX}/v2/infographic/social.png`, Buffer.from([0x89, 0x50, 0x4e, 0x47]), { contentType: 'image/png' });
    const html = await (await h.app.request(`/campaigns/${ID}`, { headers: { Cookie: cookie } })).text();
    const text = visibleText(html);
    expect(text).toContain('Chiến dịch › Ngày Nhà giáo Việt Nam 20/11/2026');
    expect(text).not.toContain(ID);
    expect(text).toContain('Thẻ mạng xã hội vuông');
    expect(text).toContain('Đã gửi yêu cầu phê duyệt (bước 1/1) tới Nguyễn Thu Biên (bientap@example.org)');
    expect(text).toContain('Lê Văn Đạo (lanhdao@example.org): yêu cầu sửa — Thêm ảnh.');
    expect(text).toContain('Đã đăng truyền thanh cơ sở: 5 đơn vị');
    expect(html).toMatch(/<th scope="row">Lê Văn Đạo \(lanhdao@example.org\)<\/th><td data-label="Quyết định">Yêu cầu sửa<\/td>/);
    expect(text).not.toMatch(INTERNAL_WORDS);

    const cancel = visibleText(await (await h.app.request(`/campaigns/${ID}/cancel`, { headers: { Cookie: cookie } })).text());
    expect(cancel).toContain('Chiến dịch Ngày Nhà giáo Việt Nam 20/11/2026 đang ở trạng thái Chờ phê duyệt');
    expect(cancel).not.toContain(ID);
  });

  it('serves the web post preview with its image embedded, so the sandboxed frame needs no signed-in request', async () => {
    const { h, cookie } = await setup();
    const png = await sharp({ create: { width: 1080, height: 1080, channels: 3, background: '#a4161a' } }).png().toBuffer();
    await h.store.put(`${PREFIX}/v1/post/infographic.png`, png, { contentType: 'image/png' });
    await h.store.put(`${PREFIX}/v1/post/index.html`, '<!DOCTYPE html><html lang="vi"><body><figure><img src="infographic.png" alt="Đồ họa" width="1080" height="1080"></figure><img src="thieu.png" alt="Không có"></body></html>', {
      contentType: 'text/html; charset=utf-8',
    });
    const res = await h.app.request(`/campaigns/${ID}/files/v1/post/index.html`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    // Strict: nothing is fetched but embedded data, scripts never run, only our pages frame it.
    expect(csp).toContain("img-src data:;");
    expect(csp).toContain('sandbox');
    expect(csp).toContain("frame-ancestors 'self'");
    const html = await res.text();
    const src = /<img src="([^"]+)" alt="Đồ họa"/.exec(html)?.[1] ?? '';
    expect(src.startsWith('data:image/webp;base64,')).toBe(true);
    const embedded = await sharp(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64')).metadata();
    // Shrunk to preview size: the page stays light.
    expect(embedded).toMatchObject({ format: 'webp', width: 960, height: 960 });
    // A name that is not an image of the folder stays as it was.
    expect(html).toContain('<img src="thieu.png" alt="Không có">');
  });

  it('serves draft files of the campaign only, framable by its own pages and sandboxed', async () => {
    const { h, cookie } = await setup();
    const res = await h.app.request(`/campaigns/${ID}/files/v1/infographic/social.png`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    for (const bad of ['inputs/localities.json', 'v1/inputs/localities.json', 'v1/infographic/../../inputs/localities.json', 'v1/infographic/%2e%2e/x.png', 'v1/loudspeaker/PHUONG.txt']) {
      expect((await h.app.request(`/campaigns/${ID}/files/${bad}`, { headers: { Cookie: cookie } })).status, bad).toBe(404);
    }
  });
});

describe('decisions from the dashboard', () => {
  it('approve goes to the workflow with the signed-in person as approver', async () => {
    const { h, cookie, csrf } = await setup();
    const res = await h.app.request(`/campaigns/${ID}/decision`, { method: 'POST', body: form({ csrf, version: '1', step: '1', decision: 'approve' }), headers: { Cookie: cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/campaigns/${ID}?ok=approve`);
    expect(h.decisions).toEqual([{ id: ID, d: { version: 1, step: 1, approver: 'bientap@example.org', decision: 'approve', at: h.clock.now.toISOString() } }]);
  });

  it('request changes needs a comment and carries the edits', async () => {
    const { h, cookie, csrf } = await setup();
    const missing = await h.app.request(`/campaigns/${ID}/decision`, { method: 'POST', body: form({ csrf, version: '1', step: '1', decision: 'requestChanges', headline: 'Mới' }), headers: { Cookie: cookie } });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('hãy ghi nhận xét');
    const ok = await h.app.request(`/campaigns/${ID}/decision`, {
      method: 'POST',
      body: form({ csrf, version: '1', step: '1', decision: 'requestChanges', comment: 'Nhấn mạnh vai trò nhà giáo.', headline: 'Tri ân thầy cô', keyMessages: 'Một.\n\nHai.' }),
      headers: { Cookie: cookie },
    });
    expect(ok.status).toBe(303);
    expect(h.decisions[0]!.d).toMatchObject({ decision: 'requestChanges', comment: 'Nhấn mạnh vai trò nhà giáo.', edits: { headline: 'Tri ân thầy cô', keyMessages: ['Một.', 'Hai.'] } });
  });

  it('refuses people the step does not wait for, and forms for an old version or step', async () => {
    const other = await setup('lanhdao@example.org');
    const res = await other.h.app.request(`/campaigns/${ID}/decision`, { method: 'POST', body: form({ csrf: other.csrf, version: '1', step: '1', decision: 'approve' }), headers: { Cookie: other.cookie } });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Bạn không phải người duyệt của bước này.');
    const { h, cookie, csrf } = await setup();
    h.states.set(ID, campaignState({ version: 2 }));
    const stale = await h.app.request(`/campaigns/${ID}/decision`, { method: 'POST', body: form({ csrf, version: '1', step: '1', decision: 'approve' }), headers: { Cookie: cookie } });
    expect(stale.status).toBe(409);
    expect(h.decisions).toEqual([]);
    expect(other.h.decisions).toEqual([]);
  });
});

describe('cancelling', () => {
  it('asks for confirmation on a page, then cancels on POST', async () => {
    const { h, cookie, csrf } = await setup();
    const confirm = await h.app.request(`/campaigns/${ID}/cancel`, { headers: { Cookie: cookie } });
    expect(await confirm.text()).toContain('<h1>Hủy chiến dịch?</h1>');
    expect(h.cancelled).toEqual([]);
    const res = await h.app.request(`/campaigns/${ID}/cancel`, { method: 'POST', body: form({ csrf }), headers: { Cookie: cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/campaigns/${ID}?ok=cancelled`);
    expect(h.cancelled).toEqual([ID]);
  });

  it('does nothing for a campaign that has ended', async () => {
    const { h, cookie, csrf } = await setup();
    h.states.set(ID, campaignState({ status: 'published', awaiting: [] }));
    const res = await h.app.request(`/campaigns/${ID}/cancel`, { method: 'POST', body: form({ csrf }), headers: { Cookie: cookie } });
    expect(res.status).toBe(303);
    expect(h.cancelled).toEqual([]);
  });
});
