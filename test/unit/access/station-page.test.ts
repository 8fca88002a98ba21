/**
 * A station's page on the dashboard: its administrator uploads the station's intro and outro
 * and sets its voice. A file that is not audio is refused with a message naming it, and the
 * station (and the store) stay exactly as they were; a good file is kept under the unit and
 * the station refers to it. Only the unit's administrators may change it.
 */
import { execFileSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { DirectoryStore, loadSampleUnits } from '../../../infra/directory-store.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { csrfOf, harness, hidden, signIn, type Harness } from '../dashboard/harness.js';

const ADMIN = 'quantri.langson@example.org';
const PAGE = '/units/phuong-luong-van-tri/stations/trung-tam';
let h: Harness;
let store: MemoryObjectStore;
let directory: DirectoryStore;
let cookie: string;

beforeEach(async () => {
  store = new MemoryObjectStore();
  directory = new DirectoryStore(store);
  await directory.seed(await loadSampleUnits());
  h = harness({ store });
  cookie = await signIn(h, ADMIN);
});

const station = async () => (await directory.get('phuong-luong-van-tri'))!;
const audioKeys = () => [...store.objects.keys()].filter((k) => k.startsWith('directory/audio/'));

async function save(fields: Record<string, string>, files: Record<string, { name: string; bytes: Buffer; type?: string }> = {}, who = cookie) {
  const page = await (await h.app.request(PAGE, { headers: { Cookie: who } })).text();
  const body = new FormData();
  body.append('csrf', await csrfOf(h, who));
  body.append('revision', hidden(page, 'revision') ?? '0');
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const [k, f] of Object.entries(files)) body.append(k, new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? 'audio/mpeg' }));
  return h.app.request(PAGE, { method: 'POST', body, headers: { Cookie: who } });
}

const tone = (seconds: number) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `sine=frequency=660:duration=${seconds}`, '-f', 'mp3', '-']);

describe('a station’s page', { timeout: 60_000 }, () => {
  it('refuses an intro that is not audio, naming the file, and leaves the station unchanged', async () => {
    const before = await station();
    const res = await save({ rate: '0,8', pitch: '-1' }, { intro: { name: 'nhac-hieu.mp3', bytes: Buffer.from('%PDF-1.4 không phải âm thanh\n'.repeat(40)), type: 'application/pdf' } });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Chưa lưu được; trạm giữ nguyên như trước');
    expect(html).toContain('Tệp nhạc hiệu mở đầu “nhac-hieu.mp3” không phải tệp âm thanh đọc được');
    const after = await station();
    expect(after.revision).toBe(before.revision);
    expect(after.unit).toEqual(before.unit);
    expect(audioKeys()).toEqual([]);
  });

  it('keeps a good intro and outro under the unit, with the voice, and shows them on the unit’s page', async () => {
    const res = await save({ rate: '0,9', pitch: '-2' }, { intro: { name: 'mo-dau.mp3', bytes: tone(3) }, outro: { name: 'ket-thuc.mp3', bytes: tone(2) } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/units/phuong-luong-van-tri?ok=station');
    const s = (await station()).unit.broadcast!.stations[0]!;
    expect(s.tts).toEqual({ rate: 0.9, pitch: -2 });
    expect(s.intro).toMatchObject({ file: 'mo-dau.mp3' });
    expect(s.outro).toMatchObject({ file: 'ket-thuc.mp3' });
    expect(s.intro!.key.startsWith('directory/audio/phuong-luong-van-tri/trung-tam/intro-')).toBe(true);
    expect(store.objects.get(s.intro!.key)?.body.equals(tone(3))).toBe(true);
    const unitPage = await (await h.app.request('/units/phuong-luong-van-tri?ok=station', { headers: { Cookie: cookie } })).text();
    expect(unitPage).toContain('Đã lưu nhạc hiệu và giọng đọc của trạm.');
    expect(unitPage).toContain('nhạc hiệu: mở đầu “mo-dau.mp3”, kết thúc “ket-thuc.mp3”');

    // A too-long outro next time: refused, the first outro stays.
    const long = await save({}, { outro: { name: 'dai.mp3', bytes: tone(35) } });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('Tệp nhạc hiệu kết thúc “dai.mp3” dài 35 giây, quá giới hạn 30 giây');
    expect((await station()).unit.broadcast!.stations[0]!.outro).toEqual(s.outro);

    // Removing the intro.
    expect((await save({ 'remove-intro': 'yes', rate: '0,9', pitch: '-2' })).status).toBe(303);
    expect((await station()).unit.broadcast!.stations[0]!.intro).toBeUndefined();
  });

  it('refuses a save when someone else changed the unit meanwhile, and keeps none of the new files', async () => {
    const stale = String((await station()).revision);
    const other = await station();
    await directory.save({ ...other.unit, body: 'Ủy ban nhân dân phường Lương Văn Tri (đã sửa)' }, { by: 'nguoi.khac@example.org', expectedRevision: other.revision });
    const body = new FormData();
    body.append('csrf', await csrfOf(h, cookie));
    body.append('revision', stale);
    body.append('intro', new File([new Uint8Array(tone(2))], 'mo-dau.mp3', { type: 'audio/mpeg' }));
    const res = await h.app.request(PAGE, { method: 'POST', body, headers: { Cookie: cookie } });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Có người khác vừa lưu đơn vị này');
    expect((await station()).unit.broadcast!.stations[0]!.intro).toBeUndefined();
    expect(audioKeys()).toEqual([]);
  });

  it('is for the unit’s administrators only', async () => {
    const editor = await signIn(h, 'bientap.luongvantri@example.org');
    expect((await h.app.request(PAGE, { headers: { Cookie: editor } })).status).toBe(403);
  });
});
