/**
 * The directory store's rules on the in-memory object store (the same rules run on the real
 * store in test/integration/directory.test.ts): compare-and-swap saves with a conflict that
 * names who and when, the change log, seeding once, import preview/apply/undo.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../domain/directory/table.js';
import { DirectoryStore, ImportRefusedError, loadSampleUnits, UnitConflictError, UnitValidationError } from '../../../infra/directory-store.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';

const samples = await loadSampleUnits();
const clock = (iso: string) => () => new Date(iso);

async function seeded() {
  const store = new MemoryObjectStore();
  const directory = new DirectoryStore(store, { now: clock('2026-11-20T02:15:00Z') });
  await directory.seed(samples);
  return { store, directory };
}

describe('directory store (in memory)', () => {
  it('seeds once: a second seed changes nothing, and a directory holding other units is left alone', async () => {
    const { store, directory } = await seeded();
    expect((await directory.list()).length).toBe(samples.length);
    const writes = store.objects.size;
    expect(await directory.seed(samples)).toEqual({ created: [], skipped: 'seeded' });
    expect(store.objects.size).toBe(writes);
    const other = new DirectoryStore(new MemoryObjectStore());
    await other.save({ id: 'tinh-cao-bang', name: 'Tỉnh Cao Bằng', shortName: 'Cao Bằng', tier: 'province' }, { by: 'a@example.org', expectedRevision: 0 });
    expect(await other.seed(samples)).toEqual({ created: [], skipped: 'notEmpty' });
    expect((await other.list()).map((u) => u.id)).toEqual(['tinh-cao-bang']);
  });

  it('refuses the second of two saves from the same revision, naming who changed it and when; the log keeps both sides', async () => {
    const { directory } = await seeded();
    const start = (await directory.get('phuong-bac-kan'))!;
    await directory.save({ ...start.unit, shortName: 'Bắc Kạn (đã sửa)' }, { by: 'BIENTAP.VHXH@example.org', expectedRevision: start.revision, at: new Date('2026-11-20T02:15:00Z') });
    const second = directory.save({ ...start.unit, body: 'UBND phường Bắc Kạn' }, { by: 'bientap.dvth@example.org', expectedRevision: start.revision });
    await expect(second).rejects.toBeInstanceOf(UnitConflictError);
    await expect(second).rejects.toThrow('Không lưu được: Đơn vị “Phường Bắc Kạn” đã được thay đổi — thay đổi bởi Nguyễn Thu Biên (bientap.vhxh@example.org) lúc 09:15 ngày 20/11/2026 (phiên bản 2), sau phiên bản 1 mà bạn bắt đầu sửa.');
    const now = (await directory.get('phuong-bac-kan'))!;
    expect([now.revision, now.unit.shortName, now.unit.body]).toEqual([2, 'Bắc Kạn (đã sửa)', 'Ủy ban nhân dân phường Bắc Kạn']);
    const log = await directory.history('phuong-bac-kan');
    expect(log.map((e) => [e.revision, e.action, e.by])).toEqual([[1, 'seed', 'hệ thống (dữ liệu mẫu)'], [2, 'update', 'bientap.vhxh@example.org']]);
    expect([log[1]!.before?.shortName, log[1]!.after?.shortName]).toEqual(['Bắc Kạn', 'Bắc Kạn (đã sửa)']);
  });

  it('refuses a unit that fails its checks or takes a plan another unit issued', async () => {
    const { directory } = await seeded();
    const huuLung = (await directory.get('xa-huu-lung'))!;
    await expect(directory.save({ ...huuLung.unit, plans: ['phuong-bac-kan-2026'] }, { by: 'a@example.org', expectedRevision: huuLung.revision })).rejects.toThrow('kế hoạch "phuong-bac-kan-2026" đã thuộc “Phường Bắc Kạn”');
    await expect(directory.save({ ...huuLung.unit, parentId: 'tinh-khong-co' }, { by: 'a@example.org', expectedRevision: huuLung.revision })).rejects.toBeInstanceOf(UnitValidationError);
    expect((await directory.ownerOfPlan('phuong-bac-kan-2026'))?.id).toBe('phuong-bac-kan');
    expect((await directory.unitsOfEditor('quantri.langson@example.org')).some((g) => g.unitId === 'xa-huu-lung' && g.via === 'tinh-lang-son')).toBe(true);
  });

  it('previews, applies and undoes an import; an undo after a later change is refused and changes nothing', async () => {
    const { directory } = await seeded();
    const sheet = parseCsv('Mã đơn vị,Mã phóng viên,Họ tên,Cơ quan báo chí,Email,Lĩnh vực phụ trách\nxa-huu-lung,pv-1,Phóng Viên Một,Báo Mẫu,pv1.huulung@example.org,giáo dục\n');
    const plan = await directory.previewImport('media', sheet);
    expect(plan.changes.map((c) => [c.unitId, c.expectedRevision, c.added])).toEqual([['xa-huu-lung', 1, ['Phóng Viên Một <pv1.huulung@example.org>']]]);
    expect((await directory.unit('xa-huu-lung'))!.mediaList).toBeUndefined();
    const record = await directory.applyImport(plan, { by: 'quantri.langson@example.org', file: 'pv.csv' });
    expect((await directory.unit('xa-huu-lung'))!.mediaList!.journalists).toHaveLength(1);
    await directory.undoImport(record.id, { by: 'quantri.langson@example.org' });
    const after = (await directory.get('xa-huu-lung'))!;
    expect([after.revision, after.unit.mediaList]).toEqual([3, undefined]);
    expect((await directory.history('xa-huu-lung')).map((e) => e.action)).toEqual(['seed', 'import', 'undo']);
    await expect(directory.undoImport(record.id, { by: 'x@example.org' })).rejects.toThrow('đã được hoàn tác');

    const again = await directory.applyImport(await directory.previewImport('media', sheet), { by: 'quantri.langson@example.org' });
    const current = (await directory.get('xa-huu-lung'))!;
    await directory.save({ ...current.unit, shortName: 'Hữu Lũng mới' }, { by: 'bientap.luongvantri@example.org', expectedRevision: current.revision });
    const refused = directory.undoImport(again.id, { by: 'quantri.langson@example.org' });
    await expect(refused).rejects.toBeInstanceOf(ImportRefusedError);
    await expect(refused).rejects.toThrow('“Xã Hữu Lũng” đã được bientap.luongvantri@example.org thay đổi lúc');
    expect((await directory.unit('xa-huu-lung'))!.shortName).toBe('Hữu Lũng mới');
  });

  it('an import whose unit changed after the preview is refused whole: the units it wrote go back', async () => {
    const { directory } = await seeded();
    const sheet = parseCsv('Mã đơn vị,Email,Họ tên,Vai trò\nxa-chi-lang,a@example.org,Người A,biên tập viên\nxa-huu-lung,b@example.org,Người B,lãnh đạo\n');
    const plan = await directory.previewImport('editors', sheet);
    const huuLung = (await directory.get('xa-huu-lung'))!;
    await directory.save({ ...huuLung.unit, shortName: 'HL' }, { by: 'c@example.org', expectedRevision: huuLung.revision });
    await expect(directory.applyImport(plan, { by: 'd@example.org' })).rejects.toThrow('hãy xem trước lại rồi nhập');
    expect((await directory.unit('xa-chi-lang'))!.editors).toEqual([]);
    expect((await directory.unit('xa-huu-lung'))!.editors).toEqual([]);
    expect((await directory.imports())[0]!.status).toBe('failed');
  });
});
