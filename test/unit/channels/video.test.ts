/**
 * The short-video channel's own parts: its narration drawn only from the brief, shortened by
 * whole sentences; the preview with a player per format; the draft files served to players
 * (type, byte ranges) from the approval page and the dashboard; publishing to a Fanpage (fake
 * Graph API) or as a pack to the editors (email with download links, dashboard copy button,
 * "đã đăng" mark counted by the report); and its place in the calendar.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../activities/campaign/keys.js';
import type { ActivityDeps } from '../../../activities/deps.js';
import { createVideoActivities, videoKeys, videoPackPlace } from '../../../channels/video/activities.js';
import { fitNarration, VIDEO_FILES, videoPreviewHtml } from '../../../channels/video/files.js';
import { attribution, spokenForm, videoNarration } from '../../../channels/video/narration.js';
import { markPackPosted, type PublishedPack } from '../../../channels/social/activities.js';
import { asSentence } from '../../../channels/loudspeaker/render/input.js';
import { narrationSentences, VideoTooLongError } from '../../../render/video/short-video.js';
import { findOccasion } from '../../../domain/calendar/index.js';
import { leadTimeFor } from '../../../domain/calendar/lead-times.js';
import { publishSchedule } from '../../../domain/campaign/schedule.js';
import { compileReport, reportDuty } from '../../../domain/report/index.js';
import { briefFor } from '../../../infra/briefs.js';
import { issueToken } from '../../../infra/approval-tokens.js';
import { loadPlan } from '../../../infra/plan-store.js';
import { byteRange } from '../../../web/previews.js';
import { LS_PLAN, lsEvidence } from '../../fixtures/schedules/evidence.js';
import { INTERNAL_WORDS, visibleText } from '../../support/words.js';
import { campaignState, csrfOf, harness, signIn } from '../dashboard/harness.js';

const NOW = new Date('2026-06-01T00:00:00+07:00');
const PLANS = ['phuong-bac-kan-2026', 'lang-son-62-kh-ubnd-2026', 'quang-ngai-2026'];
const POST_URL = 'https://tin.example.org/site/posts/chao-mung-ngay-nha-giao/';
const ID = campaignState().campaignId;
const PREFIX = `campaigns/${ID}`;

const teachersDay = (planId = 'phuong-bac-kan-2026') => briefFor({ planId, occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: NOW }).then((r) => r.brief);

describe('video narration', () => {
  it.each(PLANS)('of %s: only the brief’s own sentences, then the plan it comes from; spoken with numbers in words', async (planId) => {
    const brief = await teachersDay(planId);
    const { sentences } = videoNarration(brief);
    const own = new Set([brief.headline, ...brief.keyMessages, ...brief.body.flatMap((p) => narrationSentences(p))].map(asSentence));
    for (const s of sentences) expect(own, s).toContain(s);
    expect(sentences[0]).toBe(asSentence(brief.headline));
    expect(sentences.slice(1, 1 + brief.keyMessages.length)).toEqual(brief.keyMessages.map(asSentence));
    expect(attribution(brief)).toContain(brief.issuer);
    const speak = spokenForm(brief);
    for (const s of [...sentences, attribution(brief)]) expect(speak(s)).not.toMatch(/\d/);
  });

  it('too long: drops whole sentences from the end, keeping the headline, the first key message and the attribution', async () => {
    const brief = await teachersDay();
    const all = videoNarration(brief).sentences;
    const chars = (ss: string[]) => ss.join(' ').length;
    // Pretend a second of speech per 8 characters; the limit lets about half the sentences through.
    const limit = chars(all.slice(0, Math.ceil(all.length / 2)));
    const seen: string[][] = [];
    const { result, fitted } = await fitNarration(brief, async (sentences) => {
      seen.push(sentences);
      if (chars(sentences) > limit) throw new VideoTooLongError(chars(sentences) / 8);
      return sentences.length;
    });
    expect(fitted.sentences.at(-1)).toBe(attribution(brief));
    expect([...fitted.sentences.slice(0, -1), ...fitted.dropped]).toEqual(all);
    expect(fitted.dropped.length).toBeGreaterThan(0);
    expect(result).toBe(fitted.sentences.length);
    // One sentence fewer on each try, never a cut sentence.
    for (const [i, s] of seen.entries()) expect(s.slice(0, -1)).toEqual(all.slice(0, all.length - i));

    const never = await fitNarration(brief, async (s) => {
      throw new VideoTooLongError(s.length * 30);
    }).catch((e: unknown) => e);
    expect(never).toBeInstanceOf(VideoTooLongError);
    expect(seen.length).toBeLessThan(all.length);
  });
});

describe('video preview and the draft files players load', () => {
  const NARRATION = { sentences: ['Tri ân thầy cô.', 'Theo kế hoạch của Ủy ban nhân dân phường Bắc Kạn.'], dropped: [], seconds: 6 };
  const MP4 = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
  const BRIEF = { headline: 'Tri ân thầy cô', keyMessages: ['Tôn vinh nhà giáo.'], occasionName: 'Ngày Nhà giáo Việt Nam', occasionDate: '2026-11-20', planSymbol: '…/KH-UBND', issuer: 'Ủy ban nhân dân phường Bắc Kạn', issuerShort: 'UBND phường Bắc Kạn' };

  async function setup() {
    const h = harness();
    h.states.set(
      ID,
      campaignState({
        channels: [{ channel: 'video', state: 'drafted', version: 1 }],
        drafts: [{ channel: 'video', keys: [`${PREFIX}/v1/video/preview.html`], summary: '2 video (dọc 1080×1920, ngang 1920×1080), 6 giây, phụ đề tiếng Việt 2 câu', problems: [] }],
      }),
    );
    await h.store.put(`${PREFIX}/v1/brief.json`, JSON.stringify(BRIEF), { contentType: 'application/json' });
    await h.store.put(`${PREFIX}/v1/video/preview.html`, videoPreviewHtml(BRIEF, NARRATION), { contentType: 'text/html; charset=utf-8' });
    await h.store.put(`${PREFIX}/v1/video/${VIDEO_FILES.vertical}`, MP4, { contentType: 'video/mp4' });
    await h.store.put(`${PREFIX}/v1/video/${VIDEO_FILES.subtitles}`, 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nTri ân thầy cô.\n', { contentType: 'text/vtt; charset=utf-8' });
    await h.store.put(`${PREFIX}/inputs/localities.json`, '[]', { contentType: 'application/json' });
    return h;
  }

  it('the preview has a player per format with the Vietnamese subtitles on, and the narration', () => {
    const html = videoPreviewHtml(BRIEF, NARRATION);
    expect(html).toContain('<h2>Video dọc 1080×1920 (mạng xã hội, Zalo)</h2>');
    expect(html).toContain('<h2>Video ngang 1920×1080 (màn hình công cộng)</h2>');
    for (const f of [VIDEO_FILES.vertical, VIDEO_FILES.landscape]) expect(html).toContain(`<source src="${f}" type="video/mp4">\n<track kind="subtitles" srclang="vi" label="Tiếng Việt" src="${VIDEO_FILES.subtitles}">`);
    expect(html).toContain('<li>Theo kế hoạch của Ủy ban nhân dân phường Bắc Kạn.</li>');
    expect(visibleText(html)).not.toMatch(INTERNAL_WORDS);
  });

  it('reads byte ranges as players ask for them', () => {
    expect(byteRange(undefined, 1000)).toBeUndefined();
    expect(byteRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 });
    expect(byteRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 });
    expect(byteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(byteRange('bytes=0-1,5-9', 1000)).toBeUndefined();
  });

  it('the approval page frames the preview keeping its origin; its files come with their type and by range, with the token only', async () => {
    const h = await setup();
    const token = await issueToken(h.store, { campaignId: ID, workflowId: ID, version: 1, step: 1, approver: 'bientap@example.org', kind: 'request' }, 3_600_000, h.clock.now);
    const html = await (await h.app.request(`/approve/${token}`)).text();
    expect(html).toContain(`<h3>Video ngắn</h3><iframe title="Xem trước: Video ngắn" sandbox="allow-same-origin" src="/approve/${token}/files/video/preview.html"`);
    const frame = await h.app.request(`/approve/${token}/files/video/preview.html`);
    expect(frame.headers.get('content-security-policy')).toContain("media-src 'self'");
    expect(frame.headers.get('content-security-policy')).toContain('sandbox allow-same-origin;');
    expect(frame.headers.get('content-security-policy')).not.toContain('script-src');
    const part = await h.app.request(`/approve/${token}/files/video/${VIDEO_FILES.vertical}`, { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect([part.headers.get('content-type'), part.headers.get('content-range'), part.headers.get('accept-ranges')]).toEqual(['video/mp4', 'bytes 100-199/1000', 'bytes']);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(MP4.subarray(100, 200));
    const vtt = await h.app.request(`/approve/${token}/files/video/${VIDEO_FILES.subtitles}`);
    expect([vtt.status, vtt.headers.get('content-type')]).toEqual([200, 'text/vtt; charset=utf-8']);
    // Other previews stay without an origin.
    const other = await h.app.request(`/approve/${token}/files/brief.json`);
    expect(other.headers.get('content-security-policy')).toContain('sandbox;');
  });

  it('the campaign page frames the same preview; its file route serves ranges to a signed-in editor', async () => {
    const h = await setup();
    const cookie = await signIn(h);
    const html = await (await h.app.request(`/campaigns/${ID}`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain(`<h3>Video ngắn</h3><iframe title="Xem trước: Video ngắn" sandbox="allow-same-origin" src="/campaigns/${ID}/files/v1/video/preview.html"`);
    const part = await h.app.request(`/campaigns/${ID}/files/v1/video/${VIDEO_FILES.vertical}`, { headers: { Cookie: cookie, Range: 'bytes=-10' } });
    expect([part.status, part.headers.get('content-range')]).toEqual([206, 'bytes 990-999/1000']);
    const form = await (await h.app.request('/campaigns/new?plan=phuong-bac-kan-2026&occasion=ngay-nha-giao-20-11', { headers: { Cookie: cookie } })).text();
    expect(form).toMatch(/value="video"(?![^>]*checked)[^>]*>/);
    expect(visibleText(form)).toContain('Video ngắn');
  });
});

/** A fake Graph API: records each request, answers with a video id. */
const seen: { url: string; body: Buffer; headers: IncomingMessage['headers'] }[] = [];
const graph = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seen.push({ url: req.url!, body: Buffer.concat(chunks), headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: '777' }));
  });
});
beforeAll(() => new Promise<void>((r) => graph.listen(0, '127.0.0.1', r)));
afterAll(() => new Promise<void>((r) => graph.close(() => r())));
const TOKEN = 'EAAB-page-token-0123456789';

describe('publishing the video', () => {
  const MP4 = Buffer.from('000000206674797069736f6d', 'hex');
  const mails: { to: unknown; subject: string; text: string; attachments?: unknown[] }[] = [];
  const mailer = { sendMail: async (m: (typeof mails)[number]) => void mails.push(m) };
  const depsOf = (h: ReturnType<typeof harness>) => ({ store: h.store, mailer, endpoints: h.endpoints }) as unknown as ActivityDeps;
  async function seeded(h: ReturnType<typeof harness>) {
    const brief = await teachersDay();
    await h.store.put(keys.brief(ID, 1), JSON.stringify(brief), { contentType: 'application/json' });
    await h.store.put(keys.input(ID), JSON.stringify({ campaignId: ID, channels: ['video'], approvers: ['bientap@example.org'], mediaListUnit: 'phuong-bac-kan' }), { contentType: 'application/json' });
    for (const name of [VIDEO_FILES.vertical, VIDEO_FILES.landscape]) await h.store.put(`${videoKeys.folder(ID, 1)}${name}`, MP4, { contentType: 'video/mp4' });
    await h.store.put(`${videoKeys.folder(ID, 1)}${VIDEO_FILES.subtitles}`, 'WEBVTT\n', { contentType: 'text/vtt; charset=utf-8' });
    return brief;
  }
  const reportLines = (events: { channel: string; detail: string }[]) => {
    const evidence = lsEvidence();
    const campaign = evidence.items.find((i) => i.kind === 'campaign')!;
    campaign.channels = [...campaign.channels, 'video'];
    campaign.publications = [...campaign.publications, ...events.map((e) => ({ ...e, at: campaign.publications[0]!.at }))];
    return loadPlan(LS_PLAN).then((plan) => compileReport(plan, evidence, reportDuty(plan, 'ls-bc-so-gddt')).campaigns[0]!.publications);
  };

  it('without an account: emails download links and the caption, shows the pack, and counts it once an editor marks it posted', async () => {
    const h = harness();
    h.states.set(ID, campaignState({ channels: [{ channel: 'video', state: 'published', version: 1 }] }));
    await seeded(h);
    mails.length = 0;
    const video = createVideoActivities(depsOf(h), { accounts: () => ({ units: {} }) });
    const r = await video.publish({ channel: 'video', campaignId: ID, version: 1, publishedAt: '2026-11-15T02:00:00.000Z', postUrl: POST_URL });
    expect(r.detail).toBe('gói video cho Fanpage (Facebook), Zalo OA gửi 1 biên tập viên, chờ biên tập viên đăng và đánh dấu đã đăng');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^\[Video ngắn\] /);
    expect(mails[0]!.text).toContain(`Video dọc 1080×1920 (Fanpage, Zalo): http://localhost/campaigns/${ID}/video/${VIDEO_FILES.vertical}`);
    expect(mails[0]!.text).toContain(`Xem chi tiết: ${POST_URL}`);
    expect(mails[0]!.attachments).toBeUndefined();
    await video.publish({ channel: 'video', campaignId: ID, version: 1, publishedAt: '2026-11-15T02:00:00.000Z', postUrl: POST_URL });
    expect(mails).toHaveLength(1);
    expect(await reportLines([{ channel: 'video', detail: `Đã đăng video: ${r.detail}` }])).not.toContain('1 video ngắn đã đăng');

    const cookie = await signIn(h);
    const html = await (await h.app.request(`/campaigns/${ID}`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain('<h2 id="video-h">Video ngắn</h2>');
    expect(html).toContain(`<a href="/campaigns/${ID}/video/${VIDEO_FILES.vertical}" download>Video dọc 1080×1920 (Fanpage, Zalo)</a>`);
    expect(html).toContain('<button type="button" data-copy="video-zalo">Sao chép nội dung</button>');
    const file = await h.app.request(`/campaigns/${ID}/video/${VIDEO_FILES.vertical}`, { headers: { Cookie: cookie } });
    expect([file.status, file.headers.get('content-type')]).toEqual([200, 'video/mp4']);
    expect((await h.app.request(`/campaigns/${ID}/video/brief.json`, { headers: { Cookie: cookie } })).status).toBe(404);

    const csrf = await csrfOf(h, cookie);
    const res = await h.app.request(`/campaigns/${ID}/video/zalo/posted`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' }, body: new URLSearchParams({ csrf }) });
    expect(res.status).toBe(303);
    const pack = JSON.parse((await h.store.get(videoKeys.pack(ID)))!.body.toString('utf8')) as PublishedPack;
    expect(pack.platforms.map((p) => [p.platform, p.state])).toEqual([['facebook', 'awaiting'], ['zalo', 'posted']]);
    expect(await markPackPosted(h.store, videoPackPlace(ID), 'zalo', 'bientap@example.org', '2026-11-15T03:00:00.000Z')).toBe('already');
    const mark = JSON.parse((await h.store.get(videoKeys.mark(ID, 'zalo')))!.body.toString('utf8')) as { channel: string; text: string };
    expect(mark.channel).toBe('video');
    expect(await reportLines([{ channel: 'video', detail: `Đã đăng video: ${r.detail}` }, { channel: mark.channel, detail: mark.text }])).toContain('1 video ngắn đã đăng');
  });

  it('with the unit’s Fanpage: uploads the vertical video with the caption, leaves Zalo OA to the editors, and is counted', async () => {
    const h = harness();
    await seeded(h);
    mails.length = 0;
    seen.length = 0;
    const base = `http://127.0.0.1:${(graph.address() as AddressInfo).port}/fb`;
    const accounts = { units: { 'phuong-bac-kan': { facebook: { pageId: '123', accessToken: TOKEN, baseUrl: base } } } };
    const r = await createVideoActivities(depsOf(h), { accounts: () => accounts }).publish({ channel: 'video', campaignId: ID, version: 1, publishedAt: '2026-11-15T02:00:00.000Z', postUrl: POST_URL });
    expect(r.detail).toBe('đã đăng video trên Fanpage (Facebook) (https://www.facebook.com/123/videos/777); gói video cho Zalo OA gửi 1 biên tập viên, chờ đăng tay');
    expect(seen.map((s) => s.url)).toEqual(['/fb/123/videos']);
    const body = seen[0]!.body.toString('utf8');
    expect(seen[0]!.url).not.toContain(TOKEN);
    expect(body).toContain(`name="access_token"\r\n\r\n${TOKEN}`);
    expect(body).toContain(`name="source"; filename="${VIDEO_FILES.vertical}"\r\nContent-Type: video/mp4`);
    expect(body).toMatch(/name="title"\r\n\r\nChào mừng Ngày Nhà giáo Việt Nam 20\/11/);
    expect(body).toContain(`Xem chi tiết: ${POST_URL}`);
    expect(mails).toHaveLength(1);
    expect(await reportLines([{ channel: 'video', detail: `Đã đăng video: ${r.detail}` }])).toContain('1 video ngắn đã đăng');
  });
});

describe('video in the calendar', () => {
  it('publishes five days before 20/11, at 09:00 Vietnam time', () => {
    const occasion = findOccasion('ngay-nha-giao-20-11')!;
    expect(publishSchedule('2026-11-20', ['video'], { video: leadTimeFor(occasion.leadTimes, 'video') })).toEqual({ video: '2026-11-15T02:00:00.000Z' });
  });
});
