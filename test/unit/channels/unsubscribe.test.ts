import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { isSuppressed, suppressionKey } from '../../../activities/suppression.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { createUnsubscribeToken, emailHash, verifyUnsubscribeToken } from '../../../channels/press-briefing/render/index.js';
import { unsubscribeRoutes } from '../../../web/unsubscribe.js';

const secret = 's'.repeat(32);
const other = 'o'.repeat(32);

describe('unsubscribe tokens', () => {
  it('round-trips the lower-cased address', () => {
    const t = createUnsubscribeToken('Duc.TM@Example.org', secret);
    expect(verifyUnsubscribeToken(t, secret)).toBe('duc.tm@example.org');
    expect(t).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('rejects forged, altered and malformed tokens', () => {
    const good = createUnsubscribeToken('duc.tm@example.org', secret);
    const [emailPart, mac] = good.split('.') as [string, string];
    const swapped = `${Buffer.from('trang.lt@example.com').toString('base64url')}.${mac}`;
    const flipped = `${emailPart}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [
      createUnsubscribeToken('duc.tm@example.org', other), // signed with another secret
      swapped, // someone else's address with this MAC
      flipped,
      `${emailPart}.`,
      `.${mac}`,
      `${emailPart}.${mac}.x`,
      `${emailPart}.${mac}=`,
      `${Buffer.from('DUC.TM@example.org').toString('base64url')}.${mac}`, // non-canonical address
      `${emailPart}.${mac}`.repeat(20),
      '',
      '../../etc',
    ]) {
      expect(verifyUnsubscribeToken(bad, secret), bad.slice(0, 60)).toBeUndefined();
    }
    expect(verifyUnsubscribeToken(42, secret)).toBeUndefined();
    expect(verifyUnsubscribeToken(good, '')).toBeUndefined();
  });
});

describe('unsubscribe routes', () => {
  const setup = () => {
    const store = new MemoryObjectStore();
    const app = new Hono();
    app.route('/', unsubscribeRoutes({ store, secret }));
    return { store, app };
  };
  const token = createUnsubscribeToken('duc.tm@example.org', secret);

  it('GET shows a confirmation form and changes nothing', async () => {
    const { store, app } = setup();
    const res = await app.request(`/unsubscribe/${token}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/unsubscribe/');
    expect(html).toContain('d***@example.org');
    expect(html).not.toContain('duc.tm@example.org');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(store.objects.size).toBe(0);
  });

  it('the RFC 8058 one-click POST writes a suppression record keyed by the address hash', async () => {
    const { store, app } = setup();
    const res = await app.request(`/unsubscribe/${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã ghi nhận');
    expect(await isSuppressed(store, 'DUC.TM@example.org')).toBe(true);
    const key = suppressionKey('duc.tm@example.org');
    expect(key).toBe(`suppression/${emailHash('duc.tm@example.org')}.json`);
    const record = JSON.parse(store.objects.get(key)!.body.toString('utf8'));
    expect(record).toMatchObject({ emailHash: emailHash('duc.tm@example.org'), source: 'one-click' });
    expect(JSON.stringify([...store.objects.values()].map((o) => [o.key, o.body.toString()]))).not.toContain('duc.tm');
    // Again: idempotent, first record kept.
    const again = await app.request(`/unsubscribe/${token}`, { method: 'POST', body: new URLSearchParams({ confirm: '1' }) });
    expect(await again.text()).toContain('đã ngừng nhận thông tin từ trước');
    expect(JSON.parse(store.objects.get(key)!.body.toString('utf8')).source).toBe('one-click');
    expect((await (await app.request(`/unsubscribe/${token}`)).text())).toContain('đã ngừng nhận thông tin từ trước');
  });

  it('the confirmation form POST is recorded as such', async () => {
    const { store, app } = setup();
    await app.request(`/unsubscribe/${token}`, { method: 'POST', body: new URLSearchParams({ confirm: '1' }) });
    expect(JSON.parse(store.objects.get(suppressionKey('duc.tm@example.org'))!.body.toString()).source).toBe('form');
  });

  it('a forged token gets a Vietnamese 400 page and nothing is written', async () => {
    const { store, app } = setup();
    const forged = createUnsubscribeToken('duc.tm@example.org', other);
    for (const method of ['GET', 'POST']) {
      const res = await app.request(`/unsubscribe/${forged}`, { method, body: method === 'POST' ? 'List-Unsubscribe=One-Click' : undefined });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Liên kết ngừng nhận thông tin không hợp lệ');
    }
    const long = await app.request(`/unsubscribe/${'a'.repeat(5_000)}`, { method: 'POST' });
    expect(long.status).toBe(400);
    expect(store.objects.size).toBe(0);
  });
});
