import { describe, expect, it } from 'vitest';
import { addDays, dateProblem, daysBetween, formatVnDate, formatVnLongDate, parseDayMonth, parseVnDate, parseVnDateTime, vnToday, vnWeekday } from '../../../domain/dates.js';

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

describe('date-times as people and files write them', () => {
  const iso = (text: string) => parseVnDateTime(text).iso;
  const problem = (text: string) => parseVnDateTime(text).problem;

  it('reads a time without a zone as Vietnam time (UTC+7)', () => {
    expect(iso('2026-11-24T08:00')).toBe('2026-11-24T01:00:00.000Z');
    expect(iso('2026-11-24 08:00:30')).toBe('2026-11-24T01:00:30.000Z');
    expect(iso('24/11/2026 08:00')).toBe('2026-11-24T01:00:00.000Z');
    expect(iso('08:00 24/11/2026')).toBe('2026-11-24T01:00:00.000Z');
    // Just after midnight in Vietnam is still the previous day in UTC.
    expect(iso('2027-01-01T00:30')).toBe('2026-12-31T17:30:00.000Z');
  });

  it('honours a zone when one is given', () => {
    expect(iso('2026-11-24T08:00:00+07:00')).toBe('2026-11-24T01:00:00.000Z');
    expect(iso('2026-11-24T08:00+0700')).toBe('2026-11-24T01:00:00.000Z');
    expect(iso('2026-11-24T01:00:00Z')).toBe('2026-11-24T01:00:00.000Z');
    expect(iso('2026-11-24T01:00:00.250Z')).toBe('2026-11-24T01:00:00.250Z');
    expect(iso('2026-11-23T20:00:00-05:00')).toBe('2026-11-24T01:00:00.000Z');
  });

  it('gives the same instant whatever the host time zone', () => {
    const saved = process.env.TZ;
    const texts = ['2026-11-24T08:00', '24/11/2026 08:00', '2026-12-31T23:59', '2028-02-29T08:00', '2026-11-24T08:00:00+07:00'];
    const seen = new Set<string>();
    const hostReadings = new Set<string>();
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        seen.add(JSON.stringify(texts.map(iso)));
        // The host-dependent reading this parser replaces, to show the zone really changed.
        hostReadings.add(new Date('2026-11-24T08:00').toISOString());
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(hostReadings.size).toBe(4);
    expect([...seen]).toEqual([JSON.stringify(['2026-11-24T01:00:00.000Z', '2026-11-24T01:00:00.000Z', '2026-12-31T16:59:00.000Z', '2028-02-29T01:00:00.000Z', '2026-11-24T01:00:00.000Z'])]);
  });

  it('takes 29/02 in leap years only, and 31/12 23:59', () => {
    expect(iso('2028-02-29T08:00')).toBe('2028-02-29T01:00:00.000Z');
    expect(iso('29/02/2000 08:00')).toBe('2000-02-29T01:00:00.000Z');
    expect(problem('2026-02-29T08:00')).toBe('"2026-02-29T08:00" không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày');
    expect(problem('29/02/2100 08:00')).toContain('tháng 2 năm 2100 chỉ có 28 ngày');
    expect(iso('2026-12-31T23:59')).toBe('2026-12-31T16:59:00.000Z');
    expect(iso('31/12/2026 23:59')).toBe('2026-12-31T16:59:00.000Z');
    expect(iso('2026-12-31T23:59:59+07:00')).toBe('2026-12-31T16:59:59.000Z');
  });

  it('refuses impossible dates and times, naming the value, instead of rolling them over', () => {
    expect(problem('2026-02-31T08:00:00+07:00')).toBe('"2026-02-31T08:00:00+07:00" không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày');
    expect(problem('31/04/2026 08:00')).toContain('tháng 4 năm 2026 chỉ có 30 ngày');
    expect(problem('2026-13-01T08:00')).toBe('"2026-13-01T08:00" có tháng 13, nhưng tháng chỉ từ 1 đến 12');
    expect(problem('2026-11-24T24:00')).toBe('"2026-11-24T24:00" có giờ 24, nhưng giờ chỉ từ 0 đến 23');
    expect(problem('2026-11-24T08:60')).toContain('phút chỉ từ 0 đến 59');
    expect(problem('2026-11-24T08:00:60')).toContain('giây chỉ từ 0 đến 59');
    expect(problem('2026-11-24T08:00+15:00')).toContain('múi giờ +15:00 không có thật');
    expect(problem('2026-11-24')).toMatch(/^"2026-11-24" không phải ngày giờ theo dạng yyyy-mm-ddTHH:MM/);
    expect(problem('sáng mai')).toContain('"sáng mai"');
    expect(iso('2026-02-31T08:00:00+07:00')).toBeUndefined();
  });
});
