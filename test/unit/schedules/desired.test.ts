import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locality } from '../../../domain/localities.js';
import type { Plan } from '../../../domain/plan/schema.js';
import type { ReportRequest } from '../../../domain/report/request.js';
import { desiredSchedules, type BulletinSeriesInput, type DesiredOptions, type OccasionStartInput } from '../../../domain/schedules/index.js';
import { loadLocalities, loadPlan, loadPlans, PLANS_DIR, REPO_ROOT } from '../../../infra/plan-store.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'plans', 'valid');
const LOCALITIES_FILE = path.join(REPO_ROOT, 'test', 'fixtures', 'data', 'localities-file.yaml');
let plans: Plan[];
let localities: Locality[];

const options = (extra: Partial<DesiredOptions> = {}): DesiredOptions => ({
  taskQueue: 'campaign-ops',
  localities,
  localitiesFile: 'test/fixtures/data/localities-file.yaml',
  mediaListFile: 'test/fixtures/data/media-file.yaml',
  approvers: ['bien-tap@example.org'],
  reportTo: ['bao-cao@example.org'],
  now: new Date('2026-03-02T00:00:00Z'),
  ...extra,
});

beforeAll(async () => {
  plans = await loadPlans(PLANS_DIR);
  localities = (await loadLocalities(LOCALITIES_FILE)).localities;
});

const plan = (id: string) => plans.find((p) => p.id === id)!;

describe('desiredSchedules for the shipped plans', () => {
  it('gives every schedule a stable id under the plan prefix, and is the same when computed twice', () => {
    for (const p of plans) {
      const a = desiredSchedules(p, options());
      const b = desiredSchedules(p, options());
      expect(a).toEqual(b);
      expect(a.idPrefix).toBe(`sched-${p.id}-`);
      for (const s of a.schedules) {
        expect(s.id.startsWith(a.idPrefix)).toBe(true);
        expect(s.id).toMatch(/^sched-[a-z0-9-]+$/);
        expect(s.fingerprint).toMatch(/^[0-9a-f]{16}$/);
        expect(s.timezone).toBe('Asia/Ho_Chi_Minh');
        expect(s.overlap).toBe('SKIP');
      }
      expect(new Set(a.schedules.map((s) => s.id)).size).toBe(a.schedules.length);
    }
  });

  it('makes one bulletin series per ongoing task with the loudspeaker channel, Monday and Thursday an hour before the earliest slot', () => {
    const bulletins = (id: string) => desiredSchedules(plan(id), options()).schedules.filter((s) => s.kind === 'bulletin');
    expect(bulletins('phuong-bac-kan-2026').map((s) => s.id)).toEqual(['sched-phuong-bac-kan-2026-bulletin-pbk-thong-tin-co-so']);
    expect(bulletins('lang-son-62-kh-ubnd-2026').map((s) => s.id)).toEqual([
      'sched-lang-son-62-kh-ubnd-2026-bulletin-ls-day-manh-truyen-thong',
      'sched-lang-son-62-kh-ubnd-2026-bulletin-ls-truyen-thong-toan-xa-hoi',
    ]);
    const [series] = bulletins('phuong-bac-kan-2026');
    // The sample list's earliest slot is 05:30.
    expect(series!.calendars).toEqual([{ dayOfWeek: ['MONDAY', 'THURSDAY'], hour: 4, minute: 30, comment: 'Thứ Hai, Thứ Năm lúc 04:30' }]);
    expect(series!.catchupWindowMs).toBe(24 * 3600_000);
    const input = series!.args[0] as BulletinSeriesInput;
    expect(input.pool).toEqual(plan('phuong-bac-kan-2026').tasks[0]!.keyMessages);
    expect(input.preApprovedBy).toBeUndefined();
    expect(input.approvers).toEqual(['bien-tap@example.org']);
    expect(input.brief.taskTitle).toBe('Tăng cường tuyên truyền trên hệ thống thông tin cơ sở');
  });

  it('pre-approves the series named, and makes one series per locality when asked', () => {
    const d = desiredSchedules(plan('phuong-bac-kan-2026'), options({ preApproved: ['pbk-thong-tin-co-so'], preApprovedBy: 'truong-phong@example.org', perLocality: true }));
    const series = d.schedules.filter((s) => s.kind === 'bulletin');
    expect(series).toHaveLength(localities.length);
    expect(series.map((s) => s.id)).toContain('sched-phuong-bac-kan-2026-bulletin-pbk-thong-tin-co-so-xa-bach-thong');
    const bachThong = series.find((s) => s.id.endsWith('xa-bach-thong'))!;
    // Xã Bạch Thông only broadcasts at 17:00.
    expect(bachThong.calendars[0]).toMatchObject({ hour: 16, minute: 0 });
    const input = bachThong.args[0] as BulletinSeriesInput;
    expect(input).toMatchObject({ preApprovedBy: 'truong-phong@example.org', approvers: [], localities: ['xa-bach-thong'] });
  });

  it('starts each tied occasion campaign its longest lead time plus a week of approval before the occasion', () => {
    const occasions = desiredSchedules(plan('phuong-bac-kan-2026'), options()).schedules.filter((s) => s.kind === 'occasion');
    // The ward's own conference has no date yet, so it has no schedule.
    expect(occasions.map((s) => s.id)).toEqual([
      'sched-phuong-bac-kan-2026-occasion-khai-giang-5-9',
      'sched-phuong-bac-kan-2026-occasion-ngay-hssv-9-1',
      'sched-phuong-bac-kan-2026-occasion-ngay-nha-giao-20-11',
      'sched-phuong-bac-kan-2026-occasion-nghi-quyet-71-22-8',
      'sched-phuong-bac-kan-2026-occasion-tong-ket-nam-hoc',
    ]);
    const teachers = occasions.find((s) => s.id.endsWith('ngay-nha-giao-20-11'))!;
    // 20/11: loudspeaker is due 7 days before, plus 7 days for approval → 06/11 at 08:00.
    expect(teachers.calendars).toEqual([{ month: 11, dayOfMonth: 6, hour: 8, minute: 0, comment: 'Hằng năm ngày 6/11 lúc 08:00' }]);
    const input = teachers.args[0] as OccasionStartInput;
    expect(input).toMatchObject({ occasionId: 'ngay-nha-giao-20-11', taskIds: ['pbk-ton-vinh'], startDaysBefore: 14, approvers: ['bien-tap@example.org'] });
    expect(input.channels).toEqual(['infographic', 'webPortal', 'loudspeaker']);
    // 9/1 (infographic and post only: 3 days + 7) is early in the year: the campaign starts on 30/12.
    expect(occasions.find((s) => s.id.endsWith('ngay-hssv-9-1'))!.calendars[0]).toMatchObject({ month: 12, dayOfMonth: 30 });
    // School-year closing has dated instances: one rule per future date, with its year.
    const closing = occasions.find((s) => s.id.endsWith('tong-ket-nam-hoc'))!;
    expect(closing.calendars.map((c) => [c.year, c.month, c.dayOfMonth])).toEqual([
      [2026, 5, 16],
      [2027, 5, 15],
      [2028, 5, 13],
    ]);
  });

  it('schedules the lead body\'s undated periodic report on the usual dates, and says why the other undated duties are left out', () => {
    const d = desiredSchedules(plan('phuong-bac-kan-2026'), options());
    const reports = d.schedules.filter((s) => s.kind === 'report');
    // "Phòng Văn hóa - Xã hội (tham mưu UBND phường)" is the plan's lead body; the others are not.
    expect(reports.map((s) => [s.id, s.calendars.map((c) => `${c.dayOfMonth}/${c.month}`)])).toEqual([['sched-phuong-bac-kan-2026-report-pbk-bc-so-gddt', ['5/6', '5/12']]]);
    expect(reports[0]!.args[0] as ReportRequest).toMatchObject({ dutyId: 'pbk-bc-so-gddt', schedule: { dueDates: [{ day: 10, month: 6 }, { day: 10, month: 12 }] } });
    const text = d.notes.map((n) => `${n.subject}: ${n.text}`).join('\n');
    expect(text).toContain('hoi-nghi-bieu-duong-dien-hinh (Hội nghị biểu dương điển hình tiên tiến): chưa có ngày');
    expect(text).toContain('Báo cáo pbk-bc-so-gddt (Phòng Văn hóa - Xã hội (tham mưu UBND phường)): báo cáo của cơ quan chủ trì');
    expect(text).toContain('hạn 10/6 và 10/12. Đổi bằng --report-dates pbk-bc-so-gddt=dd/mm,dd/mm');
    expect(text).toContain('Báo cáo pbk-bc-kinh-phi (Phòng Kinh tế, Hạ tầng và Đô thị): kế hoạch không ghi ngày báo cáo');
    expect(text).toContain('--report-dates pbk-bc-kinh-phi=10/6,10/12');
    expect(text).toContain('Báo cáo pbk-bc-mttq-kien-nghi (Ủy ban Mặt trận Tổ quốc Việt Nam phường, các tổ chức chính trị - xã hội và các tổ dân phố): báo cáo khi phát sinh');
  });

  it('every shipped plan gets its lead body\'s report schedule', () => {
    const ids = (id: string) => desiredSchedules(plan(id), options()).schedules.filter((s) => s.kind === 'report').map((s) => s.id);
    expect(ids('quang-ngai-2026')).toEqual(['sched-quang-ngai-2026-report-qn-bc-so-gddt']);
    // Lạng Sơn: the Department reports on the plan as a whole, and on its sector to the Ministry.
    expect(ids('lang-son-62-kh-ubnd-2026')).toEqual(['sched-lang-son-62-kh-ubnd-2026-report-ls-bc-so-gddt', 'sched-lang-son-62-kh-ubnd-2026-report-ls-bc-nganh-bo-gddt']);
  });

  it('schedules a report a few days before each due date, from the plan, the editor, or the six-monthly default', async () => {
    const fixture = await loadPlan('nq57-xa-minh-hoa', FIXTURES);
    const fromPlan = desiredSchedules(fixture, options()).schedules.filter((s) => s.kind === 'report');
    expect(fromPlan.map((s) => s.id)).toEqual(['sched-nq57-xa-minh-hoa-report-bao-cao-6-thang-nam']);
    expect(fromPlan[0]!.calendars.map((c) => [c.dayOfMonth, c.month, c.hour])).toEqual([
      [5, 6, 8],
      [5, 12, 8],
    ]);
    expect(fromPlan[0]!.args[0] as ReportRequest).toMatchObject({ planId: 'nq57-xa-minh-hoa', dutyId: 'bao-cao-6-thang-nam', reportTo: ['bao-cao@example.org'], schedule: { dueDates: [{ day: 10, month: 6 }, { day: 10, month: 12 }], leadDays: 5 } });

    const ls = desiredSchedules(plan('lang-son-62-kh-ubnd-2026'), options({ reportDates: [{ dutyId: 'ls-bc-so-gddt', dates: [{ day: 15, month: 6 }, { day: 15, month: 12 }] }] }));
    expect(ls.schedules.filter((s) => s.kind === 'report').map((s) => [s.id, s.calendars.map((c) => `${c.dayOfMonth}/${c.month}`)])).toEqual([
      ['sched-lang-son-62-kh-ubnd-2026-report-ls-bc-so-gddt', ['10/6', '10/12']],
      ['sched-lang-son-62-kh-ubnd-2026-report-ls-bc-nganh-bo-gddt', ['5/6', '5/12']],
    ]);

    const semi = structuredClone(fixture);
    semi.reporting[0]!.dueDates = [];
    semi.reporting[0]!.cadence = 'periodic';
    semi.reporting[0]!.cadenceAsWritten = 'định kỳ 6 tháng, 01 năm';
    const d = desiredSchedules(semi, options());
    expect(d.schedules.find((s) => s.kind === 'report')!.calendars.map((c) => `${c.dayOfMonth}/${c.month}`)).toEqual(['5/6', '5/12']);
    expect(d.notes.map((n) => n.text).join('\n')).toContain('dùng hạn thông thường 10/6 và 10/12');
  });

  it('leaves out schedules that need approvers when none are given, and says so', () => {
    const d = desiredSchedules(plan('phuong-bac-kan-2026'), options({ approvers: [] }));
    expect(d.schedules.filter((s) => s.kind !== 'report')).toEqual([]);
    expect(d.notes.some((n) => n.text.includes('--approvers'))).toBe(true);
    const pre = desiredSchedules(plan('phuong-bac-kan-2026'), options({ approvers: [], preApproved: 'all' }));
    expect(pre.schedules.map((s) => s.kind)).toEqual(['bulletin', 'report']);
  });

  it('puts an id prefix in front of every id', () => {
    const d = desiredSchedules(plan('quang-ngai-2026'), options({ idPrefix: 'it-abc-' }));
    expect(d.idPrefix).toBe('sched-it-abc-quang-ngai-2026-');
    expect(d.schedules.every((s) => s.id.startsWith('sched-it-abc-quang-ngai-2026-'))).toBe(true);
  });
});

describe('fingerprints follow the plan', () => {
  it('change when a key message, the days or the approvers change, and only for the schedules concerned', () => {
    const p = plan('phuong-bac-kan-2026');
    const before = desiredSchedules(p, options());
    const edited = structuredClone(p);
    edited.tasks[0]!.keyMessages = [...edited.tasks[0]!.keyMessages, 'Một thông điệp mới cho bản tin.'];
    const after = desiredSchedules(edited, options());
    const fp = (d: typeof before, id: string) => d.schedules.find((s) => s.id === id)?.fingerprint;
    const series = 'sched-phuong-bac-kan-2026-bulletin-pbk-thong-tin-co-so';
    expect(fp(after, series)).not.toBe(fp(before, series));
    for (const s of before.schedules.filter((x) => x.id !== series)) expect(fp(after, s.id)).toBe(s.fingerprint);

    expect(fp(desiredSchedules(p, options({ bulletinDays: ['TUESDAY'] })), series)).not.toBe(fp(before, series));
    const teachers = 'sched-phuong-bac-kan-2026-occasion-ngay-nha-giao-20-11';
    expect(fp(desiredSchedules(p, options({ approvers: ['khac@example.org'] })), teachers)).not.toBe(fp(before, teachers));
  });

  it('drop a removed task\'s series', () => {
    const p = structuredClone(plan('lang-son-62-kh-ubnd-2026'));
    p.tasks = p.tasks.filter((t) => t.id !== 'ls-truyen-thong-toan-xa-hoi');
    const ids = desiredSchedules(p, options()).schedules.map((s) => s.id);
    expect(ids).toContain('sched-lang-son-62-kh-ubnd-2026-bulletin-ls-day-manh-truyen-thong');
    expect(ids).not.toContain('sched-lang-son-62-kh-ubnd-2026-bulletin-ls-truyen-thong-toan-xa-hoi');
  });
});
