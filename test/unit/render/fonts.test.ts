import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_WEIGHTS, FONTCONFIG_FILE, fontHasGlyph, fontPath, measureText } from '../../../render/fonts.js';

describe('shipped fonts', () => {
  it('points fontconfig at a private fonts.conf listing only the shipped font folders', () => {
    expect(process.env.FONTCONFIG_FILE).toBe(FONTCONFIG_FILE);
    const conf = readFileSync(FONTCONFIG_FILE, 'utf8');
    for (const w of FONT_WEIGHTS) {
      expect(existsSync(fontPath(w))).toBe(true);
      expect(conf).toContain(`<dir>${dirname(fontPath(w))}</dir>`);
    }
    expect(conf).toMatch(/<cachedir>[^<]+<\/cachedir>/);
    expect(conf).not.toContain('/usr/share/fonts');
  });

  it('covers Vietnamese', () => {
    for (const ch of 'ĂÂĐÊÔƠƯăâđêôơưẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ…–') {
      expect(fontHasGlyph(ch.codePointAt(0)!), ch).toBe(true);
    }
  });

  it('measures with kerning, scales linearly with size, heavier weights are wider', () => {
    const a = measureText('A', { weight: 400, size: 100 });
    const v = measureText('V', { weight: 400, size: 100 });
    expect(measureText('AV', { weight: 400, size: 100 })).toBeLessThan(a + v);
    const text = 'Nghị quyết số 71-NQ/TW';
    expect(measureText(text, { weight: 700, size: 40 })).toBeCloseTo(2 * measureText(text, { weight: 700, size: 20 }), 6);
    expect(measureText(text, { weight: 800, size: 40 })).toBeGreaterThan(measureText(text, { weight: 400, size: 40 }));
    expect(measureText('abc', { weight: 400, size: 40, letterSpacing: 2 })).toBeCloseTo(measureText('abc', { weight: 400, size: 40 }) + 6, 6);
  });
});
