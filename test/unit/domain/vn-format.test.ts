import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  formatClock,
  formatDayMonth,
  formatVnDate,
  formatVnDateTime,
  formatVnDayMonth,
  formatVnLongDate,
  formatVnSpelledDateTime,
  formatVnTime,
  parseVnDateTime,
  vnToday,
} from '../../../domain/dates.js';
import { formatVnNumber } from '../../../domain/numbers.js';

describe('dates in the house style', () => {
  it('writes a date as dd/mm/yyyy', () => {
    expect(formatVnDate('2026-02-05')).toBe('05/02/2026');
    expect(formatVnDate('2026-11-20')).toBe('20/11/2026');
  });

  it('writes a date in words the way of Nghị định 30/2020 and the shipped plans', () => {
    expect(formatVnLongDate('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(formatVnLongDate('2026-01-20')).toBe('ngày 20 tháng 01 năm 2026');
    expect(formatVnLongDate('2025-08-22')).toBe('ngày 22 tháng 8 năm 2025');
    expect(formatVnLongDate('2026-04-02')).toBe('ngày 02 tháng 4 năm 2026');
    expect(formatVnLongDate('2026-11-20')).toBe('ngày 20 tháng 11 năm 2026');
  });

  it('names annual days without zeros, as occasions are named', () => {
    expect(formatVnDayMonth('2026-09-02')).toBe('2/9');
    expect(formatVnDayMonth('2026-11-20')).toBe('20/11');
    expect(formatDayMonth(5, 9)).toBe('5/9');
  });

  it('writes instants in Vietnam time whatever the host zone', () => {
    const cases: [string, string, string][] = [
      // instant (UTC)            date-time                      spelled
      ['2026-11-24T01:00:00Z', '08:00 ngày 24/11/2026', '08 giờ 00 ngày 24/11/2026'],
      ['2026-12-31T16:59:00Z', '23:59 ngày 31/12/2026', '23 giờ 59 ngày 31/12/2026'], // 31/12 23:59 in Hà Nội
      ['2026-12-31T17:00:00Z', '00:00 ngày 01/01/2027', '00 giờ 00 ngày 01/01/2027'], // midnight in Hà Nội, still 2026 in UTC
      ['2027-01-01T00:00:00Z', '07:00 ngày 01/01/2027', '07 giờ 00 ngày 01/01/2027'], // UTC midnight
      ['2028-02-28T17:05:00Z', '00:05 ngày 29/02/2028', '00 giờ 05 ngày 29/02/2028'], // leap day
    ];
    for (const [iso, dateTime, spelled] of cases) {
      expect(formatVnDateTime(iso), iso).toBe(dateTime);
      expect(formatVnDateTime(new Date(iso)), iso).toBe(dateTime);
      expect(formatVnDateTime(Date.parse(iso)), iso).toBe(dateTime);
      expect(formatVnSpelledDateTime(new Date(iso)), iso).toBe(spelled);
      expect(formatVnTime(new Date(iso)), iso).toBe(dateTime.slice(0, 5));
    }
    expect(vnToday(new Date('2026-12-31T16:59:00Z'))).toBe('2026-12-31');
    expect(vnToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(formatClock(8, 5)).toBe('08:05');
  });

  it('gives "" for a missing or invalid instant', () => {
    expect(formatVnDateTime(undefined)).toBe('');
    expect(formatVnDateTime('')).toBe('');
    expect(formatVnDateTime('không phải ngày')).toBe('');
  });

  it('reads back what it writes', () => {
    expect(parseVnDateTime(formatVnDateTime('2026-12-31T16:59:00Z'))).toEqual({ iso: '2026-12-31T16:59:00.000Z' });
  });
});

describe('numbers in the house style', () => {
  it('groups thousands with dots and writes decimals with a comma', () => {
    expect(formatVnNumber(0)).toBe('0');
    expect(formatVnNumber(999)).toBe('999');
    expect(formatVnNumber(1234)).toBe('1.234');
    expect(formatVnNumber(1234.5)).toBe('1.234,5');
    expect(formatVnNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatVnNumber(-1234.5)).toBe('-1.234,5');
    expect(formatVnNumber(1e12)).toBe('1.000.000.000.000');
  });

  it('rounds half away from zero to the digits asked for', () => {
    expect(formatVnNumber(12.345)).toBe('12,35');
    expect(formatVnNumber(1.005)).toBe('1,01');
    expect(formatVnNumber(999.995)).toBe('1.000');
    expect(formatVnNumber(2.5, 0)).toBe('3');
    expect(formatVnNumber(1536 / 1024, 1)).toBe('1,5');
    expect(formatVnNumber(-0.001)).toBe('0');
    expect(formatVnNumber(Number.NaN)).toBe('');
  });
});

describe('no ICU', () => {
  afterEach(() => vi.restoreAllMocks());

  it('formats the same when the runtime has no Vietnamese locale data', () => {
    const refuse = () => {
      throw new Error('ICU used');
    };
    vi.spyOn(Date.prototype, 'toLocaleString').mockImplementation(refuse);
    vi.spyOn(Date.prototype, 'toLocaleDateString').mockImplementation(refuse);
    vi.spyOn(Date.prototype, 'toLocaleTimeString').mockImplementation(refuse);
    vi.spyOn(Number.prototype, 'toLocaleString').mockImplementation(refuse);
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(refuse as never);
    vi.spyOn(Intl, 'NumberFormat').mockImplementation(refuse as never);
    expect(formatVnDateTime('2026-12-31T16:59:00Z')).toBe('23:59 ngày 31/12/2026');
    expect(formatVnLongDate('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(formatVnNumber(1234.5)).toBe('1.234,5');
  });

  it('nothing the product shows goes through toLocaleString or Intl formatters', () => {
    const root = path.resolve(import.meta.dirname, '..', '..', '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts')) {
          readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              const comment = /^\s*(?:\*|\/\/|\/\*)/.test(line);
              if (!comment && /\.toLocale(?:Date|Time)?String\(|Intl\.(?:DateTimeFormat|NumberFormat)/.test(line)) offenders.push(`${path.relative(root, p)}:${i + 1}`);
            });
        }
      }
    };
    for (const dir of ['activities', 'channels', 'cli', 'domain', 'infra', 'render', 'web', 'workflows', 'worker']) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
