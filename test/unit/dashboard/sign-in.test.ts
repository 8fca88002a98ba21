import { describe, expect, it } from 'vitest';
import { createSession, hashToken, readSession, safeNext, signInKey } from '../../../web/dashboard/auth.js';
import { cookiesOf, EDITORS, form, harness, hidden, requestLink, SECRET, signIn } from './harness.js';

describe('sign-in by emailed link', () => {
  it('sends a link only to accounts in the list, with the same neutral page for everyone', async () => {
    const h = harness();
    const token = await requestLink(h, 'BienTap@example.org');
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.to).toBe('bientap@example.org');
    expect(h.sent[0]!.subject).toBe('Liên kết đăng nhập bảng điều khiển truyền thông');
    expect(h.sent[0]!.text).toContain('Kính gửi Nguyễn Thu Biên');
    // Only the hash is stored, with an expiry 15 minutes out.
    const keys = [...h.store.objects.keys()].filter((k) => k.startsWith('auth/tokens/'));
    expect(keys).toEqual([signInKey(hashToken(token))]);
    expect(keys[0]).not.toContain(token);
    const record = JSON.parse(h.store.objects.get(keys[0]!)!.body.toString('utf8')) as { expiresAt: string; email: string };
    expect(Date.parse(record.expiresAt) - h.clock.now.getTime()).toBe(15 * 60_000);

    const page = await h.app.request('/sign-in');
    const nonce = cookiesOf(page).campaign_signin!;
    const csrf = hidden(await page.text(), 'csrf')!;
    const unknown = await h.app.request('/sign-in', { method: 'POST', body: form({ csrf, email: 'la@example.org' }), headers: { Cookie: `campaign_signin=${nonce}` } });
    const known = await h.app.request('/sign-in', { method: 'POST', body: form({ csrf, email: 'lanhdao@example.org' }), headers: { Cookie: `campaign_signin=${nonce}` } });
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(200);
    const strip = (s: string) => s.replace(/<strong>[^<]*<\/strong>/, '').replace(/nonce-[^;]+|value="[^"]*"/g, '');
    expect(strip(await unknown.text())).toBe(strip(await known.text()));
    await h.mailCount(2);
    expect(h.sent.map((m) => m.to)).toEqual(['bientap@example.org', 'lanhdao@example.org']);
  });

  it('refuses the link request without the form value, from another origin, or with a bad address', async () => {
    const h = harness();
    const page = await h.app.request('/sign-in');
    const nonce = cookiesOf(page).campaign_signin!;
    const csrf = hidden(await page.text(), 'csrf')!;
    const cookie = { Cookie: `campaign_signin=${nonce}` };
    expect((await h.app.request('/sign-in', { method: 'POST', body: form({ email: 'bientap@example.org' }), headers: cookie })).status).toBe(403);
    expect((await h.app.request('/sign-in', { method: 'POST', body: form({ csrf, email: 'bientap@example.org' }) })).status).toBe(403);
    expect((await h.app.request('/sign-in', { method: 'POST', body: form({ csrf, email: 'bientap@example.org' }), headers: { ...cookie, Origin: 'https://evil.example.com' } })).status).toBe(403);
    const bad = await h.app.request('/sign-in', { method: 'POST', body: form({ csrf, email: 'không-phải-email' }), headers: cookie });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('Hãy nhập một địa chỉ email đầy đủ');
    expect(h.sent).toHaveLength(0);
  });

  it('GET of the link changes nothing; the POST signs in once and sets a hardened cookie', async () => {
    const h = harness();
    const token = await requestLink(h, 'bientap@example.org');
    for (let i = 0; i < 2; i++) {
      const res = await h.app.request(`/sign-in/${token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(await res.text()).toContain('>Đăng nhập</button>');
    }
    const csrf = hidden(await (await h.app.request(`/sign-in/${token}`)).text(), 'csrf')!;
    expect((await h.app.request(`/sign-in/${token}`, { method: 'POST', body: form({ csrf: 'x' }) })).status).toBe(403);
    const res = await h.app.request(`/sign-in/${token}`, { method: 'POST', body: form({ csrf }) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('campaign_session='))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    // Single use.
    expect((await h.app.request(`/sign-in/${token}`, { method: 'POST', body: form({ csrf }) })).status).toBe(409);
    expect((await h.app.request(`/sign-in/${token}`)).status).toBe(409);
  });

  it('refuses expired, forged and malformed links', async () => {
    const h = harness();
    const token = await requestLink(h, 'bientap@example.org');
    const csrf = hidden(await (await h.app.request(`/sign-in/${token}`)).text(), 'csrf')!;
    h.clock.now = new Date(h.clock.now.getTime() + 15 * 60_000 + 1);
    expect((await h.app.request(`/sign-in/${token}`)).status).toBe(410);
    expect((await h.app.request(`/sign-in/${token}`, { method: 'POST', body: form({ csrf }) })).status).toBe(410);
    expect((await h.app.request(`/sign-in/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await h.app.request(`/sign-in/${'A'.repeat(43)}`, { method: 'POST', body: form({ csrf }) })).status).toBe(404);
    expect((await h.app.request('/sign-in/..%2F..%2Fsecret')).status).toBe(404);
  });

  it('uses Secure and the __Host- prefix when the public address is https', async () => {
    const h = harness({ publicBaseUrl: 'https://truyenthong.example.org' });
    const token = await requestLink(h, 'bientap@example.org');
    const csrf = hidden(await (await h.app.request(`/sign-in/${token}`)).text(), 'csrf')!;
    const res = await h.app.request(`/sign-in/${token}`, { method: 'POST', body: form({ csrf }) });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-campaign_session='))!;
    expect(setCookie).toMatch(/Secure/);
    expect(h.sent[0]!.text).toContain('https://truyenthong.example.org/sign-in/');
  });

  it('returns to the page the editor wanted, never to another site', async () => {
    const h = harness();
    const res = await h.app.request('/plans/phuong-bac-kan-2026');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in?next=%2Fplans%2Fphuong-bac-kan-2026');
    expect(safeNext('/plans/x?a=1')).toBe('/plans/x?a=1');
    for (const bad of ['//evil.example.com', 'https://evil.example.com', '/\\evil.example.com', 'javascript:alert(1)', '/sign-in', undefined]) expect(safeNext(bad)).toBe('/');
  });

  it('signs out with the CSRF value only', async () => {
    const h = harness();
    const cookie = await signIn(h);
    const home = await h.app.request('/', { headers: { Cookie: cookie } });
    const csrf = hidden(await home.text(), 'csrf')!;
    expect((await h.app.request('/sign-out', { method: 'POST', body: form({}), headers: { Cookie: cookie } })).status).toBe(403);
    const out = await h.app.request('/sign-out', { method: 'POST', body: form({ csrf }), headers: { Cookie: cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie().some((c) => /^campaign_session=;.*Max-Age=0/.test(c))).toBe(true);
  });
});

describe('session cookie', () => {
  const now = new Date('2026-10-25T03:00:00Z');

  it('round-trips and expires after 12 hours', () => {
    const { cookie, session } = createSession(SECRET, 'bientap@example.org', now);
    expect(readSession(SECRET, cookie, now)).toEqual(session);
    expect(readSession(SECRET, cookie, new Date(now.getTime() + 12 * 3600_000))).toBeUndefined();
  });

  it('rejects tampering, other secrets and garbage', () => {
    const { cookie } = createSession(SECRET, 'bientap@example.org', now);
    const [payload, mac] = cookie.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ e: 'lanhdao@example.org', i: 'x', x: now.getTime() + 1e9 })).toString('base64url');
    expect(readSession(SECRET, `${forged}.${mac}`, now)).toBeUndefined();
    expect(readSession('t'.repeat(40), cookie, now)).toBeUndefined();
    expect(readSession(SECRET, `${payload}.${mac.slice(0, -2)}aa`, now)).toBeUndefined();
    expect(readSession(SECRET, payload, now)).toBeUndefined();
    expect(readSession(SECRET, '', now)).toBeUndefined();
  });

  it('a tampered cookie gets the sign-in page, not the dashboard', async () => {
    const h = harness();
    const cookie = await signIn(h);
    expect((await h.app.request('/', { headers: { Cookie: cookie } })).status).toBe(200);
    const tampered = cookie.replace(/.(?=\.)/, (ch) => (ch === 'A' ? 'B' : 'A'));
    const res = await h.app.request('/', { headers: { Cookie: tampered } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/sign-in/);
  });

  it('an account removed from the list loses access at once', async () => {
    const h = harness();
    const cookie = await signIn(h, 'lanhdao@example.org');
    const h2 = { ...h };
    expect((await h2.app.request('/', { headers: { Cookie: cookie } })).status).toBe(200);
    const other = harness({ editors: [{ name: 'Nguyễn Thu Biên', email: 'bientap@example.org', role: 'editor' }] });
    expect((await other.app.request('/', { headers: { Cookie: cookie } })).status).toBe(303);
  });
});

describe('sessions and sign-in limits on the server', () => {
  it('signing out ends the session on the server: a copy of the cookie taken before is refused', async () => {
    const h = harness();
    const cookie = await signIn(h);
    const csrf = hidden(await (await h.app.request('/', { headers: { Cookie: cookie } })).text(), 'csrf')!;
    expect((await h.app.request('/sign-out', { method: 'POST', body: form({ csrf }), headers: { Cookie: cookie } })).status).toBe(303);
    // The same cookie, replayed (copied from the browser before signing out).
    const again = await h.app.request('/plans', { headers: { Cookie: cookie } });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toContain('/sign-in');
    expect((await h.app.request('/campaigns/campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026/status.json', { headers: { Cookie: cookie } })).status).toBe(401);
    // Another session of the same person is unaffected.
    const other = await signIn(h);
    expect((await h.app.request('/plans', { headers: { Cookie: other } })).status).toBe(200);
  });

  it('an address gets at most 5 links in 15 minutes, and the limit survives a restart', async () => {
    const h = harness();
    const email = EDITORS[0]!.email;
    for (let i = 0; i < 5; i++) await requestLink(h, email);
    expect(h.sent).toHaveLength(5);
    // The sixth request gets the same page but no mail.
    const ask = async (app: typeof h.app) => {
      const page = await app.request('/sign-in');
      const nonce = cookiesOf(page).campaign_signin!;
      const csrf = hidden(await page.text(), 'csrf')!;
      return app.request('/sign-in', { method: 'POST', body: form({ csrf, email, next: '/' }), headers: { Cookie: `campaign_signin=${nonce}` } });
    };
    const sixth = await ask(h.app);
    expect(sixth.status).toBe(200);
    expect(await sixth.text()).toContain('tối đa 5 liên kết trong 15 phút');
    // A new server process on the same store (a restart) still counts the five.
    const restarted = harness({ store: h.store, now: h.clock.now });
    await ask(restarted.app);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.sent.length + restarted.sent.length).toBe(5);
    // Once the window has passed, links flow again.
    const later = harness({ store: h.store, now: new Date(h.clock.now.getTime() + 16 * 60_000) });
    await requestLink(later, email);
    expect(later.sent).toHaveLength(1);
  });

  it('one client asking for many addresses is held at 20 requests in 15 minutes', async () => {
    const h = harness();
    for (let i = 0; i < 20; i++) {
      const page = await h.app.request('/sign-in');
      const nonce = cookiesOf(page).campaign_signin!;
      const csrf = hidden(await page.text(), 'csrf')!;
      await h.app.request('/sign-in', { method: 'POST', body: form({ csrf, email: `khong-co-${i}@example.org`, next: '/' }), headers: { Cookie: `campaign_signin=${nonce}` } });
    }
    // The known editor's request now sends nothing either.
    const page = await h.app.request('/sign-in');
    const nonce = cookiesOf(page).campaign_signin!;
    const csrf = hidden(await page.text(), 'csrf')!;
    await h.app.request('/sign-in', { method: 'POST', body: form({ csrf, email: EDITORS[0]!.email, next: '/' }), headers: { Cookie: `campaign_signin=${nonce}` } });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.sent).toHaveLength(0);
  });
});
