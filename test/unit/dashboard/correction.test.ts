import { describe, expect, it } from 'vitest';
import { DirectoryStore, loadSampleUnits } from '../../../infra/directory-store.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { csrfOf, form, harness, signIn } from './harness.js';

const now = new Date('2026-12-01T03:00:00Z');

describe('urgent corrections on the dashboard', () => {
  async function setup() {
    const store = new MemoryObjectStore();
    await new DirectoryStore(store).seed(await loadSampleUnits());
    const h = harness({ now, store });
    const cookie = await signIn(h);
    return { h, cookie, csrf: await csrfOf(h, cookie) };
  }
  const valid = {
    plan: 'phuong-bac-kan-2026',
    headline: 'Không cắt nước toàn phường',
    claim: 'Toàn phường sẽ bị cắt nước ba ngày từ mai',
    facts: 'Chỉ tổ dân phố số 2 tạm ngừng cấp nước 4 giờ sáng 02/12/2026\nCác khu vực khác cấp nước bình thường',
    source: 'Ủy ban nhân dân phường Bắc Kạn, Thông báo số 12/TB-UBND',
    sourceUrl: '',
    approver: 'bientap@example.org',
    channels: ['loudspeaker', 'webPortal'],
  };

  it('the form labels every field, and the campaigns page links to it', async () => {
    const { h, cookie } = await setup();
    const html = await (await h.app.request('/corrections/new', { headers: { Cookie: cookie } })).text();
    const ids = [...html.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids).toEqual(expect.arrayContaining(['plan', 'headline', 'claim', 'facts', 'source', 'sourceUrl', 'approverOther', 'channel-loudspeaker', 'channel-social']));
    for (const id of ids) expect(html, id).toContain(`<label for="${id}"`);
    expect(await (await h.app.request('/campaigns', { headers: { Cookie: cookie } })).text()).toContain('href="/corrections/new"');
  });

  it('starts a correction with one approver, the 15/30-minute timing, every fact a line, and goes to its page', async () => {
    const { h, cookie, csrf } = await setup();
    const res = await h.app.request('/corrections/new', { method: 'POST', body: form({ ...valid, csrf }), headers: { Cookie: cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/campaigns\/campaign-phuong-bac-kan-2026-dinh-chinh-2026-[a-z0-9]+\?ok=started$/);
    expect(h.started).toHaveLength(1);
    expect(h.started[0]).toMatchObject({
      occasionId: 'dinh-chinh',
      channels: ['loudspeaker', 'webPortal'],
      approvers: ['bientap@example.org'],
      reminderAfterMs: 15 * 60_000,
      escalateAfterMs: 30 * 60_000,
      startedBy: 'bientap@example.org',
      correction: { headline: 'Không cắt nước toàn phường', facts: ['Chỉ tổ dân phố số 2 tạm ngừng cấp nước 4 giờ sáng 02/12/2026', 'Các khu vực khác cấp nước bình thường'] },
    });
  });

  it('puts each problem beside its field and keeps what was typed', async () => {
    const { h, cookie, csrf } = await setup();
    const res = await h.app.request('/corrections/new', { method: 'POST', body: form({ ...valid, csrf, headline: 'x'.repeat(61), facts: '', approver: '', approverOther: 'khong-phai-email' }), headers: { Cookie: cookie } });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const id of ['headline', 'facts', 'approver']) expect(html, id).toContain(`id="${id}-error"`);
    expect(html).toContain('Tiêu đề đính chính: tiêu đề đính chính dài quá 60 ký tự');
    expect(html).toContain('value="khong-phai-email"');
    expect(html).toContain('Toàn phường sẽ bị cắt nước ba ngày từ mai');
    expect(h.started).toHaveLength(0);
  });

  it('refuses a ward editor speaking for another unit, and offers only the ward’s own plan', async () => {
    const { h } = await setup();
    const cookie = await signIn(h, 'bientap.vhxh@example.org');
    const csrf = await csrfOf(h, cookie);
    const html = await (await h.app.request('/corrections/new', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('value="phuong-bac-kan-2026"');
    expect(html).not.toContain('value="lang-son-62-kh-ubnd-2026"');
    // The ward's own people are offered as the approver, by name.
    expect(html).toContain('Lê Văn Đạo (Lãnh đạo');
    const res = await h.app.request('/corrections/new', { method: 'POST', body: form({ ...valid, csrf, plan: 'lang-son-62-kh-ubnd-2026' }), headers: { Cookie: cookie } });
    expect(res.status).toBe(403);
    expect(h.started).toHaveLength(0);
  });
});
