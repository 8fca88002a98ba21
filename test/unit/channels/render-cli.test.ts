/**
 * `campaign render post | briefing | script --local-only` end to end: the CLI is spawned in an
 * empty folder (no services, no .env) and what it writes is read back the way an editor or a
 * journalist's mail client would.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyUnsubscribeToken } from '../../../channels/press-briefing/render/index.js';
import { runCampaign } from '../../support/cli-process.js';

const work = mkdtempSync(path.join(tmpdir(), 'render-cli-'));
const SECRET = 'r'.repeat(40);
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NO_COLOR: '1',
  DATA_DIR: path.join(work, 'data'),
  APPROVAL_SECRET: SECRET,
  PUBLIC_BASE_URL: 'https://tin.example.org',
  SMTP_FROM: 'Ban Biên tập truyền thông <noreply@example.org>',
};
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `campaign <args>` in the work folder (output decoded whole, as people read it). */
const campaign = async (...args: string[]) => {
  const r = await runCampaign(args, env, work);
  return { code: r.code, out: r.stdout, err: r.stderr };
};

const LANG_SON = ['--plan', 'lang-son-62-kh-ubnd-2026', '--occasion', 'ngay-nha-giao-20-11', '--date', '20/11/2026'];
/** The two tasks of the Lạng Sơn plan tied to 20/11. */
const TASKS = ['Đẩy mạnh truyền thông, phổ biến, nâng cao nhận thức về phát triển giáo dục và đào tạo', 'Tăng cường truyền thông trong toàn xã hội'];

describe('campaign render … --local-only (CLI)', () => {
  it('post: the HTML names every task tied to 20/11 and shows the infographic written beside it', { timeout: 90_000 }, async () => {
    const r = await campaign('render', 'post', ...LANG_SON, '--out', 'bai', '--local-only');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(work, 'bai/post/index.html'), 'utf8');
    expect(html).toContain(`Các nhiệm vụ III.1, III.3: ${TASKS.join('; ')}`);
    expect(html).toContain('<img src="infographic.png"');
    expect(readFileSync(path.join(work, 'bai/post/infographic.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(r.out).toContain('Bài viết: Chào mừng Ngày Nhà giáo Việt Nam 20/11 – Đột phá phát triển giáo dục và đào tạo');
    expect(r.out).toContain(`Nhiệm vụ: III.1, III.3 — ${TASKS.join('; ')}`);
    expect(r.out).toMatch(/bai\/post\/index\.html\s+bài viết \(HTML\)\s+[\d,]+ KB/);
    expect(r.out).toContain('HTML hợp lệ');
    expect(r.out).toContain('Chỉ lưu trên máy (--local-only).');
  });

  it('briefing: an .eml a mail client opens, with text, HTML, the inline image by cid and List-Unsubscribe', { timeout: 90_000 }, async () => {
    const r = await campaign('render', 'briefing', ...LANG_SON, '--out', 'thu', '--local-only', '--embargo-until', '2026-11-20T08:00:00+07:00');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const subject = '[Thông cáo báo chí] Ngày Nhà giáo Việt Nam 20/11 — UBND tỉnh Lạng Sơn — CẤM ĐĂNG TRƯỚC 08:00 ngày 20/11/2026';
    expect(r.out).toContain(`Tiêu đề thư: ${subject}`);
    expect(r.out).toMatch(/thu\/briefing\/briefing\.eml\s+thư đầy đủ .*\s+[\d,]+ KB/);

    const eml = readFileSync(path.join(work, 'thu/briefing/briefing.eml'));
    const mail = await simpleParser(eml, { keepCidLinks: true });
    expect(mail.subject).toBe(subject);
    // The first journalist of the media list of the plan's issuing unit (tỉnh Lạng Sơn in the sample directory).
    expect(mail.to).toMatchObject({ value: [{ address: 'pv.langson.giaoduc@example.org', name: 'Hoàng Văn Mẫu' }] });
    expect(mail.text).toContain(TASKS[1]);
    expect(mail.html || '').toContain(TASKS[1]);
    const inline = mail.attachments.find((a) => a.contentDisposition === 'inline');
    expect(inline).toMatchObject({ contentType: 'image/png', related: true, filename: 'do-hoa-ngay-nha-giao-viet-nam.png' });
    expect(mail.html).toContain(`src="cid:${inline!.cid}"`);
    expect(inline!.content.equals(readFileSync(path.join(work, 'thu/briefing/do-hoa-ngay-nha-giao-viet-nam.png')))).toBe(true);

    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' ');
    const unsubscribe = /^<https:\/\/tin\.example\.org\/unsubscribe\/([^>]+)>$/.exec(header('list-unsubscribe') ?? '');
    expect(unsubscribe, header('list-unsubscribe')).not.toBeNull();
    // The link is the journalist's own: it unsubscribes that address and no other.
    expect(verifyUnsubscribeToken(unsubscribe![1], SECRET)).toBe('pv.langson.giaoduc@example.org');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(r.out).toContain(`Ngừng nhận (List-Unsubscribe): <https://tin.example.org/unsubscribe/${unsubscribe![1]}>`);

    // The HTML on its own shows the image from the file beside it.
    const page = readFileSync(path.join(work, 'thu/briefing/briefing.html'), 'utf8');
    expect(page).toContain('src="do-hoa-ngay-nha-giao-viet-nam.png"');
    expect(page).not.toContain('cid:');
    expect(existsSync(path.join(work, 'thu/briefing/briefing.txt'))).toBe(true);
  });

  it('script: the bulletin presents every task tied to 20/11; an unknown task is refused by name', { timeout: 120_000 }, async () => {
    // A province's plan is read out on its own communes' stations (here the sample directory: no store runs).
    const r = await campaign('render', 'script', ...LANG_SON, '--locality', 'xa-huu-lung-trung-tam', '--out', 'loa', '--local-only');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const script = readFileSync(path.join(work, 'loa/loudspeaker-xa-huu-lung-trung-tam.txt'), 'utf8');
    expect(script).toContain(`giới thiệu các nhiệm vụ: ${TASKS.join('; ')}.`);
    expect(script).toContain('Kính thưa bà con nhân dân xã Hữu Lũng!');
    const ward = await campaign('render', 'script', ...LANG_SON, '--locality', 'phuong-bac-kan-trung-tam', '--out', 'loa-x', '--local-only');
    expect(ward.code).toBe(2);
    expect(ward.err).toContain('Không có trạm "phuong-bac-kan-trung-tam"');
    const one = await campaign('render', 'script', ...LANG_SON, '--tasks', 'ls-truyen-thong-toan-xa-hoi', '--locality', 'xa-huu-lung-trung-tam', '--out', 'loa-1', '--local-only');
    expect(one.code).toBe(0);
    expect(one.out).toContain(`Nhiệm vụ: III.3 — ${TASKS[1]}`);
    // The same command under the channel's id, as `--channels` names it.
    const byId = await campaign('render', 'loudspeaker', ...LANG_SON, '--locality', 'xa-huu-lung-trung-tam', '--out', 'loa-id', '--local-only');
    expect([byId.code, byId.err]).toEqual([0, '']);
    expect(readFileSync(path.join(work, 'loa-id/loudspeaker-xa-huu-lung-trung-tam.txt'), 'utf8')).toBe(script);
    const bad = await campaign('render', 'post', ...LANG_SON, '--tasks', 'khong-co', '--local-only');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Kế hoạch lang-son-62-kh-ubnd-2026 không có nhiệm vụ "khong-co".');
  });
});
