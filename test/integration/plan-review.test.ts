/**
 * Plan intake from the dashboard, in headless Chromium on the real services: an officer
 * uploads seed 000 (the Lạng Sơn plan, OCR text without diacritics) as text, as a Word file
 * and as one scanned page, sees what was restored, guessed or left empty and the problems
 * beside their fields, corrects them in the form, saves a version, and starts a 20/11 campaign
 * from it (the campaign records that version). The same for a plan carrying out another
 * resolution (57-NQ/TW). Runs in a bucket of its own, so the versions saved here never reach
 * the shared samples other test files use.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../activities/campaign/keys.js';
import type { CampaignInput } from '../../domain/campaign/types.js';
import { cancelCampaign } from '../../infra/campaign-client.js';
import { DirectoryStore, seedSampleDirectory, useProcessDirectory } from '../../infra/directory-store.js';
import { PlanLibrary, usePlanLibrary } from '../../infra/plan-library.js';
import { createS3Client, ensureBucket, S3ObjectStore } from '../../infra/s3.js';
import type { Editor } from '../../web/dashboard/index.js';
import { textToDocx, textToPageImages } from '../support/documents.js';
import { waitFor } from '../support/campaign.js';
import { launchChromium, screenshot, signInLink, startDashboardProduct } from '../support/dashboard.js';

const shared = inject('endpoints');
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SEED_000 = path.join(ROOT, 'test/fixtures/intake/lang-son-62-ocr.txt');
const PLAN_57 = path.join(ROOT, 'test/fixtures/intake/ke-hoach-57-xa-mau.txt');
const LANG_SON = 'lang-son-62-kh-ubnd-2026';

describe('plan upload, review and campaign from the dashboard', () => {
  // The Lạng Sơn province administrator of the sample directory.
  const editor: Editor = { name: 'Hà Văn Trị', email: 'quantri.langson@example.org', role: 'editor' };
  let product: Awaited<ReturnType<typeof startDashboardProduct>>;
  let store: S3ObjectStore;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const started: string[] = [];

  beforeAll(async () => {
    const bucket = `plan-review-${randomUUID().slice(0, 8)}`;
    await ensureBucket(createS3Client(shared.s3), bucket);
    const endpoints = { ...shared, s3: { ...shared.s3, bucket } };
    store = S3ObjectStore.fromSettings(endpoints.s3);
    await seedSampleDirectory(store);
    // As `npm start` does: the web server reads plans and units from the store.
    usePlanLibrary(new PlanLibrary(store));
    useProcessDirectory(new DirectoryStore(store));
    product = await startDashboardProduct(endpoints, [editor]);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
    page = await context.newPage();
    await page.goto(`${product.base}/sign-in`);
    await page.getByLabel('Địa chỉ email').fill(editor.email);
    await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra hộp thư' }).waitFor();
    await page.goto(await signInLink(product.endpoints, editor.email));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: `Chào ${editor.name}` }).waitFor();
  }, 180_000);
  afterAll(async () => {
    for (const id of started) await cancelCampaign(product.client, id).catch(() => undefined);
    usePlanLibrary(undefined);
    useProcessDirectory(undefined);
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  async function upload(name: string, mimeType: string, buffer: Buffer) {
    await page.goto(`${product.base}/plans`);
    await page.getByRole('link', { name: 'Nhập kế hoạch từ văn bản' }).click();
    await page.getByLabel('Tệp văn bản kế hoạch').setInputFiles({ name, mimeType, buffer });
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xem lại kế hoạch nhập từ văn bản' }).waitFor({ timeout: 180_000 });
  }

  const field = (p: string) => page.locator(`[data-path="${p}"]`);

  async function save(): Promise<{ planId: string; version: number }> {
    await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await page.locator('#saved-notice').waitFor({ timeout: 60_000 });
    const url = new URL(page.url());
    return { planId: url.pathname.split('/')[2]!, version: Number(url.searchParams.get('saved')) };
  }

  /** Starts a campaign of the saved plan for the occasion, web post only; returns its recorded input. */
  async function startFromPlan(planId: string, occasionId: string): Promise<CampaignInput> {
    await page.getByRole('link', { name: 'Khởi tạo chiến dịch theo kế hoạch này' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khởi tạo chiến dịch' }).waitFor();
    expect(page.url()).toContain(`plan=${planId}`);
    const occasion = await page.locator(`#occasion option[value^="${occasionId}@"]`).first().getAttribute('value');
    await page.locator('#occasion').selectOption(occasion!);
    for (const channel of ['infographic', 'pressBriefing', 'loudspeaker']) await page.locator(`#channel-${channel}`).uncheck();
    await page.locator('#channel-webPortal').check();
    await page.locator('#forceNew-yes').check();
    await page.getByRole('button', { name: 'Khởi tạo chiến dịch' }).click();
    await Promise.race([page.waitForURL(/\/campaigns\/[^/?#]+\?ok=started$/u, { timeout: 60_000 }), page.locator('.error-summary').waitFor({ timeout: 60_000 })]);
    if (await page.locator('.error-summary').count()) throw new Error(`start refused: ${await page.locator('.error-summary').innerText()}`);
    const campaignId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    started.push(campaignId);
    // The workflow was started with the version (its memo says which) …
    const memo = (await product.client.workflow.getHandle(campaignId).describe()).memo as { planVersion?: number } | undefined;
    // … and the worker's preparation recorded the input it drafts from.
    const stored = await waitFor(() => store.get(keys.input(campaignId)), 120_000, 'campaign input recorded');
    const input = JSON.parse(stored.body.toString('utf8')) as CampaignInput;
    expect(memo?.planVersion).toBe(input.planVersion);
    return input;
  }

  /** Seed 000's import has two problems the officer must correct; both are shown beside their fields. */
  async function correctSeed000Problems() {
    const recipients = field('reporting[1].recipients');
    expect(await recipients.locator('.field-error').innerText()).toContain('cần ít nhất một nơi nhận báo cáo');
    await recipients.locator('textarea').fill('Ủy ban nhân dân tỉnh');
    const body = field('reporting[3].reportingBody');
    expect(await body.locator('.field-error').innerText()).toContain('thiếu mục bắt buộc');
    await body.locator('input').fill('Sở Giáo dục và Đào tạo');
  }

  it('seed 000 as text: restored words highlighted beside the form, problems beside their fields; corrected, saved and a 20/11 campaign started from that version', async () => {
    await upload('ke-hoach-62-lang-son.txt', 'text/plain', await readFile(SEED_000));
    // The source as read, and as restored, with the restored spans marked.
    expect(await page.locator('#source-original').textContent()).toContain('Nghi quyet');
    expect(await page.locator('#source-text').innerText()).toContain('Nghị quyết số 71-NQ/TW');
    expect(await page.locator('#source-text mark.p-restored').count()).toBeGreaterThan(10);
    // The plan already exists: saving makes its next version.
    expect(await page.locator('main').innerText()).toContain(`Đã có kế hoạch mã “${LANG_SON}” (phiên bản 1`);
    expect(await page.locator('main').innerText()).toContain('Lưu sẽ tạo phiên bản 2; các phiên bản trước vẫn được giữ.');
    expect(await page.locator('#error-summary-h').innerText()).toBe('Kế hoạch chưa hợp lệ: cần sửa 2 mục');
    const flagged = await page.locator('#flagged-h').innerText();
    expect(flagged).toMatch(/^Cần xem lại \(\d+\)$/u);
    await screenshot(page, '31-plan-review-seed-000-text');
    await correctSeed000Problems();
    // A field the import restored is marked as such beside it; the officer corrects the title.
    const title = field('title');
    expect(await title.getAttribute('class')).toMatch(/p-restored|p-guessed/u);
    await title.locator('textarea').fill('Đẩy mạnh công tác truyền thông thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo trên địa bàn tỉnh Lạng Sơn');
    const saved = await save();
    expect(saved).toEqual({ planId: LANG_SON, version: 2 });
    const input = await startFromPlan(LANG_SON, 'ngay-nha-giao-20-11');
    expect(input).toMatchObject({ planId: LANG_SON, planVersion: 2, occasionId: 'ngay-nha-giao-20-11', channels: ['webPortal'] });
    expect(input.occasionDate.slice(5)).toBe('11-20');
  });

  it('seed 000 as a Word file: the same review, saved as the next version, campaign records it', async () => {
    await upload('ke-hoach-62-lang-son.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await textToDocx(await readFile(SEED_000, 'utf8')));
    expect(await page.locator('main').innerText()).toContain('tệp Word (.docx)');
    expect(await page.locator('#source-text mark.p-restored').count()).toBeGreaterThan(10);
    await correctSeed000Problems();
    const saved = await save();
    expect(saved).toEqual({ planId: LANG_SON, version: 3 });
    const input = await startFromPlan(LANG_SON, 'ngay-nha-giao-20-11');
    expect(input.planVersion).toBe(3);
    // Every version is kept, with who saved it.
    await page.goto(`${product.base}/plans/${LANG_SON}/versions`);
    const versions = await page.locator('table.dash tbody').innerText();
    expect(versions).toContain('quantri.langson@example.org');
    expect(versions).toContain('ke-hoach-62-lang-son.docx');
    expect(await page.locator('table.dash tbody tr').count()).toBe(3);
  });

  it('seed 000 as one scanned page: read by OCR, the missing tasks refused beside the form; a task added, saved, campaign started', async () => {
    const [firstPage] = await textToPageImages(await readFile(SEED_000, 'utf8'));
    await upload('ke-hoach-62-trang-1.png', 'image/png', firstPage!);
    expect(await page.locator('main').innerText()).toContain('ảnh chụp, bản quét (nhận dạng chữ OCR)');
    expect(await page.locator('#source-text').innerText()).toContain('KẾ HOẠCH');
    // OCR output is weighed word by word: what was repaired or guessed is listed and marked.
    expect(await page.locator('#flagged-h').innerText()).toMatch(/^Cần xem lại \(\d+\)$/u);
    expect(await page.locator('.pf.p-restored, .pf.p-guessed, .pf.p-missing').count()).toBeGreaterThan(0);
    expect(await page.locator('#error-summary-h').innerText()).toContain('Kế hoạch chưa hợp lệ');
    expect(await page.locator('.error-summary').first().innerText()).toContain('kế hoạch cần ít nhất một nhiệm vụ');
    await screenshot(page, '32-plan-review-scan');
    // The officer types the one task of the page's plan in the blank task row.
    const blank = page.locator('fieldset.group.blank', { hasText: 'Thêm nhiệm vụ' });
    await blank.getByLabel('Số thứ tự').fill('1');
    await blank.getByLabel('Tên nhiệm vụ').fill('Tuyên truyền Nghị quyết số 71-NQ/TW nhân Ngày Nhà giáo Việt Nam 20/11');
    await blank.getByLabel('Nội dung').fill('Tuyên truyền trên cổng thông tin điện tử của tỉnh về Ngày Nhà giáo Việt Nam.');
    await blank.getByLabel('cổng/trang thông tin điện tử').check();
    const saved = await save();
    expect(saved).toEqual({ planId: LANG_SON, version: 4 });
    // The added task names no lead body: the plan page says so instead of an empty "Chủ trì".
    expect(await page.locator('table.dash tbody').innerText()).toContain('chưa nêu trong kế hoạch');
    const input = await startFromPlan(LANG_SON, 'ngay-nha-giao-20-11');
    expect(input.planVersion).toBe(4);
  });

  it('a plan carrying out 57-NQ/TW: the missing lead body is flagged, not made up; corrected, saved for a commune, campaign on 10/10 started from it', async () => {
    await upload('ke-hoach-57-xa-minh-hoa.txt', 'text/plain', await readFile(PLAN_57));
    const lead = field('tasks[1].leadBody');
    expect(await lead.locator('.flag').innerText()).toContain('Văn bản không nêu, để trống');
    expect(await lead.locator('input').inputValue()).toBe('');
    expect(await page.locator('#error-summary-h').count()).toBe(0);
    await screenshot(page, '33-plan-review-57');
    await lead.locator('input').fill('Đoàn Thanh niên xã');
    await page.locator('#unit').selectOption('xa-chi-lang');
    const saved = await save();
    expect(saved).toEqual({ planId: 'xa-minh-hoa-21-kh-ubnd-2026', version: 1 });
    expect(await page.locator('#plan-version').innerText()).toMatch(/^phiên bản 1, quantri\.langson@example\.org lưu lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/u);
    expect(await page.locator('table.dash tbody').innerText()).toContain('Đoàn Thanh niên xã');
    expect((await new DirectoryStore(store).ownerOfPlan(saved.planId))?.id).toBe('xa-chi-lang');
    const input = await startFromPlan(saved.planId, 'chuyen-doi-so-10-10');
    expect(input).toMatchObject({ planId: saved.planId, planVersion: 1, occasionId: 'chuyen-doi-so-10-10' });
  });

  it('editing a plan with the same form: a save from an older version is refused in Vietnamese and the typed values stay', async () => {
    await page.goto(`${product.base}/plans/xa-minh-hoa-21-kh-ubnd-2026/edit`);
    await page.getByRole('heading', { level: 1, name: 'Sửa kế hoạch' }).waitFor();
    // Someone else saves meanwhile.
    const library = new PlanLibrary(store);
    const current = (await library.data('xa-minh-hoa-21-kh-ubnd-2026'))!;
    await library.save({ ...current.data, title: `${String(current.data.title)} (bản của người khác)` }, { by: 'lanhdao.langson@example.org', expectedVersion: current.version });
    await field('tasks[0].leadBody').locator('input').fill('Trung tâm Dịch vụ tổng hợp xã Minh Họa');
    await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await page.locator('#conflict').waitFor();
    expect(await page.locator('#conflict').innerText()).toContain('đã được lanhdao.langson@example.org lưu thành phiên bản 2');
    expect(await field('tasks[0].leadBody').locator('input').inputValue()).toBe('Trung tâm Dịch vụ tổng hợp xã Minh Họa');
    expect((await library.history('xa-minh-hoa-21-kh-ubnd-2026')).map((h) => h.by)).toEqual(['quantri.langson@example.org', 'lanhdao.langson@example.org']);
  });
});
