import { describe, expect, it } from 'vitest';
import { BULLETIN_PRIORITY_LABELS, BulletinPriority, isBulletinPriority } from '../../../domain/speech/priority.js';
import { checkFitsSlot, countSyllables, estimateReadingTime, formatDuration } from '../../../domain/speech/reading-time.js';

const words = (n: number) => Array.from({ length: n }, () => 'tiếng').join(' ');

describe('reading time', () => {
  it('counts Vietnamese syllables as space-separated words, ignoring punctuation', () => {
    expect(countSyllables('Kính thưa bà con nhân dân!  Đây là Đài - phường.')).toBe(10);
    expect(countSyllables('')).toBe(0);
  });

  it('reads 200 syllables a minute by default', () => {
    expect(estimateReadingTime(words(200))).toMatchObject({ syllables: 200, sentences: 0, paragraphs: 1, seconds: 60 });
  });

  it('honours a configured speed', () => {
    expect(estimateReadingTime(words(150), { syllablesPerMinute: 150 }).seconds).toBe(60);
    expect(estimateReadingTime(words(100), { syllablesPerMinute: 300 }).seconds).toBe(20);
  });

  it('adds pauses for sentence ends and paragraph breaks', () => {
    const text = `${words(99)} một.\n\n${words(99)} hai!`;
    const t = estimateReadingTime(text);
    expect(t).toMatchObject({ syllables: 200, sentences: 2, paragraphs: 2 });
    expect(t.seconds).toBe(60 + 2 * 0.5 + 1);
    expect(estimateReadingTime(text, { sentencePauseSeconds: 0, paragraphPauseSeconds: 0 }).seconds).toBe(60);
  });

  it('rounds up to whole seconds', () => {
    expect(estimateReadingTime(words(201)).seconds).toBe(61);
  });

  it('rejects a speed that is not positive', () => {
    expect(() => estimateReadingTime('a', { syllablesPerMinute: 0 })).toThrow(RangeError);
    expect(() => estimateReadingTime('a', { sentencePauseSeconds: -1 })).toThrow(RangeError);
  });
});

describe('slot fit', () => {
  it('formats durations in minutes and seconds', () => {
    expect(formatDuration(460)).toBe('7 phút 40 giây');
    expect(formatDuration(300)).toBe('5 phút');
    expect(formatDuration(40)).toBe('40 giây');
  });

  it('accepts a script that fits and says how much time is left', () => {
    expect(checkFitsSlot(300, 5)).toEqual({ ok: true, seconds: 300, slotSeconds: 300, spareSeconds: 0 });
    expect(checkFitsSlot(200, 5)).toMatchObject({ ok: true, spareSeconds: 100 });
  });

  it('says by how much a script is too long', () => {
    const fit = checkFitsSlot(460, 5);
    expect(fit).toMatchObject({ ok: false, overSeconds: 160, slotSeconds: 300 });
    expect(fit.ok ? '' : fit.message).toBe('Kịch bản dài 7 phút 40 giây, vượt khung giờ 5 phút là 2 phút 40 giây');
  });

  it('rejects a slot that is not positive', () => {
    expect(() => checkFitsSlot(10, 0)).toThrow(RangeError);
  });
});

describe('bulletin priority (Thông tư 39/2020/TT-BTTTT)', () => {
  it('has three levels with Vietnamese labels', () => {
    expect(Object.values(BulletinPriority)).toEqual(['normal', 'priority', 'emergency']);
    expect(BULLETIN_PRIORITY_LABELS).toEqual({ normal: 'thông thường', priority: 'ưu tiên', emergency: 'khẩn cấp' });
  });

  it('recognises its values only', () => {
    expect(isBulletinPriority('emergency')).toBe(true);
    expect(isBulletinPriority('urgent')).toBe(false);
    expect(isBulletinPriority('toString')).toBe(false);
    expect(isBulletinPriority(undefined)).toBe(false);
  });
});
