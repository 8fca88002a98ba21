/**
 * The directory on the dashboard: list and search server-side, create a unit under a province
 * (per-field messages), a conflict when two people saved at once, import stations from a CSV
 * upload with a preview, apply and undo, and invite an editor who then signs in. Only the
 * unit's (or the province's) administrators change it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DirectoryStore, loadSampleUnits } from '../../../infra/directory-store.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { csrfOf, form, harness, hidden, signIn, type Harness } from '../dashboard/harness.js';

const ADMIN = 'quantri.langson@example.org';
let h: Harness;
let directory: DirectoryStore;
let cookie: string;

beforeEach(async () => {
  const store = new MemoryObjectStore();
  directory = new DirectoryStore(store);
  await directory.seed(await loadSampleUnits());
  h = harness({ store });
  cookie = await signIn(h, ADMIN);
});

const get = (path: string, who = cookie) => h.app.request(path, { headers: { Cookie: who } });
async function post(path: string, fields: Record<string, string>, who = cookie) {
  return h.app.request(path, { method: 'POST', body: form({ csrf: await csrfOf(h, who), ...fields }), headers: { Cookie: who } });
}
async function upload(path: string, fields: Record<string, string>, file: { name: string; text: string }) {
  const body = new FormData();
  body.append('csrf', await csrfOf(h, cookie));
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append('file', new File([file.text], file.name, { type: 'text/csv' }));
  return h.app.request(path, { method: 'POST', body, headers: { Cookie: cookie } });
}

const STATIONS = [
  'Mã đơn vị,Tên đài khi phát,Mã trạm,Tên trạm cụm loa,Loại trạm,Thôn tổ dân phố,Hệ thống,Khung giờ phát,Người vận hành,Email người vận hành,Điện thoại người vận hành',
  'xa-van-quan,Đài truyền thanh xã Văn Quan,trung-tam,Đài truyền thanh xã Văn Quan,đài truyền thanh,,truyền thống,Buổi sáng 05:30-06:00,Nông Văn Mẫu,vanquan@example.org,0000 100 111',
];

describe('directory pages', () => {
  it('lists and searches units on the server, a page at a time', async () => {
    const html = await (await get('/units?q=lang%20son')).text();
    expect(html).toContain('Tỉnh Lạng Sơn');
    expect(html).not.toContain('Phường Bắc Kạn');
    expect(html).toMatch(/Đơn vị 1–\d+ trong \d+ đơn vị khớp “lang son”/);
  });

  it('creates a unit under the province with per-field messages, then refuses a stale save with a conflict message', async () => {
    const bad = await post('/units/new', { parentId: 'tinh-lang-son', id: 'Xã Văn Quan', name: '', shortName: 'Văn Quan', tier: 'commune', kind: '', portalUrl: 'vanquan', plans: 'khong-co' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    for (const m of ['Mã đơn vị chỉ gồm chữ thường', 'Nhập tên đơn vị', 'cần chọn loại: xã, phường hoặc đặc khu', 'phải bắt đầu bằng http://', 'Không có kế hoạch mã “khong-co”']) expect(badHtml).toContain(m);
    expect(await directory.get('xa-van-quan')).toBeUndefined();

    const ok = await post('/units/new', { parentId: 'tinh-lang-son', id: 'xa-van-quan', name: 'Xã Văn Quan', shortName: 'Văn Quan', tier: 'commune', kind: 'xa' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/units/xa-van-quan?ok=created');
    expect((await directory.get('xa-van-quan'))?.unit.parentId).toBe('tinh-lang-son');

    // Two people opened the form at revision 1; the second save is refused, nothing merged.
    const form1 = await (await get('/units/xa-van-quan/edit')).text();
    const revision = hidden(form1, 'revision')!;
    expect((await post('/units/xa-van-quan/edit', { revision, name: 'Xã Văn Quan', shortName: 'Văn Quan', tier: 'commune', kind: 'xa', body: 'UBND xã Văn Quan' })).status).toBe(303);
    const late = await post('/units/xa-van-quan/edit', { revision, name: 'Xã Văn Quan (sửa)', shortName: 'Văn Quan', tier: 'commune', kind: 'xa' });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('Có người khác vừa lưu đơn vị này');
    expect((await directory.get('xa-van-quan'))?.unit.name).toBe('Xã Văn Quan');
  });

  it('imports stations from an upload: preview with every problem at its row and column, apply, undo', async () => {
    await post('/units/new', { parentId: 'tinh-lang-son', id: 'xa-van-quan', name: 'Xã Văn Quan', shortName: 'Văn Quan', tier: 'commune', kind: 'xa' });
    const broken = await upload('/units/tinh-lang-son/import', { kind: 'stations', mode: 'preview' }, { name: 'tram.csv', text: `${STATIONS.join('\n')}\nxa-van-quan,,thon-1,Cụm loa thôn 1,cụm loa,Thôn 1,truyền thống,Buổi sáng 25:00-25:30,Người,a@example.org,0000 100 112\n` });
    expect(broken.status).toBe(400);
    const brokenHtml = await broken.text();
    expect(brokenHtml).toContain('Tệp có 1 lỗi; chưa nhập gì');
    expect(brokenHtml).toMatch(/<th scope="row">3<\/th><td data-label="Cột">Khung giờ phát \(H\)<\/td>/);
    expect((await directory.get('xa-van-quan'))?.unit.broadcast).toBeUndefined();

    const previewed = await upload('/units/tinh-lang-son/import', { kind: 'stations', mode: 'preview' }, { name: 'tram.csv', text: STATIONS.join('\n') });
    expect(previewed.status).toBe(200);
    const html = await previewed.text();
    expect(html).toContain('Sẽ thêm 1');
    expect(html).toContain('Xã Văn Quan — Sửa');
    expect((await directory.get('xa-van-quan'))?.unit.broadcast).toBeUndefined();

    const applied = await post('/units/tinh-lang-son/import', { kind: 'stations', mode: 'apply', upload: hidden(html, 'upload')! });
    expect(applied.status).toBe(303);
    expect((await directory.get('xa-van-quan'))?.unit.broadcast?.stations.map((s) => s.name)).toEqual(['Đài truyền thanh xã Văn Quan']);

    const page = await (await get('/units/xa-van-quan')).text();
    expect(page).toContain('Đài truyền thanh xã Văn Quan');
    const undo = /action="(\/units\/xa-van-quan\/imports\/[a-z0-9-]+\/undo)"/.exec(page)?.[1];
    expect(undo).toBeDefined();
    expect((await post(undo!, {})).status).toBe(303);
    expect((await directory.get('xa-van-quan'))?.unit.broadcast).toBeUndefined();
    expect(await (await get('/units/xa-van-quan')).text()).toContain('Hoàn tác lần nhập');
  });

  it('invites an editor, who gets a sign-in link and works for that unit only', async () => {
    const before = h.sent.length;
    const res = await post('/units/xa-huu-lung/invite', { email: 'bientap.huulung@example.org', name: 'Hoàng Thị Mời', role: 'editor', revision: String((await directory.get('xa-huu-lung'))!.revision) });
    expect(res.status).toBe(303);
    await h.mailCount(before + 1);
    expect(h.sent[before]!.to).toBe('bientap.huulung@example.org');
    expect(h.sent[before]!.text).toContain('Kính gửi Hoàng Thị Mời,');
    const invited = await signIn(h, 'bientap.huulung@example.org');
    expect(await (await get('/', invited)).text()).toContain('Biên tập viên · Xã Hữu Lũng');
    expect((await get('/units/xa-huu-lung', invited)).status).toBe(200);
    const refused = await get('/units/xa-huu-lung/edit', invited);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Cần vai trò quản trị của Xã Hữu Lũng');
  });

  it('only a platform administrator adds a province; another province’s admin is refused', async () => {
    const res = await get('/units/new');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Chỉ quản trị viên nền tảng mới thêm được đơn vị cấp tỉnh');
    const other = await get('/units/tinh-quang-ngai/edit');
    expect(other.status).toBe(403);
    expect(await other.text()).toContain('Cần vai trò quản trị của Tỉnh Quảng Ngãi');
  });
});

describe('the unit list at the country’s scale', () => {
  it('3,321 units: the list shows one page of 50 and searches on the server', async () => {
    const { exportRows } = await import('../../../domain/directory/import.js');
    const { parseCsv, writeCsv } = await import('../../../domain/directory/table.js');
    const units = [
      { id: 'tinh-thu', name: 'Tỉnh Thử', shortName: 'Thử', tier: 'province' as const, plans: [], editors: [] },
      ...Array.from({ length: 3320 }, (_, i) => ({ id: `xa-thu-${i + 1}`, name: `Xã Thử Số ${i + 1}`, shortName: `Thử ${i + 1}`, tier: 'commune' as const, kind: 'xa' as const, parentId: 'tinh-thu', plans: [], editors: [] })),
    ];
    const big = new DirectoryStore(new MemoryObjectStore());
    await big.applyImport(await big.previewImport('units', parseCsv(writeCsv(exportRows('units', units)))), { by: 'kiem-thu@example.org' });
    const hh = harness({ store: big.store as MemoryObjectStore });
    const who = await signIn(hh);
    const page1 = await (await hh.app.request('/units', { headers: { Cookie: who } })).text();
    expect(page1).toContain('Đơn vị 1–50 trong 3321 đơn vị.');
    expect(page1.match(/<tr><th scope="row">/g)).toHaveLength(50);
    expect(page1).toMatch(/href="\/units\?page(=|&#x3D;)2" rel="next"/);
    const last = await (await hh.app.request('/units?page=67', { headers: { Cookie: who } })).text();
    expect(last).toContain('Đơn vị 3301–3321 trong 3321 đơn vị.');
    const found = await (await hh.app.request('/units?q=xa%20thu%20so%203320', { headers: { Cookie: who } })).text();
    expect(found).toContain('Đơn vị 1–1 trong 1 đơn vị khớp “xa thu so 3320”.');
    expect(found).toContain('Xã Thử Số 3320');
  });
});
