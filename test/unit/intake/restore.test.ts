// Diacritics restoration and OCR repair, always measured on text the model was not trained on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordAccuracy } from '../../../domain/intake/accuracy.js';
import { Restorer } from '../../../domain/intake/restore.js';
import { skeleton } from '../../../domain/intake/vietnamese.js';
import { loadRestorer, syllableList, trainingSources } from '../../../infra/intake/restorer.js';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');
/** The text as a copy that lost every mark would have it. */
const strip = (s: string) => s.replace(/\p{L}+/gu, (w) => (w === w.toUpperCase() ? skeleton(w).toUpperCase() : w[0] !== w[0]!.toLowerCase() ? skeleton(w).charAt(0).toUpperCase() + skeleton(w).slice(1) : skeleton(w)));

describe('restoring seed 000 (OCR, no diacritics) with a model that never saw its plan file', () => {
  const restorer = loadRestorer(['lang-son-62-kh-ubnd-2026.yaml']);

  it('is not trained on the Lạng Sơn plan file', () => {
    expect(trainingSources().map((s) => s.name)).toContain('lang-son-62-kh-ubnd-2026.yaml');
    // The held-out model is built from every other source only.
    const without = trainingSources().filter((s) => s.name !== 'lang-son-62-kh-ubnd-2026.yaml');
    expect(without.some((s) => s.text.includes('Lạng Sơn và hệ thống thông tin cơ sở'))).toBe(false);
  });

  it('mends the words the issue names: "s6" → "số", "Pay manh" → "Đẩy mạnh", "1a" → "là"', () => {
    const out = restorer.restore('Pay manh truyén thong thwe hién Nghi quyet s6 71-NQ/TW; khang dinh gido duc 1a quoc sach hang dau.', { mode: 'unaccented' });
    expect(out.text).toBe('Đẩy mạnh truyền thông thực hiện Nghị quyết số 71-NQ/TW; khẳng định giáo dục là quốc sách hàng đầu.');
  });

  it('gets at least 96 % of the words of the whole seed right, against its accented reference', () => {
    const out = restorer.restore(read('test/fixtures/intake/lang-son-62-ocr.txt'));
    const acc = wordAccuracy(out.text, read('test/fixtures/intake/lang-son-62-reference.txt'));
    expect(acc.total).toBeGreaterThan(1500);
    expect(acc.correct / acc.total).toBeGreaterThanOrEqual(0.96);
    expect(wordAccuracy(read('test/fixtures/intake/lang-son-62-ocr.txt'), read('test/fixtures/intake/lang-son-62-reference.txt')).correct / acc.total).toBeLessThan(0.2);
  });

  it('marks the words it is unsure of, and a word too garbled to read', () => {
    const out = restorer.restore('nang cao nhgfm thtrc, tao su thong nhat', { mode: 'unaccented' });
    const garbled = out.words.find((w) => w.original === 'nhgfm');
    expect(garbled?.low).toBe(true);
    expect(out.words.find((w) => w.original === 'cao')).toMatchObject({ restored: 'cao', low: false });
  });
});

describe('repairing OCR of an accented page', () => {
  const restorer = loadRestorer(['phuong-bac-kan-2026.txt', 'phuong-bac-kan-2026.yaml']);
  const ocr = { mode: 'unaccented', trust: 2.5 } as const;

  it('mends misread letters, symbols and section numbers, and keeps an unaccented word the page has', () => {
    const out = restorer.restore('lII. NHIỆM VỤ VÀ GIẢI PHÁP\n- Giao Trung tâm Dịch vụ tổng hợp phường tham mưu; thực hiện Nghị quyết số 71-NG/TW, Quyết định số 157/GĐ-TTg về đột phú phát triển giáo dục và đòo tạo.', ocr);
    expect(out.text).toBe('III. NHIỆM VỤ VÀ GIẢI PHÁP\n- Giao Trung tâm Dịch vụ tổng hợp phường tham mưu; thực hiện Nghị quyết số 71-NQ/TW, Quyết định số 157/QĐ-TTg về đột phá phát triển giáo dục và đào tạo.');
  });
});

describe('restoring held-out accented text stripped of its marks', () => {
  it('seed 003 without its own text and plan file in training: at least 93 % of words right', () => {
    const text = read('data/intake/corpus/quang-ngai-2026.txt');
    const out = loadRestorer(['quang-ngai-2026.txt', 'quang-ngai-2026.yaml']).restore(strip(text));
    const acc = wordAccuracy(out.text, text);
    expect(acc.correct / acc.total).toBeGreaterThanOrEqual(0.93);
  });

  it('leaves a correctly accented text as it is', () => {
    const text = 'Ủy ban nhân dân phường ban hành Kế hoạch đẩy mạnh công tác truyền thông về chuyển đổi số.';
    const out = loadRestorer().restore(text);
    expect(out.mode).toBe('accented');
    expect(out.text).toBe(text);
  });

  it('learns only from the text it is given: an unseen pair falls back on single words', () => {
    const tiny = new Restorer(syllableList(), ['Đẩy mạnh truyền thông.']);
    expect(tiny.restore('day manh truyen thong', { mode: 'unaccented' }).text).toBe('đẩy mạnh truyền thông');
  });
});
