import { describe, expect, it } from 'vitest';
import sharp from '../../../render/sharp.js';
import { TextTooLongError } from '../../../render/layout.js';
import { renderInfographic, renderInfographicSvg, type RenderedInfographic } from '../../../channels/infographic/render/render.js';
import { getTemplate, TEMPLATE_NAMES } from '../../../channels/infographic/render/templates.js';
import type { ContentBrief } from '../../../domain/brief.js';
import { hostileBrief, langSonTeachersDay } from '../../fixtures/briefs.js';

const CONTROLS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
const NASTY = `A & B <b>x</b> "q" 'a' ]]> <![CDATA[ x ]]> ${CONTROLS} 🎉👩🏽‍🏫🇻🇳 \u200E\u200F\u202Eabc\u202C \u2066x\u2069 \uD800 &amp; &#x3C; {{x}}`;
const HUGE = 'Nghị quyết 71-NQ/TW & <x> '.repeat(400); // ≈ 10,000 characters

/** [name, brief, whether it must render (else the documented too-long error is acceptable)]. */
const cases: [string, ContentBrief, boolean][] = [
  ['markup and controls everywhere', hostileBrief(`Tiêu đề ${NASTY}`.slice(0, 90), NASTY), true],
  ['only invisible characters', hostileBrief('\u200E\u200F Tiêu đề \u202E', '\u0000\u0001\u200B'), true],
  [
    '10,000 characters in every field that may be cut',
    { ...hostileBrief('Tiêu đề ngắn & <an toàn>', HUGE), occasionName: 'Ngày Nhà giáo Việt Nam', keyMessages: ['Ngắn & <gọn>'] },
    true,
  ],
  ['10,000 characters everywhere', hostileBrief('Tiêu đề ngắn & <an toàn>', HUGE), false],
  ['10,000-character headline', hostileBrief(HUGE, 'ngắn'), false],
  ['a 10,000-character word', hostileBrief('x'.repeat(10_000), 'y'.repeat(10_000)), false],
];

/** Every laid-out line lies inside the canvas; lines of different fields never overlap. */
function expectLayoutInside(r: RenderedInfographic) {
  for (const l of r.layout) {
    expect(l.x, `${l.field} "${l.text}"`).toBeGreaterThanOrEqual(0);
    expect(l.y, `${l.field}`).toBeGreaterThanOrEqual(0);
    expect(l.x + l.width, `${l.field} "${l.text}"`).toBeLessThanOrEqual(r.width);
    expect(l.y + l.height, `${l.field}`).toBeLessThanOrEqual(r.height);
  }
  for (const a of r.layout) {
    for (const b of r.layout) {
      if (a === b || a.field === b.field) continue;
      const overlap =
        a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
      expect(overlap, `${a.field} "${a.text}" overlaps ${b.field} "${b.text}"`).toBe(false);
    }
  }
}

describe('hostile and oversized text', () => {
  for (const [name, brief, mustRender] of cases) {
    for (const template of TEMPLATE_NAMES) {
      it(`${name}: ${template}`, async () => {
        let r: RenderedInfographic;
        try {
          r = await renderInfographic(brief, template, { formats: ['png'] });
        } catch (e) {
          if (mustRender) throw e;
          // The only acceptable failure is the documented, editor-facing one.
          expect(e).toBeInstanceOf(TextTooLongError);
          expect((e as Error).message).toMatch(/^Trường "[^"]+" dài \d+ ký tự, không vừa \d+ dòng ở cỡ chữ nhỏ nhất \d+px của mẫu/);
          return;
        }
        const meta = await sharp(r.png).metadata();
        expect(meta.format).toBe('png');
        expect([meta.width, meta.height]).toEqual([r.width, r.height]);
        expectLayoutInside(r);
        for (const l of r.layout) expect(l.text).not.toMatch(/[\u0000-\u001f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      });
    }
  }

  it('escapes text in the SVG: no injected elements, no raw markup characters in text', () => {
    const { svg } = renderInfographicSvg(hostileBrief(`Tiêu đề <script>x</script> & "q"`, '<g onload="x">]]>'), 'poster');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<g onload');
    expect(svg).not.toContain(']]>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('reports fields it cut with an ellipsis', async () => {
    const long = 'Ủy ban nhân dân tỉnh Lạng Sơn và các sở, ban, ngành '.repeat(20);
    const r = await renderInfographic({ ...langSonTeachersDay, resolution: long, planSymbol: long }, 'poster', { formats: ['png'] });
    expect(r.truncated).toEqual(expect.arrayContaining(['footerResolution', 'footerPlan']));
    expect(r.layout.some((l) => l.field === 'footerResolution' && l.text.endsWith('…'))).toBe(true);
  });

  it('fails with the documented error when the headline cannot fit', () => {
    const long = 'Đẩy mạnh truyền thông về giáo dục và đào tạo '.repeat(10);
    expect(() => renderInfographicSvg({ ...langSonTeachersDay, headline: long }, 'poster')).toThrow(
      new RegExp(`^Trường "headline" dài ${long.trim().length} ký tự, không vừa 4 dòng ở cỡ chữ nhỏ nhất 40px của mẫu "poster"`),
    );
  });

  it('keeps text of each box inside its own box', async () => {
    const t = getTemplate('poster');
    const r = await renderInfographic(langSonTeachersDay, 'poster', { formats: ['png'] });
    const headline = t.boxes.headline!;
    for (const l of r.layout.filter((x) => x.field === 'headline')) {
      expect(l.x).toBeGreaterThanOrEqual(headline.x);
      expect(l.x + l.width).toBeLessThanOrEqual(headline.x + headline.width);
      expect(l.y).toBeGreaterThanOrEqual(headline.y);
      expect(l.y + l.height).toBeLessThanOrEqual(headline.y + (headline.height ?? 0) + 1e-6);
    }
  });
});

describe('characters the font cannot draw', () => {
  it('are left out instead of showing as boxes', () => {
    const brief = { ...langSonTeachersDay, headline: 'Giáo dục 教育 التعليم và đào tạo', keyMessages: ['Học tập ☃ suốt đời'] };
    const { layout } = renderInfographicSvg(brief, 'poster');
    const headline = layout.filter((l) => l.field === 'headline').map((l) => l.text).join(' ');
    expect(headline).toBe('Giáo dục và đào tạo');
  });
});
