import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { boundWords, periodPhrase, readBound } from '../../../domain/plan/bounds.js';
import { allTargets, formatMeasureValue } from '../../../domain/plan/describe.js';
import { formatProblem, parsePlan, type ParsePlanResult } from '../../../domain/plan/parse.js';
import { loadPlan } from '../../../infra/plan-store.js';

const fixture = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/plans/valid/nq57-xa-minh-hoa.yaml'), 'utf8');

/** The 57-NQ/TW fixture with its first target's text and measure changed. */
function withFirstTarget(text: string, measure: Record<string, unknown>): ParsePlanResult {
  const data = parse(fixture) as Record<string, any>;
  const target = data.objectives.periods[0].targets[0];
  target.text = text;
  const { bound: _bound, ...rest } = target.measure;
  target.measure = { ...rest, ...measure };
  return parsePlan(stringify(data), 'test.yaml');
}

describe('readBound: the bound as the plan words it', () => {
  it.each([
    ['Tối thiểu 70% cán bộ được bồi dưỡng.', 'percent', 70, 'atLeast', false],
    ['Hằng năm tổ chức ít nhất 01 hoạt động truyền thông chuyên đề.', 'perYear', 1, 'atLeast', false],
    ['Không dưới 80% người dân được tiếp cận thông tin.', 'percent', 80, 'atLeast', false],
    ['Có 80% trở lên hộ gia đình được tiếp cận.', 'percent', 80, 'atLeast', false],
    ['Trên 90% trường học có chuyên mục.', 'percent', 90, 'above', false],
    ['Tỷ lệ tin sai lệch tối đa 5%.', 'percent', 5, 'atMost', false],
    ['Không quá 02 ngày kể từ khi phát hiện.', 'count', 2, 'atMost', false],
    ['Dưới 10% hộ chưa được tiếp cận.', 'percent', 10, 'below', false],
    ['Phấn đấu 100% cán bộ được đào tạo.', 'percent', 100, undefined, true],
    ['Phấn đấu đến năm 2030 có ít nhất 80% người dân biết dịch vụ công.', 'percent', 80, 'atLeast', true],
    ['100% cán bộ trên địa bàn được phổ biến.', 'percent', 100, undefined, false],
    ['Đạt 100% cơ sở giáo dục.', 'percent', 100, undefined, false],
  ] as const)('%s', (text, metric, value, bound, aim) => {
    const read = readBound(text, metric, value);
    expect(read?.bound).toBe(bound);
    expect(read?.aim).toBe(aim);
  });

  it('looks only at the number the measure names', () => {
    expect(readBound('Hằng năm tổ chức ít nhất 01 hoạt động; 100% cán bộ tham gia.', 'percent', 100)?.bound).toBeUndefined();
    expect(readBound('Thực hiện Nghị quyết số 71-NQ/TW giai đoạn 2026-2030.', 'count', 71)).toBeUndefined();
  });

  it('gives words for people, never a sign', () => {
    expect(boundWords({ bound: 'atLeast' })).toBe('tối thiểu');
    expect(boundWords({ aim: true })).toBe('phấn đấu');
    expect(boundWords({ bound: 'above', aim: true })).toBe('phấn đấu trên');
    expect(boundWords({})).toBe('');
  });

  it('names one year "năm 2025" and a range "giai đoạn 2026–2030"', () => {
    expect(periodPhrase('2025')).toBe('năm 2025');
    expect(periodPhrase('2026–2030')).toBe('giai đoạn 2026–2030');
  });
});

describe('plan schema: the bound follows the target text', () => {
  it('reads "Tối thiểu 70%" as atLeast when the file gives no bound', () => {
    const r = withFirstTarget('Tối thiểu 70% người dân được tiếp cận thông tin về chuyển đổi số.', { value: 70 });
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.plan.objectives.periods[0]!.targets[0]!.measure).toMatchObject({ value: 70, bound: 'atLeast', aim: false });
  });

  it('reads "Phấn đấu 100%" as an aim', () => {
    const r = withFirstTarget('Phấn đấu 100% người dân được tiếp cận thông tin về chuyển đổi số.', { value: 100 });
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(formatMeasureValue(r.plan.objectives.periods[0]!.targets[0]!.measure!)).toBe('phấn đấu 100%');
  });

  it('refuses a bound that contradicts the text, at the bound line', () => {
    const r = withFirstTarget('Tối thiểu 70% người dân được tiếp cận thông tin.', { value: 70, bound: 'exact' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.path).toBe('objectives.periods[0].targets[0].measure.bound');
    expect(r.problems[0]!.message).toMatch(/ghi "Tối thiểu 70%".*bound là exact/);
    expect(r.problems[0]!.line).toBeGreaterThan(0);
  });

  it('refuses a bound the text does not state', () => {
    const r = withFirstTarget('70% người dân được tiếp cận thông tin.', { value: 70, bound: 'atLeast' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['objectives.periods[0].targets[0].measure.bound']);
  });

  it('keeps the file bound when the text does not write the number', () => {
    const r = withFirstTarget('Đa số người dân được tiếp cận thông tin.', { value: 70, bound: 'atLeast' });
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.plan.objectives.periods[0]!.targets[0]!.measure?.bound).toBe('atLeast');
  });
});

describe('shipped plans: every bound in a target text is in the model', () => {
  const BOUND_WORDING = /(?:tối thiểu|ít nhất|không dưới|phấn đấu|trên|tối đa|không quá|trở lên)\s*(?:đạt\s+)?\d/iu;

  it.each(['lang-son-62-kh-ubnd-2026', 'phuong-bac-kan-2026', 'quang-ngai-2026'])('%s', async (id) => {
    const plan = await loadPlan(id);
    const measurable = allTargets(plan).filter((t) => t.measure);
    const worded = measurable.filter((t) => BOUND_WORDING.test(t.text));
    expect(worded.length).toBeGreaterThan(0);
    for (const t of measurable) {
      const words = boundWords(t.measure!);
      if (BOUND_WORDING.test(t.text)) expect(words, t.id).not.toBe('');
      else expect(words, t.id).toBe('');
      // The measure shown says what the text says: "tối thiểu 70%", "phấn đấu 100%".
      if (words) expect(formatMeasureValue(t.measure!).startsWith(words), t.id).toBe(true);
    }
  });

  it('reads "Phấn đấu 100%" of the ward plan as an aim', async () => {
    const plan = await loadPlan('phuong-bac-kan-2026');
    expect(allTargets(plan).find((t) => t.id === 'pbk-2035-boi-duong')?.measure).toMatchObject({ value: 100, bound: 'exact', aim: true });
  });
});
