import { describe, expect, it } from 'vitest';
import { parseConfig, endpointsFromConfig } from '../../../infra/config.js';
import type { HealthCheck } from '../../../infra/health.js';
import { createApp } from '../../../web/app.js';

const parsed = parseConfig({});
if (!parsed.ok) throw new Error('default config must parse');
const endpoints = endpointsFromConfig(parsed.config, 's'.repeat(32));
const up = (service: HealthCheck['service']): HealthCheck => ({ service, address: 'x', state: 'up' });

describe('/healthz', () => {
  it('is 200 with every dependency up', async () => {
    const app = createApp({ endpoints, checkHealth: async () => [up('temporal'), up('worker'), up('objectStore'), up('smtp')] });
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; checks: HealthCheck[] };
    expect(body.status).toBe('ok');
    expect(body.checks.map((c) => c.service)).toEqual(['temporal', 'worker', 'objectStore', 'smtp']);
  });

  it('is 503 and names the dependency while one is down', async () => {
    const app = createApp({
      endpoints,
      checkHealth: async () => [up('temporal'), { service: 'worker', address: 'q', state: 'down', detail: 'không có worker' }, up('objectStore'), up('smtp')],
    });
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; checks: HealthCheck[] };
    expect(body.status).toBe('degraded');
    expect(body.checks.find((c) => c.state === 'down')?.service).toBe('worker');
    const page = await app.request('/');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('Có dịch vụ đang ngừng');
  });

  it('answers unknown paths with a Vietnamese 404 page', async () => {
    const app = createApp({ endpoints, checkHealth: async () => [] });
    const res = await app.request('/khong-co');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Không tìm thấy trang');
  });
});
