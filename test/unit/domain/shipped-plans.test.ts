import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allTargets } from '../../../domain/plan/describe.js';
import type { Plan } from '../../../domain/plan/schema.js';
import { listPlanFiles, loadPlans, PLANS_DIR } from '../../../infra/plan-store.js';

const plans = await loadPlans();
const byId = (id: string): Plan => {
  const plan = plans.find((p) => p.id === id);
  if (!plan) throw new Error(`plan ${id} not shipped`);
  return plan;
};

describe('shipped plans', () => {
  it('ships the three real plans, all valid', async () => {
    expect((await listPlanFiles(PLANS_DIR)).length).toBe(3);
    expect(plans.map((p) => p.id).sort()).toEqual(['lang-son-62-kh-ubnd-2026', 'phuong-bac-kan-2026', 'quang-ngai-2026']);
  });

  it('Lạng Sơn 62/KH-UBND: header, 4 tasks, 7 targets, every reporting duty', () => {
    const p = byId('lang-son-62-kh-ubnd-2026');
    expect(p.number).toBe(62);
    expect(p.issued.date).toBe('2026-02-26');
    expect(p.tasks.map((t) => [t.number, t.title])).toEqual([
      ['III.1', 'Đẩy mạnh truyền thông, phổ biến, nâng cao nhận thức về phát triển giáo dục và đào tạo'],
      ['III.2', 'Tăng cường truyền thông trong ngành giáo dục'],
      ['III.3', 'Tăng cường truyền thông trong toàn xã hội'],
      ['III.4', 'Tăng cường kiểm tra, giám sát, đánh giá'],
    ]);
    expect(allTargets(p)).toHaveLength(7);
    const seventy = allTargets(p).find((t) => t.measure?.value === 70);
    expect(seventy?.measure).toMatchObject({ metric: 'percent', bound: 'atLeast', audience: 'communicationStaff' });
    expect(p.reporting.find((r) => r.id === 'ls-bc-so-gddt')?.recipients).toEqual(['UBND tỉnh Lạng Sơn', 'Bộ Giáo dục và Đào tạo']);
    expect(p.tasks[0]?.coordinatingBodies).toContain('Báo và Phát thanh, Truyền hình Lạng Sơn');
  });

  it('phường Bắc Kạn: tasks II.1–II.5, per-body duties IV.1–IV.5, 20/11 tied to II.4', () => {
    const p = byId('phuong-bac-kan-2026');
    expect(p.number).toBeNull();
    expect(p.issuer.tier).toBe('commune');
    expect(p.tasks.map((t) => t.number)).toEqual(['II.1', 'II.2', 'II.3', 'II.4', 'II.5']);
    expect(p.bodyDuties.map((b) => [b.number, b.body])).toEqual([
      ['IV.1', 'Phòng Văn hóa - Xã hội'],
      ['IV.2', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
      ['IV.3', 'Trung tâm Dịch vụ tổng hợp phường'],
      ['IV.4', 'Các cơ sở giáo dục trực thuộc'],
      ['IV.5', 'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường, các tổ chức chính trị - xã hội và các tổ dân phố'],
    ]);
    const honour = p.tasks.find((t) => t.number === 'II.4');
    expect(honour?.occasions).toEqual(['ngay-nha-giao-20-11', 'tong-ket-nam-hoc', 'hoi-nghi-bieu-duong-dien-hinh']);
    expect(p.tasks[1]?.description[0]).toMatchObject({ text: 'Chỉ đạo các trường học trên địa bàn:', items: expect.arrayContaining(['Xây dựng góc truyền thông, pano, áp phích phù hợp.']) });
    expect(p.reporting.find((r) => r.id === 'pbk-bc-so-gddt')).toMatchObject({ recipients: ['Sở Giáo dục và Đào tạo tỉnh Thái Nguyên'], cadence: 'periodic', dueDates: [] });
    expect(allTargets(p).find((t) => t.id === 'pbk-2030-chuyen-de')?.measure).toMatchObject({ metric: 'perYear', value: 1, bound: 'atLeast' });
  });

  it('Quảng Ngãi: blank number and day kept unknown; tasks III.1–III.5 with "Thường xuyên"', () => {
    const p = byId('quang-ngai-2026');
    expect(p.number).toBeNull();
    expect(p.symbol).toBe('KH-UBND');
    expect(p.issued).toEqual({ place: 'Quảng Ngãi', date: null, year: 2026 });
    expect(p.tasks.map((t) => t.number)).toEqual(['III.1', 'III.2', 'III.3', 'III.4', 'III.5']);
    expect(p.tasks.every((t) => t.timeframe.kind === 'ongoing' && t.timeframe.asWritten === 'Thường xuyên')).toBe(true);
    const press = p.tasks.find((t) => t.number === 'III.3');
    expect(press?.leadBody).toBe('Báo và Phát thanh, Truyền hình Quảng Ngãi');
    expect(press?.channels).toEqual(expect.arrayContaining(['infographic', 'video', 'qaSet', 'loudspeaker']));
    expect(p.bodyDuties).toHaveLength(6);
  });

  it('every task carries 3–6 editorial key messages', () => {
    for (const p of plans) for (const t of p.tasks) expect(t.keyMessages.length, `${p.id} ${t.id}`).toBeGreaterThanOrEqual(3);
  });

  it('no OCR leftovers without diacritics in the Lạng Sơn transcription', () => {
    const text = readFileSync(`${PLANS_DIR}/lang-son-62-kh-ubnd-2026.yaml`, 'utf8');
    const content = text
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n');
    for (const ascii of ['giao duc', 'dao tao', 'truyen thong', 'Nghi quyet', 'nhiem vu', 'Gido', 'Pao tao', 'co so', 'So Giao']) {
      expect(content, ascii).not.toContain(ascii);
    }
    expect(content).toContain('Sở Giáo dục và Đào tạo');
    expect(content).toContain('Báo và Phát thanh, Truyền hình Lạng Sơn');
  });
});
