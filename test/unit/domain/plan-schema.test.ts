import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatProblem, parsePlan, type PlanProblem } from '../../../domain/plan/parse.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/plans');
const validText = readFileSync(path.join(fixtures, 'valid/nq57-xa-minh-hoa.yaml'), 'utf8');

/** The valid fixture as data, changed by `edit`, back to YAML and through the parser. */
function problemsAfter(edit: (plan: Record<string, any>) => void): PlanProblem[] {
  const data = parse(validText) as Record<string, any>;
  edit(data);
  const result = parsePlan(stringify(data), 'test.yaml');
  if (result.ok) throw new Error('expected the edited plan to be invalid');
  return result.problems;
}

function expectOnly(problems: PlanProblem[], path: string, message: string | RegExp) {
  expect(problems.map(formatProblem)).toHaveLength(1);
  const [p] = problems;
  expect(p?.path).toBe(path);
  expect(p?.message).toMatch(message);
  expect(p?.line).toBeGreaterThan(0);
}

describe('plan schema: valid input', () => {
  it('accepts the 57-NQ/TW fixture and normalises dates to ISO', () => {
    const result = parsePlan(validText, 'nq57-xa-minh-hoa.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const plan = result.plan;
    expect(plan.resolution.number).toBe('57-NQ/TW');
    expect(plan.resolution.date).toBe('2024-12-22');
    expect(plan.legalBasis[0]?.date).toBe('2025-06-16');
    expect(plan.tasks[0]?.timeframe).toEqual({ kind: 'range', from: '2026-01-01', to: '2026-12-31' });
    expect(plan.objectives.periods[0]?.period).toEqual({ from: 2026, to: 2026, label: '2026' });
    expect(plan.reporting[0]?.dueDates).toEqual([{ day: 10, month: 6 }, { day: 10, month: 12 }]);
    expect(plan.tasks[1]?.description[0]).toEqual({ text: 'Tổ chức các lớp "Bình dân học vụ số":', items: expect.any(Array) });
  });

  it('accepts a blank number and day, as in "Số: /KH-UBND … ngày tháng năm 2026"', () => {
    const data = parse(validText) as Record<string, any>;
    data.number = null;
    data.issued = { place: 'Minh Họa', date: null, year: 2026 };
    const result = parsePlan(stringify(data), 'x.yaml');
    expect(result.ok).toBe(true);
  });
});

describe('plan schema: each broken input fails for its own reason', () => {
  it('an impossible date (31/02)', () => {
    expectOnly(problemsAfter((p) => (p.issued.date = '31/02/2026')), 'issued.date', /không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày/);
  });

  it('an unknown channel, listing the valid ones', () => {
    expectOnly(
      problemsAfter((p) => p.tasks[0].channels.push('radio')),
      'tasks[0].channels[4]',
      /kênh "radio" không có trong danh sách kênh; các kênh hợp lệ: loudspeaker \(truyền thanh cơ sở\)/,
    );
  });

  it('a duplicate task id', () => {
    expectOnly(
      problemsAfter((p) => {
        p.tasks[1].id = p.tasks[0].id;
        p.reporting[0].tasks = [p.tasks[0].id];
      }),
      'tasks[1].id',
      /mã nhiệm vụ "truyen-thong-chuyen-doi-so" bị trùng với tasks\[0\]\.id/,
    );
  });

  it('a duplicate task number', () => {
    expectOnly(problemsAfter((p) => (p.tasks[1].number = '1')), 'tasks[1].number', /số thứ tự nhiệm vụ "1" bị trùng/);
  });

  it('a percent over 100', () => {
    expectOnly(problemsAfter((p) => (p.objectives.periods[0].targets[0].measure.value = 101)), 'objectives.periods[0].targets[0].measure.value', /101% vượt quá 100%/);
  });

  it('a count that is not a whole number', () => {
    expectOnly(problemsAfter((p) => (p.objectives.periods[0].targets[1].measure.value = 1.5)), 'objectives.periods[0].targets[1].measure.value', /số nguyên/);
  });

  it('a reference to an occasion that does not exist, with a suggestion', () => {
    expectOnly(problemsAfter((p) => (p.tasks[0].occasions = ['chuyen-doi-so-1010'])), 'tasks[0].occasions[0]', /dịp "chuyen-doi-so-1010" không tồn tại.*Có phải ý là "chuyen-doi-so-10-10"\?/);
  });

  it('a reference to a task that does not exist', () => {
    expectOnly(problemsAfter((p) => (p.reporting[0].tasks = ['khong-co'])), 'reporting[0].tasks[0]', /nhiệm vụ "khong-co" không có trong mục tasks/);
  });

  it('a reference to a target that does not exist', () => {
    expectOnly(problemsAfter((p) => (p.tasks[0].targets = ['khong-co'])), 'tasks[0].targets[0]', /chỉ tiêu "khong-co" không có/);
  });

  it('a plan occasion reusing a built-in id', () => {
    expectOnly(
      problemsAfter((p) => {
        p.occasions[0].id = 'ngay-nha-giao-20-11';
        p.tasks[1].occasions = ['binh-dan-hoc-vu-8-9', 'ngay-nha-giao-20-11'];
      }),
      'occasions[0].id',
      /trùng với một dịp có sẵn/,
    );
  });

  it('a misspelt key, with a suggestion', () => {
    expectOnly(
      problemsAfter((p) => {
        p.tasks[0].leadBdy = p.tasks[0].leadBody;
        delete p.tasks[0].leadBody;
      }).filter((x) => x.path !== 'tasks[0].leadBody'),
      'tasks[0].leadBdy',
      /khóa "leadBdy" không dùng được ở đây; có phải ý là "leadBody"\?/,
    );
  });

  it('a missing required field', () => {
    expectOnly(problemsAfter((p) => delete p.tasks[0].title), 'tasks[0].title', /thiếu mục bắt buộc/);
  });

  it('an unknown timeframe kind', () => {
    expectOnly(problemsAfter((p) => (p.tasks[0].timeframe = { kind: 'sometimes' })), 'tasks[0].timeframe.kind', /kind phải là ongoing \(Thường xuyên\)/);
  });

  it('a range that ends before it starts', () => {
    expectOnly(problemsAfter((p) => (p.tasks[0].timeframe = { kind: 'range', from: '01/12/2026', to: '01/01/2026' })), 'tasks[0].timeframe.to', /ngày kết thúc đứng trước ngày bắt đầu/);
  });

  it('an impossible recurring report date', () => {
    expectOnly(problemsAfter((p) => (p.reporting[0].dueDates = ['10/6', '31/11'])), 'reporting[0].dueDates[1]', /"31\/11" không phải ngày\/tháng có thật/);
  });

  it('an unknown audience', () => {
    expectOnly(problemsAfter((p) => (p.tasks[0].audiences = ['tourists'])), 'tasks[0].audiences[0]', /đối tượng "tourists" không có trong danh sách/);
  });

  it('an issue year that contradicts the issue date', () => {
    expectOnly(problemsAfter((p) => (p.issued.year = 2025)), 'issued.year', /năm 2025 khác với năm của ngày ban hành 2026-03-02/);
  });
});

describe('plan parsing: whole files', () => {
  it('lists every problem of a broken file, by line, at once', () => {
    const text = readFileSync(path.join(fixtures, 'broken/broken-plan.yaml'), 'utf8');
    const result = parsePlan(text, 'broken-plan.yaml');
    if (result.ok) throw new Error('expected problems');
    const lines = result.problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/^issued\.date \(dòng 13\): "31\/02\/2026" không phải ngày có thật/),
      expect.stringMatching(/^objectives\.periods\[0\]\.targets\[0\]\.measure\.value \(dòng 32\): tỷ lệ 120% vượt quá 100%/),
      expect.stringMatching(/^tasks\[0\]\.channels\[1\] \(dòng 44\): kênh "radio" không có trong danh sách kênh/),
      expect.stringMatching(/^tasks\[0\]\.occasions\[0\] \(dòng 45\): dịp "ngay-nha-giao-2011" không tồn tại/),
      expect.stringMatching(/^tasks\[1\]\.id \(dòng 46\): mã nhiệm vụ "truyen-thong" bị trùng/),
      expect.stringMatching(/^tasks\[1\]\.chanels \(dòng 52\): khóa "chanels" không dùng được ở đây/),
      expect.stringMatching(/^reporting\[0\]\.dueDates\[1\] \(dòng 58\): "31\/11"/),
      expect.stringMatching(/^reporting\[0\]\.tasks\[0\] \(dòng 60\): nhiệm vụ "nhiem-vu-ma" không có/),
    ]);
  });

  it('reports YAML syntax errors with a line and loads nothing', () => {
    const result = parsePlan(readFileSync(path.join(fixtures, 'broken/broken-syntax.yaml'), 'utf8'), 'broken-syntax.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]?.message).toMatch(/lỗi cú pháp YAML/);
      expect(result.problems[0]?.line).toBeGreaterThan(0);
    }
  });

  it('reports a duplicated key as a syntax problem', () => {
    const result = parsePlan('id: a\nid: b\n', 'dup.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 2, message: expect.stringMatching(/khóa này xuất hiện hai lần/) });
  });

  it('refuses an empty file and a file that is a list', () => {
    for (const text of ['', '- a\n- b\n']) {
      const result = parsePlan(text, 'x.yaml');
      expect(result.ok).toBe(false);
    }
  });
});
