import { describe, expect, it } from 'vitest';
import { canAct, chooseUnits, localityId, mediaListUnit, searchUnits, summarize, unitLocalities, unitsOfEditor, validateUnit, type Unit } from '../../../domain/directory/index.js';
import { loadSampleUnits } from '../../../infra/directory-store.js';
import { loadPlans } from '../../../infra/plan-store.js';

const samples = await loadSampleUnits();
const unit = (id: string) => samples.find((u) => u.id === id)!;
const communesOf = (provinceId: string) => samples.filter((u) => u.tier === 'commune' && u.parentId === provinceId);

const station = {
  id: 'trung-tam',
  name: 'Đài truyền thanh xã Mẫu',
  system: 'classic',
  slots: [{ id: 'sang', label: 'Buổi sáng', start: '05:30', durationMinutes: 30 }],
  operator: { name: 'Người Mẫu', email: 'vh@example.org', phone: '0000 000 001' },
};
const commune = (extra: Record<string, unknown> = {}) => ({ id: 'xa-mau', name: 'Xã Mẫu', shortName: 'Mẫu', tier: 'commune', kind: 'xa', parentId: 'tinh-mau', broadcast: { name: 'Đài truyền thanh xã Mẫu', stations: [station] }, ...extra });

describe('the sample directories', () => {
  it('give every shipped plan exactly one issuing unit', async () => {
    const plans = await loadPlans();
    for (const p of plans) expect(samples.filter((u) => u.plans.includes(p.id)).map((u) => u.id), p.id).toHaveLength(1);
    expect(samples.find((u) => u.plans.includes('lang-son-62-kh-ubnd-2026'))!.id).toBe('tinh-lang-son');
    expect(samples.find((u) => u.plans.includes('quang-ngai-2026'))!.id).toBe('tinh-quang-ngai');
    expect(samples.find((u) => u.plans.includes('phuong-bac-kan-2026'))!.id).toBe('phuong-bac-kan');
  });

  it('are coherent: each province has its Sở GD&ĐT and communes; phường Bắc Kạn has its own tổ dân phố clusters, no peer communes', () => {
    for (const p of ['tinh-lang-son', 'tinh-quang-ngai']) {
      expect(samples.some((u) => u.parentId === p && u.tier === 'department' && u.name.startsWith('Sở Giáo dục và Đào tạo'))).toBe(true);
      expect(communesOf(p).length).toBeGreaterThanOrEqual(3);
    }
    expect(communesOf('tinh-thai-nguyen').map((u) => u.id)).toEqual(['phuong-bac-kan']);
    const ward = unit('phuong-bac-kan');
    expect(ward.broadcast!.stations.every((s) => s.kind === 'cluster' && s.area?.startsWith('Tổ dân phố'))).toBe(true);
    expect(samples.every((u) => u.sample)).toBe(true);
    const addresses = samples.flatMap((u) => [...(u.broadcast?.stations.map((s) => s.operator.email) ?? []), ...(u.mediaList?.journalists.map((j) => j.email) ?? []), ...u.editors.map((e) => e.email)]);
    expect(addresses.every((a) => a.endsWith('@example.org'))).toBe(true);
  });
});

describe('a unit and its checks', () => {
  it('accepts a commune with its station', () => {
    expect(validateUnit(commune())).toMatchObject({ ok: true });
  });

  it('names every problem with its path', () => {
    const r = validateUnit(
      commune({
        kind: undefined,
        broadcast: {
          name: 'Đài',
          stations: [
            { ...station, tts: { rate: 0.9 }, slots: [...station.slots, { id: 'sang-2', label: 'Buổi sáng muộn', start: '05:45', durationMinutes: 15 }] },
            { ...station, system: 'ip' },
          ],
        },
        sample: true,
        editors: [{ email: 'x@gmail.com', name: 'X', role: 'editor' }],
      }),
    );
    if (r.ok) throw new Error('expected problems');
    expect(r.problems).toEqual([
      { path: 'kind', message: 'đơn vị cấp xã cần ghi loại: xa (xã), phuong (phường) hoặc dacKhu (đặc khu)' },
      { path: 'broadcast.stations[0].tts', message: expect.stringContaining('chỉ hệ thống IP') },
      { path: 'broadcast.stations[0].slots[1].start', message: 'khung giờ "Buổi sáng muộn" (05:45) bắt đầu khi khung "Buổi sáng" (05:30, 30 phút) chưa kết thúc' },
      { path: 'broadcast.stations[1].id', message: 'mã trạm "trung-tam" bị trùng; mỗi trạm, cụm loa một mã riêng' },
      { path: 'editors[0].email', message: expect.stringContaining('không dùng "x@gmail.com"') },
    ]);
  });

  it('refuses a province with a parent, a department without one, and stations outside the commune tier', () => {
    const province = validateUnit({ id: 'tinh-a', name: 'Tỉnh A', shortName: 'A', tier: 'province', parentId: 'tinh-b' });
    const dept = validateUnit({ id: 'so-a', name: 'Sở A', shortName: 'Sở A', tier: 'department', broadcast: { name: 'Đài', stations: [station] } });
    expect(province.ok || province.problems.map((p) => p.path)).toEqual(['parentId']);
    expect(dept.ok || dept.problems.map((p) => p.path)).toEqual(['parentId', 'broadcast']);
  });
});

describe('what a campaign reaches', () => {
  it('a province plan: its communes with stations, each under its own name and id', () => {
    const owner = unit('tinh-lang-son');
    const { units, problems } = chooseUnits(owner, communesOf('tinh-lang-son'));
    expect(problems).toEqual([]);
    expect(units.map((u) => u.id).sort()).toEqual(['phuong-dong-kinh', 'phuong-luong-van-tri', 'xa-chi-lang', 'xa-dong-dang', 'xa-huu-lung']);
    const localities = units.flatMap(unitLocalities);
    expect(localities.find((l) => l.id === localityId('xa-dong-dang', 'thon-na-lan'))).toMatchObject({ name: 'Xã Đồng Đăng', tier: 'xa', station: 'Đài truyền thanh xã Đồng Đăng', cluster: 'Cụm loa thôn Nà Lân', unitId: 'xa-dong-dang', system: 'classic' });
    expect(localities.some((l) => l.name.includes('Bắc Kạn'))).toBe(false);
  });

  it('a province plan with --units: only those; a unit of another province is refused by name', () => {
    const owner = unit('tinh-lang-son');
    expect(chooseUnits(owner, communesOf('tinh-lang-son'), ['xa-huu-lung']).units.map((u) => u.id)).toEqual(['xa-huu-lung']);
    const other = chooseUnits(owner, communesOf('tinh-lang-son'), ['phuong-bac-kan']);
    expect(other.units).toEqual([]);
    expect(other.problems[0]).toContain('"phuong-bac-kan" không phải xã, phường, đặc khu của “Tỉnh Lạng Sơn”');
  });

  it('a ward plan: its own clusters only, never a neighbour', () => {
    const ward = unit('phuong-bac-kan');
    expect(chooseUnits(ward, []).units.map((u) => u.id)).toEqual(['phuong-bac-kan']);
    expect(chooseUnits(ward, [], ['phuong-duc-xuan']).problems[0]).toContain('chỉ phát trên hệ thống truyền thanh của chính đơn vị');
    expect(unitLocalities(ward).map((l) => l.id)).toEqual(['phuong-bac-kan-trung-tam', 'phuong-bac-kan-tdp-so-2', 'phuong-bac-kan-tdp-so-5', 'phuong-bac-kan-tdp-so-8']);
  });

  it('a department plan must choose its communes; its media list is its own or the province’s', () => {
    const dept = unit('so-gddt-lang-son');
    expect(chooseUnits(dept, communesOf('tinh-lang-son')).problems[0]).toContain('--units');
    expect(chooseUnits(dept, communesOf('tinh-lang-son'), ['xa-chi-lang']).units.map((u) => u.id)).toEqual(['xa-chi-lang']);
    expect(mediaListUnit(dept, [unit('tinh-lang-son')])?.id).toBe('tinh-lang-son');
  });
});

describe('who may act for which unit', () => {
  const summaries = samples.map((u) => summarize(u, { revision: 1, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'x' }));

  it('a province admin acts for the province’s units; its leader does not', () => {
    const admin = unitsOfEditor('QUANTRI.LANGSON@example.org', summaries);
    expect(canAct(admin, 'xa-huu-lung', 'manageUnit')).toBe(true);
    expect(canAct(admin, 'so-gddt-lang-son', 'manageUnit')).toBe(true);
    expect(canAct(admin, 'phuong-bac-kan', 'manageUnit')).toBe(false);
    const leader = unitsOfEditor('lanhdao.langson@example.org', summaries);
    expect(canAct(leader, 'tinh-lang-son', 'approveAsLeader')).toBe(true);
    expect(canAct(leader, 'xa-huu-lung', 'approve')).toBe(false);
  });

  it('an editor starts and approves, only a leader approves as leader, only an admin manages', () => {
    const editor = unitsOfEditor('bientap.vhxh@example.org', summaries);
    expect(editor).toEqual([{ unitId: 'phuong-bac-kan', role: 'editor' }]);
    expect(canAct(editor, 'phuong-bac-kan', 'startCampaign')).toBe(true);
    expect(canAct(editor, 'phuong-bac-kan', 'approveAsLeader')).toBe(false);
    expect(canAct(editor, 'phuong-bac-kan', 'manageUnit')).toBe(false);
    expect(canAct(unitsOfEditor('khong-co@example.org', summaries), 'phuong-bac-kan', 'startCampaign')).toBe(false);
  });
});

describe('search', () => {
  const summaries = samples.map((u: Unit) => summarize(u, { revision: 1, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'x' }));
  it('ignores case and diacritics and filters by tier and parent', () => {
    expect(searchUnits(summaries, { text: 'bac kan' }).map((u) => u.id)).toEqual(['phuong-bac-kan']);
    expect(searchUnits(summaries, { text: 'ĐỒNG' }).map((u) => u.id)).toEqual(['phuong-dong-kinh', 'xa-dong-dang']);
    expect(searchUnits(summaries, { tier: 'department' }).map((u) => u.id)).toEqual(['so-gddt-lang-son', 'so-gddt-quang-ngai']);
    expect(searchUnits(summaries, { parentId: 'tinh-quang-ngai', text: 'ly son' }).map((u) => u.id)).toEqual(['dac-khu-ly-son']);
  });
});
