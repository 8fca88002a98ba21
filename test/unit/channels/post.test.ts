import { describe, expect, it } from 'vitest';
import {
  ContentInputError,
  TEXT_LIMITS,
  countWords,
  renderPost,
  rfc822,
  validatePost,
  vnLongDate,
  type RenderPostInput,
} from '../../../channels/web-portal/render/index.js';
import { formatFigureValue } from '../../../domain/numbers.js';
import { bacKanTeachersDay, quangNgaiSchoolOpening } from '../../fixtures/channels/briefs.js';
import { BRIEF_TEXT_FIELDS, HOSTILE, HOSTILE_SHORT, HUGE } from '../../fixtures/channels/hostile.js';

const base: RenderPostInput = {
  brief: bacKanTeachersDay,
  slug: 'phuong-bac-kan-ton-vinh-nha-giao',
  publishedAt: '2026-11-20T01:00:00Z',
  infographic: { src: '../../media/phuong-bac-kan-ton-vinh-nha-giao.png', alt: 'Đồ họa: 100% cán bộ, công chức được phổ biến Nghị quyết số 71-NQ/TW', caption: 'Đồ họa: UBND phường Bắc Kạn — Ngày Nhà giáo Việt Nam 20/11', width: 1080, height: 1350 },
  siteTitle: 'Thông tin tuyên truyền',
  siteBaseUrl: 'http://localhost:3000/site',
};

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202E]/;

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ContentInputError);
    return (err as ContentInputError).problems;
  }
  throw new Error('expected ContentInputError');
}

describe('renderPost', () => {
  it('renders a complete Vietnamese HTML5 article that html-validate accepts', async () => {
    const { html, wordCount } = renderPost(base);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain(`<title>${bacKanTeachersDay.headline} · Thông tin tuyên truyền</title>`);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<article>');
    expect(html).toContain('<time datetime="2026-11-20T08:00:00+07:00">Thứ Sáu, ngày 20 tháng 11 năm 2026, 08:00 (GMT+7)</time>');
    expect(html).toContain('<p class="sapo">Phát triển giáo dục và đào tạo là quốc sách hàng đầu');
    expect(html).toMatch(/<figure>\s*<img src="..\/..\/media\/phuong-bac-kan-ton-vinh-nha-giao.png" alt="Đồ họa: 100% [^"]+" width="1080" height="1350">\s*<figcaption>Đồ họa: UBND phường Bắc Kạn — Ngày Nhà giáo Việt Nam 20\/11<\/figcaption>/);
    expect(html).toContain('Thuộc Kế hoạch số 45/KH-UBND của Ủy ban nhân dân phường Bắc Kạn — Nhiệm vụ 4: Tôn vinh, lan tỏa mô hình điển hình');
    expect(html).toContain('<li>Nghị quyết 71</li>');
    expect(html).toContain('<strong>01/năm</strong>');
    expect(html).toContain('<link rel="canonical" href="http://localhost:3000/site/posts/phuong-bac-kan-ton-vinh-nha-giao/">');
    expect(wordCount).toBeGreaterThan(100);
    const v = await validatePost(html);
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
  });

  it('names every task of a brief that covers several', async () => {
    const brief = { ...bacKanTeachersDay, taskIds: ['a', 'b'], taskNumber: '2, 4', taskTitle: 'Truyền thông số; Tôn vinh, lan tỏa mô hình điển hình' };
    const { html } = renderPost({ ...base, brief });
    expect(html).toContain('— Các nhiệm vụ 2, 4: Truyền thông số; Tôn vinh, lan tỏa mô hình điển hình');
    expect((await validatePost(html)).valid).toBe(true);
  });

  it('renders a plan-level brief without task and without infographic, still valid', async () => {
    const { html } = renderPost({ ...base, brief: quangNgaiSchoolOpening, infographic: undefined, slug: 'quang-ngai' });
    expect(html).toContain('Thuộc Kế hoạch số 88/KH-UBND của Ủy ban nhân dân tỉnh Quảng Ngãi</p>');
    expect(html).not.toContain('<figure>');
    expect((await validatePost(html)).valid).toBe(true);
  });

  it('shows a revision date when updatedAt differs', () => {
    const { html } = renderPost({ ...base, updatedAt: '2026-11-21T02:30:00Z' });
    expect(html).toContain('Cập nhật <time datetime="2026-11-21T09:30:00+07:00">Thứ Bảy, ngày 21 tháng 11 năm 2026, 09:30</time>');
  });

  it('escapes hostile text in every rendered field and strips control characters; the page stays valid', async () => {
    for (const field of BRIEF_TEXT_FIELDS) {
      const value = field.short ? HOSTILE_SHORT : HOSTILE;
      const { html } = renderPost({ ...base, brief: field.set(bacKanTeachersDay, value) });
      expect(html, field.path).not.toMatch(/<script>|<img src=x|<b onclick/);
      expect(html, field.path).not.toMatch(CONTROL);
      if (field.rendered) expect(html, field.path).toMatch(field.short ? /&lt;b onclick&#x3D;x&gt;&amp;&lt;\/b&gt;/ : /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
      const v = await validatePost(html);
      expect(v.errors, field.path).toEqual([]);
    }
  });

  it('escapes hostile alt text and caption, and refuses unsafe image sources', async () => {
    const { html } = renderPost({ ...base, infographic: { ...base.infographic!, alt: HOSTILE, caption: HOSTILE } });
    expect(html).not.toMatch(/<script>|<img src=x/);
    expect(html).toContain('alt="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect((await validatePost(html)).valid).toBe(true);
    for (const src of ['javascript:alert(1)', '//evil.example.com/x.png', 'data:image/png;base64,AAAA', '" onerror="x']) {
      const problems = problemsOf(() => renderPost({ ...base, infographic: { ...base.infographic!, src } }));
      expect(problems.map((p) => p.path)).toContain('infographic.src');
    }
  });

  it('rejects a 10,000-character string in any field with a Vietnamese error naming the field', () => {
    for (const field of BRIEF_TEXT_FIELDS) {
      const problems = problemsOf(() => renderPost({ ...base, brief: field.set(bacKanTeachersDay, HUGE) }));
      expect(problems, field.path).toHaveLength(1);
      expect(problems[0]!.path).toBe(`brief.${field.path}`);
      expect(problems[0]!.message).toMatch(/dài 10\.000 ký tự, vượt giới hạn [\d.]+ ký tự/);
    }
    const more = problemsOf(() =>
      renderPost({ ...base, siteTitle: HUGE, infographic: { ...base.infographic!, alt: HUGE, caption: HUGE } }),
    );
    expect(more.map((p) => p.path).sort()).toEqual(['infographic.alt', 'infographic.caption', 'siteTitle']);
    expect(more.find((p) => p.path === 'infographic.alt')!.message).toContain('Mô tả ảnh (alt) dài 10.000 ký tự');
  });

  it('reports every problem at once, and the error message lists them in Vietnamese', () => {
    const err = (() => {
      try {
        renderPost({ ...base, slug: '../../etc', publishedAt: 'hôm nay', brief: { ...bacKanTeachersDay, headline: '', occasionDate: '2026-02-30', body: ['x'.repeat(TEXT_LIMITS.paragraph.max + 1)] } });
      } catch (e) {
        return e as ContentInputError;
      }
    })()!;
    expect(err.problems.map((p) => p.path).sort()).toEqual(['brief.body[0]', 'brief.headline', 'brief.occasionDate', 'publishedAt', 'slug']);
    expect(err.message).toMatch(/^Nội dung không hợp lệ \(5 lỗi\)/);
    expect(err.message).toContain('Tiêu đề là bắt buộc');
    expect(err.message).toContain('Đoạn nội dung số 1 dài 5.001 ký tự, vượt giới hạn 5.000 ký tự');
  });

  it('accepts a paragraph exactly at the limit', () => {
    expect(() => renderPost({ ...base, brief: { ...bacKanTeachersDay, body: ['a'.repeat(TEXT_LIMITS.paragraph.max)] } })).not.toThrow();
  });

  it('rejects too many list items and non-text values', () => {
    const problems = problemsOf(() =>
      renderPost({ ...base, brief: { ...bacKanTeachersDay, tags: Array.from({ length: 21 }, (_, i) => `the-${i}`), keyMessages: [42 as unknown as string] } }),
    );
    expect(problems.map((p) => p.message).sort()).toEqual(['Thông điệp chính số 1 phải là một đoạn văn bản.', 'Thẻ có 21 mục, vượt giới hạn 20 mục.']);
  });
});

describe('formatting helpers', () => {
  it('refuses a figure bound it does not know', () => {
    const figures = [{ value: 70, unit: 'percent' as const, bound: '>=' as never, label: 'cán bộ được bồi dưỡng' }];
    expect(problemsOf(() => renderPost({ ...base, brief: { ...bacKanTeachersDay, figures } })).map((p) => p.path)).toEqual(['brief.figures[0].bound']);
  });

  it('lists a bounded figure in words and names its period', () => {
    const figures = [
      { value: 70, unit: 'percent' as const, bound: 'atLeast' as const, label: 'cán bộ được bồi dưỡng', period: '2025' },
      { value: 100, unit: 'percent' as const, aim: true, label: 'trường có chuyên mục', period: '2026–2030' },
    ];
    const { html } = renderPost({ ...base, brief: { ...bacKanTeachersDay, figures } });
    expect(html).toContain('<strong>tối thiểu 70%</strong> cán bộ được bồi dưỡng (năm 2025)');
    expect(html).toContain('<strong>phấn đấu 100%</strong> trường có chuyên mục (giai đoạn 2026–2030)');
  });

  it('formats figures and dates the Vietnamese way', () => {
    expect(formatFigureValue({ value: 70, unit: 'percent' })).toBe('70%');
    expect(formatFigureValue({ value: 1, unit: 'count' })).toBe('01');
    expect(formatFigureValue({ value: 1, unit: 'perYear' })).toBe('01/năm');
    expect(formatFigureValue({ value: 12500, unit: 'count' })).toBe('12.500');
    expect(vnLongDate(new Date('2026-11-19T17:30:00Z'))).toBe('Thứ Sáu, ngày 20 tháng 11 năm 2026');
    expect(rfc822(new Date('2026-11-20T01:00:00Z'))).toBe('Fri, 20 Nov 2026 08:00:00 +0700');
  });

  it('counts Vietnamese words', () => {
    expect(countWords(['Ngày Nhà giáo Việt Nam 20/11', 'Nghị quyết số 71-NQ/TW.'])).toBe(10);
  });
});
