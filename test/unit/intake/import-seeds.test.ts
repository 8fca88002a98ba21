// Extraction on each shipped seed, imported from its text and compared with the checked plan
// file: tasks found, lead and coordinating bodies, targets with figure and bound, reporting
// duties. The OCR seed is read with a restorer that never saw its plan file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDraft } from '../../../domain/intake/compare.js';
import { importPlanDocument } from '../../../infra/intake/import.js';
import { loadRestorer } from '../../../infra/intake/restorer.js';
import { loadPlan } from '../../../infra/plan-store.js';

const root = path.resolve(import.meta.dirname, '../../..');
type Json = Record<string, unknown>;

async function importSeed(file: string, heldOut: string[]) {
  return importPlanDocument(readFileSync(path.join(root, file)), path.basename(file), { restorer: loadRestorer(heldOut) });
}
const tasksOf = (plan: Json) => plan.tasks as Json[];
const periodsOf = (plan: Json) => (plan.objectives as Json).periods as Json[];

describe('import of seed 003 (Quảng Ngãi, accented text)', async () => {
  const r = await importSeed('data/intake/corpus/quang-ngai-2026.txt', ['quang-ngai-2026.txt', 'quang-ngai-2026.yaml']);
  const plan = r.draft.plan;
  const checked = await loadPlan('quang-ngai-2026');

  it('keeps the blank number and day unknown and flags them', () => {
    expect(plan.number).toBeNull();
    expect(plan.symbol).toBe('KH-UBND');
    expect(plan.issued).toEqual({ place: 'Quảng Ngãi', date: null, year: 2026 });
    expect(r.flags.find((f) => f.path === 'number')?.provenance).toBe('missing');
    expect(r.flags.find((f) => f.path === 'issued.date')?.provenance).toBe('missing');
    expect(r.restoration.applied).toBe(false);
  });

  it('finds every task with its lead, coordinating bodies and "Thường xuyên"', () => {
    expect(tasksOf(plan).map((t) => t.number)).toEqual(['III.1', 'III.2', 'III.3', 'III.4', 'III.5']);
    const press = tasksOf(plan)[2]!;
    expect(press.leadBody).toBe('Báo và Phát thanh, Truyền hình Quảng Ngãi');
    expect(press.coordinatingBodies).toEqual(['Sở Giáo dục và Đào tạo', 'Sở Văn hóa, Thể thao và Du lịch', 'UBND các xã, phường, đặc khu', 'Các sở, ban, ngành', 'Các cơ sở giáo dục trên địa bàn tỉnh']);
    expect(press.channels).toEqual(expect.arrayContaining(['infographic', 'video', 'qaSet', 'loudspeaker', 'press']));
    expect(tasksOf(plan)[4]).toMatchObject({ leadBody: 'Sở Giáo dục và Đào tạo', implementingBodies: ['UBND các xã, phường, đặc khu'] });
    expect(tasksOf(plan).every((t) => (t.timeframe as Json).kind === 'ongoing')).toBe(true);
    const c = compareDraft(plan, checked);
    expect(c.tasks).toEqual({ right: 5, total: 5 });
    expect(c.leadBodies).toEqual({ right: 5, total: 5 });
    expect(c.coordinatingBodies).toEqual({ right: 19, total: 19 });
  });

  it('reads targets without a general objective, with their bounds', () => {
    expect((plan.objectives as Json).general).toEqual([]);
    expect(r.flags.find((f) => f.path === 'objectives.general')?.provenance).toBe('missing');
    const seventy = periodsOf(plan)[0]!.targets as Json[];
    expect(seventy[2]!.measure).toMatchObject({ metric: 'percent', value: 70, bound: 'atLeast', audience: 'communicationStaff' });
    const c = compareDraft(plan, checked);
    expect(c.targets).toEqual({ right: 6, total: 6 });
    expect(c.figures).toEqual({ right: 4, total: 4 });
  });

  it('reads the proposal, the lead body, the reporting duties and the signer', () => {
    expect(plan.legalBasis).toContainEqual({ kind: 'Tờ trình', number: '673/TTr-SGDĐT', date: '2026-04-02', issuer: 'Sở Giáo dục và Đào tạo', relation: 'proposal' });
    expect(plan.leadBody).toBe('Sở Giáo dục và Đào tạo');
    const c = compareDraft(plan, checked);
    expect(c.reporting).toEqual({ right: 2, total: 2 });
    expect(c.legalBasis).toEqual({ right: 3, total: 3 });
    expect(plan.signer).toEqual({ authority: 'TM. Ủy ban nhân dân, KT. Chủ tịch', position: 'Phó Chủ tịch', name: 'Y Ngọc' });
  });
});

describe('import of seed 002 (phường Bắc Kạn: no header, bullets, per-body duties)', async () => {
  const r = await importSeed('data/intake/corpus/phuong-bac-kan-2026.txt', ['phuong-bac-kan-2026.txt', 'phuong-bac-kan-2026.yaml']);
  const plan = r.draft.plan;
  const checked = await loadPlan('phuong-bac-kan-2026');

  it('names a lead body only where the document does, and flags the others', () => {
    const leads = tasksOf(plan).map((t) => t.leadBody ?? null);
    expect(leads).toEqual(['Trung tâm Dịch vụ tổng hợp phường', null, null, null, 'Phòng Văn hóa - Xã hội']);
    for (const i of [1, 2, 3]) expect(r.flags.find((f) => f.path === `tasks[${i}].leadBody`)?.provenance).toBe('missing');
    expect(plan.leadBody).toBe('Phòng Văn hóa - Xã hội');
  });

  it('keeps bullets with their sub-items, and every target with its bound', () => {
    expect((tasksOf(plan)[1]!.description as unknown[])[0]).toEqual({
      text: 'Chỉ đạo các trường học trên địa bàn:',
      items: ['Tổ chức sinh hoạt chuyên đề, sinh hoạt dưới cờ, tọa đàm về nội dung Nghị quyết số 71-NQ/TW.', 'Phát huy vai trò Đoàn Thanh niên, Đội Thiếu niên trong tuyên truyền.', 'Xây dựng góc truyền thông, pano, áp phích phù hợp.'],
    });
    const c = compareDraft(plan, checked, new Set(['II.1', 'II.5']));
    expect(c.tasks).toEqual({ right: 5, total: 5 });
    expect(c.leadBodies).toEqual({ right: 2, total: 2 });
    expect(c.leadBodiesWrong).toBe(0);
    expect(c.targets).toEqual({ right: 6, total: 6 });
    expect(c.figures).toEqual({ right: 4, total: 4 });
    const perYear = (periodsOf(plan)[0]!.targets as Json[])[3]!.measure;
    expect(perYear).toMatchObject({ metric: 'perYear', value: 1, bound: 'atLeast' });
  });

  it('reads the printed-twice paragraph once, per-body duties and every reporting duty', () => {
    expect(((plan.objectives as Json).general as string[]).length).toBe(5);
    expect((plan.bodyDuties as Json[]).map((b) => [b.number, b.body])).toEqual([
      ['IV.1', 'Phòng Văn hóa - Xã hội'],
      ['IV.2', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
      ['IV.3', 'Trung Tâm Dịch vụ tổng hợp phường'],
      ['IV.4', 'Các cơ sở giáo dục trực thuộc'],
      ['IV.5', 'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường, các tổ chức chính trị - xã hội và các tổ dân phố'],
    ]);
    expect(compareDraft(plan, checked).reporting).toEqual({ right: 6, total: 6 });
    expect(plan.recipients).toContain('Tổ dân phố trên địa bàn (bản giấy)');
    expect(plan.issuer).toMatchObject({ name: 'Ủy ban nhân dân phường Bắc Kạn', tier: 'commune', province: 'tỉnh Thái Nguyên' });
    expect(r.flags.find((f) => f.path === 'issuer.province')?.provenance).toBe('guessed');
  });
});

describe('import of seed 000 (Lạng Sơn, OCR without diacritics)', async () => {
  const r = await importSeed('test/fixtures/intake/lang-son-62-ocr.txt', ['lang-son-62-kh-ubnd-2026.yaml']);
  const plan = r.draft.plan;
  const checked = await loadPlan('lang-son-62-kh-ubnd-2026');

  it('restores the text and reads the header', () => {
    expect(r.restoration).toMatchObject({ applied: true, mode: 'unaccented' });
    expect(plan).toMatchObject({ number: 62, symbol: 'KH-UBND', issued: { place: 'Lạng Sơn', date: '2026-02-26' } });
    expect(plan.issuer).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Lạng Sơn', tier: 'province' });
    expect(String(plan.title)).toMatch(/^Đẩy mạnh công tác truyền thông thực hiện Nghị quyết số 71-NQ\/TW/u);
    expect(r.flags.find((f) => f.path === 'title')?.provenance).toBe('restored');
  });

  it('finds the four tasks with the bodies of "Phân công thực hiện"', () => {
    const c = compareDraft(plan, checked);
    expect(c.tasks).toEqual({ right: 4, total: 4 });
    expect(c.leadBodies).toEqual({ right: 4, total: 4 });
    expect(c.coordinatingBodies.right).toBeGreaterThanOrEqual(9);
    expect(tasksOf(plan)[0]!.implementingBodies).toEqual(['UBND các xã, phường']);
  });

  it('finds every target and reporting duty, the standing body and the implied signer', () => {
    const c = compareDraft(plan, checked);
    expect(c.targets).toEqual({ right: 7, total: 7 });
    expect(c.figures.right).toBeGreaterThanOrEqual(4);
    expect(c.reporting.right).toBeGreaterThanOrEqual(3);
    expect(plan.leadBody).toBe('Sở Giáo dục và Đào tạo');
    expect(plan.signer).toMatchObject({ position: 'Phó Chủ tịch', name: null });
    expect(r.flags.find((f) => f.path === 'signer.position')?.provenance).toBe('guessed');
    expect(r.flags.find((f) => f.path === 'signer.name')?.provenance).toBe('missing');
  });
});
