/**
 * Access on the dashboard from the directory: an editor listed on phường Bắc Kạn signs in
 * without being in EDITORS_FILE, sees and acts on Bắc Kạn's plans, campaigns, schedules and
 * reports only, and gets a Vietnamese 403 naming the other unit elsewhere. Platform accounts
 * (EDITORS_FILE) reach every unit.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DirectoryStore, loadSampleUnits } from '../../../infra/directory-store.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { campaignState, csrfOf, form, harness, signIn, type Harness } from '../dashboard/harness.js';

const BAC_KAN_EDITOR = 'bientap.vhxh@example.org';
const LS = 'campaign-lang-son-62-kh-ubnd-2026-ngay-nha-giao-20-11-2026';
const BK = 'campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026';
const LS_REPORT = 'reports/lang-son-62-kh-ubnd-2026/2026-06-11_2026-12-10/report.html';

let h: Harness;
let cookie: string;

beforeEach(async () => {
  const store = new MemoryObjectStore();
  await new DirectoryStore(store).seed(await loadSampleUnits());
  h = harness({ store });
  h.states.set(LS, campaignState({ campaignId: LS, planId: 'lang-son-62-kh-ubnd-2026', prefix: `campaigns/${LS}`, awaiting: [BAC_KAN_EDITOR] }));
  h.states.set(BK, campaignState({ campaignId: BK, awaiting: [BAC_KAN_EDITOR] }));
  h.schedules.set('bulletin-lang-son', { planId: 'lang-son-62-kh-ubnd-2026', kind: 'bulletin', title: 'Bản tin Lạng Sơn', paused: false });
  h.schedules.set('bulletin-bac-kan', { planId: 'phuong-bac-kan-2026', kind: 'bulletin', title: 'Bản tin Bắc Kạn', paused: false });
  await store.put(LS_REPORT, '<p>Báo cáo</p>', { contentType: 'text/html' });
  await store.put('reports/phuong-bac-kan-2026/2026-06-11_2026-12-10/report.html', '<p>Báo cáo</p>', { contentType: 'text/html' });
  cookie = await signIn(h, BAC_KAN_EDITOR);
});

const get = (path: string) => h.app.request(path, { headers: { Cookie: cookie } });
async function post(path: string, fields: Record<string, string> = {}) {
  const csrf = await csrfOf(h, cookie);
  return h.app.request(path, { method: 'POST', body: form({ csrf, ...fields }), headers: { Cookie: cookie } });
}

async function expectRefused(res: Response) {
  expect(res.status).toBe(403);
  const html = await res.text();
  expect(html).toContain('Không có quyền truy cập');
  expect(html).toContain('thuộc Tỉnh Lạng Sơn, còn bạn làm việc cho Phường Bắc Kạn');
  expect(html).not.toContain('tinh-lang-son');
}

describe('dashboard access from the directory', () => {
  it('a unit editor signs in from the directory and is named with their unit', async () => {
    const home = await (await get('/')).text();
    expect(home).toContain('Nguyễn Thu Biên');
    expect(home).toContain('Biên tập viên · Phường Bắc Kạn');
  });

  it('refuses another unit’s plan, campaign, schedule and report routes with a Vietnamese 403', async () => {
    await expectRefused(await get('/plans/lang-son-62-kh-ubnd-2026'));
    await expectRefused(await get('/campaigns/new?plan=lang-son-62-kh-ubnd-2026'));
    await expectRefused(await get(`/campaigns/${LS}`));
    await expectRefused(await get(`/campaigns/${LS}/cancel`));
    await expectRefused(await get(`/campaigns/${LS}/files/v1/infographic/social.png`));
    await expectRefused(await get(LS_REPORT.replace('reports/', '/reports/files/')));
    const json = await get(`/campaigns/${LS}/status.json`);
    expect(json.status).toBe(403);
    expect(((await json.json()) as { error: string }).error).toContain('Tỉnh Lạng Sơn');

    await expectRefused(await post(`/campaigns/${LS}/cancel`));
    await expectRefused(await post(`/campaigns/${LS}/decision`, { version: '1', step: '1', decision: 'approve' }));
    await expectRefused(await post('/schedules/bulletin-lang-son/pause'));
    await expectRefused(await post('/schedules/bulletin-lang-son/trigger'));
    await expectRefused(await post('/schedules/sync', { plan: 'lang-son-62-kh-ubnd-2026', approvers: BAC_KAN_EDITOR, reportTo: BAC_KAN_EDITOR }));
    await expectRefused(await post('/reports/new', { plan: 'lang-son-62-kh-ubnd-2026', from: '01/07/2026', to: '20/10/2026', reportTo: BAC_KAN_EDITOR }));
    await expectRefused(await post('/campaigns/new', { plan: 'lang-son-62-kh-ubnd-2026', occasion: 'ngay-nha-giao-20-11@2026-11-20', channels: 'infographic', approvers: BAC_KAN_EDITOR }));
    expect(h.cancelled).toEqual([]);
    expect(h.decisions).toEqual([]);
    expect(h.scheduleActions).toEqual([]);
    expect(h.reports).toEqual([]);
    expect(h.started).toEqual([]);
  });

  it('lists only the unit’s own plans, campaigns, schedules and reports', async () => {
    for (const path of ['/', '/plans', '/campaigns', '/schedules', '/reports', '/calendar', '/campaigns/new']) {
      const html = await (await get(path)).text();
      expect(html, path).not.toContain('lang-son-62-kh-ubnd-2026');
      expect(html, path).not.toContain('Bản tin Lạng Sơn');
      expect(html, path).not.toContain('quang-ngai-2026');
    }
    expect(await (await get('/plans')).text()).toContain('/plans/phuong-bac-kan-2026');
    expect(await (await get('/campaigns')).text()).toContain(`/campaigns/${BK}`);
    expect(await (await get('/schedules')).text()).toContain('Bản tin Bắc Kạn');
    expect(await (await get('/reports')).text()).toContain('/reports/files/phuong-bac-kan-2026/');
  });

  it('acts on its own unit’s campaign and schedule', async () => {
    expect((await get('/plans/phuong-bac-kan-2026')).status).toBe(200);
    h.states.set(BK, campaignState({ campaignId: BK, awaiting: ['lanhdao.ubnd@example.org'] }));
    const campaign = await get(`/campaigns/${BK}`);
    expect(campaign.status).toBe(200);
    // People are named as the unit lists them.
    expect(await campaign.text()).toContain('Đang chờ Lê Văn Đạo (lanhdao.ubnd@example.org) quyết định.');
    expect(await (await get('/schedules')).text()).toMatch(/name="approvers" value="lanhdao.ubnd@example.org"/);
    expect((await post(`/campaigns/${BK}/cancel`)).status).toBe(303);
    expect((await post('/schedules/bulletin-bac-kan/pause')).status).toBe(303);
    expect(h.cancelled).toEqual([BK]);
    expect(h.scheduleActions).toEqual(['pause bulletin-bac-kan']);
  });

});
