import { describe, expect, it, vi } from 'vitest';
import { campaignState, csrfOf, form, harness, signIn } from './harness.js';

const ID = campaignState().campaignId;
const decode = (html: string) => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

const pages = ['/', '/calendar', '/plans', '/plans/phuong-bac-kan-2026', '/campaigns', '/campaigns/new', `/campaigns/${ID}`, `/campaigns/${ID}/cancel`, '/schedules', '/reports', `/campaigns/${ID}/files/v1/infographic/social.png`];
const posts = ['/campaigns/new', `/campaigns/${ID}/decision`, `/campaigns/${ID}/cancel`, '/schedules/sched-x/pause', '/schedules/sched-x/trigger', '/sign-out'];

describe('every dashboard route needs a session', () => {
  it.each(pages)('GET %s → 303 to the sign-in page', async (path) => {
    const h = harness();
    const res = await h.app.request(path);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
  });

  it('GET status.json → 401 JSON', async () => {
    const h = harness();
    const res = await h.app.request(`/campaigns/${ID}/status.json`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Cần đăng nhập.' });
  });

  it.each(posts)('POST %s without a session → 303 to sign-in and nothing done', async (path) => {
    const h = harness();
    h.states.set(ID, campaignState());
    const res = await h.app.request(path, { method: 'POST', body: form({ decision: 'approve', version: '1', step: '1' }) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in');
    expect(h.decisions).toEqual([]);
    expect(h.cancelled).toEqual([]);
  });

  it('the status page moves to /system behind the sign-in; /healthz and the sign-in page stay public', async () => {
    const h = harness({ checkHealth: async () => [{ service: 'temporal', address: '10.20.0.7:7233', state: 'up', version: '1.29.1' }] });
    const res = await h.app.request('/system');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in?next=%2Fsystem');
    expect(await res.text()).not.toContain('10.20.0.7');
    expect(await (await h.app.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await h.app.request('/sign-in')).status).toBe(200);
  });

  it('a signed-in editor sees every service with its address, version and problem on /system', async () => {
    const h = harness({
      checkHealth: async () => [
        { service: 'temporal', address: '10.20.0.7:7233', state: 'up', version: '1.29.1', detail: 'namespace default' },
        { service: 'smtp', address: 'smtp://10.20.0.9:25', state: 'down', detail: 'connect ECONNREFUSED 10.20.0.9:25' },
      ],
    });
    const cookie = await signIn(h);
    const res = await h.app.request('/system', { headers: { Cookie: cookie } });
    expect(res.status).toBe(503);
    const html = await res.text();
    for (const text of ['Tình trạng hệ thống', 'Có dịch vụ đang ngừng', '10.20.0.7:7233', '1.29.1', 'Máy chủ thư (SMTP)', 'connect ECONNREFUSED 10.20.0.9:25']) expect(html).toContain(text);
    expect(html).toContain('Đăng xuất');
  });
});

describe('every POST needs the session CSRF value and a same-origin request', () => {
  it.each(posts)('POST %s without or with a wrong CSRF value → 403', async (path) => {
    const h = harness();
    h.states.set(ID, campaignState());
    const cookie = await signIn(h);
    const base = { decision: 'approve', version: '1', step: '1', plan: 'phuong-bac-kan-2026' };
    for (const body of [form(base), form({ ...base, csrf: 'sai' })]) {
      const res = await h.app.request(path, { method: 'POST', body, headers: { Cookie: cookie } });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('Yêu cầu bị từ chối');
    }
    expect(h.decisions).toEqual([]);
    expect(h.cancelled).toEqual([]);
    expect(h.started).toEqual([]);
  });

  it('another session’s CSRF value is refused', async () => {
    const h = harness();
    h.states.set(ID, campaignState());
    const mine = await signIn(h);
    const theirs = await signIn(h, 'lanhdao@example.org');
    const csrf = await csrfOf(h, theirs);
    const res = await h.app.request(`/campaigns/${ID}/decision`, { method: 'POST', body: form({ csrf, decision: 'approve', version: '1', step: '1' }), headers: { Cookie: mine } });
    expect(res.status).toBe(403);
  });

  it('a cross-origin POST is refused even with the right CSRF value', async () => {
    const h = harness();
    h.states.set(ID, campaignState());
    const cookie = await signIn(h);
    const csrf = await csrfOf(h, cookie);
    const res = await h.app.request(`/campaigns/${ID}/decision`, { method: 'POST', body: form({ csrf, decision: 'approve', version: '1', step: '1' }), headers: { Cookie: cookie, Origin: 'https://evil.example.com' } });
    expect(res.status).toBe(403);
    expect(h.decisions).toEqual([]);
  });
});

describe('pages for a signed-in editor', () => {
  it.each(pages.filter((p) => !p.includes('/files/')))('GET %s → 200, one h1, no-store and a strict CSP', async (path) => {
    const h = harness();
    h.states.set(ID, campaignState());
    const cookie = await signIn(h);
    const res = await h.app.request(path, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('href="#main"');
    expect(html).toContain('Đăng xuất');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'; /);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('home lists the occasions of the next 60 days with their tasks, and what waits for me', async () => {
    const h = harness({ now: new Date('2026-10-25T03:00:00Z') });
    h.states.set(ID, campaignState());
    h.states.set(`${ID}-x`, campaignState({ campaignId: `${ID}-x`, awaiting: ['lanhdao@example.org'] }));
    const cookie = await signIn(h);
    const html = decode(await (await h.app.request('/', { headers: { Cookie: cookie } })).text());
    expect(html).toContain('Chào Nguyễn Thu Biên');
    expect(html).toContain('Ngày Nhà giáo Việt Nam 20/11');
    expect(html).toContain('Thứ Sáu, 20/11/2026');
    expect(html).toContain('còn 26 ngày');
    expect(html).toContain('/campaigns/new?plan=phuong-bac-kan-2026&occasion=ngay-nha-giao-20-11&date=2026-11-20');
    const waiting = html.slice(html.indexOf('Chờ bạn quyết định'), html.indexOf('Sự kiện trong 60 ngày tới'));
    expect(waiting).toContain(`href="/campaigns/${ID}"`);
    expect(waiting).not.toContain(`${ID}-x`);
    // Outside the window: not on the home page, but on the 12-month calendar.
    expect(html).not.toContain('Ngày Khoa học và Công nghệ Việt Nam');
  });

  it('a waiting campaign whose worker never answers does not hold the home page; the others are still listed', async () => {
    const h = harness({ now: new Date('2026-10-25T03:00:00Z') });
    h.states.set(ID, campaignState());
    h.states.set(`${ID}-mat`, campaignState({ campaignId: `${ID}-mat` }));
    h.statusHangs.add(`${ID}-mat`);
    const cookie = await signIn(h);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let res: Response | undefined;
      void Promise.resolve(h.app.request('/', { headers: { Cookie: cookie } })).then((r) => (res = r));
      // The silent campaign stays silent for ever; the page must still be answered within the
      // few seconds (of the fake clock) it gives each campaign.
      for (let waited = 0; !res && waited < 10_000; waited += 250) {
        await new Promise((resolve) => setImmediate(resolve));
        await vi.advanceTimersByTimeAsync(250);
      }
      expect(res, 'the home page was held by the campaign that does not answer').toBeDefined();
      const html = decode(await res!.text());
      const waiting = html.slice(html.indexOf('Chờ bạn quyết định'), html.indexOf('Sự kiện trong 60 ngày tới'));
      expect(waiting).toContain(`href="/campaigns/${ID}"`);
      expect(waiting).not.toContain(`${ID}-mat`);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the plan page has targets, a task table and the campaigns each task has had', async () => {
    const h = harness();
    h.states.set(ID, campaignState());
    await h.store.put(`campaigns/${ID}/inputs/campaign.json`, JSON.stringify({ taskIds: ['pbk-ton-vinh'] }), { contentType: 'application/json' });
    const cookie = await signIn(h);
    const html = await (await h.app.request('/plans/phuong-bac-kan-2026', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('<th scope="col">Cơ quan chủ trì</th>');
    expect(html).toContain('Mục tiêu');
    const row = html.slice(html.indexOf('id="task-pbk-ton-vinh"'));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain(`href="/campaigns/${ID}"`);
    expect((await h.app.request('/plans/khong-co', { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await h.app.request('/plans/..%2Fetc', { headers: { Cookie: cookie } })).status).toBe(404);
  });

  it('unknown and malformed campaign ids are 404', async () => {
    const h = harness();
    const cookie = await signIn(h);
    expect((await h.app.request(`/campaigns/${ID}`, { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await h.app.request('/campaigns/not-a-campaign', { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await h.app.request('/campaigns/not-a-campaign/status.json', { headers: { Cookie: cookie } })).status).toBe(404);
  });
});
