import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBrief, buildCampaignBrief } from '../../../domain/brief-builder.js';
import { occasionsBetween } from '../../../domain/calendar/index.js';
import { paragraphText } from '../../../domain/plan/describe.js';
import { loadPlan } from '../../../infra/plan-store.js';

const ward = await loadPlan('phuong-bac-kan-2026');
const langSon = await loadPlan('lang-son-62-kh-ubnd-2026');
const nq57 = await loadPlan('nq57-xa-minh-hoa', path.resolve(import.meta.dirname, '../../fixtures/plans/valid'));

const teachersDay = occasionsBetween('2026-11-20', '2026-11-20', [ward])[0];
if (!teachersDay) throw new Error('20/11 missing');

describe('buildBrief', () => {
  it('builds a brief for a task on Ngày Nhà giáo Việt Nam', () => {
    const brief = buildBrief(ward, teachersDay, 'pbk-ton-vinh');
    expect(brief).toMatchObject({
      planId: 'phuong-bac-kan-2026',
      planSymbol: '…/KH-UBND',
      resolution: 'Nghị quyết số 71-NQ/TW',
      issuer: 'Ủy ban nhân dân phường Bắc Kạn',
      issuerShort: 'UBND phường Bắc Kạn',
      taskId: 'pbk-ton-vinh',
      taskNumber: 'II.4',
      leadBody: 'Phòng Văn hóa - Xã hội',
      occasionId: 'ngay-nha-giao-20-11',
      occasionName: 'Ngày Nhà giáo Việt Nam',
      occasionDate: '2026-11-20',
      headline: 'Chào mừng Ngày Nhà giáo Việt Nam 20/11 – Đột phá phát triển giáo dục và đào tạo',
    });
    expect(brief.keyMessages).toEqual(ward.tasks.find((t) => t.id === 'pbk-ton-vinh')?.keyMessages.slice(0, 5));
    expect(brief.body[1]).toMatch(/^Lồng ghép nội dung tôn vinh giáo dục trong các dịp: Ngày Nhà giáo Việt Nam 20\/11/);
    expect(brief.tags).toEqual(['Nghị quyết số 71-NQ/TW', 'Ngày Nhà giáo Việt Nam', 'phường Bắc Kạn']);
  });

  it('takes figures from the measurable targets of the current period', () => {
    const brief = buildBrief(ward, teachersDay);
    expect(brief.figures).toEqual([
      { targetId: 'pbk-2030-quan-triet', value: 100, unit: 'percent', label: 'cán bộ, công chức, giáo viên được phổ biến, quán triệt Nghị quyết', period: '2026–2030' },
      { targetId: 'pbk-2030-co-so-giao-duc', value: 100, unit: 'percent', label: 'cơ sở giáo dục có nội dung truyền thông trong kế hoạch năm học', period: '2026–2030' },
      { targetId: 'pbk-2030-chuyen-de', value: 1, unit: 'perYear', label: 'hoạt động truyền thông chuyên đề hoặc tọa đàm mỗi năm', bound: 'atLeast', period: '2026–2030' },
    ]);
    expect(brief.taskId).toBeUndefined();
    expect(brief.body).toEqual(ward.objectives.general);
    expect(brief.keyMessages).toEqual(ward.keyMessages);
  });

  it("prefers the task's own targets", () => {
    const occasion = occasionsBetween('2026-11-20', '2026-11-20', [langSon])[0];
    if (!occasion) throw new Error('20/11 missing');
    const brief = buildBrief(langSon, occasion, 'ls-day-manh-truyen-thong');
    expect(brief.figures.map((f) => f.targetId)).toEqual(['ls-2030-chuyen-muc', 'ls-2030-boi-duong']);
    // "Tối thiểu 70%": the bound travels with the figure.
    expect(brief.figures[1]).toMatchObject({ value: 70, unit: 'percent', bound: 'atLeast' });
    expect(brief.planSymbol).toBe('62/KH-UBND');
  });

  it('works for another resolution', () => {
    const occasion = occasionsBetween('2026-10-10', '2026-10-10', [nq57])[0];
    if (!occasion) throw new Error('10/10 missing');
    const brief = buildBrief(nq57, occasion, 'truyen-thong-chuyen-doi-so');
    expect(brief.headline).toBe('Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10 – Đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia');
    expect(brief.figures).toEqual([{ targetId: 'tiep-can-thong-tin', value: 80, unit: 'percent', label: 'người dân được tiếp cận thông tin về chuyển đổi số', bound: 'atLeast', period: '2026' }]);
  });

  it('refuses an unknown task id', () => {
    expect(() => buildBrief(ward, teachersDay, 'khong-co')).toThrow(RangeError);
  });

  it('marks a target stated as an aim ("Phấn đấu 100%")', () => {
    const occasion = occasionsBetween('2031-11-20', '2031-11-20', [ward])[0];
    if (!occasion) throw new Error('20/11 missing');
    expect(buildBrief(ward, occasion).figures.find((f) => f.targetId === 'pbk-2035-boi-duong')).toMatchObject({ value: 100, aim: true, period: '2030–2035' });
  });
});

describe('buildBrief: targets in force on the occasion', () => {
  /** The 57-NQ/TW fixture with a 2025 target and a 2026–2030 one, both tied to the first task. */
  function twoPeriods(taskTargets: string[], periods: 'both' | 'only2025' = 'both') {
    const plan = structuredClone(nq57);
    const [first] = plan.objectives.periods;
    const old = { ...first!, period: { from: 2025, to: 2025, label: '2025' }, targets: [{ ...first!.targets[0]!, id: 'tiep-can-2025', text: 'Ít nhất 60% người dân được tiếp cận thông tin về chuyển đổi số.', measure: { ...first!.targets[0]!.measure!, value: 60 } }] };
    const current = { ...first!, period: { from: 2026, to: 2030, label: '2026–2030' }, targets: [{ ...first!.targets[0]!, id: 'tiep-can-2030' }] };
    plan.objectives.periods = periods === 'both' ? [old, current] : [old];
    plan.tasks[0]!.targets = taskTargets;
    return plan;
  }
  const on = (plan: typeof nq57, iso: string) => {
    const occasion = occasionsBetween(iso, iso, [plan]).find((o) => o.tasks.some((t) => t.taskId === 'truyen-thong-chuyen-doi-so'));
    if (!occasion) throw new Error(`no occasion on ${iso}`);
    return buildBrief(plan, occasion, 'truyen-thong-chuyen-doi-so');
  };

  it('a 22/12/2026 campaign shows the 2026–2030 target, not the 2025 one of the same task', () => {
    const brief = on(twoPeriods(['tiep-can-2025', 'tiep-can-2030']), '2026-12-22');
    expect(brief.figures.map((f) => [f.targetId, f.period])).toEqual([['tiep-can-2030', '2026–2030']]);
  });

  it("takes the plan's targets in force before the task's own of another year", () => {
    const brief = on(twoPeriods(['tiep-can-2025']), '2026-12-22');
    expect(brief.figures.map((f) => f.targetId)).toEqual(['tiep-can-2030']);
  });

  it('falls back to a target of another year only when none is in force, and keeps its year', () => {
    const brief = on(twoPeriods(['tiep-can-2025'], 'only2025'), '2026-12-22');
    expect(brief.figures).toEqual([expect.objectContaining({ targetId: 'tiep-can-2025', value: 60, bound: 'atLeast', period: '2025' })]);
  });
});

describe('buildCampaignBrief', () => {
  const opening = occasionsBetween('2027-09-05', '2027-09-05', [ward])[0];
  if (!opening) throw new Error('5/9 missing');
  const taskIds = opening.tasks.map((t) => t.taskId);
  const tasks = taskIds.map((id) => ward.tasks.find((t) => t.id === id)!);

  it('is the task brief for one task and the plan brief for none', () => {
    expect(buildCampaignBrief(ward, teachersDay, ['pbk-ton-vinh'])).toEqual(buildBrief(ward, teachersDay, 'pbk-ton-vinh'));
    expect(buildCampaignBrief(ward, teachersDay, [])).toEqual(buildBrief(ward, teachersDay));
  });

  it('speaks for every task of the school-opening day, not only the first', () => {
    expect(taskIds.length).toBeGreaterThanOrEqual(2);
    const brief = buildCampaignBrief(ward, opening, taskIds);
    expect(brief.taskId).toBe(taskIds[0]);
    expect(brief.taskIds).toEqual(taskIds);
    expect(brief.taskNumber).toBe(tasks.map((t) => t.number).join(', '));
    for (const task of tasks) {
      expect(brief.taskTitle).toContain(task.title);
      // Each task's first key message is in, and its opening paragraph is in the body.
      expect(brief.keyMessages).toContain(task.keyMessages[0]);
      expect(brief.body).toContain(paragraphText(task.description[0]!));
    }
    expect(brief.keyMessages.length).toBeLessThanOrEqual(5);
    expect(new Set(brief.keyMessages).size).toBe(brief.keyMessages.length);
    // The tasks' own measurable targets (the first task's are not measurable, the second's are).
    expect(brief.figures.map((f) => f.targetId)).toEqual(['pbk-2030-quan-triet', 'pbk-2030-co-so-giao-duc']);
    expect(brief.headline).toBe(buildBrief(ward, opening).headline);
  });

  it('refuses an unknown task id among several', () => {
    expect(() => buildCampaignBrief(ward, opening, [taskIds[0]!, 'khong-co'])).toThrow(/khong-co/);
  });
});
