import { describe, expect, it } from 'vitest';
import { formatFigureValue, formatVnCount, formatVnPercent } from '../../../domain/numbers.js';
import { formatMeasureValue } from '../../../domain/plan/describe.js';
import type { Measure } from '../../../domain/plan/target-schema.js';
import { handlebars } from '../../../channels/infographic/render/handlebars.js';
import { infographicContent } from '../../../channels/infographic/render/content.js';
import { quangNgaiSchoolOpening } from '../../fixtures/channels/briefs.js';

describe('Vietnamese figures', () => {
  it('writes percentages and counts', () => {
    expect(formatVnPercent(70)).toBe('70%');
    expect(formatVnPercent(12.5)).toBe('12,5%');
    expect(formatVnCount(1)).toBe('01');
    expect(formatVnCount(1000)).toBe('1.000');
    expect(formatFigureValue({ value: 100, unit: 'percent' })).toBe('100%');
    expect(formatFigureValue({ value: 1, unit: 'perYear' })).toBe('01/năm');
  });

  it('writes plan targets the same way as the figures drawn from them', () => {
    const measure = (m: Pick<Measure, 'metric' | 'value' | 'bound'>): Measure => ({ aim: false, audience: 'officials', subject: 'cán bộ', label: 'cán bộ', evidence: '', ...m });
    expect(formatMeasureValue(measure({ metric: 'percent', value: 12.5, bound: 'atLeast' }))).toBe('tối thiểu 12,5%');
    expect(formatMeasureValue(measure({ metric: 'count', value: 1200, bound: 'exact' }))).toBe('1.200');
    expect(formatMeasureValue(measure({ metric: 'perYear', value: 1, bound: 'exact' }))).toBe('01/năm');
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

  it('shows a date that is no real date as it is', () => {
    expect(handlebars.compile('{{viDate d}}|{{viDateShort d}}')({ d: '2026-02-30' })).toBe('2026-02-30|2026-02-30');
  });
});

describe('infographic dates', () => {
  it('name the annual day as the occasion is named and write the date in the administrative way', () => {
    const fields = infographicContent(quangNgaiSchoolOpening).fields;
    expect(fields.dayMonth).toEqual(['5/9']);
    expect(fields.date).toEqual(['Ngày 05 tháng 9 năm 2026', '05/09/2026']);
  });
});
