import { describe, expect, it } from 'vitest';
import sharp from '../../../render/sharp.js';
import { renderInfographic, renderInfographicSvg } from '../../../channels/infographic/render/render.js';
import { getTemplate, TEMPLATE_NAMES, UnknownTemplateError } from '../../../channels/infographic/render/templates.js';
import { langSonTask2, langSonTeachersDay, shortBrief } from '../../fixtures/briefs.js';

describe('renderInfographic', () => {
  it('has the templates the issue asks for', () => {
    expect(TEMPLATE_NAMES).toEqual(['poster', 'poster-a3', 'social', 'eboard', 'targets']);
    expect(getTemplate('poster')).toMatchObject({ pixelWidth: 1080, pixelHeight: 1350 });
    expect(getTemplate('social')).toMatchObject({ pixelWidth: 1080, pixelHeight: 1080 });
    expect(getTemplate('eboard')).toMatchObject({ pixelWidth: 1920, pixelHeight: 1080 });
    expect(getTemplate('targets')).toMatchObject({ pixelWidth: 1080, pixelHeight: 1350 });
    expect(getTemplate('poster-a3')).toMatchObject({ pixelWidth: 1754, pixelHeight: 2480 });
    expect(() => getTemplate('nope')).toThrow(UnknownTemplateError);
  });

  for (const [name, brief] of Object.entries({ langSonTeachersDay, langSonTask2, shortBrief })) {
    for (const template of TEMPLATE_NAMES) {
      it(`${template} × ${name}: valid PNG and WebP, text inside the canvas, no field over another`, async () => {
        const r = await renderInfographic(brief, template);
        const [png, webp] = await Promise.all([sharp(r.png).metadata(), sharp(r.webp).metadata()]);
        expect([png.format, png.width, png.height]).toEqual(['png', r.width, r.height]);
        expect([webp.format, webp.width, webp.height]).toEqual(['webp', r.width, r.height]);
        expect(r.layout.some((l) => l.field === 'headline')).toBe(true);
        for (const l of r.layout) {
          expect(l.x).toBeGreaterThanOrEqual(0);
          expect(l.y).toBeGreaterThanOrEqual(0);
          expect(l.x + l.width).toBeLessThanOrEqual(r.width);
          expect(l.y + l.height).toBeLessThanOrEqual(r.height);
        }
        for (const a of r.layout) {
          for (const b of r.layout) {
            if (a === b || a.field === b.field) continue;
            const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
            expect(overlap, `${a.field} "${a.text}" / ${b.field} "${b.text}"`).toBe(false);
          }
        }
      });
    }
  }

  it('shows the plan targets as figures on the targets template', () => {
    const { layout } = renderInfographicSvg(langSonTeachersDay, 'targets');
    const values = layout.filter((l) => /^figures\[\d\]\.value$/.test(l.field)).map((l) => l.text);
    expect(values).toEqual(['100%', '100%', '70%', '01/năm']);
  });

  it('names a one-year period "năm 2025" and a range "giai đoạn 2026–2030"', () => {
    const oneYear = { ...langSonTeachersDay, figures: langSonTeachersDay.figures.map((f) => ({ ...f, period: '2025' })) };
    const year = renderInfographicSvg(oneYear, 'targets').layout;
    expect(year.find((l) => l.field === 'targetsTitle')?.text).toBe('MỤC TIÊU NĂM 2025');
    expect(year.filter((l) => l.field.endsWith('.period')).map((l) => l.text)).toEqual(['Năm 2025', 'Năm 2025', 'Năm 2025', 'Năm 2025']);
    const range = renderInfographicSvg(langSonTeachersDay, 'targets').layout;
    expect(range.find((l) => l.field === 'targetsTitle')?.text).toBe('MỤC TIÊU GIAI ĐOẠN 2026–2030');
    expect(range.find((l) => l.field === 'figures[0].period')?.text).toBe('2026–2030');
  });

  it('draws a bound above its number, and none for an exact number', () => {
    // The fixture's third figure is the plan's "Tối thiểu 70%".
    const { layout } = renderInfographicSvg(langSonTeachersDay, 'targets');
    expect(layout.filter((l) => l.field.endsWith('.bound')).map((l) => [l.field, l.text])).toEqual([['figures[2].bound', 'TỐI THIỂU']]);
    expect(layout.find((l) => l.field === 'figures[2].value')?.text).toBe('70%');
  });

  it('uses Vietnamese dates and keeps document symbols whole', () => {
    const { layout, svg } = renderInfographicSvg(langSonTeachersDay, 'poster');
    expect(layout.find((l) => l.field === 'date')?.text).toBe('Ngày 20 tháng 11 năm 2026');
    expect(layout.some((l) => l.field === 'headline' && l.text.includes('71-NQ/TW'))).toBe(true);
    expect(layout.some((l) => l.field === 'footerPlan' && l.text.includes('62/KH-UBND'))).toBe(true);
    expect(svg).toContain('font-family="Be Vietnam Pro"');
  });

  it('has a content hash that is stable and changes with the content used', () => {
    const a = renderInfographicSvg(langSonTeachersDay, 'poster').contentHash;
    expect(renderInfographicSvg(structuredClone(langSonTeachersDay), 'poster').contentHash).toBe(a);
    expect(renderInfographicSvg({ ...langSonTeachersDay, headline: 'Khác' }, 'poster').contentHash).not.toBe(a);
    expect(renderInfographicSvg(langSonTeachersDay, 'social').contentHash).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fails clearly on an empty headline', () => {
    expect(() => renderInfographicSvg({ ...langSonTeachersDay, headline: ' \u200e ' }, 'poster')).toThrow(
      'Trường "headline" đang trống',
    );
  });
});
