// A plan scanned to one page: tesseract (-l vie) reads it back, from a .png and from a PDF that
// holds only the page image, and the import finds its tasks and bodies. One page each, to stay fast.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlanDocument } from '../../../infra/intake/import.js';
import { imagesToPdf, textToPageImages } from '../../support/documents.js';

const text = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/intake/ke-hoach-57-xa-mau.txt'), 'utf8');
const pages = await textToPageImages(text);
type Json = Record<string, unknown>;

describe('importing a scanned plan page', () => {
  it('a .png: OCR, then the tasks and the lead body named on the page', { timeout: 180_000 }, async () => {
    expect(pages.length).toBeLessThanOrEqual(2);
    const r = await importPlanDocument(pages[0]!, 'ban-quet.png');
    expect(r.source).toBe('image-ocr');
    expect(r.restoration.applied).toBe(true);
    const tasks = r.draft.plan.tasks as Json[];
    expect(r.draft.plan.number).toBe(21);
    expect(tasks[0]).toMatchObject({ number: 'II.1', leadBody: 'Trung tâm Dịch vụ tổng hợp xã' });
  });

  it('a PDF without a text layer goes through pdftoppm and tesseract', { timeout: 180_000 }, async () => {
    const r = await importPlanDocument(await imagesToPdf(pages), 'ban-quet.pdf');
    expect(r.source).toBe('pdf-ocr');
    const periods = (r.draft.plan.objectives as Json).periods as Json[];
    expect((periods[0]!.targets as Json[]).map((t) => (t.measure as Json | undefined)?.value)).toEqual([80, 50]);
    const tasks = r.draft.plan.tasks as Json[];
    expect(tasks.map((t) => t.number)).toEqual(['II.1', 'II.2']);
    expect(tasks[1]).not.toHaveProperty('leadBody');
    expect(r.flags.find((f) => f.path === 'tasks[1].leadBody')?.provenance).toBe('missing');
  });
});
