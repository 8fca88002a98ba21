/**
 * The start form of a province's plan offers the province's communes (from the directory's
 * index, searchable), not every station of every locality; the campaign goes to the communes
 * chosen. A commune's plan offers its own stations.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DirectoryStore, loadSampleUnits } from '../../../infra/directory-store.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { csrfOf, form, harness, signIn, type Harness } from '../dashboard/harness.js';

let h: Harness;

beforeEach(async () => {
  const store = new MemoryObjectStore();
  await new DirectoryStore(store).seed(await loadSampleUnits());
  h = harness({ store });
});

describe('start form audience', () => {
  it('a province plan lists its communes to choose, and starts on the ones chosen', async () => {
    const cookie = await signIn(h, 'quantri.langson@example.org');
    const html = await (await h.app.request('/campaigns/new?plan=lang-son-62-kh-ubnd-2026&occasion=ngay-nha-giao-20-11&date=2026-11-20', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('Xã, phường nhận bản tin truyền thanh');
    expect(html).toMatch(/id="unit-xa-huu-lung" name="units" value="xa-huu-lung" checked/);
    expect(html).toContain('id="unit-filter"');
    expect(html).not.toContain('name="localities"');
    expect(html).not.toContain('Bắc Kạn');

    const res = await h.app.request('/campaigns/new', {
      method: 'POST',
      headers: { Cookie: cookie },
      body: form({ csrf: await csrfOf(h, cookie), plan: 'lang-son-62-kh-ubnd-2026', occasion: 'ngay-nha-giao-20-11@2026-11-20', channels: ['loudspeaker'], audience: 'units', units: ['xa-huu-lung', 'xa-dong-dang'], publishMode: 'schedule', approvers: 'quantri.langson@example.org' }),
    });
    expect(res.status).toBe(303);
    expect(h.started.map((s) => [s.units, s.ownerUnit, s.localities])).toEqual([[['xa-huu-lung', 'xa-dong-dang'], 'tinh-lang-son', 'all']]);
  });

  it('refuses a broadcast with no commune chosen, beside the field', async () => {
    const cookie = await signIn(h, 'quantri.langson@example.org');
    const res = await h.app.request('/campaigns/new', {
      method: 'POST',
      headers: { Cookie: cookie },
      body: form({ csrf: await csrfOf(h, cookie), plan: 'lang-son-62-kh-ubnd-2026', occasion: 'ngay-nha-giao-20-11@2026-11-20', channels: ['loudspeaker'], audience: 'units', publishMode: 'schedule', approvers: 'quantri.langson@example.org' }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/id="units-error"[\s\S]*Kênh truyền thanh cần ít nhất một xã, phường nhận bản tin/);
    expect(h.started).toEqual([]);
  });

  it('a commune plan offers its own stations by cluster name', async () => {
    const cookie = await signIn(h, 'bientap.vhxh@example.org');
    const html = await (await h.app.request('/campaigns/new?plan=phuong-bac-kan-2026', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('name="localities" value="phuong-bac-kan-tdp-so-2"');
    expect(html).not.toContain('name="units"');
  });
});
