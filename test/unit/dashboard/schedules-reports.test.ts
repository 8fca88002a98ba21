import { describe, expect, it } from 'vitest';
import { csrfOf, form, harness, signIn } from './harness.js';

const SCHED = 'sched-phuong-bac-kan-2026-bulletin-pbk-thong-tin-co-so';

async function setup() {
  const h = harness();
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
    expect(html).toContain('06:00 03/11/2026');
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
      expect(res.headers.get('location')).toBe(`/schedules?ok=${action}`);
    }
    expect(h.scheduleActions).toEqual([`pause ${SCHED}`, `resume ${SCHED}`, `trigger ${SCHED}`]);
  });

  it('right after a pause the page offers resume, though the schedule list lags behind', async () => {
    const { h, cookie, csrf } = await setup();
    await h.app.request(`/schedules/${SCHED}/pause`, { method: 'POST', body: form({ csrf }), headers: { Cookie: cookie } });
    const html = await (await h.app.request('/schedules?ok=pause', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('Đã tạm dừng lịch.');
    expect(html).toContain(`action="/schedules/${SCHED}/resume"`);
    expect(html).not.toContain(`action="/schedules/${SCHED}/pause"`);
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
});
