/**
 * Print files on every shipped plan at several occasions, checked with poppler-utils as a print
 * shop would: page = trimmed size + 3 mm bleed on each side (pdfinfo -box), every font embedded
 * as a subset with a Unicode map (pdffonts), no raster image at all (pdfimages -list: text and
 * shapes are vector, so any print resolution holds), and the text readable back with its
 * diacritics and the plan's figures with their bounds (pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printFiles } from '../../../channels/print/files.js';
import sharp from '../../../render/sharp.js';
import { formatFigureValue } from '../../../domain/numbers.js';
import { withBound } from '../../../domain/plan/bounds.js';
import { briefFor } from '../../../infra/briefs.js';
import { BLEED_MM, PRINT_SIZES, renderPrintPdf, PrintTextTooLongError } from '../../../render/print/poster.js';

const work = mkdtempSync(path.join(tmpdir(), 'print-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const PLANS = ['phuong-bac-kan-2026', 'lang-son-62-kh-ubnd-2026', 'quang-ngai-2026'];
const OCCASIONS = [
  ['ngay-nha-giao-20-11', '20/11/2026'],
  ['khai-giang-5-9', '05/09/2026'],
  ['nghi-quyet-71-22-8', '22/08/2026'],
] as const;
const NOW = new Date('2026-06-01T00:00:00+07:00');
const PT = 72 / 25.4;
const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe.each(PLANS)('print files of %s', (planId) => {
  it.each(OCCASIONS)('at %s: A3, A1 and pano with bleed, embedded vector text, no raster', async (occasionId, date) => {
    const { brief } = await briefFor({ planId, occasionId, date, now: NOW });
    const made = await printFiles(brief);
    expect(made.problems).toEqual([]);
    const pdfs = made.files.filter((f) => f.contentType === 'application/pdf');
    expect(pdfs.map((f) => f.name)).toEqual(['ap-phich-a3.pdf', 'ap-phich-a1.pdf', 'pano-3x1.pdf']);
    for (const [f, format] of pdfs.map((f, i) => [f, (['a3', 'a1', 'pano'] as const)[i]!] as const)) {
      const file = path.join(work, `${planId}-${occasionId}-${f.name}`);
      writeFileSync(file, f.body);
      const info = run('pdfinfo', '-box', file);
      const size = PRINT_SIZES[format];
      const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map(Number);
      expect(w).toBeCloseTo((size.width + 2 * BLEED_MM) * PT, 1);
      expect(h).toBeCloseTo((size.height + 2 * BLEED_MM) * PT, 1);
      const trim = /TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(info)!.slice(1).map(Number);
      expect(trim[0]).toBeCloseTo(BLEED_MM * PT, 1);
      expect(trim[2]! - trim[0]!).toBeCloseTo(size.width * PT, 1);
      expect(trim[3]! - trim[1]!).toBeCloseTo(size.height * PT, 1);
      const fonts = run('pdffonts', file).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+BeVietnamPro-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      expect(run('pdfimages', '-list', file).trim().split('\n').slice(2)).toEqual([]);
      const text = run('pdftotext', file, '-').replace(/\s+/g, ' ');
      expect(text).toContain(brief.issuer.toLocaleUpperCase('vi'));
      for (const word of brief.headline.split(' ')) expect(text).toContain(word);
      for (const fig of brief.figures.slice(0, 3)) expect(text).toContain(withBound(fig, formatFigureValue(fig)));
    }
  });
});

describe('print preview', () => {
  it('shows each print file as a picture drawn from the file itself, in its own proportions, linked to the PDF', async () => {
    const { brief } = await briefFor({ planId: 'lang-son-62-kh-ubnd-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: NOW });
    const made = await printFiles(brief);
    const preview = String(made.files.find((f) => f.name === 'preview.html')!.body);
    for (const [pdf, format] of [['ap-phich-a3.pdf', 'a3'], ['ap-phich-a1.pdf', 'a1'], ['pano-3x1.pdf', 'pano']] as const) {
      const png = made.files.find((f) => f.name === pdf.replace('.pdf', '.png'));
      expect(png?.contentType, pdf).toBe('image/png');
      const meta = await sharp(png!.body as Buffer).metadata();
      const size = PRINT_SIZES[format];
      // The page drawn with its bleed: the picture has the print file's proportions.
      const ratio = (size.width + 2 * BLEED_MM) / (size.height + 2 * BLEED_MM);
      // Within a pixel of rounding.
      expect(Math.abs(meta.width! / meta.height! - ratio) / ratio).toBeLessThan(0.01);
      expect(Math.max(meta.width!, meta.height!)).toBe(900);
      expect(preview).toContain(`<img src="${pdf.replace('.pdf', '.png')}" alt="${size.label}: ${brief.headline}">`);
      expect(preview).toContain(`<a href="${pdf}">`);
    }
    expect(made.summary).toMatch(/^3 tệp PDF in ấn/);
  });
});

describe('print text limits', () => {
  it('a headline that cannot fit four lines at the smallest size is refused, naming the field', async () => {
    const { brief } = await briefFor({ planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: NOW });
    const long = { ...brief, headline: 'Đẩy mạnh truyền thông giáo dục và đào tạo '.repeat(12).trim() };
    expect(() => renderPrintPdf(long, 'a3')).toThrow(PrintTextTooLongError);
    expect((await printFiles(long)).problems).toContain('Áp phích A3 (297 × 420 mm): Tiêu đề quá dài cho bản in (tối đa 4 dòng); hãy rút gọn.');
  });
});
