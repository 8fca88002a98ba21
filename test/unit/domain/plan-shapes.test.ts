// The shapes plans of other resolutions take (fixture of the 57-NQ/TW kind): accepted, while the
// closed vocabularies still refuse a typo.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatTimeframe } from '../../../domain/plan/describe.js';
import { formatProblem, parsePlan } from '../../../domain/plan/parse.js';

const text = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/plans/valid/nq57-tinh-minh-hoa.yaml'), 'utf8');
const result = parsePlan(text, 'nq57-tinh-minh-hoa.yaml');
if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
const plan = result.plan;

function problemsAfter(edit: (p: Record<string, any>) => void): string[] {
  const data = parse(text) as Record<string, any>;
  edit(data);
  const r = parsePlan(stringify(data), 'nq57-tinh-minh-hoa.yaml');
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('plan shapes of other resolutions', () => {
  it('a referenced document without a date; targets without a general objective; no lead body for the plan', () => {
    expect(plan.legalBasis[1]).toMatchObject({ kind: 'Chương trình hành động', number: '15-CTr/TU', issuer: 'Tỉnh ủy Minh Họa' });
    expect(plan.legalBasis[1]?.date).toBeUndefined();
    expect(plan.objectives.general).toEqual([]);
    expect(plan.leadBody).toBeUndefined();
  });

  it('targets that count agencies, documents, state-funded science tasks and enterprises; deliverables', () => {
    const [y2025, y2026] = plan.objectives.periods;
    expect(y2025?.targets[0]?.measure).toMatchObject({ metric: 'percent', value: 100, audience: 'stateAgencies' });
    expect(y2025?.targets[1]?.deliverable).toEqual({ what: 'Cổng thông tin khoa học, công nghệ và đổi mới sáng tạo của tỉnh', state: 'đi vào vận hành', by: 'năm 2025' });
    expect(y2026?.targets.map((t) => t.measure?.unit ?? t.deliverable?.state)).toEqual(['văn bản', 'nhiệm vụ', 'doanh nghiệp', 'được hình thành']);
    expect(y2026?.targets[0]?.measure).toMatchObject({ metric: 'count', value: 5, bound: 'atLeast', label: 'văn bản hướng dẫn về chuyển đổi số' });
    expect(y2026?.targets[0]?.measure?.audience).toBeUndefined();
    expect(y2026?.targets[2]?.measure).toMatchObject({ audience: 'enterprises', value: 500, bound: 'atLeast' });
  });

  it('tasks per body, a deadline after another event, an estimated date, a task with no lead body', () => {
    const [perBody, fair] = plan.tasks;
    expect(perBody?.subItems.map((s) => [s.label, s.body])).toEqual([
      ['a)', 'Sở Khoa học và Công nghệ'],
      ['b)', 'Báo và Phát thanh, Truyền hình Minh Họa'],
      ['c)', 'Sở Văn hóa, Thể thao và Du lịch'],
    ]);
    expect(perBody?.timeframe).toMatchObject({ kind: 'afterEvent', event: 'Cổng thông tin khoa học, công nghệ và đổi mới sáng tạo của tỉnh đi vào vận hành' });
    expect(fair?.leadBody).toBeUndefined();
    expect(fair?.timeframe).toEqual({ kind: 'dates', dates: ['2026-10-10'], tentative: true, asWritten: 'Dự kiến ngày 10/10/2026' });
    expect(formatTimeframe(fair!.timeframe)).toBe('Dự kiến các ngày 10/10/2026');
  });

  it('the new channels and audiences, and labelled values of the plan\'s own', () => {
    const [perBody] = plan.tasks;
    expect(perBody?.channels).toEqual(['aiChatbot', 'eNewsletter', 'livestream', 'motionGraphics', 'foreignInformation', 'publication']);
    expect(perBody?.ownChannels).toEqual(['Podcast khoa học']);
    expect(perBody?.audiences).toEqual(['enterprises', 'scientists', 'stateAgencies']);
    expect(perBody?.ownAudiences).toEqual(['hợp tác xã']);
  });

  it('one reporting duty "định kỳ 6 tháng, 01 năm hoặc đột xuất"', () => {
    expect(plan.reporting[0]).toMatchObject({ cadence: 'semiannual', cadences: ['semiannual', 'adHoc'], cadenceAsWritten: 'định kỳ 6 tháng, 01 năm hoặc đột xuất' });
  });

  it('a typo in a closed list is still an error, naming the valid codes', () => {
    const channel = problemsAfter((p) => (p.tasks[1].channels = ['meeting', 'livestrem']));
    expect(channel).toHaveLength(1);
    expect(channel[0]).toMatch(/tasks\[1\]\.channels\[1\].*kênh "livestrem" không có trong danh sách kênh; các kênh hợp lệ: .*livestream \(phát trực tiếp \(livestream\)\)/u);
    const audience = problemsAfter((p) => (p.tasks[0].audiences = ['enterprise']));
    expect(audience[0]).toMatch(/tasks\[0\]\.audiences\[0\].*đối tượng "enterprise" không có trong danh sách/u);
    const cadence = problemsAfter((p) => (p.reporting[0].cadence = ['semiannual', 'adhoc']));
    expect(cadence.join('\n')).toMatch(/reporting\[0\]\.cadence/u);
    const own = problemsAfter((p) => (p.tasks[0].channels = [{ label: '' }]));
    expect(own[0]).toMatch(/tasks\[0\]\.channels\[0\]\.label.*không được để trống/u);
  });
});
