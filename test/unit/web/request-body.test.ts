/**
 * Request bodies on every POST reachable from outside: a bad token is refused before the body
 * is read, a body is never read past the form limit, and a body that is too large, malformed
 * or not a form gets a Vietnamese 400/413 page (never a stack trace) and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { csrfFor, hashToken } from '../../../domain/approval-token.js';
import { issueToken, markTokenUsed, readTokenRecord } from '../../../infra/approval-tokens.js';
import { createUnsubscribeToken } from '../../../channels/press-briefing/render/index.js';
import { startWebServer } from '../../../web/server.js';
import { FORM_MAX_BYTES } from '../../../web/request-body.js';
import { campaignState, cookiesOf, csrfOf, form, harness, hidden, requestLink, SECRET, signIn, type Harness } from '../dashboard/harness.js';

const CHUNK = 16 * 1024;
const HUGE = 200 * 1024 * 1024;
const URLENCODED = { 'Content-Type': 'application/x-www-form-urlencoded' };
const UNKNOWN_TOKEN = 'A'.repeat(43);

/** A body of `total` bytes produced only as it is read; `pulled()` tells how much was. */
function streamedBody(total: number, prefix = '') {
  let sent = 0;
  const head = new TextEncoder().encode(prefix);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) {
          controller.close();
          return;
        }
        const n = Math.min(CHUNK, total - sent);
        const chunk = new Uint8Array(n).fill(0x61); // "a"
        if (sent === 0) chunk.set(head.subarray(0, n));
        sent += n;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => sent };
}

function post(h: Harness, path: string, body: RequestInit["body"], headers: Record<string, string> = URLENCODED) {
  return h.app.request(path, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

async function approvalToken(h: Harness, opts: { ttlMs?: number } = {}) {
  const state = campaignState();
  h.states.set(state.campaignId, state);
  const token = await issueToken(
    h.store,
    { campaignId: state.campaignId, workflowId: state.campaignId, version: 1, step: 1, approver: 'bientap@example.org', kind: 'request' },
    opts.ttlMs ?? 72 * 3600_000,
    h.clock.now,
  );
  const fields = { csrf: csrfFor(SECRET, hashToken(token)), campaignId: state.campaignId, version: '1' };
  return { token, fields };
}

async function expectProblemPage(res: Response, status: number, heading: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('text/html');
  const html = await res.text();
  expect(html).toContain(heading);
  expect(html).not.toMatch(/\bat .*\.ts:\d+|Error:/);
}

describe('POST /approve/:token', () => {
  it('refuses a well-formed but unknown token without reading the 200 MB body', async () => {
    const h = harness();
    const body = streamedBody(HUGE, 'decision=approve&comment=');
    const res = await post(h, `/approve/${UNKNOWN_TOKEN}`, body.stream);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Liên kết không hợp lệ');
    expect(body.pulled()).toBe(0);
    expect(h.decisions).toEqual([]);
  });

  it('refuses an expired or used token without reading the body', async () => {
    const h = harness();
    const expired = await approvalToken(h, { ttlMs: 1 });
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    const a = streamedBody(HUGE);
    expect((await post(h, `/approve/${expired.token}`, a.stream)).status).toBe(410);
    expect(a.pulled()).toBe(0);

    const used = await approvalToken(h);
    await markTokenUsed(h.store, (await readTokenRecord(h.store, hashToken(used.token)))!, h.clock.now);
    const b = streamedBody(HUGE);
    expect((await post(h, `/approve/${used.token}`, b.stream)).status).toBe(409);
    expect(b.pulled()).toBe(0);
    expect(h.decisions).toEqual([]);
  });

  it('stops reading a valid token’s body at the limit and answers 413 in Vietnamese; nothing is decided', async () => {
    const h = harness();
    const { token, fields } = await approvalToken(h);
    const body = streamedBody(HUGE, `${new URLSearchParams({ ...fields, decision: 'approve' })}&comment=`);
    const res = await post(h, `/approve/${token}`, body.stream);
    await expectProblemPage(res, 413, 'Nội dung gửi lên quá lớn');
    expect(body.pulled()).toBeLessThanOrEqual(FORM_MAX_BYTES + CHUNK);
    expect(h.decisions).toEqual([]);
    expect((await readTokenRecord(h.store, hashToken(token)))!.usedAt).toBeUndefined();
  });

  it('refuses a body that announces more than the limit before reading any of it', async () => {
    const h = harness();
    const { token } = await approvalToken(h);
    const body = streamedBody(HUGE);
    const res = await post(h, `/approve/${token}`, body.stream, { ...URLENCODED, 'Content-Length': String(HUGE) });
    await expectProblemPage(res, 413, 'Nội dung gửi lên quá lớn');
    expect(body.pulled()).toBe(0);
  });

  it('answers bad percent-encoding, invalid UTF-8 and another content type with a Vietnamese 400 page', async () => {
    const h = harness();
    const { token, fields } = await approvalToken(h);
    const ok = new URLSearchParams({ ...fields, decision: 'approve' }).toString();
    await expectProblemPage(await post(h, `/approve/${token}`, `${ok}&comment=%E1%BB%`), 400, 'Biểu mẫu không đọc được');
    await expectProblemPage(await post(h, `/approve/${token}`, new Uint8Array([...new TextEncoder().encode(`${ok}&comment=`), 0xc3, 0x28])), 400, 'Biểu mẫu không đọc được');
    await expectProblemPage(await post(h, `/approve/${token}`, JSON.stringify({ ...fields, decision: 'approve' }), { 'Content-Type': 'application/json' }), 400, 'Biểu mẫu không đúng định dạng');
    await expectProblemPage(await post(h, `/approve/${token}`, 'x', { 'Content-Type': 'multipart/form-data; boundary=zzz' }), 400, 'Biểu mẫu không đọc được');
    expect(h.decisions).toEqual([]);
  });

  it('still decides with a normal form (urlencoded or multipart) within the limit', async () => {
    const h = harness();
    const { token, fields } = await approvalToken(h);
    const multipart = new FormData();
    for (const [k, v] of Object.entries({ ...fields, decision: 'approve', comment: 'Đồng ý đăng bài về Ngày Nhà giáo Việt Nam.' })) multipart.append(k, v);
    const res = await h.app.request(`/approve/${token}`, { method: 'POST', body: multipart });
    expect(res.status).toBe(200);
    expect(h.decisions.map((d) => [d.d.decision, d.d.comment])).toEqual([['approve', 'Đồng ý đăng bài về Ngày Nhà giáo Việt Nam.']]);
  });
});

describe('sign-in POSTs', () => {
  it('an unknown sign-in token is refused without reading the body', async () => {
    const h = harness();
    const body = streamedBody(HUGE);
    const res = await post(h, `/sign-in/${UNKNOWN_TOKEN}`, body.stream);
    expect(res.status).toBe(404);
    expect(body.pulled()).toBe(0);
  });

  it('a valid sign-in token with an oversized body gets 413 and no session', async () => {
    const h = harness();
    const token = await requestLink(h, 'bientap@example.org');
    const body = streamedBody(HUGE, 'csrf=');
    const res = await post(h, `/sign-in/${token}`, body.stream);
    await expectProblemPage(res, 413, 'Nội dung gửi lên quá lớn');
    expect(body.pulled()).toBeLessThanOrEqual(FORM_MAX_BYTES + CHUNK);
    expect(cookiesOf(res).campaign_session).toBeUndefined();
    // The link still works afterwards.
    const confirm = await h.app.request(`/sign-in/${token}`);
    const again = await post(h, `/sign-in/${token}`, form({ csrf: hidden(await confirm.text(), 'csrf')! }));
    expect(again.status).toBe(303);
  });

  it('asking for a link without the form cookie is refused before the body is read; with it, too large is 413', async () => {
    const h = harness();
    const a = streamedBody(HUGE);
    expect((await post(h, '/sign-in', a.stream)).status).toBe(403);
    expect(a.pulled()).toBe(0);

    const page = await h.app.request('/sign-in');
    const b = streamedBody(HUGE, 'email=');
    const res = await post(h, '/sign-in', b.stream, { ...URLENCODED, Cookie: `campaign_signin=${cookiesOf(page).campaign_signin}` });
    await expectProblemPage(res, 413, 'Nội dung gửi lên quá lớn');
    expect(b.pulled()).toBeLessThanOrEqual(FORM_MAX_BYTES + CHUNK);
    expect(h.sent).toEqual([]);
  });
});

describe('signed-in dashboard POSTs', () => {
  it('without a session the body is not read; with one, too large is 413 and malformed is 400, and nothing starts', async () => {
    const h = harness();
    const a = streamedBody(HUGE);
    const res = await post(h, '/campaigns/new', a.stream);
    expect(res.status).toBe(303);
    expect(a.pulled()).toBe(0);

    const cookie = await signIn(h);
    const csrf = await csrfOf(h, cookie);
    const b = streamedBody(HUGE, `csrf=${csrf}&plan=`);
    await expectProblemPage(await post(h, '/campaigns/new', b.stream, { ...URLENCODED, Cookie: cookie }), 413, 'Nội dung gửi lên quá lớn');
    expect(b.pulled()).toBeLessThanOrEqual(FORM_MAX_BYTES + CHUNK);
    await expectProblemPage(await post(h, '/campaigns/new', `csrf=${csrf}&plan=%ZZ`, { ...URLENCODED, Cookie: cookie }), 400, 'Biểu mẫu không đọc được');
    expect(h.started).toEqual([]);
  });
});

describe('POST /unsubscribe/:token', () => {
  it('a forged token is refused without reading; a valid one with a bad body gets 400/413 and nothing is written', async () => {
    const h = harness();
    const forged = streamedBody(HUGE);
    expect((await post(h, `/unsubscribe/${createUnsubscribeToken('duc.tm@example.org', 'x'.repeat(40))}`, forged.stream)).status).toBe(400);
    expect(forged.pulled()).toBe(0);

    const token = createUnsubscribeToken('duc.tm@example.org', SECRET);
    const big = streamedBody(HUGE, 'List-Unsubscribe=');
    await expectProblemPage(await post(h, `/unsubscribe/${token}`, big.stream), 413, 'Nội dung gửi lên quá lớn');
    expect(big.pulled()).toBeLessThanOrEqual(FORM_MAX_BYTES + CHUNK);
    await expectProblemPage(await post(h, `/unsubscribe/${token}`, 'List-Unsubscribe=One-Click%'), 400, 'Biểu mẫu không đọc được');
    expect([...h.store.objects.keys()].filter((k) => k.startsWith('suppression/'))).toEqual([]);

    // A POST without a body still unsubscribes (the signed token is the authority).
    expect((await h.app.request(`/unsubscribe/${token}`, { method: 'POST' })).status).toBe(200);
    expect([...h.store.objects.keys()].filter((k) => k.startsWith('suppression/'))).toHaveLength(1);
  });
});

describe('over a real HTTP connection', () => {
  it('a chunked upload past the limit gets the 413 page; an unknown token gets 404', async () => {
    const h = harness();
    const { token, fields } = await approvalToken(h);
    const server = await startWebServer(h.app, '127.0.0.1', 0);
    try {
      const big = streamedBody(1024 * 1024, `${new URLSearchParams({ ...fields, decision: 'approve' })}&comment=`);
      const res = await fetch(`${server.url}/approve/${token}`, { method: 'POST', body: big.stream, headers: URLENCODED, duplex: 'half' } as RequestInit);
      await expectProblemPage(res, 413, 'Nội dung gửi lên quá lớn');
      const unknown = streamedBody(1024 * 1024);
      const res2 = await fetch(`${server.url}/approve/${UNKNOWN_TOKEN}`, { method: 'POST', body: unknown.stream, headers: URLENCODED, duplex: 'half' } as RequestInit);
      expect(res2.status).toBe(404);
      await res2.text();
      expect(h.decisions).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe('an unexpected failure', () => {
  it('gets a Vietnamese 500 page without the error or a stack trace', async () => {
    const h = harness();
    const { token, fields } = await approvalToken(h);
    h.store.get = async () => {
      throw new Error('connect ECONNREFUSED 10.20.0.7:4569');
    };
    const res = await post(h, `/approve/${token}`, form({ ...fields, decision: 'approve' }));
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('Hệ thống đang gặp lỗi');
    expect(html).not.toContain('ECONNREFUSED');
    expect(html).not.toMatch(/\n\s+at /);
  });
});

describe('the "too large" page names the limit of the page it came from', () => {
  it('an approval form: the form limit; a station\'s audio files: the files\' limit; a unit import: the upload limit', async () => {
    const h = harness();
    const cookie = await signIn(h);
    const tooBig = async (path: string) => {
      const body = streamedBody(HUGE);
      const res = await post(h, path, body.stream, { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(HUGE), Cookie: cookie });
      expect(res.status, path).toBe(413);
      expect(body.pulled(), path).toBe(0);
      return (await res.text()).replace(/\s+/g, ' ');
    };
    const { token } = await approvalToken(h);
    expect(await tooBig(`/approve/${token}`)).toContain('Biểu mẫu vượt quá giới hạn 64 KB');
    const station = await tooBig('/units/xa-huu-lung/stations/tram-trung-tam');
    expect(station).toContain('vượt quá giới hạn 8,3 MB');
    expect(station).toContain('mỗi tệp mở đầu, kết thúc tối đa 4 MB');
    expect(station).not.toContain('64 KB');
    const upload = await tooBig('/units/xa-huu-lung/import');
    expect(upload).toContain('Tệp tải lên vượt quá giới hạn 5 MB');
  });
});
