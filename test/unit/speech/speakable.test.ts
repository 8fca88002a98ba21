import { describe, expect, it } from 'vitest';
import { assertSpeakable, findUnspeakable, isPlausibleSyllable, looksLikeAcronym, UnspeakableTextError } from '../../../domain/speech/speakable.js';

describe('findUnspeakable', () => {
  it('is empty for words, punctuation and quotes', () => {
    expect(findUnspeakable('Kính thưa bà con! “Sáu rõ”: rõ người, rõ việc… Văn hóa - Xã hội.')).toEqual([]);
  });

  it('reports digits, slashes and symbols, each once, in order', () => {
    expect(findUnspeakable('Có 5 xã, 5 xã; xã/phường; 100%; a & b; <b>; #tag')).toEqual(['5', 'xã/phường', '100%', '&', '<b>', '#tag']);
  });

  it('reports abbreviations from the table and acronym-like tokens', () => {
    expect(findUnspeakable('UBND phường, Sở GD&ĐT, TTg, CTr, XYZ, VH-XH, ĐMST.')).toEqual(['UBND', 'GD&ĐT', 'TTg', 'CTr', 'XYZ', 'VH-XH', 'ĐMST']);
  });

  it('reports abbreviations that are also syllables (AI, TU) and "v.v."', () => {
    expect(findUnspeakable('Chatbot AI, TU và v.v.')).toEqual(['AI', 'TU', 'v.v']);
  });

  it('accepts all-caps Vietnamese words (headings)', () => {
    expect(findUnspeakable('KẾ HOẠCH TRUYỀN THÔNG NGHỊ QUYẾT ĐỒNG THUẬN')).toEqual([]);
  });

  it('reports web and mail addresses', () => {
    expect(findUnspeakable('Xem www.example.org hoặc ban@example.org')).toEqual(['www.example.org', 'ban@example.org']);
  });
});

describe('syllables and acronyms', () => {
  it.each(['KẾ', 'HOẠCH', 'NGHIÊNG', 'NGƯỜI', 'KHUYẾN', 'QUYẾT', 'GIỜ', 'ĐỒNG', 'TRUYỀN'])('%s is a syllable', (w) => {
    expect(isPlausibleSyllable(w)).toBe(true);
    expect(looksLikeAcronym(w)).toBe(false);
  });

  it.each(['UBND', 'HĐND', 'VT', 'TW', 'THPT', 'KHCN', 'CĐS', 'TTg'])('%s looks like an acronym', (w) => {
    expect(looksLikeAcronym(w)).toBe(true);
  });

  it('does not take capitalised words for acronyms', () => {
    expect(looksLikeAcronym('YouTube')).toBe(false);
    expect(looksLikeAcronym('Đài')).toBe(false);
  });
});

describe('assertSpeakable', () => {
  it('passes speakable text', () => {
    expect(() => assertSpeakable('Cảm ơn bà con đã lắng nghe.')).not.toThrow();
  });

  it('throws a Vietnamese error naming what remains', () => {
    try {
      assertSpeakable('Ngày 20/11 UBND phường');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UnspeakableTextError);
      expect((err as UnspeakableTextError).tokens).toEqual(['20/11', 'UBND']);
      expect((err as Error).message).toContain('không đọc được thành lời: "20/11", "UBND"');
    }
  });
});
