import { describe, expect, it } from 'vitest';
import { escapeXml, safeSvgText, sanitizeText } from '../../../render/sanitize.js';

describe('sanitizeText', () => {
  it('removes C0/C1 controls, turns line breaks and tabs into spaces, collapses whitespace', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    expect(sanitizeText(`a${controls}b`)).toBe('a b');
    expect(sanitizeText('a\u0000b\u0007c\u007f\u0085d\u009fe')).toBe('abc de');
    expect(sanitizeText('  dòng 1\r\ndòng 2\t\tcuối  ')).toBe('dòng 1 dòng 2 cuối');
  });

  it('removes bidi controls, zero-width characters, BOM and lone surrogates', () => {
    const s = '\u200Eabc\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u061C\u200B\uFEFFdef';
    expect(sanitizeText(s)).toBe('abcdef');
    expect(sanitizeText('x\uD800y\uDC00z')).toBe('xyz');
    expect(sanitizeText('\uFFFE\uFFFFok')).toBe('ok');
  });

  it('removes emoji (with modifiers, ZWJ sequences and flags) unless asked to keep them', () => {
    expect(sanitizeText('Chúc mừng 🎉👩🏽‍🏫 ngày 20/11 🇻🇳❤️')).toBe('Chúc mừng ngày 20/11');
    expect(sanitizeText('a 🎉 b', { stripEmoji: false })).toBe('a 🎉 b');
  });

  it('normalises to NFC (decomposed Vietnamese becomes precomposed)', () => {
    const decomposed = 'Nghi\u0323 quye\u0302\u0301t'; // "Nghị quyết" typed with combining marks
    expect(sanitizeText(decomposed)).toBe('Nghị quyết');
    expect(sanitizeText(decomposed).length).toBe('Nghị quyết'.length);
  });

  it('keeps line breaks on request', () => {
    expect(sanitizeText(' a \r\n b ', { keepNewlines: true })).toBe('a\nb');
  });

  it('never throws on non-strings', () => {
    expect(sanitizeText(undefined)).toBe('');
    expect(sanitizeText(42)).toBe('');
  });
});

describe('escapeXml', () => {
  it('escapes markup characters so text can never become markup', () => {
    expect(escapeXml(`& < > " ' ]]>`)).toBe('&amp; &lt; &gt; &quot; &apos; ]]&gt;');
    expect(safeSvgText('<script>alert("x")</script>\u0000')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});
