/**
 * The directory speaks to people in their words: an import preview names stations as people
 * know them (no internal ids in brackets), problems name fields by their Vietnamese labels
 * (never "parentId"), and an invitation says who invited the person, from which unit.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { validateUnit } from '../../../domain/directory/validate.js';
import { DirectoryStore, loadSampleUnits, UnitValidationError } from '../../../infra/directory-store.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { csrfOf, form, harness, signIn, type Harness } from '../dashboard/harness.js';

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

const HEADER = 'Mã đơn vị,Tên đài khi phát,Mã trạm,Tên trạm cụm loa,Loại trạm,Thôn tổ dân phố,Hệ thống,Khung giờ phát,Người vận hành,Email người vận hành,Điện thoại người vận hành';

describe('directory words', () => {
  it('an import preview names each station as people know it, never by its id', async () => {
    const body = new FormData();
    body.append('csrf', await csrfOf(h, cookie));
    body.append('kind', 'stations');
    body.append('mode', 'preview');
    const csv = [
      HEADER,
      'xa-huu-lung,Đài truyền thanh xã Hữu Lũng,trung-tam,Đài truyền thanh xã Hữu Lũng,đài truyền thanh,,truyền thống,Buổi sáng 05:30-06:00,Lý Văn Mẫu,huulung@example.org,0000 100 111',
      'xa-huu-lung,Đài truyền thanh xã Hữu Lũng,cum-loa-3,Cụm loa số 3,cụm loa,Thôn Đồng Tân,truyền thống,Buổi sáng 05:30-06:00,Lý Văn Mẫu,huulung@example.org,0000 100 111',
    ].join('\n');
    body.append('file', new File([csv], 'tram.csv', { type: 'text/csv' }));
    const res = await h.app.request('/units/xa-huu-lung/import', { method: 'POST', body, headers: { Cookie: cookie } });
    const html = await res.text();
    expect(html).toContain('Cụm loa số 3 (Thôn Đồng Tân)');
    expect(html).not.toContain('(cum-loa-3)');
    expect(html).not.toContain('(trung-tam)');
  });

  it('names fields by their Vietnamese labels in problems, never by their keys', async () => {
    const province = validateUnit({ id: 'tinh-mau', name: 'Tỉnh Mẫu', shortName: 'Mẫu', tier: 'province', parentId: 'tinh-khac' });
    expect(province.ok).toBe(false);
    if (!province.ok) {
      expect(province.problems[0]!.message).toBe('tỉnh không có đơn vị cấp trên trong danh bạ; hãy bỏ mục “tỉnh, thành phố trực thuộc”');
      expect(province.problems.map((p) => p.message).join(' ')).not.toContain('parentId');
    }
    const commune = validateUnit({ id: 'xa-mau', name: 'Xã Mẫu', shortName: 'Mẫu', tier: 'commune', kind: 'xa' });
    expect(commune.ok).toBe(false);
    if (!commune.ok) expect(commune.problems[0]!.message).toBe('cần ghi tỉnh hoặc thành phố mà đơn vị trực thuộc (mục “tỉnh, thành phố trực thuộc”)');

    const unit = (await directory.get('xa-huu-lung'))!;
    const station = unit.unit.broadcast!.stations[0]!;
    const bad = { ...unit.unit, broadcast: { ...unit.unit.broadcast!, stations: [{ ...station, slots: [{ ...station.slots[0]!, start: '25:00' }] }] } };
    const err = await directory.save(bad, { by: ADMIN, expectedRevision: unit.revision }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnitValidationError);
    expect((err as Error).message).toContain('  - hệ thống truyền thanh › trạm, cụm loa thứ 1 › khung giờ phát thứ 1 › giờ bắt đầu: ');
    expect((err as Error).message).not.toMatch(/broadcast|stations|slots\[/);
  });

  it('an invitation says who invited the person, from which unit, to what', async () => {
    const before = h.sent.length;
    const res = await h.app.request('/units/xa-huu-lung/invite', {
      method: 'POST',
      body: form({ csrf: await csrfOf(h, cookie), email: 'bientap.moi@example.org', name: 'Hoàng Thị Mời', role: 'editor', revision: String((await directory.get('xa-huu-lung'))!.revision) }),
      headers: { Cookie: cookie },
    });
    expect(res.status).toBe(303);
    await h.mailCount(before + 1);
    const mail = h.sent[before]!;
    expect(mail.subject).toBe('Lời mời làm biên tập viên của Xã Hữu Lũng trên bảng điều khiển truyền thông');
    expect(mail.text).toContain('Kính gửi Hoàng Thị Mời,\n\nHà Văn Trị (Tỉnh Lạng Sơn) đã mời bạn làm biên tập viên của Xã Hữu Lũng trên bảng điều khiển truyền thông.');
    expect(mail.text).toContain('Nếu bạn không chờ lời mời này, hãy hỏi lại Hà Văn Trị (quantri.langson@example.org) trước khi mở liên kết.');
    expect(mail.html).toContain('Hà Văn Trị (Tỉnh Lạng Sơn) đã mời bạn làm biên tập viên của Xã Hữu Lũng');
  });
});
