/**
 * The public e-board: publishing puts the campaign's 1920×1080 image on the unit's playlist;
 * the unit's page, opened in Chromium as a display would, shows it full screen and, when a
 * new campaign is published, shows the new image without anyone touching the display.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../activities/campaign/keys.js';
import type { ActivityDeps } from '../../../activities/deps.js';
import { createEBoardActivities } from '../../../channels/eboard/activities.js';
import { briefFor } from '../../../infra/briefs.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import sharp from '../../../render/sharp.js';
import { siteRoutes } from '../../../web/site.js';

const store = new MemoryObjectStore();
let server: ServerType;
let base = '';
let browser: Browser;
beforeAll(async () => {
  server = serve({ fetch: siteRoutes(store).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

const UNIT = 'phuong-bac-kan';
const eboard = () => createEBoardActivities({ store, endpoints: { publicBaseUrl: base } } as unknown as ActivityDeps);

async function campaign(id: string, color: string) {
  const { brief } = await briefFor({ planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: new Date('2026-06-01T00:00:00+07:00') });
  await store.put(keys.brief(id, 1), JSON.stringify(brief), { contentType: 'application/json' });
  await store.put(keys.input(id), JSON.stringify({ campaignId: id, channels: ['eBoard'], mediaListUnit: UNIT }), { contentType: 'application/json' });
  const png = await sharp({ create: { width: 1920, height: 1080, channels: 3, background: color } }).png().toBuffer();
  await store.put(keys.infographic(id, 1, 'eboard', 'png'), png, { contentType: 'image/png' });
}

describe('public e-board', () => {
  it('a display shows the unit’s published image full screen and picks up a newly published one by itself', { timeout: 60_000 }, async () => {
    await campaign('campaign-eb-1', '#a4161a');
    const draft = await eboard().draft({ channel: 'eBoard', campaignId: 'campaign-eb-1', version: 1, briefKey: keys.brief('campaign-eb-1', 1) });
    expect(draft.problems).toEqual([]);
    // Its preview for the approval page and the dashboard: the screen image beside a page showing it.
    const preview = (await store.get(`${keys.version('campaign-eb-1', 1)}eboard/preview.html`))!.body.toString('utf8');
    expect(preview).toContain('<img src="bang-tin.png" alt="Ảnh trình chiếu trên bảng tin điện tử: ');
    expect((await sharp((await store.get(`${keys.version('campaign-eb-1', 1)}eboard/bang-tin.png`))!.body).metadata()).width).toBe(1920);
    expect(draft.summary).toContain(`ảnh 1920×1080 trình chiếu trên bảng tin điện tử của UBND phường Bắc Kạn (${base}/site/bang-tin/${UNIT}/)`);
    const first = await eboard().publish({ channel: 'eBoard', campaignId: 'campaign-eb-1', version: 1, publishedAt: '2026-11-17T00:00:00.000Z' });
    expect(first.detail).toBe(`ảnh đã lên bảng tin điện tử: ${base}/site/bang-tin/${UNIT}/`);

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${base}/site/bang-tin/${UNIT}/?refresh=1`);
    expect(await page.title()).toBe('Bảng tin điện tử — Ủy ban nhân dân phường Bắc Kạn');
    const shown = page.locator('img.on');
    await shown.waitFor();
    expect(await shown.getAttribute('src')).toBe(`/site/bang-tin/${UNIT}/campaign-eb-1-v1.png`);
    const box = await shown.boundingBox();
    expect([box?.width, box?.height]).toEqual([1920, 1080]);
    expect(await shown.evaluate((img) => [(img as unknown as { naturalWidth: number }).naturalWidth, (img as unknown as { naturalHeight: number }).naturalHeight])).toEqual([1920, 1080]);

    // A new campaign is published: the display shows it without a reload.
    await campaign('campaign-eb-2', '#1d4ed8');
    await eboard().publish({ channel: 'eBoard', campaignId: 'campaign-eb-2', version: 1, publishedAt: '2026-11-18T00:00:00.000Z' });
    await page.locator(`img.on[src="/site/bang-tin/${UNIT}/campaign-eb-2-v1.png"]`).waitFor({ timeout: 20_000 });
    expect(await page.locator('img').count()).toBe(2);
    await page.close();

    const playlist = (await (await fetch(`${base}/site/bang-tin/${UNIT}/playlist.json`)).json()) as { items: { campaignId: string }[] };
    expect(playlist.items.map((i) => i.campaignId)).toEqual(['campaign-eb-1', 'campaign-eb-2']);
  });

  it('a unit with nothing published yet shows its name and waits', async () => {
    const html = await (await fetch(`${base}/site/bang-tin/xa-chua-co/`)).text();
    expect(html).toContain('<p id="empty">Bảng tin điện tử: chưa có nội dung trình chiếu.</p>');
    expect(html).not.toContain('>xa-chua-co');
    expect((await fetch(`${base}/site/bang-tin/..%2Fsecret/`)).status).toBe(404);
  });
});
