import { afterEach, describe, expect, it } from 'vitest';
import { PlanLibrary, usePlanLibrary } from '../../../infra/plan-library.js';
import { isoToVnLocal } from '../../../web/dashboard/format.js';
import { defaultStartValues, startRequest } from '../../../web/dashboard/start-form.js';
import { campaignState, csrfOf, form, harness, signIn } from './harness.js';
import { DirectoryStore, loadSampleUnits } from '../../../infra/directory-store.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';

const now = new Date('2026-10-25T03:00:00Z');
const ALL = ['phuong-bac-kan', 'phuong-duc-xuan'];

describe('start form rules', () => {
  const base = () => defaultStartValues('phuong-bac-kan-2026', 'ngay-nha-giao-20-11@2026-11-20', 'bientap@example.org', ALL);

  it('builds the request: all localities as "all", the editor approves, no publish time by default', () => {
    const { request, problems } = startRequest(base(), { now, editorEmail: 'bientap@example.org', allLocalityIds: ALL });
    expect(problems).toEqual([]);
    expect(request).toMatchObject({ planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', date: '2026-11-20', localities: 'all', approvers: ['bientap@example.org'], startedBy: 'bientap@example.org' });
    expect(request.publishAt).toBeUndefined();
  });

  it('reads the publish time as Vietnam wall-clock time; "immediately" is now', () => {
    const at = startRequest({ ...base(), publishMode: 'at', publishAt: '2026-11-13T08:00' }, { now, editorEmail: 'x@example.org', allLocalityIds: ALL });
    expect(at.request.publishAt).toBe('2026-11-13T01:00:00.000Z');
    const immediate = startRequest({ ...base(), publishMode: 'immediate' }, { now, editorEmail: 'x@example.org', allLocalityIds: ALL });
    expect(immediate.request.publishAt).toBe(now.toISOString());
    const impossible = startRequest({ ...base(), publishMode: 'at', publishAt: '2026-02-30T08:00' }, { now, editorEmail: 'x@example.org', allLocalityIds: ALL });
    expect(impossible.request.publishAt).toBeUndefined();
    expect(impossible.problems).toEqual([{ field: 'publishAt', message: '"2026-02-30T08:00" không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày.' }]);
    expect(isoToVnLocal('2026-11-13T01:00:00.000Z')).toBe('2026-11-13T08:00');
  });

  it('names every problem of the form at once', () => {
    const { problems } = startRequest(
      { ...base(), channels: [], localities: [], publishMode: 'at', publishAt: '2026-10-01T08:00', approvers: ['lanhdao@example.org'], leaders: ['lanhdao@example.org'] },
      { now, editorEmail: 'bientap@example.org', allLocalityIds: ALL },
    );
    expect(problems.map((p) => p.field)).toEqual(['channels', 'publishAt', 'leaders']);
    const broadcast = startRequest({ ...base(), channels: ['loudspeaker'], localities: [] }, { now, editorEmail: 'b@example.org', allLocalityIds: ALL });
    expect(broadcast.problems.map((p) => p.field)).toEqual(['localities']);
    const empty = startRequest({ ...base(), publishMode: 'at', publishAt: '' }, { now, editorEmail: 'b@example.org', allLocalityIds: ALL });
    expect(empty.problems[0]!.message).toContain('Hãy nhập ngày và giờ đăng');
  });
});

describe('POST /campaigns/new', () => {
  async function setup() {
    // The dashboard reads campaigns' audiences from its own store's directory: the samples.
    const store = new MemoryObjectStore();
    await new DirectoryStore(store).seed(await loadSampleUnits());
    const h = harness({ now, store });
    const cookie = await signIn(h);
    const csrf = await csrfOf(h, cookie);
    return { h, cookie, csrf };
  }
  const valid = { plan: 'phuong-bac-kan-2026', occasion: 'ngay-nha-giao-20-11@2026-11-20', channels: ['infographic', 'loudspeaker'], localities: ['phuong-bac-kan-trung-tam'], publishMode: 'schedule', approvers: ['bientap@example.org'] };

  it('the form page has a label for every field and the editor as default approver', async () => {
    const { h, cookie } = await setup();
    const html = await (await h.app.request('/campaigns/new?plan=phuong-bac-kan-2026&occasion=ngay-nha-giao-20-11&date=2026-11-20', { headers: { Cookie: cookie } })).text();
    const ids = [...html.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(html, id).toContain(`<label for="${id}"`);
    expect(html).toMatch(/value="ngay-nha-giao-20-11@2026-11-20" selected/);
    expect(html).toMatch(/name="approvers" value="bientap@example.org" checked/);
    expect(html).toMatch(/name="approvers" value="lanhdao@example.org">/);
  });

  it('without a plan, asks for the plan first with a GET form', async () => {
    const { h, cookie } = await setup();
    const html = await (await h.app.request('/campaigns/new', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('<form method="get" action="/campaigns/new"');
    expect(html).toContain('<label for="plan">Kế hoạch</label>');
    expect((await h.app.request('/campaigns/new?plan=khong-co', { headers: { Cookie: cookie } })).status).toBe(404);
  });

  it('starts the campaign and redirects to its page', async () => {
    const { h, cookie, csrf } = await setup();
    const res = await h.app.request('/campaigns/new', { method: 'POST', body: form({ ...valid, csrf }), headers: { Cookie: cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/campaigns/campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026?ok=started');
    expect(h.started).toHaveLength(1);
    expect(h.started[0]).toMatchObject({ planId: 'phuong-bac-kan-2026', occasionDate: '2026-11-20', channels: ['infographic', 'loudspeaker'], localities: ['phuong-bac-kan-trung-tam'], approvers: ['bientap@example.org'], startedBy: 'bientap@example.org' });
    expect(h.started[0]!.taskIds).toContain('pbk-ton-vinh');
  });

  it('re-renders with each message beside its field, keeping the entered values', async () => {
    const { h, cookie, csrf } = await setup();
    const res = await h.app.request('/campaigns/new', {
      method: 'POST',
      body: form({ ...valid, csrf, occasion: 'khong-co-su-kien@2026-11-20', channels: [], publishMode: 'at', publishAt: '2026-13-01T08:00', approvers: [], approversExtra: 'không-phải-email' }),
      headers: { Cookie: cookie },
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    for (const id of ['occasion', 'channels', 'publishAt', 'approvers']) expect(html, id).toContain(`id="${id}-error"`);
    expect(html).toMatch(/<select id="occasion" name="occasion" aria-describedby="occasion-hint occasion-error" aria-invalid="true">/);
    expect(html).toMatch(/id="publishAt" name="publishAt" value="2026-13-01T08:00" aria-describedby="publishAt-hint publishAt-error" aria-invalid="true"/);
    expect(html).toContain('value="không-phải-email"');
    expect(html).toContain('Hãy chọn ít nhất một kênh.');
    expect(html).toContain('không phải địa chỉ email hợp lệ');
    // Stations of the ward's own loudspeaker clusters (the sample directory).
    expect(html).toMatch(/name="localities" value="phuong-bac-kan-trung-tam" checked/);
    expect(html).toMatch(/name="localities" value="phuong-bac-kan-tdp-so-2">/);
    expect(h.started).toEqual([]);
  });

  it('an existing campaign is named with a link, and can be run again on purpose', async () => {
    const { h, cookie, csrf } = await setup();
    h.states.set('campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026', campaignState());
    const res = await h.app.request('/campaigns/new', { method: 'POST', body: form({ ...valid, csrf }), headers: { Cookie: cookie } });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('href="/campaigns/campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026"');
    expect(html).toContain('id="forceNew-error"');
    const again = await h.app.request('/campaigns/new', { method: 'POST', body: form({ ...valid, csrf, forceNew: 'yes' }), headers: { Cookie: cookie } });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toMatch(/^\/campaigns\/campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026-r[a-z0-9]+\?ok=started$/);
  });
});

describe('the start form pins the plan version the editor saw', () => {
  async function setup() {
    const store = new MemoryObjectStore();
    await new DirectoryStore(store).seed(await loadSampleUnits());
    const library = new PlanLibrary(store, { now: () => new Date('2026-10-20T02:00:00Z') });
    await library.ensureSeeded();
    usePlanLibrary(library);
    const h = harness({ now, store });
    const cookie = await signIn(h);
    const csrf = await csrfOf(h, cookie);
    return { h, cookie, csrf, library };
  }
  afterEach(() => usePlanLibrary(undefined));
  const valid = { plan: 'phuong-bac-kan-2026', occasion: 'ngay-nha-giao-20-11@2026-11-20', channels: ['infographic'], publishMode: 'schedule', approvers: ['bientap@example.org'] };
  const saveVersion2 = async (library: PlanLibrary) => {
    const v1 = (await library.data('phuong-bac-kan-2026'))!;
    await library.save({ ...v1.data, title: `${String(v1.data.title)} (sửa đổi)` }, { by: 'lanhdao@example.org', at: new Date('2026-10-25T02:30:00Z'), expectedVersion: v1.version });
  };

  it('shows the version on the form and drafts from it', async () => {
    const { h, cookie, csrf } = await setup();
    const html = await (await h.app.request('/campaigns/new?plan=phuong-bac-kan-2026&occasion=ngay-nha-giao-20-11&date=2026-11-20', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('<input type="hidden" name="planVersion" value="1">');
    expect(html).toContain('Nội dung được soạn từ phiên bản 1, lưu lúc 09:00 ngày 20/10/2026');
    const res = await h.app.request('/campaigns/new', { method: 'POST', body: form({ ...valid, planVersion: '1', csrf }), headers: { Cookie: cookie } });
    expect(res.status).toBe(303);
    expect(h.started.map((s) => s.planVersion)).toEqual([1]);
  });

  it('a version saved after the form was opened stops the start and says who saved it; the form then offers the new version', async () => {
    const { h, cookie, csrf, library } = await setup();
    await saveVersion2(library);
    const res = await h.app.request('/campaigns/new', { method: 'POST', body: form({ ...valid, planVersion: '1', csrf }), headers: { Cookie: cookie } });
    expect(res.status).toBe(409);
    expect(h.started).toEqual([]);
    const html = await res.text();
    expect(html).toContain('Kế hoạch vừa được cập nhật (phiên bản 2, lưu lúc 09:30 ngày 25/10/2026, bởi lanhdao@example.org) sau khi bạn mở biểu mẫu với phiên bản 1.');
    expect(html).toContain('<input type="hidden" name="planVersion" value="2">');
    // Sent again from the refreshed form: drafted from version 2.
    const again = await h.app.request('/campaigns/new', { method: 'POST', body: form({ ...valid, planVersion: '2', csrf }), headers: { Cookie: cookie } });
    expect(again.status).toBe(303);
    expect(h.started.map((s) => s.planVersion)).toEqual([2]);
  });

  it('the campaign page says which version it drafts from, and when the plan has moved on', async () => {
    const { h, cookie, library } = await setup();
    const id = campaignState().campaignId;
    h.states.set(id, campaignState());
    await h.store.put(`campaigns/${id}/inputs/campaign.json`, JSON.stringify({ planId: 'phuong-bac-kan-2026', planVersion: 1 }), { contentType: 'application/json' });
    const page = async () => (await (await h.app.request(`/campaigns/${id}`, { headers: { Cookie: cookie } })).text());
    expect(await page()).toContain('Soạn theo phiên bản 1 của kế hoạch ·');
    await saveVersion2(library);
    expect(await page()).toContain('Soạn theo phiên bản 1 của kế hoạch; kế hoạch nay đã có phiên bản 2');
  });
});
