/**
 * The short video end to end on the real embedded services: a 20/11 campaign with the web post
 * and the video, drafted (espeak-ng, ffmpeg), looked at in headless Chromium on the approval page
 * reached with the emailed token (no session) and on the signed-in dashboard — the players load,
 * seek, have the expected size and carry the Vietnamese subtitles of the narration — approved by
 * the emailed link, then published to the unit's Fanpage on a fake Graph API: the MP4 it
 * receives is checked with ffprobe. Screenshots go to test-artifacts/dashboard/.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../activities/campaign/keys.js';
import { videoKeys } from '../../channels/video/activities.js';
import { VIDEO_FILES, type VideoNarrationRecord } from '../../channels/video/files.js';
import { attribution, videoNarration } from '../../channels/video/narration.js';
import type { ContentBrief } from '../../domain/brief.js';
import { resolveCampaignInput, startCampaign } from '../../infra/campaign-client.js';
import { S3ObjectStore } from '../../infra/s3.js';
import type { Editor } from '../../web/dashboard/index.js';
import { campaignResult, formFields, postDecision, waitFor } from '../support/campaign.js';
import { frameScreenshots, launchChromium, screenshot, signInLink, startDashboardProduct } from '../support/dashboard.js';
import { waitForEmails } from '../support/mailbox.js';
import { INTERNAL_WORDS } from '../support/words.js';

const shared = inject('endpoints');
const PAGE_ID = '100200300';
const TOKEN = 'EAAB-page-token-video-0123456789';

/** The fake Graph API: keeps each request's form, answers with a video id. */
const received: { url: string; form: FormData }[] = [];
const graph = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void new Request('http://graph.test/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: Buffer.concat(chunks) })
      .formData()
      .then((form) => {
        received.push({ url: req.url!, form });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: '5550001' }));
      });
  });
});

function probe(body: Buffer) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'video-it-')), 'v.mp4');
  writeFileSync(file, body);
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], { encoding: 'utf8' })) as {
    streams: { codec_type: string; codec_name: string; width?: number; height?: number }[];
    format: { duration: string; format_name: string };
  };
}

// In-page code is passed as text: this project compiles without the DOM library. The preview
// frame runs no script, so its timers and event handlers never fire: the test starts each player
// loading, then polls their state from here; once loaded, each is seeked to its middle (a range
// request) and polled again.
// The WebVTT track is off on the page (the subtitles are burned in); it is loaded hidden here to read its cues.
const START = `(() => { for (const v of Array.from(document.querySelectorAll('video'))) { v.preload = 'auto'; v.load(); if (v.textTracks[0]) v.textTracks[0].mode = 'hidden'; } return true; })()`;
const SEEK = `(() => { for (const v of Array.from(document.querySelectorAll('video'))) v.currentTime = v.duration / 2; return true; })()`;
const STATE = `(() => Array.from(document.querySelectorAll('video')).map((v) => {
  const track = v.textTracks[0];
  return {
    format: v.dataset.format, readyState: v.readyState, duration: v.duration, width: v.videoWidth, height: v.videoHeight,
    currentTime: v.currentTime, seeking: v.seeking, error: v.error ? v.error.code : 0,
    language: track ? track.language : '', kind: track ? track.kind : '', mode: track ? track.mode : '',
    cues: track && track.cues ? Array.from(track.cues).map((c) => c.text) : [],
  };
}))()`;

interface Player {
  format: string;
  readyState: number;
  duration: number;
  width: number;
  height: number;
  currentTime: number;
  seeking: boolean;
  mode: string;
  error: number;
  language: string;
  kind: string;
  cues: string[];
}

describe('short video channel', () => {
  const editor: Editor = { name: 'Nguyễn Thu Biên', email: `bientap-${randomUUID().slice(0, 8)}@example.org`, role: 'editor' };
  let product: Awaited<ReturnType<typeof startDashboardProduct>>;
  let browser: Browser;
  let store: S3ObjectStore;

  beforeAll(async () => {
    await new Promise<void>((r) => graph.listen(0, '127.0.0.1', r));
    // The unit's Fanpage, on the fake Graph API (the worker reads the file when it publishes).
    const dir = mkdtempSync(path.join(tmpdir(), 'video-accounts-'));
    const unitsFile = path.join(dir, 'social-accounts.yaml');
    const base = `http://127.0.0.1:${(graph.address() as AddressInfo).port}/graph`;
    writeFileSync(unitsFile, `units:\n  phuong-bac-kan:\n    facebook: { pageId: "${PAGE_ID}", accessToken: "${TOKEN}", baseUrl: "${base}" }\n`);
    // SOCIAL_ACCOUNTS_FILE, as the configuration carries it to the worker.
    product = await startDashboardProduct(shared, [editor], { socialAccountsFile: unitsFile });
    store = S3ObjectStore.fromSettings(product.endpoints.s3);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await new Promise<void>((r) => graph.close(() => r()));
  });

  async function players(page: Page): Promise<Player[]> {
    const iframe = page.locator('iframe[title="Xem trước: Video ngắn"]');
    await iframe.scrollIntoViewIfNeeded();
    const frame = (await (await iframe.elementHandle())!.contentFrame())!;
    await frame.waitForLoadState('load');
    const state = async () => (await frame.evaluate(STATE)) as Player[];
    await frame.evaluate(START);
    const loaded = (ps: Player[]) => ps.length > 0 && ps.every((p) => p.error !== 0 || (p.readyState >= 2 && p.cues.length > 0));
    await waitFor(async () => (loaded(await state()) ? true : undefined), 90_000, 'the players to load').catch(() => undefined);
    if (!(await state()).every((p) => p.readyState >= 2)) return state();
    await frame.evaluate(SEEK);
    await waitFor(async () => ((await state()).every((p) => !p.seeking && p.readyState >= 2) ? true : undefined), 60_000, 'the players to seek').catch(() => undefined);
    return state();
  }

  function expectPlayers(found: Player[], narration: string[]) {
    expect(found.map((p) => p.format)).toEqual(['vertical', 'landscape']);
    for (const p of found) {
      expect(p.error).toBe(0);
      expect(p.readyState).toBeGreaterThanOrEqual(2);
      // Seeked to the middle: the part came by a range request.
      expect(p.seeking).toBe(false);
      expect(Math.abs(p.currentTime - p.duration / 2)).toBeLessThan(1);
      expect(p.duration).toBeGreaterThan(0);
      expect(p.duration).toBeLessThanOrEqual(60);
      expect([p.kind, p.language, p.mode]).toEqual(['subtitles', 'vi', 'hidden']);
      expect(p.cues).toEqual(narration);
    }
    expect(found.map((p) => [p.width, p.height])).toEqual([
      [1080, 1920],
      [1920, 1080],
    ]);
  }

  it('is previewed with working players, approved by link and posted to the Fanpage', { timeout: 600_000 }, async () => {
    const input = await resolveCampaignInput({
      planId: 'phuong-bac-kan-2026',
      occasionId: 'ngay-nha-giao-20-11',
      channels: ['webPortal', 'video'],
      approvers: [editor.email],
      publishAt: new Date(Date.now() + 1_000).toISOString(),
      forceNew: true,
    });
    expect(input.mediaListUnit ?? input.units?.[0]).toBe('phuong-bac-kan');
    const id = input.campaignId;
    await startCampaign(product.client, product.taskQueue, input);

    const step = (what: string) => process.stderr.write(`[video-it] ${new Date().toISOString()} ${what}\n`);
    step('started');
    const approval = await waitFor(async () => (await waitForEmails(product.endpoints, editor.email, 1, 1_000)).find((m) => m.subject?.startsWith('[Cần phê duyệt]')), 420_000, 'the approval email');
    const link = /(https?:\/\/\S+\/approve\/[A-Za-z0-9_-]{43})/.exec(approval.text ?? '')![1]!;
    expect(approval.text).toMatch(/- Video ngắn: 2 video \(dọc 1080×1920, ngang 1920×1080\), \d+ giây, phụ đề tiếng Việt \d+ câu/);

    step('approval email');
    // The narration: the brief's own sentences and the plan's attribution, as drafted.
    const brief = JSON.parse((await store.get(keys.brief(id, 1)))!.body.toString('utf8')) as ContentBrief;
    const drafted = JSON.parse((await store.get(`${videoKeys.folder(id, 1)}${VIDEO_FILES.narration}`))!.body.toString('utf8')) as VideoNarrationRecord;
    const full = videoNarration(brief).sentences;
    expect([...drafted.sentences.slice(0, -1), ...drafted.dropped]).toEqual(full);
    expect(drafted.sentences.at(-1)).toBe(attribution(brief));

    // The approval page, with the token only.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(90_000);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Phê duyệt nội dung truyền thông' }).waitFor();
    step('approval page');
    const onApproval = await players(page);
    step(`players: ${onApproval.map((p) => `${p.format} ${p.width}×${p.height} state ${p.readyState}, ${p.cues.length} cues`).join('; ')}`);
    await screenshot(page, '31-approval-video');
    expectPlayers(onApproval, drafted.sentences);
    await frameScreenshots(page, '31-approval-video-preview');
    expect(await page.locator('main').innerText()).not.toMatch(INTERNAL_WORDS);
    await context.close();

    // The dashboard's campaign page, signed in: the frame's players carry the session.
    const dash = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const dpage = await dash.newPage();
    dpage.setDefaultTimeout(90_000);
    await dpage.goto(`${product.base}/sign-in`);
    await dpage.getByLabel('Địa chỉ email').fill(editor.email);
    await dpage.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
    await dpage.getByRole('heading', { level: 1, name: 'Kiểm tra hộp thư' }).waitFor();
    await dpage.goto(await signInLink(product.endpoints, editor.email));
    await dpage.getByRole('button', { name: 'Đăng nhập' }).click();
    await dpage.getByRole('heading', { level: 1, name: `Chào ${editor.name}` }).waitFor();
    await dpage.goto(`${product.base}/campaigns/${id}`);
    await dpage.locator('iframe[title="Xem trước: Video ngắn"]').waitFor();
    step('dashboard page');
    expectPlayers(await players(dpage), drafted.sentences);
    step('dashboard players');
    await dash.close();

    const page1 = await (await fetch(link)).text();
    expect((await postDecision(link, { ...formFields(page1), decision: 'approve' })).status).toBe(200);
    step('approved');
    const final = await campaignResult(product.client, id);
    step('published');
    expect(final.status).toBe('published');
    const detail = (ch: string) => final.channels.find((c) => c.channel === ch)!.detail!;
    expect(detail('video')).toBe(`đã đăng video trên Fanpage (Facebook) (https://www.facebook.com/${PAGE_ID}/videos/5550001); gói video cho Zalo OA gửi 1 biên tập viên, chờ đăng tay`);

    // What the Fanpage received: the vertical MP4 with the caption linking the web post.
    expect(received.map((r) => r.url)).toEqual([`/graph/${PAGE_ID}/videos`]);
    const form = received[0]!.form;
    expect(form.get('access_token')).toBe(TOKEN);
    expect(form.get('title')).toBe(brief.headline);
    expect(String(form.get('description'))).toContain(`Xem chi tiết: ${detail('webPortal')}`);
    const source = form.get('source') as File;
    expect(source.name).toBe(VIDEO_FILES.vertical);
    const info = probe(Buffer.from(await source.arrayBuffer()));
    expect(info.format.format_name).toContain('mp4');
    expect(info.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 1080, height: 1920 });
    expect(info.streams.find((s) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'aac' });
    expect(Number(info.format.duration)).toBeGreaterThan(0);
    expect(Number(info.format.duration)).toBeLessThanOrEqual(60);

    // Zalo OA by hand: the editors get the pack with download links.
    const pack = await waitFor(async () => (await waitForEmails(product.endpoints, editor.email, 1, 1_000)).find((m) => m.subject?.startsWith('[Video ngắn]')), 60_000, 'the video pack email');
    expect(pack.text).toContain(`${product.base}/campaigns/${id}/video/${VIDEO_FILES.vertical}`);
  });
});
