/**
 * The editors' dashboard end to end in headless Chromium on the real services: ask for a
 * sign-in link, read it from the inbox, sign in, find 20/11 in the calendar, start the campaign
 * from the form (a validation round first), see the drafts appear, approve on the campaign page
 * and watch the status reach "Đã đăng" without reloading. axe-core checks the main pages;
 * screenshots go to test-artifacts/dashboard/.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { daysBetween, formatVnDate, vnToday } from '../../domain/dates.js';
import { halfYearStart } from '../../domain/report/period.js';
import { planSchedules } from '../../infra/schedules.js';
import { readDocx } from '../fixtures/schedules/docx-text.js';
import type { Editor } from '../../web/dashboard/index.js';
import { imagesOf, launchChromium, screenshot, seriousViolations, signInLink, startDashboardProduct } from '../support/dashboard.js';

const shared = inject('endpoints');

describe('editors’ dashboard in a real browser', () => {
  const editor: Editor = { name: 'Nguyễn Thu Biên', email: `bientap-${randomUUID().slice(0, 8)}@example.org`, role: 'editor', unit: 'Phòng Văn hóa - Xã hội' };
  const leader: Editor = { name: 'Lê Văn Đạo', email: `lanhdao-${randomUUID().slice(0, 8)}@example.org`, role: 'leader' };
  let product: Awaited<ReturnType<typeof startDashboardProduct>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let campaignUrl = '';
  const axe: Record<string, unknown[]> = {};

  beforeAll(async () => {
    product = await startDashboardProduct(shared, [editor, leader]);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    page = await context.newPage();
  });
  const formSynced: string[] = [];
  afterAll(async () => {
    // The schedules made from the schedules page are removed again.
    for (const id of formSynced) await product?.client.schedule.getHandle(id).delete().catch(() => undefined);
    await browser?.close();
    await product?.stop();
  });

  async function check(name: string) {
    await screenshot(page, name);
    axe[name] = await seriousViolations(page);
  }

  it('signs in with the emailed one-time link', async () => {
    await page.goto(`${product.base}/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await check('01-sign-in');
    await page.getByLabel('Địa chỉ email').fill(editor.email);
    await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra hộp thư' }).waitFor();

    const link = await signInLink(product.endpoints, editor.email);
    expect(link.startsWith(product.base)).toBe(true);
    await page.goto(link);
    await check('02-sign-in-confirm');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: `Chào ${editor.name}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const cookie = (await context.cookies()).find((c) => c.name === 'campaign_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('home shows the upcoming occasions; the calendar leads to the 20/11 campaign form', async () => {
    await check('03-home');
    const today = vnToday();
    const year = Number(today.slice(0, 4));
    const next = `${today > `${year}-11-20` ? year + 1 : year}-11-20`;
    const home = await page.locator('main').innerText();
    // 20/11 is on the home page exactly when it falls in the next 60 days.
    expect(home.includes('Ngày Nhà giáo Việt Nam 20/11')).toBe(daysBetween(today, next) <= 60);

    await page.getByRole('link', { name: 'Lịch sự kiện' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Lịch sự kiện 12 tháng tới' }).waitFor();
    await check('04-calendar');
    await page.locator(`a[href="/campaigns/new?plan=phuong-bac-kan-2026&occasion=ngay-nha-giao-20-11&date=${next}"]`).click();
    await page.getByRole('heading', { level: 1, name: 'Khởi tạo chiến dịch' }).waitFor();
    expect(await page.locator('#occasion').inputValue()).toBe(`ngay-nha-giao-20-11@${next}`);
  });

  it('the start form shows problems beside the fields, then starts the campaign', async () => {
    await check('05-start-form');
    // A first try with nothing to publish and a time in the past: messages beside the fields.
    for (const channel of ['infographic', 'webPortal', 'pressBriefing', 'loudspeaker']) await page.locator(`#channel-${channel}`).uncheck();
    await page.getByLabel('Vào thời điểm cụ thể (nhập bên dưới)').check();
    await page.getByLabel('Ngày giờ đăng (giờ Việt Nam)').fill('2020-01-01T08:00');
    await page.getByRole('button', { name: 'Khởi tạo chiến dịch' }).click();
    await page.getByRole('alert').waitFor();
    await check('06-start-form-errors');
    expect(await page.locator('#channels-error').innerText()).toContain('Hãy chọn ít nhất một kênh.');
    expect(await page.locator('#publishAt').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#publishAt').inputValue()).toBe('2020-01-01T08:00');

    await page.locator('#channel-infographic').check();
    await page.locator('#channel-loudspeaker').check();
    await page.getByLabel('Ngay khi được phê duyệt').check();
    await page.getByRole('button', { name: 'Khởi tạo chiến dịch' }).click();
    await page.waitForURL(/\/campaigns\/campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-\d{4}\?ok=started$/);
    campaignUrl = page.url().replace(/\?.*$/, '');
    await page.getByText('Đã khởi tạo chiến dịch.').waitFor();
  });

  it('the campaign page shows the drafts as they appear, then publishes after approval without reloading', async () => {
    // Drafts arrive through the page's own polling (no reload).
    await page.evaluate('window.notReloaded = true');
    await page.locator('img[src*="/files/v1/infographic/social.png"]').waitFor({ timeout: 120_000 });
    type Img = { complete: boolean; naturalWidth: number };
    await expect.poll(() => page.locator('.gallery img').evaluateAll((imgs) => imgs.every((i) => (i as unknown as Img).complete && (i as unknown as Img).naturalWidth > 0)), { timeout: 60_000 }).toBe(true);
    // The images can be stored before the other drafts; the status follows once all are in.
    await page.locator('#status-label', { hasText: /^Chờ phê duyệt$/ }).waitFor({ timeout: 60_000 });
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    expect(await page.locator('.gallery img').count()).toBe(4);
    expect(await page.locator('pre.script').innerText()).toContain('Đài truyền thanh');
    expect(await page.locator('main').innerText()).toMatch(/thời lượng đọc khoảng \d+ (phút|giây)/);
    // Every image of the page really loads (previews of every channel: test/integration/previews.test.ts).
    expect((await imagesOf(page)).filter((i) => !i.loaded)).toEqual([]);
    await check('07-campaign-drafts');

    await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await page.getByText('Đã ghi nhận quyết định: Phê duyệt.').waitFor();
    await page.evaluate('window.notReloaded = true');
    await page.locator('#status-label', { hasText: /^Đã đăng$/ }).waitFor({ timeout: 120_000 });
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    const rows = await page.locator('#channel-table tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toContain('Đã đăng');
    // The history part was refreshed in place too.
    await page.locator('text=Đã đăng xong mọi kênh.').waitFor();
    expect(await page.locator('main').innerText()).toContain(editor.email);
    await check('08-campaign-published');
  });

  it('plans, the plan page, the campaign list, schedules and reports', async () => {
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch truyền thông' }).waitFor();
    await check('09-plans');
    await page.goto(`${product.base}/plans/phuong-bac-kan-2026`);
    const row = page.locator('#task-pbk-ton-vinh');
    expect(await row.locator(`a[href="${new URL(campaignUrl).pathname}"]`).count()).toBe(1);
    await check('10-plan');
    await page.goto(`${product.base}/campaigns`);
    // The list reads the status search attribute through visibility, which may lag a moment.
    await expect.poll(async () => (await page.locator('main').innerText()).includes('Đã đăng') || (await page.reload(), false), { timeout: 30_000 }).toBe(true);
    await check('11-campaigns');
    await page.goto(`${product.base}/`);
    await check('12-home-after');
    // Schedules: the editor syncs the ward plan from the page (preview, then apply), then
    // pauses the bulletin series.
    await page.getByRole('link', { name: 'Lịch định kỳ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lịch chạy định kỳ' }).waitFor();
    await page.getByLabel('Kế hoạch', { exact: true }).selectOption('phuong-bac-kan-2026');
    await page.getByLabel('Email nhận dự thảo báo cáo định kỳ').fill('vhxh.phuong@example.org');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('heading', { level: 2, name: 'Xem trước: những gì sẽ thay đổi' }).waitFor();
    expect(await page.locator('.sync-result').innerText()).toContain('7 tạo mới, 0 cập nhật, 0 xóa, 0 giữ nguyên');
    await check('16a-schedules-preview');
    await page.getByRole('button', { name: 'Đồng bộ', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Đã đồng bộ lịch với kế hoạch' }).waitFor();
    const bulletin = 'sched-phuong-bac-kan-2026-bulletin-pbk-thong-tin-co-so';
    formSynced.push(...(await planSchedules({ planId: 'phuong-bac-kan-2026', taskQueue: product.taskQueue, approvers: [editor.email] })).schedules.map((d) => d.id));
    expect((await product.client.schedule.getHandle('sched-phuong-bac-kan-2026-report-pbk-bc-so-gddt').describe()).memo).toMatchObject({ planId: 'phuong-bac-kan-2026', kind: 'report' });
    const scheduleRow = page.locator('tr', { has: page.locator(`form[action="/schedules/${bulletin}/pause"]`) });
    // Shown at once: the page reads what it has just created directly, not through the lagging list.
    expect(await scheduleRow.count()).toBe(1);
    const first = { id: bulletin };
    await check('16-schedules');
    await scheduleRow.getByRole('button', { name: /^Tạm dừng/ }).click();
    await page.getByText('Đã tạm dừng lịch.').waitFor();
    expect(await page.locator('tr', { has: page.locator(`form[action="/schedules/${first.id}/resume"]`) }).innerText()).toContain('Tạm dừng');
    expect((await product.client.schedule.getHandle(first.id).describe()).state.paused).toBe(true);
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo định kỳ' }).waitFor();
    // A report on demand for the ward plan, this half-year up to today (the form's defaults),
    // without email: it covers the campaign published above.
    await page.getByLabel('Kế hoạch', { exact: true }).selectOption('phuong-bac-kan-2026');
    await page.getByLabel('Gửi dự thảo qua email').uncheck();
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.getByText('Đã lập xong báo cáo').waitFor({ timeout: 60_000 });
    const today = vnToday();
    const from = halfYearStart(today);
    const reportRow = page.locator('tr', { hasText: `từ ngày ${formatVnDate(from)} đến ngày ${formatVnDate(today)}` });
    expect(await reportRow.innerText()).toContain('Văn bản Word (.docx)');
    const docxHref = await reportRow.getByRole('link', { name: 'Văn bản Word (.docx)' }).getAttribute('href');
    const docx = await page.request.get(`${product.base}${docxHref}`);
    expect(docx.status()).toBe(200);
    expect(readDocx(await docx.body()).paragraphs.join('\n')).toContain('Ngày Nhà giáo Việt Nam');
    await check('17-reports');
  });

  it('works on a phone screen and by keyboard', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    for (const [name, url] of [['13-phone-home', '/'], ['14-phone-campaign', new URL(campaignUrl).pathname], ['15-phone-start', '/campaigns/new?plan=phuong-bac-kan-2026']] as const) {
      await phone.goto(`${product.base}${url}`);
      const overflow = await phone.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow as number, name).toBeLessThanOrEqual(0);
      await screenshot(phone, name);
      axe[name] = await seriousViolations(phone);
    }
    // The first Tab reaches the skip link, which moves focus to the main content.
    await phone.goto(`${product.base}/`);
    await phone.keyboard.press('Tab');
    expect(await phone.evaluate('document.activeElement?.textContent')).toBe('Bỏ qua, tới nội dung chính');
    await phone.keyboard.press('Enter');
    expect(await phone.evaluate('document.activeElement?.id')).toBe('main');
    await phone.close();
  });

  it('axe-core finds no serious or critical violations on the main pages', () => {
    expect(Object.keys(axe).length).toBeGreaterThanOrEqual(17);
    expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((k) => [k, []])));
  });
});
