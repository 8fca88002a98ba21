import { describe, expect, it } from 'vitest';
import { renderBriefing, type RenderBriefingInput } from '../../../channels/press-briefing/render/index.js';
import { ContentInputError } from '../../../channels/web-portal/render/index.js';
import { bacKanPressContact, bacKanTeachersDay, journalists, quangNgaiSchoolOpening } from '../../fixtures/channels/briefs.js';
import { BRIEF_TEXT_FIELDS, HOSTILE, HOSTILE_SHORT, HUGE } from '../../fixtures/channels/hostile.js';
import { solidPng } from '../../fixtures/channels/png.js';

const base: RenderBriefingInput = {
  brief: bacKanTeachersDay,
  recipient: journalists[0],
  pressContact: bacKanPressContact,
  postUrl: 'http://localhost:3000/site/posts/phuong-bac-kan/',
  infographic: { filename: 'do-hoa-ngay-nha-giao-viet-nam.png', content: solidPng(1080, 1350), cid: 'infographic.0123456789abcdef@example.org' },
  unsubscribeUrl: 'http://localhost:3000/unsubscribe/abc.def',
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

describe('renderBriefing', () => {
  it('names the occasion and the issuer in the subject', () => {
    expect(renderBriefing(base).subject).toBe('[Thông cáo báo chí] Ngày Nhà giáo Việt Nam 20/11 — UBND phường Bắc Kạn');
    expect(renderBriefing({ ...base, brief: quangNgaiSchoolOpening }).subject).toBe('[Thông cáo báo chí] Lễ khai giảng năm học mới 5/9 — UBND tỉnh Quảng Ngãi');
  });

  it('states the embargo in the subject and at the top of both bodies', () => {
    const r = renderBriefing({ ...base, embargoUntil: '2026-11-20T08:00:00+07:00' });
    expect(r.subject).toBe('[Thông cáo báo chí] Ngày Nhà giáo Việt Nam 20/11 — UBND phường Bắc Kạn — CẤM ĐĂNG TRƯỚC 08:00 ngày 20/11/2026');
    expect(r.html).toContain('<strong>CẤM ĐĂNG TRƯỚC 08:00 ngày 20/11/2026</strong><br>Thông tin được phép đăng tải từ 08 giờ 00 ngày 20/11/2026.');
    expect(r.text).toContain('CẤM ĐĂNG TRƯỚC 08:00 ngày 20/11/2026\nThông tin được phép đăng tải từ 08 giờ 00 ngày 20/11/2026.');
    expect(r.text.indexOf('CẤM ĐĂNG')).toBeLessThan(r.text.indexOf('Kính gửi'));
    expect(renderBriefing(base).html).not.toContain('CẤM ĐĂNG');
  });

  it('states a figure\'s bound in words and its period in both bodies', () => {
    const figures = [{ value: 80, unit: 'percent' as const, bound: 'atLeast' as const, label: 'người dân được tiếp cận thông tin', period: '2025' }];
    const { html, text } = renderBriefing({ ...base, brief: { ...bacKanTeachersDay, figures } });
    expect(html).toContain('<strong>tối thiểu 80%</strong> người dân được tiếp cận thông tin (năm 2025)');
    expect(text).toContain('- tối thiểu 80% người dân được tiếp cận thông tin (năm 2025)');
  });

  it('carries key facts, figures, the inline image by cid, the post link and the press contact', () => {
    const { html, text } = renderBriefing(base);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Kính gửi: Anh/Chị Trần Minh Đức — Báo và Phát thanh, Truyền hình Thái Nguyên,');
    expect(html).toContain('Ủy ban nhân dân phường Bắc Kạn trân trọng cung cấp thông tin nhân dịp Ngày Nhà giáo Việt Nam 20/11, thực hiện Kế hoạch số 45/KH-UBND (Nhiệm vụ 4: Tôn vinh, lan tỏa mô hình điển hình).');
    for (const m of bacKanTeachersDay.keyMessages) expect(html).toContain(m);
    expect(html).toContain('<strong>01/năm</strong> hoạt động truyền thông chuyên đề');
    expect(html).toMatch(/<img src="cid:infographic.0123456789abcdef@example.org" alt="Đồ họa thông tin: Phường Bắc Kạn[^"]*" width="600" height="750"/);
    expect(html).toContain('<a href="http://localhost:3000/site/posts/phuong-bac-kan/"');
    expect(html).toContain('Nguyễn Thị Thu Hà, Chuyên viên Phòng Văn hóa - Xã hội<br>Phòng Văn hóa - Xã hội phường Bắc Kạn<br>Điện thoại: <a href="tel:02093870123"');
    expect(html).toContain('<a href="mailto:vhxh.backan@example.org"');
    expect(html).toContain('<a href="http://localhost:3000/unsubscribe/abc.def"');
    expect(text).toContain('THÔNG TIN CHÍNH\n- Phát triển giáo dục và đào tạo là quốc sách hàng đầu');
    expect(text).toContain('- 100% cán bộ, công chức phường');
    expect(text).toContain('Bài viết đầy đủ: http://localhost:3000/site/posts/phuong-bac-kan/');
    expect(text).toContain('ĐẦU MỐI CUNG CẤP THÔNG TIN\nNguyễn Thị Thu Hà, Chuyên viên Phòng Văn hóa - Xã hội\nPhòng Văn hóa - Xã hội phường Bắc Kạn\nĐiện thoại: 0209 3870 123\nEmail: vhxh.backan@example.org');
    expect(text).toContain('Ngừng nhận thông tin: http://localhost:3000/unsubscribe/abc.def');
    expect(text).not.toMatch(/&amp;|&lt;|&#x/);
    expect(text).not.toMatch(/\n{3,}/);
  });

  it('escapes hostile text in every brief field (HTML) and strips control characters (both)', () => {
    for (const field of BRIEF_TEXT_FIELDS) {
      const value = field.short ? HOSTILE_SHORT : HOSTILE;
      const { subject, html, text } = renderBriefing({ ...base, brief: field.set(bacKanTeachersDay, value) });
      expect(html, field.path).not.toMatch(/<script>|<img src=x|<b onclick/);
      for (const out of [subject, html, text]) expect(out, field.path).not.toMatch(CONTROL);
      expect(subject, field.path).not.toMatch(/[\r\n]/);
    }
  });

  it('escapes hostile recipient and contact names', () => {
    const { html, subject, text } = renderBriefing({
      ...base,
      recipient: { ...base.recipient, name: HOSTILE, outlet: HOSTILE },
      pressContact: { ...base.pressContact, name: HOSTILE, role: HOSTILE },
    });
    expect(html).not.toMatch(/<script>|<img src=x/);
    expect(html).toContain('Anh/Chị &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(text).toContain('Anh/Chị <script>alert("x")</script>'); // plain text: shown as typed, harmless
    expect(text).not.toMatch(CONTROL);
    expect(subject).not.toContain('script');
  });

  it('rejects 10,000-character strings in every field with a Vietnamese error naming it', () => {
    for (const field of BRIEF_TEXT_FIELDS) {
      const problems = problemsOf(() => renderBriefing({ ...base, brief: field.set(bacKanTeachersDay, HUGE) }));
      expect(problems.map((p) => p.path), field.path).toEqual([`brief.${field.path}`]);
      expect(problems[0]!.message).toContain('dài 10.000 ký tự');
    }
    const problems = problemsOf(() =>
      renderBriefing({
        ...base,
        recipient: { name: HUGE, outlet: HUGE, email: HUGE },
        pressContact: { name: HUGE, role: HUGE, phone: HUGE, email: HUGE },
        postUrl: HUGE,
        unsubscribeUrl: HUGE,
        infographic: { ...base.infographic!, alt: HUGE },
      }),
    );
    expect(problems.map((p) => p.path).sort()).toEqual([
      'infographic.alt',
      'postUrl',
      'pressContact.email',
      'pressContact.name',
      'pressContact.phone',
      'pressContact.role',
      'recipient.email',
      'recipient.name',
      'recipient.outlet',
      'unsubscribeUrl',
    ]);
    expect(problems.find((p) => p.path === 'pressContact.phone')!.message).toBe('Số điện thoại dài 10.000 ký tự, vượt giới hạn 30 ký tự. Hãy rút gọn.');
  });

  it('rejects addresses, URLs, phone numbers, embargo times and attachment names that could be abused', () => {
    const problems = problemsOf(() =>
      renderBriefing({
        ...base,
        recipient: { ...base.recipient, email: 'duc@example.org\r\nBcc: evil@example.com' },
        pressContact: { ...base.pressContact, email: '"x"@example.org', phone: '<a>0209</a>' },
        postUrl: 'javascript:alert(1)',
        unsubscribeUrl: 'mailto:x@example.org',
        embargoUntil: '20/11/2026 8 giờ',
        infographic: { ...base.infographic!, filename: '../../etc/passwd', cid: 'x>"<' },
      }),
    );
    expect(problems.map((p) => p.path).sort()).toEqual([
      'embargoUntil',
      'infographic.cid',
      'infographic.filename',
      'postUrl',
      'pressContact.email',
      'pressContact.phone',
      'recipient.email',
      'unsubscribeUrl',
    ]);
    expect(problems.find((p) => p.path === 'postUrl')!.message).toBe('Địa chỉ bài viết phải bắt đầu bằng http:// hoặc https://.');
  });
});
