import { describe, expect, it } from 'vitest';
import { cleanText, stripEmoji } from '../../../domain/text/clean.js';
import { decodeHtmlEntities } from '../../../domain/text/entities.js';

describe('cleanText', () => {
  it('removes C0/C1 controls, turns line breaks and tabs into spaces, collapses whitespace', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    expect(cleanText(`a${controls}b`)).toBe('a b');
    expect(cleanText('a\u0000b\u0007c\u007f\u0085d\u009fe')).toBe('abc de');
    expect(cleanText('  dòng 1\r\ndòng 2\t\tcuối  ')).toBe('dòng 1 dòng 2 cuối');
  });

  it('removes bidi controls, zero-width characters, the soft hyphen, BOM, lone surrogates and noncharacters', () => {
    const s = '\u200Eabc\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u061C\u200B\u200C\u200D\u2060\uFEFFdef';
    expect(cleanText(s)).toBe('abcdef');
    expect(cleanText('Giáo\u00ADdục')).toBe('Giáodục');
    expect(cleanText('x\uD800y\uDC00z')).toBe('xyz');
    expect(cleanText('\uFFFE\uFFFFok\u{10FFFD}')).toBe('ok');
  });

  it('reads a Word manual line break (VT), a page break (FF), LS and PS as line breaks', () => {
    expect(cleanText('dòng một\u000Bdòng hai\u000Cdòng ba\u2028bốn\u2029năm')).toBe('dòng một dòng hai dòng ba bốn năm');
    expect(cleanText('dòng một\u000Bdòng hai\u2029ba', { keepNewlines: true })).toBe('dòng một\ndòng hai\nba');
  });

  it('keeps line breaks on request, trimming each line', () => {
    expect(cleanText(' a \r\n b \r c ', { keepNewlines: true })).toBe('a\nb\nc');
  });

  it('keeps emoji by default, whole ZWJ sequences included', () => {
    expect(cleanText('Chúc mừng 🎉 cô 👩🏽‍🏫')).toBe('Chúc mừng 🎉 cô 👩🏽‍🏫');
  });

  it('removes emoji (with modifiers, ZWJ sequences, keycaps and flags) on request', () => {
    expect(cleanText('Chúc mừng 🎉👩🏽‍🏫 ngày 20/11 🇻🇳❤️ ☀️ ✅', { stripEmoji: true })).toBe('Chúc mừng ngày 20/11');
    expect(cleanText('Bước 1️⃣', { stripEmoji: true })).toBe('Bước 1');
  });

  it('keeps ©, ® and ™ and the legal symbols § and № when removing emoji', () => {
    const legal = '© 2026 Sở Giáo dục và Đào tạo; Cổng Dịch vụ công® và VNeID™; § 3, № 12';
    expect(cleanText(legal, { stripEmoji: true })).toBe(legal);
    expect(stripEmoji('©️ ®️ ™️ 🎉')).toBe('© ® ™ ');
  });

  it('normalises to NFC (decomposed Vietnamese becomes precomposed)', () => {
    const decomposed = 'Nghi\u0323 quye\u0302\u0301t'; // "Nghị quyết" typed with combining marks
    expect(cleanText(decomposed)).toBe('Nghị quyết');
    expect(cleanText(decomposed).length).toBe('Nghị quyết'.length);
  });

  it('never throws on non-strings', () => {
    expect(cleanText(undefined)).toBe('');
    expect(cleanText(42)).toBe('');
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes named and numeric references, twice at most, and leaves unknown names', () => {
    expect(decodeHtmlEntities('Gi&aacute;o d&#7909;c &amp; &#x110;&agrave;o t&#x1EA1;o')).toBe('Giáo dục & Đào tạo');
    expect(decodeHtmlEntities('&amp;aacute;')).toBe('á');
    expect(decodeHtmlEntities('&amp;amp;amp;')).toBe('&amp;');
    expect(decodeHtmlEntities('&khongco; &#0;')).toBe('&khongco; ');
  });
});
