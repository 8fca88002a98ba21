/**
 * Access and the directory on the dashboard, in headless Chromium on the real services, on a
 * bucket of its own (the shared one keeps its samples as they are):
 *
 * - an editor of phường Bắc Kạn (listed in the directory, not in EDITORS_FILE) is refused with a
 *   Vietnamese 403 on Lạng Sơn's plan, campaign, schedule and report routes and sees none of
 *   them in the lists;
 * - the issue's "done when": a platform administrator (EDITORS_FILE) adds tỉnh Bắc Ninh, which is
 *   not in the samples, and invites its officer; the officer, from the dashboard alone, creates
 *   the province's communes, imports their stations (preview, apply, undo, apply again) and the
 *   province's press list from .xlsx files, invites an editor, and starts a campaign of a plan
 *   the province issued, which is read out on its own communes' stations in their own names and
 *   briefs its own journalists.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CampaignState } from '../../domain/campaign/types.js';
import type { Locality } from '../../domain/localities.js';
import type { MediaList } from '../../domain/media-list.js';
import { resolveCampaignInput, startCampaign } from '../../infra/campaign-client.js';
import { xlsxBytes } from '../../infra/directory-files.js';
import { DirectoryStore, seedSampleDirectory } from '../../infra/directory-store.js';
import { createS3Client, ensureBucket, S3ObjectStore } from '../../infra/s3.js';
import type { Editor } from '../../web/dashboard/index.js';
import { waitFor } from '../support/campaign.js';
import { launchChromium, screenshot, seriousViolations, signInLink, startDashboardProduct } from '../support/dashboard.js';

const shared = inject('endpoints');
const run = randomUUID().slice(0, 8);
const bucket = `campaign-ops-access-${run}`;
const endpoints = { ...shared, s3: { ...shared.s3, bucket } };
const admin: Editor = { name: 'Đỗ Minh Quản', email: `quantri-nentang-${run}@example.org`, role: 'admin' };
const officer = { name: 'Ngô Văn Cán', email: `canbo-bacninh-${run}@example.org` };
const communeEditor = { name: 'Lý Thị Biên', email: `bientap-kinhbac-${run}@example.org` };
const BAC_KAN_EDITOR = 'bientap.vhxh@example.org';
const LS_PLAN = 'lang-son-62-kh-ubnd-2026';

describe('access and the directory in a real browser', () => {
  let product: Awaited<ReturnType<typeof startDashboardProduct>>;
  let store: S3ObjectStore;
  let browser: Browser;
  let dir: string;
  const campaigns: string[] = [];
  const scheduleId = `sched-access-${run}`;

  beforeAll(async () => {
    await ensureBucket(createS3Client(endpoints.s3), bucket);
    store = S3ObjectStore.fromSettings(endpoints.s3);
    await seedSampleDirectory(store);
    product = await startDashboardProduct(endpoints, [admin]);
    browser = await launchChromium();
    dir = mkdtempSync(path.join(tmpdir(), 'access-it-'));
  });
  afterAll(async () => {
    for (const id of campaigns) await product?.client.workflow.getHandle(id).cancel().catch(() => undefined);
    await product?.client.schedule.getHandle(scheduleId).delete().catch(() => undefined);
    await browser?.close();
    await product?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(email: string, name: string, link?: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    if (!link) {
      await page.goto(`${product.base}/sign-in`);
      await page.getByLabel('Địa chỉ email').fill(email);
      await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kiểm tra hộp thư' }).waitFor();
    }
    await page.goto(link ?? (await signInLink(product.endpoints, email)));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: `Chào ${name}` }).waitFor();
    return { context, page };
  }

  it('an editor of one unit is refused on another unit’s plan, campaign, schedule and report, and does not see them in lists', async () => {
    // Lạng Sơn's work: a campaign, a (paused) schedule and a stored report.
    const input = await resolveCampaignInput({ planId: LS_PLAN, occasionId: 'ngay-nha-giao-20-11', channels: ['infographic'], approvers: [`ls-${run}@example.org`], forceNew: true }, new Date(), { directory: new DirectoryStore(store) });
    await startCampaign(product.client, product.taskQueue, input);
    campaigns.push(input.campaignId);
    await product.client.schedule.create({
      scheduleId,
      spec: { intervals: [{ every: '365 days' }] },
      action: { type: 'startWorkflow', workflowType: 'campaignWorkflow', taskQueue: product.taskQueue, args: [] },
      memo: { managedBy: 'campaign-ops', planId: LS_PLAN, kind: 'bulletin', title: `Bản tin thử Lạng Sơn ${run}` },
      state: { paused: true },
    });
    const report = `reports/${LS_PLAN}/2026-06-11_2026-12-10/report.html`;
    await store.put(report, '<p>Báo cáo Lạng Sơn</p>', { contentType: 'text/html; charset=utf-8' });

    const { context, page } = await signedIn(BAC_KAN_EDITOR, 'Nguyễn Thu Biên');
    for (const url of [`/plans/${LS_PLAN}`, `/campaigns/${input.campaignId}`, `/campaigns/${input.campaignId}/cancel`, `/campaigns/new?plan=${LS_PLAN}`, `/${report.replace('reports/', 'reports/files/')}`]) {
      const res = await page.goto(`${product.base}${url}`);
      expect(res?.status(), url).toBe(403);
      await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
      const text = await page.locator('main').innerText();
      expect(text, url).toContain('thuộc Tỉnh Lạng Sơn, còn bạn làm việc cho Phường Bắc Kạn');
      expect(text, url).not.toContain('tinh-lang-son');
    }
    await screenshot(page, '41-access-refused');
    // Pausing or running Lạng Sơn's schedule, and cancelling its campaign, are refused too.
    await page.goto(`${product.base}/schedules`);
    const csrf = await page.locator('input[name="csrf"]').first().getAttribute('value');
    for (const action of [`/schedules/${scheduleId}/pause`, `/schedules/${scheduleId}/trigger`, `/campaigns/${input.campaignId}/cancel`]) {
      const res = await page.request.post(`${product.base}${action}`, { form: { csrf: csrf! } });
      expect(res.status(), action).toBe(403);
      expect(await res.text(), action).toContain('Tỉnh Lạng Sơn');
    }
    expect((await product.client.workflow.getHandle(input.campaignId).describe()).status.name).toBe('RUNNING');

    // The lists show Bắc Kạn's work only.
    for (const url of ['/', '/plans', '/campaigns', '/schedules', '/reports', '/calendar']) {
      await page.goto(`${product.base}${url}`);
      expect(await page.locator(`a[href*="${LS_PLAN}"], a[href*="${input.campaignId}"]`).count(), url).toBe(0);
      expect(await page.locator('main').innerText(), url).not.toContain(`Bản tin thử Lạng Sơn ${run}`);
    }
    await page.goto(`${product.base}/plans`);
    await page.locator('a[href="/plans/phuong-bac-kan-2026"]').waitFor();
    await context.close();
  });

  it('an officer of a province not in the samples sets it up from the dashboard and runs a campaign on its own communes', async () => {
    // The platform administrator moves the shipped Quảng Ngãi plan to the new province (a stand-in for the province's own plan) and invites its officer.
    const { context: adminContext, page: a } = await signedIn(admin.email, admin.name);
    await a.goto(`${product.base}/units/tinh-quang-ngai/edit`);
    await a.locator('#plans').fill('');
    await a.getByRole('button', { name: 'Lưu đơn vị' }).click();
    await a.waitForURL(/\/units\/tinh-quang-ngai\?ok=saved$/);
    await a.goto(`${product.base}/units?q=bac%20ninh`);
    expect(await a.locator('#units-count').innerText()).toContain('Không có đơn vị nào khớp');
    expect(await seriousViolations(a)).toEqual([]);
    await a.getByRole('link', { name: 'Thêm tỉnh, thành phố' }).click();
    expect(await seriousViolations(a)).toEqual([]);
    await a.locator('#id').fill('tinh-bac-ninh');
    await a.locator('#name').fill('Tỉnh Bắc Ninh');
    await a.locator('#shortName').fill('Bắc Ninh');
    await a.locator('#body').fill('Ủy ban nhân dân tỉnh Bắc Ninh');
    await a.locator('#plans').fill('quang-ngai-2026');
    await a.getByRole('button', { name: 'Lưu đơn vị' }).click();
    await a.waitForURL(/\/units\/tinh-bac-ninh\?ok=created$/);
    await a.locator('#invite-email').fill(officer.email);
    await a.locator('#invite-name').fill(officer.name);
    await a.locator('#invite-role').selectOption('admin');
    await a.getByRole('button', { name: 'Mời và gửi thư đăng nhập' }).click();
    await a.waitForURL(/\?ok=invited$/);
    await adminContext.close();

    // The officer signs in with the invitation's link.
    const { context, page } = await signedIn(officer.email, officer.name, await signInLink(product.endpoints, officer.email));

    // The province's communes, one by one from the form.
    for (const c of [
      { id: 'phuong-kinh-bac', name: 'Phường Kinh Bắc', short: 'Kinh Bắc', kind: 'phuong' },
      { id: 'xa-tam-da', name: 'Xã Tam Đa', short: 'Tam Đa', kind: 'xa' },
    ]) {
      await page.goto(`${product.base}/units/tinh-bac-ninh`);
      await page.getByRole('link', { name: 'Thêm đơn vị trực thuộc' }).click();
      await page.locator('#id').fill(c.id);
      await page.locator('#name').fill(c.name);
      await page.locator('#shortName').fill(c.short);
      await page.locator('#tier').selectOption('commune');
      await page.locator('#kind').selectOption(c.kind);
      await page.getByRole('button', { name: 'Lưu đơn vị' }).click();
      await page.waitForURL(new RegExp(`/units/${c.id}\\?ok=created$`));
    }

    // Stations from Excel: a file with a mistake first, then the right one; preview, apply, undo, apply again.
    const stationsHeader = ['Mã đơn vị', 'Tên đài khi phát', 'Mã trạm', 'Tên trạm, cụm loa', 'Loại trạm', 'Thôn, tổ dân phố', 'Hệ thống', 'Khung giờ phát', 'Người vận hành', 'Email người vận hành', 'Điện thoại người vận hành'];
    const stationRows = [
      ['phuong-kinh-bac', 'Đài truyền thanh phường Kinh Bắc', 'trung-tam', 'Đài truyền thanh phường Kinh Bắc', 'đài truyền thanh', '', 'truyền thống', 'Buổi sáng 05:30-06:00; Buổi chiều 17:00-17:30', 'Trần Văn Mẫu', `vanhanh-kinhbac-${run}@example.org`, '0000 200 001'],
      ['phuong-kinh-bac', 'Đài truyền thanh phường Kinh Bắc', 'khu-pho-3', 'Cụm loa khu phố 3', 'cụm loa', 'Khu phố 3', 'truyền thống', 'Buổi sáng 06:00-06:20', 'Trần Văn Mẫu', `vanhanh-kinhbac-${run}@example.org`, '0000 200 001'],
      ['xa-tam-da', 'Đài truyền thanh xã Tam Đa', 'trung-tam', 'Đài truyền thanh xã Tam Đa', 'đài truyền thanh', '', 'truyền thống', 'Buổi sáng 05:45-06:15', 'Lê Thị Mẫu', `vanhanh-tamda-${run}@example.org`, '0000 200 002'],
    ];
    const broken = path.join(dir, 'tram-loi.xlsx');
    writeFileSync(broken, await xlsxBytes([stationsHeader, stationRows[0]!, [...stationRows[2]!.slice(0, 7), 'Buổi sáng 25:00-25:30', ...stationRows[2]!.slice(8)]], 'Trạm'));
    const stations = path.join(dir, 'tram-bac-ninh.xlsx');
    writeFileSync(stations, await xlsxBytes([stationsHeader, ...stationRows], 'Trạm'));

    async function previewStations(file: string) {
      await page.goto(`${product.base}/units/tinh-bac-ninh/import?kind=stations`);
      await page.locator('#file').setInputFiles(file);
      await page.getByRole('button', { name: 'Xem trước' }).click();
      await page.locator('#preview').waitFor();
    }
    await previewStations(broken);
    expect(await page.locator('#import-problems').innerText()).toMatch(/3\s+Khung giờ phát \(H\)/);
    expect(await page.getByRole('button', { name: 'Nhập vào danh bạ' }).count()).toBe(0);
    await screenshot(page, '42-import-problems');

    await previewStations(stations);
    const preview = await page.locator('#preview').innerText();
    expect(preview).toContain('Sẽ thêm 3');
    expect(preview).toContain('Phường Kinh Bắc — Sửa');
    expect(preview).toContain('Xã Tam Đa — Sửa');
    await screenshot(page, '43-import-preview');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Nhập vào danh bạ' }).click();
    await page.waitForURL(/\/units\/tinh-bac-ninh\?ok=imported$/);
    await page.goto(`${product.base}/units/phuong-kinh-bac`);
    expect(await page.locator('#stations').innerText()).toContain('Cụm loa khu phố 3');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Hoàn tác lần nhập này' }).click();
    await page.waitForURL(/\/units\/phuong-kinh-bac\?ok=undone$/);
    expect(await page.locator('main').innerText()).toContain('Chưa có trạm truyền thanh nào.');
    await previewStations(stations);
    await page.getByRole('button', { name: 'Nhập vào danh bạ' }).click();
    await page.waitForURL(/\?ok=imported$/);

    // The province's press list from Excel.
    const press = path.join(dir, 'bao-chi-bac-ninh.xlsx');
    writeFileSync(
      press,
      await xlsxBytes(
        [
          ['Mã đơn vị', 'Mã phóng viên', 'Họ tên', 'Cơ quan báo chí', 'Email', 'Lĩnh vực phụ trách'],
          ['tinh-bac-ninh', 'pv-bac-ninh-1', 'Nguyễn Văn Mẫu', 'Báo Bắc Ninh', `pv1-bacninh-${run}@example.org`, 'giáo dục; xã hội'],
          ['tinh-bac-ninh', 'pv-bac-ninh-2', 'Phạm Thị Mẫu', 'Đài Phát thanh và Truyền hình Bắc Ninh', `pv2-bacninh-${run}@example.org`, 'thời sự'],
        ],
        'Báo chí',
      ),
    );
    await page.goto(`${product.base}/units/tinh-bac-ninh/import?kind=media`);
    await page.locator('#file').setInputFiles(press);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('button', { name: 'Nhập vào danh bạ' }).click();
    await page.waitForURL(/\/units\/tinh-bac-ninh\?ok=imported$/);
    expect(await page.locator('#journalists').innerText()).toContain('Báo Bắc Ninh');

    // An editor for one commune.
    await page.goto(`${product.base}/units/phuong-kinh-bac`);
    await page.locator('#invite-email').fill(communeEditor.email);
    await page.locator('#invite-name').fill(communeEditor.name);
    await page.getByRole('button', { name: 'Mời và gửi thư đăng nhập' }).click();
    await page.waitForURL(/\?ok=invited$/);
    expect(await page.locator('#editors').innerText()).toContain(communeEditor.name);
    await signInLink(product.endpoints, communeEditor.email);

    // A campaign of the province's plan: the communes are offered by name, the campaign reaches them.
    await page.goto(`${product.base}/campaigns/new?plan=quang-ngai-2026`);
    await page.locator('#units').waitFor();
    await page.locator('#unit-filter').fill('tam da');
    expect(await page.locator('#units .choice:not([hidden])').allInnerTexts()).toEqual([expect.stringContaining('Xã Tam Đa')]);
    await page.locator('#unit-filter').fill('');
    expect(await page.getByLabel(/Phường Kinh Bắc/).isChecked()).toBe(true);
    expect(await page.getByLabel(/Xã Tam Đa/).isChecked()).toBe(true);
    await page.locator('#channel-webPortal').uncheck();
    await page.locator('#channel-infographic').uncheck();
    await page.getByLabel('Ngay khi được phê duyệt').check();
    await page.locator('#forceNew-yes').check();
    await screenshot(page, '44-start-units');
    expect(await seriousViolations(page)).toEqual([]);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Khởi tạo chiến dịch' }).click()]);
    // A refused start names its problems: shown in the failure, not hidden behind a timeout.
    if (!page.url().includes('ok=started')) expect(await page.locator('main').innerText()).toBe('');
    await page.waitForURL(/\/campaigns\/campaign-quang-ngai-2026-[^?]+\?ok=started$/);
    const campaignId = new URL(page.url()).pathname.split('/')[2]!;
    campaigns.push(campaignId);
    await page.locator('#status-label', { hasText: /^Chờ phê duyệt$/ }).waitFor({ timeout: 150_000 });

    const localities = JSON.parse((await store.get(`campaigns/${campaignId}/inputs/localities.json`))!.body.toString('utf8')) as Locality[];
    expect(localities.map((l) => [l.id, l.name, l.station]).sort((x, y) => x[0]!.localeCompare(y[0]!))).toEqual([
      ['phuong-kinh-bac-khu-pho-3', 'Phường Kinh Bắc', 'Đài truyền thanh phường Kinh Bắc'],
      ['phuong-kinh-bac-trung-tam', 'Phường Kinh Bắc', 'Đài truyền thanh phường Kinh Bắc'],
      ['xa-tam-da-trung-tam', 'Xã Tam Đa', 'Đài truyền thanh xã Tam Đa'],
    ]);
    const media = JSON.parse((await store.get(`campaigns/${campaignId}/inputs/media.json`))!.body.toString('utf8')) as MediaList;
    expect(media.journalists.map((j) => j.outlet).sort()).toEqual(['Báo Bắc Ninh', 'Đài Phát thanh và Truyền hình Bắc Ninh']);
    const script = await waitFor(async () => (await store.get(`campaigns/${campaignId}/v1/loudspeaker/xa-tam-da-trung-tam.txt`))?.body.toString('utf8'), 60_000, 'the Tam Đa script');
    expect(script).toMatch(/Kính thưa bà con nhân dân xã Tam Đa/i);
    // Read out in the commune's own name on its own station; the plan's own text (borrowed from Quảng Ngãi) may name its issuer.
    expect(script).toContain('Đây là Đài truyền thanh xã Tam Đa.');
    expect(script).not.toMatch(/Bắc Kạn|Lạng Sơn|Kinh Bắc/);
    const kinhBac = await waitFor(async () => (await store.get(`campaigns/${campaignId}/v1/loudspeaker/phuong-kinh-bac-khu-pho-3.txt`))?.body.toString('utf8'), 60_000, 'the Kinh Bắc script');
    expect(kinhBac).toMatch(/Kính thưa bà con nhân dân phường Kinh Bắc/i);
    const state = await product.client.workflow.getHandle(campaignId).query<CampaignState>('status');
    expect([state.localityCount, state.recipientCount]).toEqual([3, 2]);
    await screenshot(page, '45-campaign-own-communes');
    await context.close();
  });
});
