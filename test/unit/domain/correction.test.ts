import { describe, expect, it } from 'vitest';
import { buildCorrectionBrief, parseCorrection } from '../../../domain/correction.js';
import { loadPlan } from '../../../infra/plan-store.js';
import { briefingSubject } from '../../../channels/press-briefing/render/render-briefing.js';
import { renderPost } from '../../../channels/web-portal/render/render-post.js';
import { renderLoudspeakerScript } from '../../../channels/loudspeaker/render/loudspeaker.js';
import { renderInfographic } from '../../../channels/infographic/render/render.js';

const langSon = await loadPlan('lang-son-62-kh-ubnd-2026');
const input = {
  headline: 'Không thu phí học thêm bắt buộc',
  claim: 'Từ tháng 12, học sinh phải đóng phí học thêm bắt buộc tại trường',
  facts: ['Sở Giáo dục và Đào tạo không ban hành quy định thu phí học thêm bắt buộc', 'Việc dạy thêm, học thêm thực hiện theo Thông tư số 29/2024/TT-BGDĐT.'],
  source: 'Sở Giáo dục và Đào tạo tỉnh Lạng Sơn',
  sourceUrl: 'https://sgddt.langson.example.org/dinh-chinh',
};

describe('an urgent correction', () => {
  it('names every missing or over-long field by its label', () => {
    const r = parseCorrection({ headline: 'x'.repeat(61), claim: ' ', facts: [], source: 'Sở', sourceUrl: 'ftp://x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message)).toEqual([
      'Tiêu đề đính chính: tiêu đề đính chính dài quá 60 ký tự; hãy viết gọn hơn',
      'Thông tin sai lệch: cần nội dung thông tin sai lệch',
      'Thông tin chính xác: cần ít nhất một thông tin chính xác',
      'Địa chỉ nguồn: địa chỉ nguồn phải là địa chỉ http:// hoặc https:// đầy đủ',
    ]);
  });

  it('says only what the editor stated: the claim called false, the facts, the source; an emergency bulletin', () => {
    const r = parseCorrection(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const brief = buildCorrectionBrief(langSon, r.correction, '2026-12-01');
    expect(brief).toMatchObject({ headline: 'Không thu phí học thêm bắt buộc', occasionName: 'Đính chính thông tin', priority: 'emergency', figures: [], issuer: 'Ủy ban nhân dân tỉnh Lạng Sơn' });
    expect(brief.keyMessages).toEqual(['Sở Giáo dục và Đào tạo không ban hành quy định thu phí học thêm bắt buộc.', 'Việc dạy thêm, học thêm thực hiện theo Thông tư số 29/2024/TT-BGDĐT.']);
    expect(brief.body).toEqual([
      'Thời gian gần đây xuất hiện thông tin cho rằng: “Từ tháng 12, học sinh phải đóng phí học thêm bắt buộc tại trường”. Đây là thông tin không chính xác.',
      ...brief.keyMessages,
      'Nguồn thông tin chính thức: Sở Giáo dục và Đào tạo tỉnh Lạng Sơn.',
    ]);
    expect(brief.leadBody).toBeUndefined();

    const post = renderPost({ brief, slug: 'khong-thu-phi', publishedAt: '2026-12-01T09:00:00+07:00', siteTitle: 'Cổng thông tin', siteBaseUrl: 'https://langson.example.org' }).html;
    expect(post).toContain('<p class="label-correction">Đính chính</p>');
    expect(post).toContain('<a href="https://sgddt.langson.example.org/dinh-chinh" rel="noopener">Sở Giáo dục và Đào tạo tỉnh Lạng Sơn</a>');
    expect(briefingSubject(brief)).toBe('[Đính chính] Không thu phí học thêm bắt buộc — UBND tỉnh Lạng Sơn');

    const script = renderLoudspeakerScript({
      brief,
      priority: brief.priority,
      locality: { id: 'xa-dong-dang', name: 'Xã Đồng Đăng', station: 'Đài truyền thanh xã Đồng Đăng' },
      slot: { id: 'sang', label: 'Buổi sáng', start: '06:00', durationMinutes: 20 },
    });
    expect(script.sidecar.priority).toBe('emergency');
    expect(script.text).toMatch(/khẩn cấp/);
    expect(script.text).toContain('không ban hành quy định thu phí học thêm bắt buộc');
  });

  it('fits the campaign infographics (its headline is the box’s limit)', async () => {
    const r = parseCorrection({ ...input, headline: 'Đính chính: không có quy định thu phí học thêm bắt buộc' });
    if (!r.ok) throw new Error('invalid');
    const brief = buildCorrectionBrief(langSon, r.correction, '2026-12-01');
    for (const t of ['poster', 'social'] as const) {
      const out = await renderInfographic(brief, t, { formats: ['png'] });
      expect(out.truncated).toEqual([]);
    }
  });
});
