/**
 * `campaign render qaSet --local-only`: spawned in an empty folder (no services), it writes the
 * Word file, the loudspeaker segment, the preview and the set, and names each in Vietnamese.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../fixtures/schedules/docx-text.js';
import { runCampaign } from '../../support/cli-process.js';

const work = mkdtempSync(path.join(tmpdir(), 'render-qa-'));
const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', DATA_DIR: path.join(work, 'data'), APPROVAL_SECRET: 'r'.repeat(40), PUBLIC_BASE_URL: 'https://tin.example.org' };
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `campaign <args>` in the work folder (output decoded whole, as people read it). */
const campaign = async (...args: string[]) => {
  const r = await runCampaign(args, env, work);
  return { code: r.code, out: r.stdout, err: r.stderr };
};

describe('campaign render qaSet --local-only (CLI)', () => {
  it('writes the Word file, the segment for the ear and the preview of the set', { timeout: 90_000 }, async () => {
    const r = await campaign('render', 'qaSet', '--plan', 'lang-son-62-kh-ubnd-2026', '--occasion', 'ngay-nha-giao-20-11', '--date', '20/11/2026', '--out', 'hd', '--local-only');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Bộ câu hỏi - đáp: 18 câu hỏi - đáp, tệp Word, đoạn đọc trên loa \d+ phút/);
    expect(r.out).toMatch(/hd\/qa\/hoi-dap\.docx\s+tệp Word cho trường học, hội nghị/);
    expect(r.out).toContain('Chỉ lưu trên máy (--local-only).');
    const set = JSON.parse(readFileSync(path.join(work, 'hd/qa/qa.json'), 'utf8')) as { question: string; answer: string }[];
    const doc = readDocx(readFileSync(path.join(work, 'hd/qa/hoi-dap.docx')));
    expect(doc.paragraphs).toContain(`Câu 1. ${set[0]!.question}`);
    expect(doc.paragraphs.some((p) => p.includes('Tối thiểu 70%'))).toBe(true);
    const spoken = readFileSync(path.join(work, 'hd/qa/loa.txt'), 'utf8');
    expect(spoken).toMatch(/^Kính thưa bà con!/);
    expect(spoken).not.toMatch(/\d/);
    expect(readFileSync(path.join(work, 'hd/qa/preview.html'), 'utf8')).toContain('<html lang="vi">');
  });
});

describe('campaign render poster | social | eBoard --local-only (CLI)', () => {
  it('writes each channel module’s files and names them in Vietnamese', { timeout: 120_000 }, async () => {
    const args = ['--plan', 'phuong-bac-kan-2026', '--occasion', 'ngay-nha-giao-20-11', '--date', '20/11/2026', '--out', 'kenh', '--local-only'];
    const poster = await campaign('render', 'poster', ...args);
    expect([poster.code, poster.err]).toEqual([0, '']);
    expect(poster.out).toMatch(/kenh\/print\/ap-phich-a1\.pdf\s+Áp phích A1 \(594 × 841 mm\), lề xén 3 mm, chữ dạng vector/);
    expect(readFileSync(path.join(work, 'kenh/print/pano-3x1.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const social = await campaign('render', 'social', ...args);
    expect([social.code, social.err]).toEqual([0, '']);
    expect(social.out).toMatch(/kenh\/social\/facebook\.txt\s+bài cho Fanpage \(Facebook\) \(\d+\/600 ký tự\)/);
    expect(readFileSync(path.join(work, 'kenh/social/zalo.txt'), 'utf8')).toMatch(/#NgàyNhàGiáoViệtNam/);
    const board = await campaign('render', 'eBoard', ...args);
    expect([board.code, board.err]).toEqual([0, '']);
    expect(board.out).toMatch(/kenh\/eboard\/bang-tin\.png\s+ảnh trình chiếu 1920×1080/);
    expect(readFileSync(path.join(work, 'kenh/eboard/preview.html'), 'utf8')).toContain('<img src="bang-tin.png" alt="Ảnh trình chiếu trên bảng tin điện tử: ');
    for (const out of [poster.out, social.out, board.out]) expect(out).not.toMatch(/keyMessages|headline|qaSet|eBoard/);
  });
});
