/**
 * The plan library's rules on the in-memory object store (the same rules run on the real store
 * in test/integration/plan-library.test.ts): seeded once from plans/, every version kept with
 * who, when and what changed, saves refused when someone saved first, invalid plans refused.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { PlanConflictError, PlanLibrary, PlanValidationError, PlanVersionNotFoundError } from '../../../infra/plan-library.js';
import { listPlanFiles, loadPlans, PLANS_DIR, PlanNotFoundError } from '../../../infra/plan-store.js';

const clock = (iso: string) => () => new Date(iso);
const ID = 'phuong-bac-kan-2026';
const sampleData = async () => parse(await readFile(path.join(PLANS_DIR, `${ID}.yaml`), 'utf8')) as Record<string, unknown>;

describe('plan library (in memory)', () => {
  it('seeds every shipped plan once, as version 1, equal to the file', async () => {
    const store = new MemoryObjectStore();
    const library = new PlanLibrary(store, { now: clock('2026-11-01T01:00:00Z') });
    const files = await listPlanFiles();
    expect((await library.ensureSeeded()).created).toHaveLength(files.length);
    expect(await new PlanLibrary(store).ensureSeeded()).toEqual({ created: [], skipped: 'seeded' });
    const stored = await library.list();
    expect(stored.map((s) => s.version)).toEqual(files.map(() => 1));
    expect(stored.map((s) => s.plan)).toEqual(await loadPlans(PLANS_DIR));
  });

  it('keeps every version with who, when and what changed; the current and any earlier one are readable', async () => {
    const library = new PlanLibrary(new MemoryObjectStore(), { now: clock('2026-11-01T01:00:00Z') });
    const v1 = await library.get(ID);
    const data = await sampleData();
    const tasks = (data.tasks as Record<string, unknown>[]).map((t, i) => (i === 0 ? { ...t, title: 'Tuyên truyền sâu rộng Nghị quyết 71' } : t));
    const saved = await library.save({ ...data, title: 'Kế hoạch đã sửa', tasks }, { by: 'BienTap.VHXH@example.org', expectedVersion: 1, at: new Date('2026-11-02T02:15:00Z') });
    expect(saved.version).toBe(2);
    expect(saved.changes).toEqual(['Sửa trích yếu', `Nhiệm vụ ${String((data.tasks as { number: string }[])[0]!.number)}: sửa tên`]);
    expect((await library.get(ID)).plan.title).toBe('Kế hoạch đã sửa');
    expect((await library.get(ID, 1)).plan).toEqual(v1.plan);
    const history = await library.history(ID);
    expect(history.map((h) => [h.version, h.by, h.at, h.action])).toEqual([
      [1, 'hệ thống (kế hoạch mẫu)', '2026-11-01T01:00:00.000Z', 'seed'],
      [2, 'bientap.vhxh@example.org', '2026-11-02T02:15:00.000Z', 'save'],
    ]);
    await expect(library.get(ID, 3)).rejects.toBeInstanceOf(PlanVersionNotFoundError);
    await expect(library.get('khong-co')).rejects.toBeInstanceOf(PlanNotFoundError);
  });

  it('refuses the second of two saves from the same version, in Vietnamese, naming who saved first; both versions survive as they were', async () => {
    const library = new PlanLibrary(new MemoryObjectStore());
    const data = await sampleData();
    await library.save({ ...data, title: 'Bản của người thứ nhất' }, { by: 'bientap.vhxh@example.org', expectedVersion: 1, at: new Date('2026-11-20T02:15:00Z') });
    const second = library.save({ ...data, title: 'Bản của người thứ hai' }, { by: 'lanhdao.ubnd@example.org', expectedVersion: 1 });
    await expect(second).rejects.toBeInstanceOf(PlanConflictError);
    await expect(second).rejects.toThrow(`Không lưu được: kế hoạch “${ID}” đã được bientap.vhxh@example.org lưu thành phiên bản 2 lúc 09:15 ngày 20/11/2026, sau phiên bản 1 mà bạn bắt đầu sửa.`);
    expect((await library.get(ID)).plan.title).toBe('Bản của người thứ nhất');
    expect((await library.history(ID)).map((h) => h.version)).toEqual([1, 2]);
    // A new plan under an id already taken is a conflict too, not an overwrite.
    await expect(library.save(data, { by: 'x@example.org', expectedVersion: 0 })).rejects.toThrow(`đã có kế hoạch mã "${ID}"`);
  });

  it('refuses a plan that fails the plan checks, with each problem by field; nothing is written', async () => {
    const store = new MemoryObjectStore();
    const library = new PlanLibrary(store);
    await library.ensureSeeded();
    const before = store.objects.size;
    const data = await sampleData();
    const saving = library.save({ ...data, symbol: 'kh ubnd', tasks: [] }, { by: 'a@example.org', expectedVersion: 1 });
    await expect(saving).rejects.toBeInstanceOf(PlanValidationError);
    const problems = await saving.then(() => [], (e: PlanValidationError) => e.problems);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['symbol', 'tasks']));
    expect(store.objects.size).toBe(before);
  });
});
