import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAudience } from '../../../infra/campaign-audience.js';
import { loadSampleUnits, MemoryDirectory } from '../../../infra/directory-store.js';
import { REPO_ROOT } from '../../../infra/plan-store.js';

const directory = new MemoryDirectory(await loadSampleUnits());
const FILE = path.join(REPO_ROOT, 'test', 'fixtures', 'data', 'localities-file.yaml');

describe('who a campaign reaches', () => {
  it('by default, the stations of the plan’s units and the media list of its issuing unit', async () => {
    const a = await resolveAudience({ planId: 'lang-son-62-kh-ubnd-2026', channels: ['loudspeaker', 'pressBriefing'] }, directory);
    expect(a.problems).toEqual([]);
    expect(a.units.sort()).toEqual(['phuong-dong-kinh', 'phuong-luong-van-tri', 'xa-chi-lang', 'xa-dong-dang', 'xa-huu-lung']);
    expect(new Set(a.chosen.map((l) => l.name))).toEqual(new Set(['Phường Đông Kinh', 'Phường Lương Văn Tri', 'Xã Chi Lăng', 'Xã Đồng Đăng', 'Xã Hữu Lũng']));
    expect([a.mediaListUnit, a.media.owner, a.media.journalists.length]).toEqual(['tinh-lang-son', 'Ủy ban nhân dân tỉnh Lạng Sơn', 4]);
    const ward = await resolveAudience({ planId: 'phuong-bac-kan-2026', channels: ['loudspeaker'] }, directory);
    expect(ward.chosen.every((l) => l.unitId === 'phuong-bac-kan' && l.name === 'Phường Bắc Kạn')).toBe(true);
  });

  it('schedules synced before the directory name the former sample files: they mean the directory', async () => {
    const a = await resolveAudience(
      { planId: 'lang-son-62-kh-ubnd-2026', channels: ['loudspeaker'], localitiesFile: path.join(REPO_ROOT, 'data', 'localities', 'bac-kan-sample.yaml'), mediaListFile: path.join(REPO_ROOT, 'data', 'media', 'thai-nguyen-sample.yaml') },
      directory,
    );
    expect(a.problems).toEqual([]);
    expect(a.chosen.some((l) => l.name.includes('Bắc Kạn'))).toBe(false);
    expect(a.media.owner).toBe('Ủy ban nhân dân tỉnh Lạng Sơn');
  });

  it('an explicit file still wins; --units with a file is refused', async () => {
    const a = await resolveAudience({ planId: 'lang-son-62-kh-ubnd-2026', channels: ['loudspeaker'], localitiesFile: FILE, localities: ['phuong-duc-xuan'] }, directory);
    expect([a.problems, a.units, a.chosen.map((l) => l.id)]).toEqual([[], [], ['phuong-duc-xuan']]);
    const both = await resolveAudience({ planId: 'lang-son-62-kh-ubnd-2026', channels: ['loudspeaker'], localitiesFile: FILE, units: ['xa-huu-lung'] }, directory);
    expect(both.problems.map((p) => p.field)).toEqual(['units']);
  });

  it('a plan the directory gives no unit: refused only when a channel needs stations or journalists', async () => {
    const quiet = await resolveAudience({ planId: 'nq57-xa-minh-hoa', channels: ['infographic'] }, directory);
    expect(quiet.problems).toEqual([]);
    const loud = await resolveAudience({ planId: 'nq57-xa-minh-hoa', channels: ['loudspeaker', 'pressBriefing'] }, directory);
    expect(loud.problems.map((p) => p.field)).toEqual(['units', 'mediaList']);
    expect(loud.problems[0]!.message).toContain('kế hoạch nq57-xa-minh-hoa chưa gắn với đơn vị ban hành nào trong danh bạ');
  });

  it('an unknown station id is named with the stations there are', async () => {
    const a = await resolveAudience({ planId: 'phuong-bac-kan-2026', channels: ['loudspeaker'], localities: ['phuong-duc-xuan'] }, directory);
    expect(a.problems).toEqual([{ field: 'localities', message: expect.stringMatching(/^không có trạm "phuong-duc-xuan" trong các đơn vị nhận bản tin \(Phường Bắc Kạn\); các trạm: phuong-bac-kan-trung-tam, /) }]);
  });
});
