// `campaign plans import` on a .txt and on a .docx: a checked draft, the review list in
// Vietnamese, --json with the provenance of every field.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiTextPdf, textToDocx } from '../../support/documents.js';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = path.join(root, 'test/fixtures/intake/ke-hoach-57-xa-mau.txt');
const dir = mkdtempSync(path.join(tmpdir(), 'plan-import-cli-'));

function campaign(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/campaign.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('campaign plans import', () => {
  it('.txt → a valid draft plan file and a Vietnamese list of what to review', () => {
    const out = path.join(dir, 'tu-txt.yaml');
    const r = campaign('plans', 'import', fixture, '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Kế hoạch 21/KH-UBND của UBND xã Minh Họa: 2 nhiệm vụ, 2 chỉ tiêu, 1 chế độ báo cáo.');
    expect(r.out).toContain('CẦN XEM LẠI');
    expect(r.out).toContain('[Văn bản không nêu, để trống] Nhiệm vụ II.2 — cơ quan chủ trì');
    expect(r.out).toContain('[Văn bản không nêu, để trống] Kế hoạch số 12/KH-UBND — ngày ban hành');
    expect(r.out).toContain('Bản nháp hợp lệ theo mẫu tệp kế hoạch.');
    expect(readFileSync(out, 'utf8')).toContain('leadBody: Trung tâm Dịch vụ tổng hợp xã');
    const check = campaign('plans', 'validate', out);
    expect(check.code, check.out).toBe(0);
  });

  it('.docx → the same plan; --json carries each field\'s provenance', async () => {
    const docx = path.join(dir, 'ke-hoach.docx');
    writeFileSync(docx, await textToDocx(readFileSync(fixture, 'utf8')));
    const r = campaign('plans', 'import', docx, '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { source: string; draft: { tasks: { number: string; leadBody?: string }[] }; flags: { path: string; provenance: string }[]; review: { label: string; provenance: string }[] };
    expect(json.source).toBe('docx');
    expect(json.draft.tasks.map((t) => [t.number, t.leadBody ?? null])).toEqual([
      ['II.1', 'Trung tâm Dịch vụ tổng hợp xã'],
      ['II.2', null],
    ]);
    expect(json.flags).toContainEqual(expect.objectContaining({ path: 'tasks[0].leadBody', provenance: 'stated' }));
    expect(json.flags).toContainEqual(expect.objectContaining({ path: 'tasks[1].leadBody', provenance: 'missing' }));
    expect(json.flags).toContainEqual(expect.objectContaining({ path: 'signer', provenance: 'stated' }));
    expect(json.review).toContainEqual(expect.objectContaining({ label: 'Nhiệm vụ II.2 — cơ quan chủ trì', provenance: 'missing' }));
    expect(r.err).toContain('Đã đọc');
  });

  it('a PDF with a text layer that lost its marks: pdftotext, then the marks restored', () => {
    const pdf = path.join(dir, 'ke-hoach.pdf');
    writeFileSync(pdf, asciiTextPdf(readFileSync(fixture, 'utf8')));
    const r = campaign('plans', 'import', pdf, '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { source: string; restoration: { applied: boolean }; draft: { title: string; tasks: { number: string; leadBody?: string }[] } };
    expect(json.source).toBe('pdf-text');
    expect(json.restoration.applied).toBe(true);
    expect(json.draft.title).toMatch(/^Truyền thông thực hiện Nghị quyết số 57-NQ\/TW ngày 22\/12\/2024 của Bộ Chính trị/u);
    expect(json.draft.tasks.map((t) => t.number)).toEqual(['II.1', 'II.2']);
    expect(json.draft.tasks[0]?.leadBody).toBe('Trung tâm Dịch vụ tổng hợp xã');
    expect(r.err).toContain('Khôi phục dấu');
  });

  it('exit 2 with a message for a file type it cannot read', () => {
    const odd = path.join(dir, 'ke-hoach.odt');
    writeFileSync(odd, 'x');
    const r = campaign('plans', 'import', odd);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không nhận dạng được loại tệp ".odt"');
  });
});
