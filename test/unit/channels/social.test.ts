/**
 * The social pack: its text within each platform's limits on every shipped plan and several
 * occasions; the Facebook and Zalo OA adapters against a fake HTTP server (token in the body or
 * header, never in a URL; refusals told apart from retryable failures); publishing without
 * accounts (pack by email and on the dashboard, copy button, "đã đăng" mark counted by the
 * report) and with them (posted through the API).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stringify } from 'yaml';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../activities/campaign/keys.js';
import type { ActivityDeps } from '../../../activities/deps.js';
import { facebookAdapter, SocialPostError, zaloAdapter } from '../../../channels/social/adapters.js';
import { createSocialActivities, socialKeys, type PublishedPack } from '../../../channels/social/activities.js';
import { LINK_PLACEHOLDER, PLATFORM_LIMITS, socialText } from '../../../channels/social/pack.js';
import { compileReport, reportDuty } from '../../../domain/report/index.js';
import { briefFor } from '../../../infra/briefs.js';
import { loadPlan } from '../../../infra/plan-store.js';
import { LS_PLAN, lsEvidence } from '../../fixtures/schedules/evidence.js';
import { campaignState, harness, signIn, csrfOf } from '../dashboard/harness.js';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const PLANS = ['phuong-bac-kan-2026', 'lang-son-62-kh-ubnd-2026', 'quang-ngai-2026'];
const OCCASIONS = [
  ['ngay-nha-giao-20-11', '20/11/2026'],
  ['khai-giang-5-9', '05/09/2026'],
  ['ngay-hssv-9-1', '09/01/2027'],
] as const;
const NOW = new Date('2026-06-01T00:00:00+07:00');
const POST_URL = 'https://tin.example.org/site/posts/chao-mung-ngay-nha-giao/';

describe.each(PLANS)('social pack text of %s', (planId) => {
  it.each(OCCASIONS)('at %s: hook, 2–3 sentences, link and hashtags within each platform’s limits', async (occasionId, date) => {
    const { brief } = await briefFor({ planId, occasionId, date, now: NOW });
    const numbers = new Set([...readFileSync(path.join(ROOT, 'plans', `${planId}.yaml`), 'utf8').matchAll(/\d+/g)].map((m) => Number(m[0])));
    for (const platform of ['facebook', 'zalo'] as const) {
      for (const url of [undefined, POST_URL]) {
        const t = socialText(brief, platform, url);
        expect([...t.text].length).toBeLessThanOrEqual(PLATFORM_LIMITS[platform].text);
        expect(t.text.startsWith(`${t.hook}\n\n`)).toBe(true);
        expect(t.sentences.length).toBeGreaterThanOrEqual(Math.min(2, brief.keyMessages.length));
        expect(t.sentences.length).toBeLessThanOrEqual(3);
        expect(t.text).toContain(`Xem chi tiết: ${url ?? LINK_PLACEHOLDER}`);
        expect(t.hashtags.length).toBeGreaterThanOrEqual(1);
        expect(t.hashtags.length).toBeLessThanOrEqual(4);
        for (const h of t.hashtags) expect(h).toMatch(/^#[\p{L}\p{N}]+$/u);
        expect(t.hashtags.join(' ')).toMatch(/[ạảãàáâậầấẩẫăặằắẳẵđêệềếểễôộồốổỗơợờớởỡưựừứửữịìíỉĩọòóỏõụùúủũ]/i);
        const body = t.text.replace(url ?? LINK_PLACEHOLDER, '');
        for (const n of body.match(/\d+/g) ?? []) expect(numbers, `${n} in ${planId}`).toContain(Number(n));
      }
    }
  });
});

/** A fake Graph API / Zalo OA server: records each request, answers as `reply` says. */
function fakeServer() {
  const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: Buffer }[] = [];
  let reply: (url: string) => { status: number; body: unknown } = () => ({ status: 200, body: {} });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      const r = reply(req.url!);
      res.writeHead(r.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(r.body));
    });
  });
  return {
    seen,
    server,
    answer(f: typeof reply) {
      reply = f;
    },
    get base() {
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
  };
}

const fake = fakeServer();
beforeAll(() => new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r)));
afterAll(() => new Promise<void>((r) => fake.server.close(() => r())));
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const TOKEN = 'EAAB-page-token-0123456789';

describe('Facebook Page adapter (fake Graph API)', () => {
  it('posts the photo with the text as caption; the token travels in the form, not the URL', async () => {
    fake.seen.length = 0;
    fake.answer(() => ({ status: 200, body: { id: '555', post_id: '123_555' } }));
    const r = await facebookAdapter({ pageId: '123', accessToken: TOKEN, baseUrl: fake.base }).post({ hook: 'Tri ân', text: 'Tri ân thầy cô\n\n#NgàyNhàGiáo', image: { body: PNG, contentType: 'image/png', filename: 'anh-vuong.png' } });
    expect(r).toEqual({ platform: 'facebook', id: '123_555', url: 'https://www.facebook.com/123_555' });
    const req = fake.seen[0]!;
    expect([req.method, req.url]).toEqual(['POST', '/123/photos']);
    expect(req.url).not.toContain(TOKEN);
    const body = req.body.toString('latin1');
    expect(body).toContain(`name="access_token"\r\n\r\n${TOKEN}`);
    // Multipart text fields carry CRLF line breaks.
    expect(Buffer.from(body, 'latin1').toString('utf8')).toContain('name="caption"\r\n\r\nTri ân thầy cô\r\n\r\n#NgàyNhàGiáo');
    expect(body).toContain('filename="anh-vuong.png"');
  });

  it('an invalid token is a refusal; a server error may be retried', async () => {
    const fb = facebookAdapter({ pageId: '123', accessToken: TOKEN, baseUrl: fake.base });
    fake.answer(() => ({ status: 400, body: { error: { message: 'Invalid OAuth access token.', code: 190 } } }));
    const refused = await fb.post({ hook: 'a', text: 'a' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SocialPostError);
    expect(refused).toMatchObject({ permanent: true, message: 'Fanpage từ chối bài đăng (HTTP 400, mã 190): Invalid OAuth access token.' });
    fake.answer(() => ({ status: 503, body: {} }));
    expect(await fb.post({ hook: 'a', text: 'a' }).catch((e: unknown) => e)).toMatchObject({ permanent: false });
  });
});

describe('Zalo OA adapter (fake OA API)', () => {
  it('creates an article with the hook as title and the image as cover; the token is a header', async () => {
    fake.seen.length = 0;
    fake.answer(() => ({ status: 200, body: { error: 0, message: 'Success', data: { token: 'art-1' } } }));
    const r = await zaloAdapter({ accessToken: TOKEN, author: 'UBND phường Bắc Kạn', baseUrl: fake.base }).post({ hook: 'Tri ân thầy cô', text: 'Tri ân thầy cô\n\nCâu một.', image: { body: PNG, contentType: 'image/png', filename: 'a.png', url: 'https://tin.example.org/site/media/c-social.png' } });
    expect(r).toEqual({ platform: 'zalo', id: 'art-1' });
    const req = fake.seen[0]!;
    expect([req.method, req.url, req.headers.access_token]).toEqual(['POST', '/article/create', TOKEN]);
    const article = JSON.parse(req.body.toString('utf8'));
    expect(article).toMatchObject({ title: 'Tri ân thầy cô', author: 'UBND phường Bắc Kạn', cover: { photo_url: 'https://tin.example.org/site/media/c-social.png' }, body: [{ type: 'text', content: 'Tri ân thầy cô' }, { type: 'text', content: 'Câu một.' }] });
    fake.answer(() => ({ status: 200, body: { error: -216, message: 'Access token is invalid' } }));
    expect(await zaloAdapter({ accessToken: TOKEN, author: 'x', baseUrl: fake.base }).post({ hook: 'a', text: 'a' }).catch((e: unknown) => e)).toMatchObject({ permanent: true, message: 'Zalo OA từ chối bài viết (HTTP 200, mã -216): Access token is invalid' });
  });
});

describe('publishing the social pack', () => {
  const ID = campaignState().campaignId;
  async function seeded(h: ReturnType<typeof harness>) {
    const { brief } = await briefFor({ planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: NOW });
    await h.store.put(keys.brief(ID, 1), JSON.stringify(brief), { contentType: 'application/json' });
    await h.store.put(keys.input(ID), JSON.stringify({ campaignId: ID, channels: ['social'], approvers: ['bientap@example.org'], mediaListUnit: 'phuong-bac-kan' }), { contentType: 'application/json' });
    await h.store.put(`${socialKeys.folder(ID, 1)}anh-vuong.png`, PNG, { contentType: 'image/png' });
    return brief;
  }
  const mails: { to: unknown; text: string; attachments?: { filename: string }[] }[] = [];
  const mailer = { sendMail: async (m: (typeof mails)[number]) => void mails.push(m) };
  const depsOf = (h: ReturnType<typeof harness>) => ({ store: h.store, mailer, endpoints: h.endpoints }) as unknown as ActivityDeps;

  it('without accounts: emails the pack, shows it with a copy button, and the editor’s mark is counted by the report', async () => {
    const h = harness();
    h.states.set(ID, campaignState({ channels: [{ channel: 'social', state: 'published', version: 1 }] }));
    await seeded(h);
    const social = createSocialActivities(depsOf(h), { accounts: () => ({ units: {} }) });
    const r = await social.publish({ channel: 'social', campaignId: ID, version: 1, publishedAt: '2026-11-18T02:00:00.000Z', postUrl: POST_URL });
    expect(r.detail).toBe('gói bài cho Fanpage (Facebook), Zalo OA gửi 1 biên tập viên, chờ biên tập viên đăng và đánh dấu đã đăng');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['bientap@example.org']);
    expect(mails[0]!.text).toContain(`Xem chi tiết: ${POST_URL}`);
    expect(mails[0]!.attachments?.map((a) => a.filename)).toEqual(['anh-vuong.png']);
    // A retried publish sends nothing more.
    await social.publish({ channel: 'social', campaignId: ID, version: 1, publishedAt: '2026-11-18T02:00:00.000Z', postUrl: POST_URL });
    expect(mails).toHaveLength(1);

    const cookie = await signIn(h);
    const html = await (await h.app.request(`/campaigns/${ID}`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain('<h2 id="social-h">Bài đăng mạng xã hội</h2>');
    expect(html).toContain('<button type="button" data-copy="social-facebook">Sao chép nội dung</button>');
    expect(html).toContain(`action="/campaigns/${ID}/social/zalo/posted"`);
    const image = await h.app.request(`/campaigns/${ID}/social/anh-vuong.png`, { headers: { Cookie: cookie } });
    expect(image.status).toBe(200);

    const csrf = await csrfOf(h, cookie);
    const res = await h.app.request(`/campaigns/${ID}/social/facebook/posted`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' }, body: new URLSearchParams({ csrf }) });
    expect(res.status).toBe(303);
    const pack = JSON.parse((await h.store.get(socialKeys.pack(ID)))!.body.toString('utf8')) as PublishedPack;
    expect(pack.platforms.map((p) => [p.platform, p.state])).toEqual([['facebook', 'posted'], ['zalo', 'awaiting']]);
    const after = await (await h.app.request(`/campaigns/${ID}`, { headers: { Cookie: cookie } })).text();
    expect(after).toMatch(/Nguyễn Thu Biên[^<]*đánh dấu đã đăng lúc/);

    // The report counts the marked post, not the pack still waiting.
    const mark = JSON.parse((await h.store.get(socialKeys.mark(ID, 'facebook')))!.body.toString('utf8')) as { channel: string; at: string; text: string };
    const plan = await loadPlan(LS_PLAN);
    const evidence = lsEvidence();
    const campaign = evidence.items.find((i) => i.kind === 'campaign')!;
    campaign.channels = [...campaign.channels, 'social'];
    campaign.publications = [...campaign.publications, { channel: 'social', at: campaign.publications[0]!.at, detail: `Đã đăng social: ${r.detail}` }, { channel: mark.channel, at: campaign.publications[0]!.at, detail: mark.text }];
    const model = compileReport(plan, evidence, reportDuty(plan, 'ls-bc-so-gddt'));
    expect(model.campaigns[0]!.publications).toContain('1 bài đăng mạng xã hội (Fanpage, Zalo OA)');
  });

  it('with the unit’s accounts: posts through the APIs and emails nothing', async () => {
    const h = harness();
    await seeded(h);
    mails.length = 0;
    fake.seen.length = 0;
    fake.answer((url) => (url.startsWith('/fb/') ? { status: 200, body: { id: '9', post_id: '123_9' } } : { status: 200, body: { error: 0, data: { token: 'z-1' } } }));
    // The accounts file SOCIAL_ACCOUNTS_FILE names, as configuration resolves it into the endpoints.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'social-accounts-')), 'accounts.yaml');
    writeFileSync(file, stringify({ units: { 'phuong-bac-kan': { facebook: { pageId: '123', accessToken: TOKEN, baseUrl: `${fake.base}/fb` }, zalo: { accessToken: TOKEN, baseUrl: `${fake.base}/zalo` } } } }));
    const deps = { ...depsOf(h), endpoints: { ...h.endpoints, socialAccountsFile: file } } as ActivityDeps;
    const r = await createSocialActivities(deps).publish({ channel: 'social', campaignId: ID, version: 1, publishedAt: '2026-11-18T02:00:00.000Z', postUrl: POST_URL });
    expect(r.detail).toBe('đã đăng trên Fanpage (Facebook) (https://www.facebook.com/123_9); đã đăng trên Zalo OA (z-1)');
    expect(fake.seen.map((s) => s.url)).toEqual(['/fb/123/photos', '/zalo/article/create']);
    expect(mails).toHaveLength(0);
  });

  it('posted on the Fanpage with Zalo OA still waiting for an editor: the post is counted, the pack for Zalo still goes out', async () => {
    const h = harness();
    await seeded(h);
    mails.length = 0;
    fake.seen.length = 0;
    fake.answer(() => ({ status: 200, body: { id: '9', post_id: '123_9' } }));
    const accounts = () => ({ units: { 'phuong-bac-kan': { facebook: { pageId: '123', accessToken: TOKEN, baseUrl: `${fake.base}/fb` } } } });
    const r = await createSocialActivities(depsOf(h), { accounts }).publish({ channel: 'social', campaignId: ID, version: 1, publishedAt: '2026-11-18T02:00:00.000Z', postUrl: POST_URL });
    expect(r.detail).toBe('đã đăng trên Fanpage (Facebook) (https://www.facebook.com/123_9); gói bài cho Zalo OA gửi 1 biên tập viên, chờ đăng tay');
    expect(mails).toHaveLength(1);
    const plan = await loadPlan(LS_PLAN);
    const evidence = lsEvidence();
    const campaign = evidence.items.find((i) => i.kind === 'campaign')!;
    campaign.channels = [...campaign.channels, 'social'];
    campaign.publications = [...campaign.publications, { channel: 'social', at: campaign.publications[0]!.at, detail: `Đã đăng social: ${r.detail}` }];
    expect(compileReport(plan, evidence, reportDuty(plan, 'ls-bc-so-gddt')).campaigns[0]!.publications).toContain('1 bài đăng mạng xã hội (Fanpage, Zalo OA)');
  });
});
