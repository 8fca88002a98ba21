/**
 * `campaign render video --local-only`: spawned in an empty folder (no services), it speaks the
 * narration, renders both formats and writes them with the subtitles and the preview, each file
 * named in Vietnamese; the subtitles are the narration it records.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCampaign } from '../../support/cli-process.js';

const work = mkdtempSync(path.join(tmpdir(), 'render-video-'));
const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', DATA_DIR: path.join(work, 'data'), APPROVAL_SECRET: 'r'.repeat(40), PUBLIC_BASE_URL: 'https://tin.example.org' };
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `campaign <args>` in the work folder (output decoded whole, as people read it). */
const campaign = async (...args: string[]) => {
  const r = await runCampaign(args, env, work);
  return { code: r.code, out: r.stdout, err: r.stderr };
};

describe('campaign render video --local-only (CLI)', () => {
  it('writes the vertical and landscape MP4, the WebVTT subtitles of the narration and the preview', { timeout: 600_000 }, async () => {
    const r = await campaign('render', 'video', '--plan', 'phuong-bac-kan-2026', '--occasion', 'ngay-nha-giao-20-11', '--date', '20/11/2026', '--out', 'vd', '--local-only');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/^Video ngắn: 2 video \(dọc 1080×1920, ngang 1920×1080\), \d+ giây, phụ đề tiếng Việt \d+ câu/);
    expect(r.out).toMatch(/vd\/video\/video-doc-1080x1920\.mp4\s+video dọc 1080×1920 \(mạng xã hội, Zalo\), \d+ giây/);
    expect(r.out).toMatch(/vd\/video\/phu-de\.vtt\s+phụ đề tiếng Việt \(WebVTT, \d+ câu\)/);
    const sizes = (file: string) =>
      execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', path.join(work, 'vd/video', file)], { encoding: 'utf8' }).trim();
    expect(sizes('video-doc-1080x1920.mp4')).toBe('h264,1080,1920');
    expect(sizes('video-ngang-1920x1080.mp4')).toBe('h264,1920,1080');
    const narration = JSON.parse(readFileSync(path.join(work, 'vd/video/loi-dan.json'), 'utf8')) as { sentences: string[]; seconds: number };
    expect(narration.seconds).toBeLessThanOrEqual(60);
    const vtt = readFileSync(path.join(work, 'vd/video/phu-de.vtt'), 'utf8');
    const cues = vtt.split('\n\n').slice(1).map((block) => block.split('\n').slice(2).join('\n').trim());
    expect(cues).toEqual(narration.sentences);
    expect(readFileSync(path.join(work, 'vd/video/preview.html'), 'utf8')).toContain('<track kind="subtitles" srclang="vi" label="Tiếng Việt" src="phu-de.vtt">');
  });
});
