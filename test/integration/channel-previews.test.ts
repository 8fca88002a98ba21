/**
 * Every channel's preview, in headless Chromium on the real services: a campaign with every
 * channel on, its page on the dashboard (signed in) and its approval page (the emailed token,
 * no session). Each channel's preview renders, every image in it loads (inside the sandboxed
 * frames too: an opaque-origin frame's requests carry no cookie), the Q&A set shows its
 * questions, the social pack its texts, the print set its PDFs, the e-board its screen image;
 * nothing a person reads names an internal id. Once approved and published, the social pack's
 * copy button copies the text. Screenshots go to test-artifacts/dashboard/3x-*.png.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ALL_CAMPAIGN_CHANNELS } from '../../domain/campaign/types.js';
import { resolveCampaignInput, startCampaign } from '../../infra/campaign-client.js';
import type { Editor } from '../../web/dashboard/index.js';
import { campaignResult, formFields, postDecision, waitFor } from '../support/campaign.js';
import { frameScreenshots, imagesOf, launchChromium, screenshot, signInLink, startDashboardProduct } from '../support/dashboard.js';
import { waitForEmails } from '../support/mailbox.js';
import { INTERNAL_WORDS } from '../support/words.js';

const shared = inject('endpoints');

/** The preview frames a campaign on every channel shows, by their titles. */
const FRAMES = {
  post: 'Xem trước bài đăng',
  briefing: 'Xem trước thư gửi báo chí',
  qa: 'Xem trước: Bộ câu hỏi - đáp',
  social: 'Xem trước: Bài đăng mạng xã hội',
  print: 'Xem trước: Áp phích, pano (bản in)',
  eboard: 'Xem trước: Bảng tin điện tử công cộng',
} as const;

describe('every channel’s preview in a real browser', () => {
  const editor: Editor = { name: 'Trần Minh Duyệt', email: `duyet-${randomUUID().slice(0, 8)}@example.org`, role: 'editor' };
  let product: Awaited<ReturnType<typeof startDashboardProduct>>;
  let browser: Browser;
  let campaignId = '';
  let approvalLink = '';
  let dashboard: { context: BrowserContext; page: Page } | undefined;

  beforeAll(async () => {
    product = await startDashboardProduct(shared, [editor]);
    browser = await launchChromium();
    const input = await resolveCampaignInput({
      planId: 'phuong-bac-kan-2026',
      occasionId: 'ngay-nha-giao-20-11',
      // Every channel but the short video, whose players have their own browser test
      // (test/integration/video.test.ts): rendering it again here would only cost a minute.
      channels: ALL_CAMPAIGN_CHANNELS.filter((c) => c !== 'video'),
      localities: ['phuong-bac-kan-trung-tam'],
      approvers: [editor.email],
      // Due as soon as it is approved.
      publishAt: new Date(Date.now() + 1_000).toISOString(),
      forceNew: true,
    });
    await startCampaign(product.client, product.taskQueue, input);
    campaignId = input.campaignId;
  });
  afterAll(async () => {
    await dashboard?.context.close();
    await browser?.close();
    await product?.stop();
  });

  /** The editor's dashboard, signed in once (each sign-in link is for one use). */
  async function signedIn(): Promise<{ context: BrowserContext; page: Page }> {
    if (dashboard) return dashboard;
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
    dashboard = { context, page };
    return dashboard;
  }

  /** What a person reads in the preview frame titled `title`. */
  const frameText = (page: Page, title: string) => page.frameLocator(`iframe[title="${title}"]`).locator('body').innerText();

  /** Each channel's preview on `page`: rendered, every image loaded, no internal id in sight. */
  async function expectEveryChannelPreview(page: Page) {
    for (const title of Object.values(FRAMES)) await page.locator(`iframe[title="${title}"]`).waitFor();
    const images = await imagesOf(page);
    expect(images.filter((i) => !i.loaded)).toEqual([]);
    // Infographic: the four templates in the gallery.
    expect(images.filter((i) => i.frame === 'page').length).toBeGreaterThanOrEqual(4);
    // The post, the briefing and the social pack embed the infographic; the e-board shows its screen image.
    for (const title of [FRAMES.post, FRAMES.briefing, FRAMES.social, FRAMES.eboard]) expect(images.filter((i) => i.frame === title && i.loaded).length, title).toBeGreaterThanOrEqual(1);

    // Loudspeaker: the sample script, in the page itself.
    expect((await page.locator('pre.script').innerText()).trim().length).toBeGreaterThan(100);

    for (const title of Object.values(FRAMES)) {
      const text = await frameText(page, title);
      expect(text.trim().length, title).toBeGreaterThan(20);
      // The briefing names its attachment as the journalist's mail shows it ("tệp do-hoa-….png"):
      // a file name made for people, not an internal one.
      const shown = title === FRAMES.briefing ? text.replace(/\(tệp [a-z0-9-]+\.png\)/, '(tệp đính kèm)') : text;
      expect(shown.match(INTERNAL_WORDS)?.[0], title).toBeUndefined();
    }
    // The Q&A set shows its questions, each with its answer.
    const qa = page.frameLocator(`iframe[title="${FRAMES.qa}"]`);
    expect(await qa.locator('dt').count()).toBeGreaterThanOrEqual(3);
    expect(await qa.locator('dt').first().innerText()).toMatch(/^Câu 1\. .+/);
    expect((await qa.locator('dd').first().innerText()).trim()).not.toBe('');
    // The social pack: a text for each platform.
    const social = page.frameLocator(`iframe[title="${FRAMES.social}"]`);
    expect(await social.locator('pre').count()).toBe(2);
    const socialText = await frameText(page, FRAMES.social);
    for (const platform of ['Facebook', 'Zalo']) expect(socialText).toContain(platform);
    // The print set: its three PDFs.
    const printText = await frameText(page, FRAMES.print);
    for (const size of ['Áp phích A3', 'Áp phích A1', 'Pano ngang 3:1']) expect(printText).toContain(size);
    // The e-board: the screen image, landscape.
    const board = await (await page.locator(`iframe[title="${FRAMES.eboard}"]`).elementHandle())!.contentFrame();
    const [w, h] = (await board!.evaluate("(() => { const img = document.querySelector('img'); return [img.naturalWidth, img.naturalHeight]; })()")) as [number, number];
    expect(w / h).toBeCloseTo(16 / 9, 1);

    expect((await page.locator('main').innerText()).match(INTERNAL_WORDS)?.[0]).toBeUndefined();
  }

  it('the dashboard campaign page shows every channel’s preview', { timeout: 400_000 }, async () => {
    const { page } = await signedIn();
    await page.goto(`${product.base}/campaigns/${campaignId}`);
    await page.locator('#status-label', { hasText: /^Chờ phê duyệt$/ }).waitFor({ timeout: 300_000 });
    await page.reload();
    await expectEveryChannelPreview(page);
    await screenshot(page, '31-channel-previews');
    await frameScreenshots(page, '31-channel-preview');
  });

  it('the approval page shows every channel’s preview without a session', { timeout: 300_000 }, async () => {
    const approval = await waitFor(async () => (await waitForEmails(product.endpoints, editor.email, 1, 1_000)).find((m) => m.subject?.startsWith('[Cần phê duyệt]')), 300_000, 'the approval email');
    approvalLink = /(https?:\/\/\S+\/approve\/[A-Za-z0-9_-]{43})/.exec(approval.text ?? '')?.[1] ?? '';
    expect(approvalLink).not.toBe('');
    // A fresh browser context: no dashboard session, only the token in the link.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(90_000);
    await page.goto(approvalLink);
    await page.getByRole('heading', { level: 1, name: 'Phê duyệt nội dung truyền thông' }).waitFor();
    await expectEveryChannelPreview(page);
    await screenshot(page, '32-approval-channel-previews');
    await frameScreenshots(page, '32-approval-channel-preview');
    await context.close();
  });

  it('once published, the social pack’s copy button copies its text', { timeout: 300_000 }, async () => {
    expect(approvalLink).not.toBe('');
    const form = await (await fetch(approvalLink)).text();
    expect((await postDecision(approvalLink, { ...formFields(form), decision: 'approve' })).status).toBe(200);
    expect((await campaignResult(product.client, campaignId)).status).toBe('published');

    const { context, page } = await signedIn();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: product.base });
    await page.goto(`${product.base}/campaigns/${campaignId}`);
    const area = page.locator('#social-facebook');
    const text = await area.inputValue();
    expect(text.trim().length).toBeGreaterThan(50);
    // Laid out to be read: the text area spans the card, its label above it.
    const [areaBox, labelBox] = [await area.boundingBox(), await page.locator('label[for="social-facebook"]').boundingBox()];
    expect(areaBox!.width).toBeGreaterThan(500);
    expect(labelBox!.y + labelBox!.height).toBeLessThanOrEqual(areaBox!.y);
    const copy = page.locator('button[data-copy="social-facebook"]');
    await copy.click();
    await expect.poll(() => copy.innerText()).toBe('Đã sao chép');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(text);
    expect(await page.locator('main').innerText()).not.toMatch(INTERNAL_WORDS);
    await screenshot(page, '33-social-pack-published');
  });
});
