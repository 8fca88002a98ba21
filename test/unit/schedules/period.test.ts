import { describe, expect, it } from 'vitest';
import { fireDays, halfYearStart, periodOfDays, scheduledPeriod } from '../../../domain/report/period.js';

const due = [
  { day: 10, month: 6 },
  { day: 10, month: 12 },
];

describe('report periods', () => {
  it('fire a few days before each due date', () => {
    expect(fireDays(due, 5)).toEqual([
      { day: 5, month: 6 },
      { day: 5, month: 12 },
    ]);
    expect(fireDays([{ day: 3, month: 1 }], 5)).toEqual([{ day: 29, month: 12 }]);
  });

  it('cover the days since the previous firing, so consecutive reports leave no gap', () => {
    const june = scheduledPeriod('2026-06-05', due, 5);
    const december = scheduledPeriod('2026-12-05', due, 5);
    expect([june.from, june.to]).toEqual(['2025-12-05', '2026-06-04']);
    expect([december.from, december.to]).toEqual(['2026-06-05', '2026-12-04']);
    expect(june.start).toBe('2025-12-04T17:00:00.000Z');
    expect(june.end).toBe('2026-06-04T16:59:59.999Z');
  });

  it('cover the period so far when run between firings (a manual trigger)', () => {
    const p = scheduledPeriod('2026-03-02', due, 5);
    expect([p.from, p.to]).toEqual(['2025-12-05', '2026-03-01']);
  });

  it('refuse a period that ends before it starts', () => {
    expect(() => periodOfDays('2026-06-10', '2026-06-01')).toThrow(RangeError);
  });

  it('an on-demand report defaults to the half-year so far', () => {
    expect(halfYearStart('2026-06-30')).toBe('2026-01-01');
    expect(halfYearStart('2026-07-01')).toBe('2026-07-01');
    expect(halfYearStart('2026-11-23')).toBe('2026-07-01');
  });
});
