import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_OCCASIONS, findOccasion, occasionsBetween } from '../../../domain/calendar/index.js';
import { loadPlans } from '../../../infra/plan-store.js';

const plans = await loadPlans();
const nq57 = await loadPlans(path.resolve(import.meta.dirname, '../../fixtures/plans/valid'));

describe('built-in occasions', () => {
  it('includes the national days of domain.md with stable ids', () => {
    const days = BUILT_IN_OCCASIONS.flatMap((o) => (o.recurrence.kind === 'annual' ? [`${o.recurrence.day}/${o.recurrence.month}`] : []));
    expect(days).toEqual(expect.arrayContaining(['20/11', '9/1', '18/5', '21/6', '22/8', '5/9', '8/9', '10/10', '22/12']));
    expect(findOccasion('ngay-nha-giao-20-11')?.name).toBe('Ngày Nhà giáo Việt Nam');
    expect(findOccasion('tong-ket-nam-hoc')?.dateNote).toMatch(/thay đổi theo từng năm/);
    expect(findOccasion('khong-co')).toBeUndefined();
    expect(findOccasion('hoi-nghi-bieu-duong-dien-hinh', plans)?.planId).toBe('phuong-bac-kan-2026');
  });
});

describe('occasionsBetween', () => {
  it('01/11/2026–30/11/2026 contains 20/11 with the tasks tied to it and due dates from lead times', () => {
    const window = occasionsBetween('2026-11-01', '2026-11-30', plans);
    expect(window.map((o) => o.occasionId)).toEqual(['ngay-nha-giao-20-11']);
    const teachers = window[0];
    expect(teachers?.date).toBe('2026-11-20');
    expect(teachers?.label).toBe('Ngày Nhà giáo Việt Nam 20/11');
    const tied = teachers?.tasks.map((t) => `${t.planId}/${t.number}`);
    expect(tied).toEqual(expect.arrayContaining(['phuong-bac-kan-2026/II.4', 'quang-ngai-2026/III.3', 'lang-son-62-kh-ubnd-2026/III.1']));
    const ward = teachers?.tasks.find((t) => t.taskId === 'pbk-ton-vinh');
    expect(ward?.title).toBe('Tôn vinh, lan tỏa mô hình điển hình');
    expect(ward?.due).toEqual([
      { channel: 'loudspeaker', daysBefore: 7, due: '2026-11-13', until: '2026-11-20' },
      { channel: 'meeting', daysBefore: 5, due: '2026-11-15' },
      { channel: 'social', daysBefore: 2, due: '2026-11-18' },
      { channel: 'webPortal', daysBefore: 0, due: '2026-11-20' },
    ]);
    expect(teachers?.due.find((d) => d.channel === 'pressBriefing')?.due).toBe('2026-11-13');
    expect(teachers?.due.find((d) => d.channel === 'poster')?.due).toBe('2026-11-06');
  });

  it('narrows to one plan and keeps plan occasions to their own plan', () => {
    const ward = plans.filter((p) => p.id === 'phuong-bac-kan-2026');
    const year = occasionsBetween('2026-01-01', '2026-12-31', ward);
    expect(year.every((o) => o.tasks.every((t) => t.planId === 'phuong-bac-kan-2026'))).toBe(true);
    // The ward's own conference has no date yet, so it is not in the calendar.
    expect(year.some((o) => o.occasionId === 'hoi-nghi-bieu-duong-dien-hinh')).toBe(false);
    // Occasions of resolution 57 only are left out for a resolution-71 plan.
    expect(year.some((o) => o.occasionId === 'chuyen-doi-so-10-10')).toBe(false);
    expect(year.find((o) => o.occasionId === 'tong-ket-nam-hoc')).toMatchObject({ date: '2026-05-30', label: 'Tổng kết năm học 2025–2026' });
  });

  it('lists every built-in occasion when no plan is given, across a year boundary', () => {
    const window = occasionsBetween('2026-12-01', '2027-01-31', []);
    expect(window.map((o) => [o.occasionId, o.date])).toEqual([
      ['nghi-quyet-57-22-12', '2026-12-22'],
      ['ngay-hssv-9-1', '2027-01-09'],
    ]);
    expect(window[0]?.tasks).toEqual([]);
    expect(window[0]?.due.map((d) => d.channel)).toEqual(['pressBriefing', 'loudspeaker', 'infographic', 'social', 'webPortal']);
  });

  it('serves a 57-NQ/TW plan without changing the model', () => {
    const autumn = occasionsBetween('2026-09-01', '2026-12-31', nq57);
    expect(autumn.map((o) => o.occasionId)).toEqual(['binh-dan-hoc-vu-8-9', 'ngay-hoi-so-xa', 'chuyen-doi-so-10-10', 'nghi-quyet-57-22-12']);
    const fair = autumn.find((o) => o.occasionId === 'ngay-hoi-so-xa');
    expect(fair?.planId).toBe('nq57-xa-minh-hoa');
    // Plan lead times override the defaults (meeting 10 days, video 4), others fall back.
    expect(fair?.due).toEqual([
      { channel: 'meeting', daysBefore: 10, due: '2026-09-23' },
      { channel: 'qaSet', daysBefore: 7, due: '2026-09-26' },
      { channel: 'video', daysBefore: 4, due: '2026-09-29' },
    ]);
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => occasionsBetween('2026-12-01', '2026-11-01', plans)).toThrow(RangeError);
  });
});
