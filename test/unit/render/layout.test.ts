import { describe, expect, it } from 'vitest';
import { measureText, type TextMeasurer } from '../../../render/fonts.js';
import { layoutList, layoutText, TextTooLongError, type TextBoxSpec } from '../../../render/layout.js';

/** Every character is 0.5 em wide: easy to reason about. */
const mono: TextMeasurer = (text, font) => [...text].length * font.size * 0.5;
const ctx = { measure: mono, template: 'poster' };

const box = (over: Partial<TextBoxSpec> = {}): TextBoxSpec => ({
  field: 'headline',
  x: 100,
  y: 200,
  width: 400,
  maxLines: 3,
  maxSize: 40,
  minSize: 20,
  weight: 700,
  ...over,
});

const HEADLINE =
  'Đẩy mạnh truyền thông thực hiện Nghị quyết số 71-NQ/TW về đột phá phát triển giáo dục và đào tạo';

describe('layoutText', () => {
  it('keeps text at the largest size when it fits on one line', () => {
    const block = layoutText('Chào năm học mới', box(), ctx);
    expect(block.fontSize).toBe(40);
    expect(block.lines.map((l) => l.text)).toEqual(['Chào năm học mới']);
    expect(block.truncated).toBe(false);
  });

  it('wraps by measured width and keeps every line inside the box', () => {
    const block = layoutText(HEADLINE, box({ maxLines: 6 }), { ...ctx, measure: measureText });
    expect(block.lines.length).toBeGreaterThan(1);
    for (const l of block.lines) {
      expect(l.width).toBeLessThanOrEqual(400 + 1e-6);
      expect(l.x).toBeGreaterThanOrEqual(100 - 1e-6);
      expect(l.x + l.width).toBeLessThanOrEqual(500 + 1e-6);
    }
    expect(block.lines.map((l) => l.text).join(' ')).toBe(HEADLINE);
  });

  it('shrinks between maxSize and minSize until the text fits maxLines', () => {
    const text = 'a'.repeat(20) + ' ' + 'b'.repeat(20) + ' ' + 'c'.repeat(20) + ' ' + 'd'.repeat(20);
    // 20 chars at size s are 10·s wide: two per line needs 20.5·s ≤ 400 → s ≤ 19.5; one per line s ≤ 40.
    const block = layoutText(text, box({ maxLines: 4 }), ctx);
    expect(block.fontSize).toBe(40);
    expect(block.lines).toHaveLength(4);
    const smaller = layoutText(text, box({ maxLines: 2, minSize: 10 }), ctx);
    expect(smaller.lines).toHaveLength(2);
    expect(smaller.fontSize).toBeLessThanOrEqual(19.5);
    expect(smaller.fontSize).toBeGreaterThanOrEqual(18);
  });

  it('never breaks document symbols, dates or percentages', () => {
    const symbols = ['71-NQ/TW', '62/KH-UBND', '157/QĐ-TTg', '39/2020/TT-BTTTT', '02-CTr/TU', '20/11/2026', '100%', '2026–2030'];
    const text = `Thực hiện ${symbols.join(' và ')} theo kế hoạch`;
    for (const width of [200, 240, 300, 360, 420]) {
      const block = layoutText(text, box({ width, maxLines: 20, maxSize: 20, minSize: 20 }), ctx);
      const lines = block.lines.map((l) => l.text);
      for (const s of symbols) expect(lines.some((l) => l.includes(s)), `${s} at width ${width}: ${lines.join(' | ')}`).toBe(true);
    }
  });

  it('keeps "số" with the number after it', () => {
    const block = layoutText('Nghị quyết số 71-NQ/TW', box({ width: 150, maxLines: 3, maxSize: 20, minSize: 20 }), ctx);
    expect(block.lines.map((l) => l.text)).toEqual(['Nghị quyết', 'số 71-NQ/TW']);
  });

  it('throws TextTooLongError naming the field, its length, lines and smallest size', () => {
    const long = 'chữ '.repeat(103).trim();
    try {
      layoutText(long, box({ maxLines: 3, minSize: 44, maxSize: 60 }), ctx);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TextTooLongError);
      const err = e as TextTooLongError;
      expect(err.field).toBe('headline');
      expect(err.length).toBe(long.length);
      expect(err.maxLines).toBe(3);
      expect(err.message).toBe(
        `Trường "headline" dài ${long.length} ký tự, không vừa 3 dòng ở cỡ chữ nhỏ nhất 44px của mẫu "poster"`,
      );
    }
  });

  it('throws when a symbol alone is wider than the box at the smallest size', () => {
    expect(() => layoutText('157/QĐ-TTg', box({ width: 50, maxLines: 3 }), ctx)).toThrow(TextTooLongError);
  });

  it('truncates with an ellipsis where the template allows it, and says so', () => {
    const long = 'một hai ba bốn năm sáu bảy tám chín mười '.repeat(20);
    const block = layoutText(long, box({ maxLines: 2, ellipsis: true }), ctx);
    expect(block.truncated).toBe(true);
    expect(block.lines).toHaveLength(2);
    expect(block.fontSize).toBe(20);
    expect(block.lines[1]?.text.endsWith('…')).toBe(true);
    for (const l of block.lines) expect(l.width).toBeLessThanOrEqual(400);
  });

  it('hard-breaks a plain word longer than a line, and cuts a 10,000-character word with ellipsis', () => {
    const word = 'x'.repeat(10_000);
    expect(() => layoutText(word, box(), ctx)).toThrow(TextTooLongError);
    const block = layoutText(word, box({ ellipsis: true }), ctx);
    expect(block.lines).toHaveLength(3);
    expect(block.truncated).toBe(true);
    for (const l of block.lines) expect(l.width).toBeLessThanOrEqual(400);
  });

  it('never drops text: a long word after short ones still counts all its lines', () => {
    const text = `a b c d e f ${'y'.repeat(200)}`;
    expect(() => layoutText(text, box({ maxLines: 3 }), ctx)).toThrow(TextTooLongError);
    const wide = layoutText(text, box({ maxLines: 20, maxSize: 20, minSize: 20 }), ctx);
    expect(wide.lines.map((l) => l.text).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });

  it('aligns centred lines around the box centre and reports baselines inside line boxes', () => {
    const block = layoutText('abc', box({ align: 'middle', valign: 'middle', height: 100, maxLines: 1 }), ctx);
    const line = block.lines[0]!;
    expect(line.anchor).toBe('middle');
    expect(line.anchorX).toBe(300);
    expect(line.x + line.width / 2).toBeCloseTo(300);
    expect(line.y).toBeGreaterThanOrEqual(200);
    expect(line.y + line.height).toBeLessThanOrEqual(300);
    expect(line.baseline).toBeGreaterThan(line.y);
    expect(line.baseline).toBeLessThan(line.y + line.height);
  });

  it('balances lines without breaking inside a compound when it can', () => {
    const block = layoutText(HEADLINE, box({ width: 900, maxLines: 4, maxSize: 60, minSize: 40, balance: true }), {
      ...ctx,
      measure: measureText,
    });
    const texts = block.lines.map((l) => l.text);
    expect(texts.join(' ')).toBe(HEADLINE);
    for (const [i, l] of texts.entries()) {
      if (i === 0) continue;
      const prev = texts[i - 1]!;
      expect(`${prev.split(' ').pop()} ${l.split(' ')[0]}`).not.toMatch(/^(giáo dục|đào tạo|phát triển|Nghị quyết)$/);
    }
  });
});

describe('layoutList', () => {
  const list = { field: 'keyMessages', x: 0, y: 0, width: 400, height: 300, maxItems: 3, maxLines: 2, maxSize: 30, minSize: 20, weight: 400 as const };

  it('lays items out at one shared size, stacked without overlap', () => {
    const out = layoutList(['một hai ba bốn năm sáu bảy tám chín mười', 'ngắn', 'vừa phải thôi'], list, ctx);
    expect(out.items).toHaveLength(3);
    const sizes = new Set(out.items.map((i) => i.fontSize));
    expect(sizes.size).toBe(1);
    for (let i = 1; i < out.items.length; i++) {
      const prev = out.items[i - 1]!;
      expect(out.items[i]!.top).toBeGreaterThanOrEqual(prev.top + prev.height);
    }
    const last = out.items[2]!;
    expect(last.top + last.height).toBeLessThanOrEqual(300);
  });

  it('leaves out items beyond maxItems and reports truncation', () => {
    const out = layoutList(['a', 'b', 'c', 'd', 'e'], list, ctx);
    expect(out.items).toHaveLength(3);
    expect(out.omitted).toBe(2);
    expect(out.truncated).toBe(true);
  });

  it('names the item that cannot fit', () => {
    const long = 'chữ '.repeat(80);
    expect(() => layoutList(['ngắn', long], list, ctx)).toThrow(/Trường "keyMessages\[1\]"/);
  });
});
