import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePlan } from '../../../cli/commands/plans.js';
import { loadPlan } from '../../../infra/plan-store.js';

const root = path.resolve(import.meta.dirname, '../../..');

function campaign(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/campaign.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('campaign plans … (CLI)', () => {
  it('validate: exit 1 and every problem with its path and line for a broken file', () => {
    const r = campaign('plans', 'validate', 'test/fixtures/plans/broken/broken-plan.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain('[LỖI] test/fixtures/plans/broken/broken-plan.yaml: 8 lỗi');
    expect(r.out).toContain('issued.date (dòng 13): "31/02/2026" không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày');
    expect(r.out).toContain('tasks[0].channels[1] (dòng 44): kênh "radio" không có trong danh sách kênh; các kênh hợp lệ: loudspeaker (truyền thanh cơ sở)');
    expect(r.out).toContain('tasks[1].id (dòng 46): mã nhiệm vụ "truyen-thong" bị trùng');
    expect(r.out).toContain('objectives.periods[0].targets[0].measure.value (dòng 32): tỷ lệ 120% vượt quá 100%');
    expect(r.out).toContain('tasks[0].occasions[0] (dòng 45): dịp "ngay-nha-giao-2011" không tồn tại');
    expect(r.out).toContain('reporting[0].tasks[0] (dòng 60): nhiệm vụ "nhiem-vu-ma" không có');
    expect(r.out).toContain('Kết quả: 0 tệp hợp lệ, 1 tệp có lỗi.');
  });

  it('validate: exit 0 for the shipped plans and sample data; --json for machines', () => {
    expect(campaign('plans', 'validate').code).toBe(0);
    const r = campaign('plans', 'validate', '--json', 'test/fixtures/data/localities-file.yaml', 'test/fixtures/plans/valid/nq57-xa-minh-hoa.yaml');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      { file: 'test/fixtures/data/localities-file.yaml', kind: 'localities', ok: true, problems: [] },
      { file: 'test/fixtures/plans/valid/nq57-xa-minh-hoa.yaml', kind: 'plan', ok: true, problems: [] },
    ]);
  });

  it('list and show: human tables and JSON', () => {
    const list = campaign('plans', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/lang-son-62-kh-ubnd-2026\s+62\/KH-UBND\s+26\/02\/2026\s+UBND tỉnh Lạng Sơn\s+4/);
    const json = JSON.parse(campaign('plans', 'list', '--json').out) as { id: string; tasks: number }[];
    expect(json.map((p) => [p.id, p.tasks])).toEqual([
      ['lang-son-62-kh-ubnd-2026', 4],
      ['phuong-bac-kan-2026', 5],
      ['quang-ngai-2026', 5],
    ]);
    const show = campaign('plans', 'show', 'phuong-bac-kan-2026');
    expect(show.code).toBe(0);
    expect(show.out).toContain('NHIỆM VỤ (5)');
    expect(show.out).toMatch(/II\.4\s+Tôn vinh, lan tỏa mô hình điển hình\s+Phòng Văn hóa - Xã hội\s+Hằng năm/);
    expect(JSON.parse(campaign('plans', 'show', 'quang-ngai-2026', '--json').out)).toMatchObject({ id: 'quang-ngai-2026', number: null });
  });

  it('show: exit 2 with the list of plans for an unknown id', () => {
    const r = campaign('plans', 'show', 'khong-co');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không có kế hoạch mã "khong-co". Các kế hoạch hiện có: lang-son-62-kh-ubnd-2026');
  });
});

describe('campaign calendar (CLI)', () => {
  it('shows 20/11 with its tasks and due dates for November 2026, Vietnamese and ISO dates', () => {
    const r = campaign('calendar', '--from', '01/11/2026', '--to', '2026-11-30');
    expect(r.code).toBe(0);
    expect(r.out).toContain('20/11/2026 (2026-11-20), Thứ Sáu — Ngày Nhà giáo Việt Nam 20/11');
    expect(r.out).toMatch(/phuong-bac-kan-2026\s+II\.4\s+Tôn vinh, lan tỏa mô hình điển hình/);
    expect(r.out).toMatch(/13\/11\/2026 \(2026-11-13\)\s+cung cấp thông tin cho báo chí\s+7 ngày trước/);
  });

  it('--plan and --json', () => {
    const r = campaign('calendar', '--from', '2026-11-01', '--to', '2026-11-30', '--plan', 'phuong-bac-kan-2026', '--json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as { plans: string[]; occasions: { occasionId: string; date: string; dateVn: string; tasks: { taskId: string }[] }[] };
    expect(data.plans).toEqual(['phuong-bac-kan-2026']);
    expect(data.occasions).toHaveLength(1);
    expect(data.occasions[0]).toMatchObject({ occasionId: 'ngay-nha-giao-20-11', date: '2026-11-20', dateVn: '20/11/2026', tasks: [{ taskId: 'pbk-ton-vinh' }] });
  });

  it('exit 2 for an impossible date', () => {
    const r = campaign('calendar', '--from', '31/02/2026');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Ngày ở --from không hợp lệ: "31/02/2026" không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày');
  });
});

describe('plans show', () => {
  it('heads a one-year period "năm 2025" and a range "giai đoạn 2026–2030"', async () => {
    const plan = await loadPlan('phuong-bac-kan-2026');
    const oneYear = { ...plan, objectives: { ...plan.objectives, periods: plan.objectives.periods.map((p, i) => (i === 0 ? { ...p, period: { ...p.period, label: '2025' } } : p)) } };
    const text = describePlan(oneYear);
    expect(text).toContain('CHỈ TIÊU NĂM 2025');
    expect(text).not.toContain('GIAI ĐOẠN 2025');
    expect(describePlan(plan)).toMatch(/CHỈ TIÊU GIAI ĐOẠN 2026/);
  });
});
