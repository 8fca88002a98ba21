/**
 * The plan document upload on the dashboard: clear Vietnamese refusals for a missing file, a
 * file of another kind and a file past the size limit (nothing is read or stored), and a text
 * file that leads to its review page with the source beside the form.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPLOAD_MAX_BYTES } from '../../../web/dashboard/plan-review.js';
import { csrfOf, harness, signIn } from './harness.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/intake/ke-hoach-57-xa-mau.txt');

async function setup() {
  const h = harness();
  const cookie = await signIn(h);
  const csrf = await csrfOf(h, cookie);
  const post = (file?: { name: string; bytes: Buffer }, withCsrf = true) => {
    const body = new FormData();
    if (withCsrf) body.append('csrf', csrf);
    if (file) body.append('document', new Blob([file.bytes]), file.name);
    return h.app.request('/plans/upload', { method: 'POST', body, headers: { Cookie: cookie, Origin: 'http://localhost' } });
  };
  return { h, cookie, post };
}

describe('plan upload (dashboard)', () => {
  it('refuses a missing file, another kind of file and a file past the limit, each with a Vietnamese message; nothing is stored', async () => {
    const { h, post } = await setup();
    const none = await post();
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Chưa chọn tệp văn bản kế hoạch');
    const exe = await post({ name: 'ke-hoach.exe', bytes: Buffer.from('MZ') });
    expect(exe.status).toBe(400);
    expect(await exe.text()).toContain('chỉ nhận tệp .txt, .docx, .pdf, .png, .jpg');
    const big = await post({ name: 'ke-hoach.pdf', bytes: Buffer.alloc(UPLOAD_MAX_BYTES + 100 * 1024, 0x20) });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('lớn hơn 10 MB nên chưa được đọc');
    expect(await h.store.list('library/drafts/')).toEqual([]);
  });

  it('refuses an upload without the form protection value', async () => {
    const { post } = await setup();
    const res = await post({ name: 'ke-hoach.txt', bytes: await readFile(FIXTURE) }, false);
    expect(res.status).toBe(403);
  });

  it('reads a text plan and shows its review: the source beside the form, the missing lead body flagged', async () => {
    const { h, cookie, post } = await setup();
    const res = await post({ name: 'ke-hoach-57.txt', bytes: await readFile(FIXTURE) });
    expect(res.status).toBe(303);
    const review = await h.app.request(res.headers.get('location')!, { headers: { Cookie: cookie } });
    expect(review.status).toBe(200);
    const html = await review.text();
    expect(html).toContain('Xem lại kế hoạch nhập từ văn bản');
    expect(html).toContain('Truyền thông thực hiện Nghị quyết số 57-NQ/TW');
    expect(html).toMatch(/data-path="tasks\[1\]\.leadBody">[\s\S]*?Văn bản không nêu, để trống/u);
    // The signed-in editor belongs to no unit of this (empty) directory: saving is not offered as possible.
    expect(html).toContain('Bạn chưa thuộc đơn vị nào trong danh bạ');
  });
});
