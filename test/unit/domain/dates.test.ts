import { describe, expect, it } from 'vitest';
import { addDays, dateProblem, daysBetween, formatVnDate, formatVnLongDate, parseDayMonth, parseVnDate, vnToday, vnWeekday } from '../../../domain/dates.js';

describe('dates (Asia/Ho_Chi_Minh)', () => {
  it('parses Vietnamese and ISO dates to ISO', () => {
    expect(parseVnDate('20/11/2026')).toBe('2026-11-20');
    expect(parseVnDate('2026-11-20')).toBe('2026-11-20');
    expect(parseVnDate('5/9/2026')).toBe('2026-09-05');
  });

  it('refuses impossible dates and says why', () => {
    expect(parseVnDate('31/02/2026')).toBeUndefined();
    expect(parseVnDate('29/02/2026')).toBeUndefined();
    expect(parseVnDate('29/02/2028')).toBe('2028-02-29');
    expect(parseVnDate('2026/11/20')).toBeUndefined();
    expect(dateProblem('31/02/2026')).toContain('tháng 2 năm 2026 chỉ có 28 ngày');
    expect(dateProblem('12/13/2026')).toContain('tháng chỉ từ 1 đến 12');
    expect(dateProblem('20-11-2026')).toContain('dd/mm/yyyy');
  });

  it('formats short and long forms', () => {
    expect(formatVnDate('2026-11-20')).toBe('20/11/2026');
    expect(formatVnLongDate('2026-11-20')).toBe('ngày 20 tháng 11 năm 2026');
    expect(vnWeekday('2026-11-20')).toBe('Thứ Sáu');
    expect(vnWeekday('2026-11-22')).toBe('Chủ nhật');
  });

  it('does day arithmetic across months and years', () => {
    expect(addDays('2026-11-20', -7)).toBe('2026-11-13');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-11-13', '2026-11-20')).toBe(7);
  });

  it("takes today's date in Vietnam, not UTC", () => {
    // 18:30 UTC on 19/11 is already 01:30 on 20/11 in Hà Nội.
    expect(vnToday(new Date('2026-11-19T18:30:00Z'))).toBe('2026-11-20');
    expect(vnToday(new Date('2026-11-19T16:59:00Z'))).toBe('2026-11-19');
  });

  it('parses recurring day/month and refuses 29/02 and 31/11', () => {
    expect(parseDayMonth('10/6')).toEqual({ day: 10, month: 6 });
    expect(parseDayMonth('10/12')).toEqual({ day: 10, month: 12 });
    expect(parseDayMonth('31/11')).toBeUndefined();
    expect(parseDayMonth('29/02')).toBeUndefined();
  });
});
