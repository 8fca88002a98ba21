import { describe, expect, it } from 'vitest';
import { digitsToWords, monthToWords, numberToWords, ordinalToWords, readNumberString } from '../../../domain/speech/number-words.js';

describe('numberToWords', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [31, 'ba mươi mốt'],
    [55, 'năm mươi lăm'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [500, 'năm trăm'],
    [1_000, 'một nghìn'],
    [1_005, 'một nghìn không trăm linh năm'],
    [1_010, 'một nghìn không trăm mười'],
    [2_005, 'hai nghìn không trăm linh năm'],
    [2_026, 'hai nghìn không trăm hai mươi sáu'],
    [10_000, 'mười nghìn'],
    [15_000, 'mười lăm nghìn'],
    [21_000, 'hai mươi mốt nghìn'],
    [100_000, 'một trăm nghìn'],
    [1_000_000, 'một triệu'],
    [1_000_005, 'một triệu không trăm linh năm'],
    [1_000_100, 'một triệu một trăm'],
    [2_500_000, 'hai triệu năm trăm nghìn'],
    [1_000_000_000, 'một tỷ'],
    [123_456_789_012, 'một trăm hai mươi ba tỷ bốn trăm năm mươi sáu triệu bảy trăm tám mươi chín nghìn không trăm mười hai'],
    [999_999_999_999, 'chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín'],
    [-5, 'âm năm'],
    [-21, 'âm hai mươi mốt'],
  ])('%i → %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it('accepts bigint', () => {
    expect(numberToWords(2_026n)).toBe('hai nghìn không trăm hai mươi sáu');
  });

  it('rejects non-integers and numbers beyond 999 999 999 999', () => {
    expect(() => numberToWords(3.5)).toThrow(RangeError);
    expect(() => numberToWords(Number.NaN)).toThrow(RangeError);
    expect(() => numberToWords(1_000_000_000_000)).toThrow(RangeError);
    expect(() => numberToWords(1_000_000_000_000n)).toThrow(RangeError);
  });
});

describe('readNumberString (Vietnamese notation)', () => {
  it.each([
    ['1.000', 'một nghìn'],
    ['2.500.000', 'hai triệu năm trăm nghìn'],
    ['3,5', 'ba phẩy năm'],
    ['70,5', 'bảy mươi phẩy năm'],
    ['3,05', 'ba phẩy không năm'],
    ['12,25', 'mười hai phẩy hai mươi lăm'],
    ['01', 'một'],
    ['06', 'sáu'],
    ['001', 'một'],
    ['0912', 'không chín một hai'],
  ])('%s → %s', (raw, words) => {
    expect(readNumberString(raw)).toBe(words);
  });

  it('rejects text that is not a number', () => {
    expect(() => readNumberString('1.00')).toThrow(RangeError);
    expect(() => readNumberString('abc')).toThrow(RangeError);
  });
});

describe('ordinals, months, digits', () => {
  it('reads ordinals after "thứ"', () => {
    expect(ordinalToWords(1)).toBe('nhất');
    expect(ordinalToWords(2)).toBe('hai');
    expect(ordinalToWords(4)).toBe('tư');
    expect(ordinalToWords(14)).toBe('mười bốn');
  });

  it('names months, April as "tư"', () => {
    expect(monthToWords(1)).toBe('một');
    expect(monthToWords(4)).toBe('tư');
    expect(monthToWords(11)).toBe('mười một');
    expect(() => monthToWords(13)).toThrow(RangeError);
  });

  it('reads digit strings one by one', () => {
    expect(digitsToWords('2026')).toBe('hai không hai sáu');
  });
});
