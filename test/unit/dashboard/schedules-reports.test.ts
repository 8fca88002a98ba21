import { describe, expect, it } from 'vitest';
import { csrfOf, form, harness, signIn } from './harness.js';
import { DirectoryStore, loadSampleUnits } from '../../../infra/directory-store.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';

const SCHED = 'sched-phuong-bac-kan-2026-bulletin-pbk-thong-tin-co-so';

async function setup() {
  // Schedules reach the stations of the plan's owner in the dashboard's own directory: the samples.
  const store = new MemoryObjectStore();
  await new DirectoryStore(store).seed(await loadSampleUnits());
  const h = harness({ store });
  h.schedules.set(SCHED, { planId: 'phuong-bac-kan-2026', kind: 'bulletin', title: 'Bản tin hằng tuần: Tăng cường tuyên truyền', paused: false });
  const cookie = await signIn(h);
  return { h, cookie, csrf: await csrfOf(h, cookie) };
}

describe('schedules page', () => {
  it('needs a session and lists the managed schedules with their runs', async () => {
    const { h, cookie } = await setup();
    expect((await h.app.request('/schedules')).status).toBe(303);
    const res = await h.app.request('/schedules', { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Bản tin hằng tuần: Tăng cường tuyên truyền');
    expect(html).toContain('Bản tin truyền thanh định kỳ');
    expect(html).toContain('06:00 ngày 03/11/2026');
    expect(html).toContain('href="/campaigns/campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026"');
    expect(html).toContain(`action="/schedules/${SCHED}/pause"`);
  });

  it('pause, resume and run now need the CSRF value', async () => {
    const { h, cookie, csrf } = await setup();
    for (const action of ['pause', 'resume', 'trigger']) {
      expect((await h.app.request(`/schedules/${SCHED}/${action}`, { method: 'POST', body: form({}), headers: { Cookie: cookie } })).status).toBe(403);
      expect((await h.app.request(`/schedules/${SCHED}/${action}`, { method: 'POST', body: form({ csrf }) })).status).toBe(303);
    }
    expect(h.scheduleActions).toEqual([]);
    for (const action of ['pause', 'resume', 'trigger']) {
      const res = await h.app.request(`/schedules/${SCHED}/${action}`, { method: 'POST', body: form({ csrf }), headers: { Cookie: cookie } });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/schedules?ok=${action}&id=${SCHED}`);
    }
    expect(h.scheduleActions).toEqual([`pause ${SCHED}`, `resume ${SCHED}`, `trigger ${SCHED}`]);
  });

  it('right after a pause the page offers resume, though the schedule list lags behind', async () => {
    const { h, cookie, csrf } = await setup();
    await h.app.request(`/schedules/${SCHED}/pause`, { method: 'POST', body: form({ csrf }), headers: { Cookie: cookie } });
    const html = await (await h.app.request(`/schedules?ok=pause&id=${SCHED}`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain('Đã tạm dừng lịch.');
    expect(html).toContain(`action="/schedules/${SCHED}/resume"`);
    expect(html).not.toContain(`action="/schedules/${SCHED}/pause"`);
  });

  it('a schedule too new for the list still shows after it is paused', async () => {
    const { h, cookie, csrf } = await setup();
    const NEW = 'sched-phuong-bac-kan-2026-report-pbk-bc-so-gddt';
    h.schedules.set(NEW, { planId: 'phuong-bac-kan-2026', kind: 'report', title: 'Báo cáo định kỳ mới lập', paused: false, listed: false });
    const res = await h.app.request(`/schedules/${NEW}/pause`, { method: 'POST', body: form({ csrf }), headers: { Cookie: cookie } });
    const html = await (await h.app.request(res.headers.get('location')!, { headers: { Cookie: cookie } })).text();
    expect(html).toContain('Báo cáo định kỳ mới lập');
    expect(html).toContain(`action="/schedules/${NEW}/resume"`);
  });

  it('offers a sync form: the plans, the editors as approvers (me ticked), my email for the report', async () => {
    const { h, cookie } = await setup();
    const html = await (await h.app.request('/schedules?plan=phuong-bac-kan-2026', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('Đồng bộ lịch với kế hoạch');
    expect(html).toMatch(/<option value="phuong-bac-kan-2026" selected>/);
    expect(html).toContain('<option value="quang-ngai-2026">');
    expect(html).toMatch(/name="approvers" value="bientap@example.org" checked>/);
    expect(html).toMatch(/name="approvers" value="lanhdao@example.org">/);
    expect(html).toContain('name="reportTo" value="bientap@example.org"');
  });

  it('sync: preview changes nothing; apply creates the plan\'s schedules, which the page shows though the list lags', async () => {
    const { h, cookie, csrf } = await setup();
    const fields = { csrf, plan: 'phuong-bac-kan-2026', approvers: ['bientap@example.org'], approversExtra: '', reportTo: 'vhxh@example.org' };
    const preview = await h.app.request('/schedules/sync', { method: 'POST', body: form({ ...fields, mode: 'preview' }), headers: { Cookie: cookie } });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain('Xem trước: những gì sẽ thay đổi');
    // The bulletin series already exists (with an older fingerprint): updated; the rest created.
    expect(previewHtml).toContain('6 tạo mới, 1 cập nhật, 0 xóa, 0 giữ nguyên');
    expect(previewHtml).toContain('Báo cáo định kỳ gửi Sở Giáo dục và Đào tạo tỉnh Thái Nguyên');
    expect(previewHtml).toContain('hạn 10/6 và 10/12');
    expect(h.scheduleActions).toEqual([]);

    const applied = await h.app.request('/schedules/sync', { method: 'POST', body: form({ ...fields, mode: 'apply' }), headers: { Cookie: cookie } });
    expect(applied.status).toBe(200);
    const html = await applied.text();
    expect(html).toContain('Đã đồng bộ lịch với kế hoạch');
    expect(h.scheduleActions.filter((a) => a.startsWith('create '))).toHaveLength(6);
    expect(h.scheduleActions).toContain(`update ${SCHED}`);
    // Listed in the table with their own pause buttons, though the (lagging) list has none of them yet.
    expect(html).toContain('action="/schedules/sched-phuong-bac-kan-2026-report-pbk-bc-so-gddt/pause"');
    expect(html).toContain('action="/schedules/sched-phuong-bac-kan-2026-occasion-ngay-nha-giao-20-11/pause"');
  });

  it('sync: missing or bad fields are named beside the form, and nothing is created', async () => {
    const { h, cookie, csrf } = await setup();
    const empty = await h.app.request('/schedules/sync', { method: 'POST', body: form({ csrf, plan: '', reportTo: '', mode: 'apply' }), headers: { Cookie: cookie } });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain('Chưa đồng bộ được: cần sửa 3 mục');
    expect(html).toContain('Chọn kế hoạch.');
    expect(html).toContain('Chọn ít nhất một người phê duyệt bản tin và chiến dịch.');
    expect(html).toContain('Nhập ít nhất một email nhận dự thảo báo cáo.');
    const bad = await h.app.request('/schedules/sync', { method: 'POST', body: form({ csrf, plan: 'khong-co-ke-hoach', approversExtra: 'khong-phai-email', reportTo: 'bao-cao@', mode: 'apply' }), headers: { Cookie: cookie } });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('khong-co-ke-hoach');
    expect(badHtml).toContain('&quot;khong-phai-email&quot; không phải địa chỉ email hợp lệ');
    expect(badHtml).toContain('&quot;bao-cao@&quot; không phải địa chỉ email hợp lệ');
    expect(badHtml).toContain('value="bao-cao@"');
    expect(h.scheduleActions).toEqual([]);
    expect((await h.app.request('/schedules/sync', { method: 'POST', body: form({ plan: 'phuong-bac-kan-2026', approvers: 'bientap@example.org', reportTo: 'a@example.org', mode: 'apply' }), headers: { Cookie: cookie } })).status).toBe(403);
    expect(h.scheduleActions).toEqual([]);
  });

  it('unknown schedules and actions are 404', async () => {
    const { h, cookie, csrf } = await setup();
    expect((await h.app.request('/schedules/sched-khong-co/pause', { method: 'POST', body: form({ csrf }), headers: { Cookie: cookie } })).status).toBe(404);
    expect((await h.app.request(`/schedules/${SCHED}/delete`, { method: 'POST', body: form({ csrf }), headers: { Cookie: cookie } })).status).toBe(404);
    expect(h.scheduleActions).toEqual([]);
  });
});

describe('reports page', () => {
  it('lists stored reports by period and serves only report files', async () => {
    const { h, cookie } = await setup();
    const base = 'reports/phuong-bac-kan-2026/2026-06-11_2026-12-10/';
    await h.store.put(`${base}report.docx`, Buffer.from('PK'), { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    await h.store.put(`${base}report.html`, '<p>Báo cáo</p>', { contentType: 'text/html; charset=utf-8' });
    await h.store.put(`${base}evidence.json`, '{}', { contentType: 'application/json' });
    expect((await h.app.request('/reports')).status).toBe(303);
    const html = await (await h.app.request('/reports', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('từ ngày 11/06/2026 đến ngày 10/12/2026');
    expect(html).toContain('href="/reports/files/phuong-bac-kan-2026/2026-06-11_2026-12-10/report.docx"');
    expect(html).not.toContain('evidence.json');
    const docx = await h.app.request('/reports/files/phuong-bac-kan-2026/2026-06-11_2026-12-10/report.docx', { headers: { Cookie: cookie } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename="bao-cao-phuong-bac-kan-2026-2026-06-11_2026-12-10\.docx"$/);
    const page = await h.app.request('/reports/files/phuong-bac-kan-2026/2026-06-11_2026-12-10/report.html', { headers: { Cookie: cookie } });
    expect(page.headers.get('content-security-policy')).toContain('sandbox');
    for (const bad of ['phuong-bac-kan-2026/2026-06-11_2026-12-10/evidence.json', '../campaigns/x/report.html', 'phuong-bac-kan-2026/x_y/report.html']) {
      expect((await h.app.request(`/reports/files/${bad}`, { headers: { Cookie: cookie } })).status, bad).toBe(404);
    }
    expect((await h.app.request('/reports/files/phuong-bac-kan-2026/2026-06-11_2026-12-10/report.docx')).status).toBe(303);
  });

  it('offers a report form: the plans, this half-year up to today, my email', async () => {
    const { h, cookie } = await setup();
    const html = await (await h.app.request('/reports', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('Lập báo cáo theo yêu cầu');
    expect(html).toContain('<option value="phuong-bac-kan-2026">');
    // The harness clock is 25/10/2026 (Vietnam time).
    expect(html).toContain('name="from" value="2026-07-01"');
    expect(html).toContain('name="to" value="2026-10-25"');
    expect(html).toContain('name="reportTo" value="bientap@example.org"');
  });

  it('starts the report workflow for the plan and period, then shows the list with a notice', async () => {
    const { h, cookie, csrf } = await setup();
    const res = await h.app.request('/reports/new', {
      method: 'POST',
      body: form({ csrf, plan: 'phuong-bac-kan-2026', from: '2026-07-01', to: '20/10/2026', email: 'yes', reportTo: 'VHXH@example.org, lanhdao@example.org' }),
      headers: { Cookie: cookie },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/reports?ok=made');
    expect(h.reports).toHaveLength(1);
    expect(h.reports[0]!.workflowId).toMatch(/^report-phuong-bac-kan-2026-2026-07-01_2026-10-20-/);
    expect(h.reports[0]!.request).toMatchObject({ planId: 'phuong-bac-kan-2026', period: { from: '2026-07-01', to: '2026-10-20' }, reportTo: ['vhxh@example.org', 'lanhdao@example.org'], email: true });
    const html = await (await h.app.request('/reports?ok=made', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('Đã lập xong báo cáo');
  });

  it('names bad fields beside the form and starts nothing; a failed run says why', async () => {
    const { h, cookie, csrf } = await setup();
    const bad = await h.app.request('/reports/new', { method: 'POST', body: form({ csrf, plan: 'khong-co', from: '31/02/2026', to: '2026-01-01', email: 'yes', reportTo: 'bao-cao@' }), headers: { Cookie: cookie } });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Chưa lập được báo cáo: cần xem lại 3 mục');
    expect(html).toContain('Không có kế hoạch &quot;khong-co&quot;.');
    expect(html).toContain('&quot;31/02/2026&quot; không phải ngày hợp lệ.');
    expect(html).toContain('&quot;bao-cao@&quot; không phải địa chỉ email hợp lệ.');
    const backwards = await h.app.request('/reports/new', { method: 'POST', body: form({ csrf, plan: 'phuong-bac-kan-2026', from: '2026-10-01', to: '2026-09-01', reportTo: '' }), headers: { Cookie: cookie } });
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain('Ngày kết thúc (01/09/2026) đứng trước ngày bắt đầu (01/10/2026).');
    expect(h.reports).toEqual([]);
    expect((await h.app.request('/reports/new', { method: 'POST', body: form({ plan: 'phuong-bac-kan-2026', from: '2026-07-01', to: '2026-10-20' }), headers: { Cookie: cookie } })).status).toBe(403);
    expect(h.reports).toEqual([]);

    h.reportOutcome.error = new Error('không đọc được kế hoạch');
    const failed = await h.app.request('/reports/new', { method: 'POST', body: form({ csrf, plan: 'phuong-bac-kan-2026', from: '2026-07-01', to: '2026-10-20' }), headers: { Cookie: cookie } });
    expect(failed.status).toBe(500);
    expect(await failed.text()).toContain('Không lập được báo cáo: không đọc được kế hoạch');
  });
});
