import { describe, expect, it } from 'vitest';
import { figureValue, viCount, viDateLong, viDateShort, viDayMonth, viNumber, viPercent } from '../../../render/format.js';
import { handlebars } from '../../../render/infographic/handlebars.js';

describe('Vietnamese formatting', () => {
  it('writes dates the administrative way', () => {
    expect(viDateLong('2026-11-20')).toBe('ngày 20 tháng 11 năm 2026');
    expect(viDateLong('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(viDateLong('2026-09-05')).toBe('ngày 05 tháng 9 năm 2026');
    expect(viDateShort('2026-11-20')).toBe('20/11/2026');
    expect(viDayMonth('2026-09-05')).toBe('05/09');
    expect(viDateShort('2026-02-30')).toBe('2026-02-30');
  });

  it('groups numbers and writes percentages and counts', () => {
    expect(viNumber(1000)).toBe('1.000');
    expect(viNumber(1234567.5)).toBe('1.234.567,5');
    expect(viPercent(70)).toBe('70%');
    expect(viPercent(12.5)).toBe('12,5%');
    expect(viCount(1)).toBe('01');
    expect(viCount(1000)).toBe('1.000');
    expect(figureValue({ value: 100, unit: 'percent' })).toBe('100%');
    expect(figureValue({ value: 1, unit: 'perYear' })).toBe('01/năm');
  });

  it('exposes the same formatting as SVG-safe handlebars helpers', () => {
    const out = handlebars.compile('{{viDate d}}|{{viDateShort d}}|{{viNumber n}}|{{viPercent p}}|{{t s}}')({
      d: '2026-11-20',
      n: 1000,
      p: 70,
      s: 'A & <b> "q" ]]>',
    });
    expect(out).toBe('Ngày 20 tháng 11 năm 2026|20/11/2026|1.000|70%|A &amp; &lt;b&gt; &quot;q&quot; ]]&gt;');
  });
});
