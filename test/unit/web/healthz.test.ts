import { describe, expect, it } from 'vitest';
import { parseConfig, endpointsFromConfig } from '../../../infra/config.js';
import type { HealthCheck } from '../../../infra/health.js';
import { createApp } from '../../../web/app.js';

const parsed = parseConfig({});
if (!parsed.ok) throw new Error('default config must parse');
const endpoints = endpointsFromConfig(parsed.config, 's'.repeat(32));

// What the real checks report: internal addresses, versions and raw errors.
const up = (service: HealthCheck['service']): HealthCheck => ({ service, address: `10.20.0.7:${service.length}000`, state: 'up', version: 'v1.29.1-internal' });
const secrets = ['10.20.0.7', 'v1.29.1-internal', 'ECONNREFUSED', 'không có worker', 'hàng đợi', 'temporal', 'smtp'];

function expectNothingInternal(text: string) {
  for (const s of secrets) expect(text).not.toContain(s);
}

describe('/healthz (public)', () => {
  it('is 200 {"status":"ok"} with every dependency up, and nothing else', async () => {
    const app = createApp({ endpoints, checkHealth: async () => [up('temporal'), up('worker'), up('objectStore'), up('smtp')] });
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'ok' });
    expectNothingInternal(text);
  });

  it('is 503 {"status":"degraded"} while one is down, without naming addresses or errors', async () => {
    const app = createApp({
      endpoints,
      checkHealth: async () => [up('temporal'), { service: 'worker', address: 'hàng đợi campaign-ops', state: 'down', detail: 'không có worker' }, up('objectStore'), { service: 'smtp', address: 'smtp://10.20.0.7:25', state: 'down', detail: 'connect ECONNREFUSED 10.20.0.7:25' }],
    });
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'degraded' });
    expectNothingInternal(text);
    // Without a dashboard nobody can sign in: the status page gives the summary only.
    const page = await app.request('/');
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain('Có dịch vụ đang ngừng');
    expectNothingInternal(html);
  });

  it('is 503 degraded, without the error, when the check itself fails', async () => {
    const app = createApp({
      endpoints,
      checkHealth: async () => {
        throw new Error('connect ECONNREFUSED 10.20.0.7:7233');
      },
    });
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'degraded' });
    expectNothingInternal(text);
  });

  it('runs one check for a burst of calls: concurrent calls share it, later calls reuse it for a few seconds', async () => {
    let runs = 0;
    let finish: (() => void) | undefined;
    const clock = { ms: 1_000 };
    const app = createApp({
      endpoints,
      healthTtlMs: 5_000,
      healthClock: () => clock.ms,
      checkHealth: async () => {
        runs += 1;
        await new Promise<void>((resolve) => (finish = resolve));
        return [up('temporal'), up('worker'), up('objectStore'), up('smtp')];
      },
    });
    const burst = Array.from({ length: 8 }, () => app.request('/healthz'));
    await new Promise((r) => setImmediate(r));
    expect(runs).toBe(1);
    finish!();
    const answers = await Promise.all(burst);
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(runs).toBe(1);

    // Within the few seconds: the same result, no new check (the status page shares it too).
    clock.ms += 4_000;
    for (let i = 0; i < 5; i++) expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/system')).status).toBe(200);
    expect(runs).toBe(1);

    // Later: one fresh check.
    clock.ms += 2_000;
    const later = Array.from({ length: 3 }, () => app.request('/healthz'));
    await new Promise((r) => setImmediate(r));
    finish!();
    expect((await Promise.all(later)).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(runs).toBe(2);
  });

  it('answers unknown paths with a Vietnamese 404 page', async () => {
    const app = createApp({ endpoints, checkHealth: async () => [] });
    const res = await app.request('/khong-co');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Không tìm thấy trang');
  });
});
