/**
 * Renders every template with real plan content and reads the headline back with OCR
 * (tesseract + Vietnamese data). Character error rate must stay under 5%. Requires Debian
 * `tesseract-ocr` and `tesseract-ocr-vie`; without them this test fails, it never skips.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from '../../../render/sharp.js';
import { renderInfographic } from '../../../channels/infographic/render/render.js';
import { TEMPLATE_NAMES } from '../../../channels/infographic/render/templates.js';
import { langSonTask2, langSonTeachersDay } from '../../fixtures/briefs.js';

const run = promisify(execFile);

const normalise = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Levenshtein distance over code points. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** Character error rate of `actual` against `expected`, after NFC and whitespace normalisation. */
function cer(actual: string, expected: string): number {
  const e = normalise(expected);
  return distance(normalise(actual), e) / [...e].length;
}

let dir = '';

beforeAll(async () => {
  try {
    const { stdout } = await run('tesseract', ['--list-langs']);
    if (!/^vie$/m.test(stdout)) throw new Error('no vie');
  } catch {
    throw new Error(
      'Kiểm thử OCR cần tesseract với dữ liệu tiếng Việt: hãy cài "tesseract-ocr" và "tesseract-ocr-vie" ' +
        '(apt-get install -y tesseract-ocr tesseract-ocr-vie).',
    );
  }
  dir = await mkdtemp(join(tmpdir(), 'ocr-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('OCR reads the headline back', () => {
  it('computes CER as expected', () => {
    expect(cer('Nghị quyết', 'Nghị quyết')).toBe(0);
    expect(cer('Nghi quyết', 'Nghị quyết')).toBeCloseTo(0.1);
  });

  for (const brief of [langSonTeachersDay, langSonTask2]) {
    for (const template of TEMPLATE_NAMES) {
      it(`${template}: ${brief.taskId ?? 'plan'}`, async () => {
        const r = await renderInfographic(brief, template, { formats: ['png'] });
        const lines = r.layout.filter((l) => l.field === 'headline');
        expect(lines.length).toBeGreaterThan(0);
        const pad = 16;
        const left = Math.max(0, Math.floor(Math.min(...lines.map((l) => l.x)) - pad));
        const top = Math.max(0, Math.floor(Math.min(...lines.map((l) => l.y)) - pad));
        const right = Math.min(r.width, Math.ceil(Math.max(...lines.map((l) => l.x + l.width)) + pad));
        const bottom = Math.min(r.height, Math.ceil(Math.max(...lines.map((l) => l.y + l.height)) + pad));
        const file = join(dir, `${template}-${brief.taskId ?? 'plan'}.png`);
        // Tesseract reads best at a moderate size: scale so the headline is about 36 px, binarise.
        const scale = 36 / lines[0]!.fontSize;
        const crop = await sharp(r.png)
          .extract({ left, top, width: right - left, height: bottom - top })
          .greyscale()
          .resize({ width: Math.round((right - left) * scale) })
          .threshold(160)
          .png()
          .toBuffer();
        await writeFile(file, crop);
        const { stdout } = await run('tesseract', [file, 'stdout', '-l', 'vie', '--psm', '6']);
        const rate = cer(stdout, brief.headline);
        if (process.env.OCR_VERBOSE) console.log(template, rate.toFixed(4), normalise(stdout));
        expect(rate, `OCR: "${normalise(stdout)}"\nexpected: "${brief.headline}"`).toBeLessThan(0.05);
      });
    }
  }
});

describe('OCR reads a target bound on the targets infographic', () => {
  it('"TỐI THIỂU" stands above "70%"', async () => {
    const r = await renderInfographic(langSonTeachersDay, 'targets', { formats: ['png'] });
    const lines = r.layout.filter((l) => l.field === 'figures[2].bound' || l.field === 'figures[2].value');
    expect(lines.map((l) => l.text)).toEqual(['TỐI THIỂU', '70%']);
    const pad = 12;
    const left = Math.max(0, Math.floor(Math.min(...lines.map((l) => l.x)) - pad));
    const top = Math.max(0, Math.floor(Math.min(...lines.map((l) => l.y)) - pad));
    const right = Math.min(r.width, Math.ceil(Math.max(...lines.map((l) => l.x + l.width)) + pad));
    const bottom = Math.min(r.height, Math.ceil(Math.max(...lines.map((l) => l.y + l.height)) + pad));
    const file = join(dir, 'targets-bound.png');
    const crop = await sharp(r.png)
      .extract({ left, top, width: right - left, height: bottom - top })
      .greyscale()
      .resize({ width: (right - left) * 2 })
      .threshold(160)
      .png()
      .toBuffer();
    await writeFile(file, crop);
    const { stdout } = await run('tesseract', [file, 'stdout', '-l', 'vie', '--psm', '6']);
    const read = normalise(stdout).split(' ');
    expect(cer(read.slice(0, 2).join(' '), 'TỐI THIỂU'), `OCR: "${normalise(stdout)}"`).toBeLessThan(0.2);
    expect(normalise(stdout), `OCR: "${normalise(stdout)}"`).toMatch(/7[0O]\s?%$/); // tesseract may read the digit 0 as the letter O
  });
});
