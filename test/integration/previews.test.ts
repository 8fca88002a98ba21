/**
 * What an approver sees, in headless Chromium on the real services: a campaign on every
 * channel, its page on the dashboard (signed in) and its approval page (reached with the
 * emailed token, no session). Every image must actually load — in the page and inside the
 * sandboxed previews of the web post and the press briefing — and nothing a person reads
 * names a channel, a field or a person by an internal id. Screenshots go to
 * test-artifacts/dashboard/.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { resolveCampaignInput, startCampaign } from '../../infra/campaign-client.js';
import type { Editor } from '../../web/dashboard/index.js';
import { waitFor } from '../support/campaign.js';
import { frameScreenshots, imagesOf, launchChromium, screenshot, signInLink, startDashboardProduct } from '../support/dashboard.js';
import { INTERNAL_WORDS, visibleText } from '../support/words.js';
import { waitForEmails } from '../support/mailbox.js';

const shared = inject('endpoints');

describe('draft previews in a real browser', () => {
  const editor: Editor = { name: 'Nguyễn Thu Biên', email: `bientap-${randomUUID().slice(0, 8)}@example.org`, role: 'editor' };
  let product: Awaited<ReturnType<typeof startDashboardProduct>>;
  let browser: Browser;
  let campaignId = '';

  beforeAll(async () => {
    product = await startDashboardProduct(shared, [editor]);
    browser = await launchChromium();
    const input = await resolveCampaignInput({
      planId: 'phuong-bac-kan-2026',
      occasionId: 'ngay-nha-giao-20-11',
      channels: ['infographic', 'webPortal', 'pressBriefing', 'loudspeaker'],
      localities: ['phuong-bac-kan-trung-tam'],
      approvers: [editor.email],
      forceNew: true,
    });
    await startCampaign(product.client, product.taskQueue, input);
    campaignId = input.campaignId;
  });
  afterAll(async () => {
    if (campaignId) await product?.client.workflow.getHandle(campaignId).cancel().catch(() => undefined);
    await browser?.close();
    await product?.stop();
  });

  /** Every image of the page and of its preview frames, after each was brought into view. */
  async function expectEveryImageLoads(page: Page) {
    const images = await imagesOf(page);
    // The gallery has the four infographic templates; each preview shows the infographic.
    expect(images.filter((i) => i.frame === 'page').length).toBeGreaterThanOrEqual(4);
    expect(images.filter((i) => i.frame === 'Xem trước bài đăng').length).toBeGreaterThanOrEqual(1);
    expect(images.filter((i) => i.frame === 'Xem trước thư gửi báo chí').length).toBeGreaterThanOrEqual(1);
    expect(images.filter((i) => !i.loaded)).toEqual([]);
  }

  it('the dashboard campaign page loads every image, previews included', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    // The whole suite shares two cores: a page may take a while to answer at its busiest.
    page.setDefaultTimeout(90_000);
    await page.goto(`${product.base}/sign-in`);
    await page.getByLabel('Địa chỉ email').fill(editor.email);
    await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra hộp thư' }).waitFor();
    await page.goto(await signInLink(product.endpoints, editor.email));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: `Chào ${editor.name}` }).waitFor();

    await page.goto(`${product.base}/campaigns/${campaignId}`);
    await page.locator('#status-label', { hasText: /^Chờ phê duyệt$/ }).waitFor({ timeout: 150_000 });
    await page.locator('iframe[title="Xem trước thư gửi báo chí"]').waitFor();
    await expectEveryImageLoads(page);
    await screenshot(page, '21-campaign-previews');
    await frameScreenshots(page, '21-campaign-preview');

    const text = await page.locator('main').innerText();
    expect(text).toContain('Bài đăng cổng thông tin');
    expect(text).not.toMatch(INTERNAL_WORDS);
    await context.close();
  });

  it('the approval email and page greet by name, use labels, and the page loads every image without a session', async () => {
    const approval = await waitFor(async () => (await waitForEmails(product.endpoints, editor.email, 1, 1_000)).find((m) => m.subject?.startsWith('[Cần phê duyệt]')), 150_000, 'the approval email');
    const link = /(https?:\/\/\S+\/approve\/[A-Za-z0-9_-]{43})/.exec(approval.text ?? '')?.[1];
    expect(link).toBeDefined();
    expect(approval.text).toContain(`Kính gửi ${editor.name},`);
    expect(approval.text).toContain('- Bài đăng cổng thông tin: ');
    expect(approval.text).toContain('- Thông tin cho báo chí: ');
    expect(approval.text).toContain('- Truyền thanh cơ sở: ');
    expect(visibleText(approval.text ?? '')).not.toMatch(INTERNAL_WORDS);
    expect(String(approval.html)).toContain(`Kính gửi ${editor.name},`);
    expect(visibleText(String(approval.html))).not.toMatch(INTERNAL_WORDS);

    // A fresh browser context: no dashboard session, only the token in the link.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    // The whole suite shares two cores: a page may take a while to answer at its busiest.
    page.setDefaultTimeout(90_000);
    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'Phê duyệt nội dung truyền thông' }).waitFor();
    await expectEveryImageLoads(page);
    await screenshot(page, '22-approval-previews');
    await frameScreenshots(page, '22-approval-preview');
    const text = await page.locator('main').innerText();
    expect(text).toContain(editor.name);
    expect(text).not.toMatch(INTERNAL_WORDS);
    await context.close();
  });
});
