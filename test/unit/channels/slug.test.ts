import { describe, expect, it } from 'vitest';
import { FALLBACK_SLUG, MAX_SLUG_LENGTH, isSafeId, isSafeSlug, ownedSlug, slugify, uniqueSlug } from '../../../domain/slug.js';

describe('slugify', () => {
  it('removes Vietnamese diacritics, including đ and Đ', () => {
    expect(slugify('Ngày Nhà giáo Việt Nam 20/11')).toBe('ngay-nha-giao-viet-nam-20-11');
    expect(slugify('Đẩy mạnh truyền thông về đột phá phát triển giáo dục và đào tạo')).toBe('day-manh-truyen-thong-ve-dot-pha-phat-trien-giao-duc-va-dao-tao');
    expect(slugify('Ủy ban nhân dân phường Bắc Kạn: “Bình dân học vụ số”')).toBe('uy-ban-nhan-dan-phuong-bac-kan-binh-dan-hoc-vu-so');
    expect(slugify('Quảng Ngãi – Lễ khai giảng năm học 2026–2027!')).toBe('quang-ngai-le-khai-giang-nam-hoc-2026-2027');
  });

  it('reads Ð/ð (U+00D0/U+00F0, left by conversions from old Vietnamese encodings) as Đ/đ', () => {
    expect(slugify('\u00D0ẩy mạnh \u00F0ổi mới')).toBe(slugify('Đẩy mạnh đổi mới'));
    expect(slugify('\u00D0ẩy mạnh \u00F0ổi mới')).toBe('day-manh-doi-moi');
  });

  it('handles decomposed (NFD) input the same as composed input', () => {
    const composed = 'Nghị quyết số 71-NQ/TW';
    expect(slugify(composed.normalize('NFD'))).toBe(slugify(composed));
    expect(slugify(composed)).toBe('nghi-quyet-so-71-nq-tw');
  });

  it('keeps only [a-z0-9-], collapses dashes and trims them', () => {
    const s = slugify('  <script>alert("x")</script> && ../../etc/passwd \u0000 ');
    expect(s).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(s).toBe('script-alert-x-script-etc-passwd');
  });

  it('cuts long titles at a word boundary, at most MAX_SLUG_LENGTH characters', () => {
    const title =
      'Triển khai thực hiện Quyết định số 157/QĐ-TTg ngày 20/01/2026 của Thủ tướng Chính phủ ban hành Kế hoạch đẩy mạnh công tác truyền thông thực hiện Nghị quyết số 71-NQ/TW';
    const s = slugify(title);
    expect(s.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(s.endsWith('-')).toBe(false);
    // A word boundary: what follows the cut in the full slug is a dash.
    const full = 'trien-khai-thuc-hien-quyet-dinh-so-157-qd-ttg-ngay-20-01-2026-cua-thu-tuong-chinh-phu-ban-hanh-ke-hoach';
    expect(full.startsWith(s)).toBe(true);
    expect(full.charAt(s.length)).toBe('-');
  });

  it('cuts a single over-long word hard', () => {
    expect(slugify('a'.repeat(10_000))).toBe('a'.repeat(MAX_SLUG_LENGTH));
  });

  it('falls back when nothing usable is left', () => {
    expect(slugify('!!! ??? …')).toBe(FALLBACK_SLUG);
    expect(slugify('')).toBe(FALLBACK_SLUG);
  });
});

describe('uniqueSlug', () => {
  it('appends -2, -3 … on collision', () => {
    const taken = new Set(['ngay-nha-giao-viet-nam', 'ngay-nha-giao-viet-nam-2']);
    expect(uniqueSlug('ngay-nha-giao-viet-nam', new Set())).toBe('ngay-nha-giao-viet-nam');
    expect(uniqueSlug('ngay-nha-giao-viet-nam', taken)).toBe('ngay-nha-giao-viet-nam-3');
  });

  it('stays within the length limit when adding a suffix', () => {
    const base = slugify('x'.repeat(200));
    const s = uniqueSlug(base, new Set([base]));
    expect(s.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(s.endsWith('-2')).toBe(true);
    expect(isSafeSlug(s)).toBe(true);
  });

  it('slugifies a base that is not a slug yet', () => {
    expect(uniqueSlug('Ngày Nhà giáo', new Set(['ngay-nha-giao']))).toBe('ngay-nha-giao-2');
  });
});

describe('ownedSlug', () => {
  it('is stable per owner, different between owners, safe and within the limit', () => {
    const a = ownedSlug('ngay-nha-giao-viet-nam', 'campaign-a');
    expect(a).toMatch(/^ngay-nha-giao-viet-nam-[a-z0-9]+$/);
    expect(ownedSlug('ngay-nha-giao-viet-nam', 'campaign-a')).toBe(a);
    expect(ownedSlug('ngay-nha-giao-viet-nam', 'campaign-b')).not.toBe(a);
    const long = ownedSlug('x'.repeat(200), 'campaign-a');
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(isSafeSlug(long)).toBe(true);
  });
});

describe('isSafeSlug / isSafeId', () => {
  it('accepts what slugify produces and nothing else', () => {
    expect(isSafeSlug('ngay-nha-giao-viet-nam-20-11')).toBe(true);
    for (const bad of ['', '..', '../x', 'a/b', 'a%2Fb', 'a..b', 'A', 'a b', '-a', 'a-', 'a--b', 'a.png', 'x'.repeat(81), 'ngày']) {
      expect(isSafeSlug(bad), bad).toBe(false);
    }
    expect(isSafeSlug(undefined)).toBe(false);
  });

  it('ids allow single inner dots but no traversal or header characters', () => {
    expect(isSafeId('campaign-lang-son-62-kh-ubnd-2026-ngay-nha-giao-2026')).toBe(true);
    expect(isSafeId('c.v2_x')).toBe(true);
    for (const bad of ['', '..', 'a..b', '.a', 'a.', 'a/b', 'a@b', 'a>b', 'a b', 'x'.repeat(201)]) expect(isSafeId(bad), bad).toBe(false);
  });
});
