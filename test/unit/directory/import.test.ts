import { describe, expect, it } from 'vitest';
import { exportRows, formatImportProblem, parseCsv, parseSlots, planImport, summarize, writeCsv, type ImportContext, type Sheet, type Unit } from '../../../domain/directory/index.js';
import { xlsxBytes, xlsxSheet } from '../../../infra/directory-files.js';
import { loadSampleUnits } from '../../../infra/directory-store.js';

const samples = await loadSampleUnits();

/** The import context of a directory holding `units`. */
function context(units: readonly Unit[]): ImportContext {
  const current = new Map(units.map((u) => [u.id, { unit: u, revision: 3 }]));
  return {
    current,
    summary: (id) => units.find((u) => u.id === id),
    ownerOfPlan: (planId) => units.find((u) => u.plans.includes(planId)),
  };
}

const csv = (text: string): Sheet => parseCsv(text);
const STATIONS_HEADER = 'Mã đơn vị,Mã trạm,Tên trạm cụm loa,Loại trạm,Thôn tổ dân phố,Hệ thống,Khung giờ phát,Người vận hành,Email người vận hành,Điện thoại người vận hành';

describe('CSV', () => {
  it('reads a byte-order mark, quoted cells with commas and line breaks, and semicolon separators', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","dòng 1\ndòng 2"\r\n').rows).toEqual([['a', 'b'], ['x, y', 'dòng 1\ndòng 2']]);
    expect(parseCsv('Mã;Tên\nxa-a;"Xã ""A"""\n').rows).toEqual([['Mã', 'Tên'], ['xa-a', 'Xã "A"']]);
    expect(parseCsv(writeCsv([['Tên', 'Ghi chú'], ['Xã Hữu Lũng', 'có "ngoặc", dấu phẩy']])).rows).toEqual([['Tên', 'Ghi chú'], ['Xã Hữu Lũng', 'có "ngoặc", dấu phẩy']]);
  });
});

describe('broadcast slots in a cell', () => {
  it('reads labels and start–end times; says what is wrong with an entry', () => {
    expect(parseSlots('Buổi sáng 05:30-06:00; 17h00-17h20 Buổi chiều')).toEqual({
      slots: [
        { id: 'buoi-sang', label: 'Buổi sáng', start: '05:30', durationMinutes: 30 },
        { id: 'buoi-chieu', label: 'Buổi chiều', start: '17:00', durationMinutes: 20 },
      ],
      problems: [],
    });
    expect(parseSlots('sáng 6 giờ').problems[0]).toContain('không đọc được');
    expect(parseSlots('Tối 22:00-21:00').problems[0]).toContain('giờ kết thúc phải sau giờ bắt đầu');
  });
});

describe('importing stations', () => {
  const huuLung = samples.find((u) => u.id === 'xa-huu-lung')!;

  it('lists every bad row and column in Vietnamese, and plans nothing', () => {
    const unknownColumn = planImport('stations', csv(`${STATIONS_HEADER},Ghi chú\nxa-huu-lung,trung-tam,Đài,,,truyền thống,Buổi sáng 05:30-06:00,Người,a@example.org,0000 100 005,x\n`), context(samples));
    expect(unknownColumn.changes).toEqual([]);
    expect(unknownColumn.problems.map(formatImportProblem)).toEqual([expect.stringMatching(/^Dòng 1, cột “Ghi chú” \(K\): cột không dùng được trong tệp trạm truyền thanh, cụm loa/)]);
    const bad = planImport(
      'stations',
      csv(
        [
          STATIONS_HEADER,
          'xa-huu-lung,trung-tam,Đài truyền thanh xã Hữu Lũng,đài truyền thanh,,truyền thống,Buổi sáng 05:30-06:00,Dương Thị Mẫu,khong-phai-email,0000 100 005',
          'xa-huu-lung,thon-a,Cụm loa thôn A,cụm loa,Thôn A,vô tuyến,Buổi sáng 25:00-25:30,Người A,a@example.org,0000 100 010',
          'xa-khong-co,trung-tam,Đài,,,ip,Buổi sáng 05:30-06:00,Người B,b@example.org,0000 100 011',
        ].join('\n'),
      ),
      context(samples),
    );
    expect(bad.changes).toEqual([]);
    expect(bad.problems.map(formatImportProblem)).toEqual([
      'Dòng 2, cột “Email người vận hành” (I): phải là địa chỉ email, ví dụ "ten@example.org"',
      expect.stringMatching(/^Dòng 3, cột “Hệ thống” \(F\): “vô tuyến” không hợp lệ; ghi “loa thông minh”, “truyền thống”/),
      'Dòng 3, cột “Khung giờ phát” (G): “Buổi sáng 25:00-25:30”: giờ không có thật',
      expect.stringMatching(/^Dòng 4, cột “Mã đơn vị” \(A\): không có đơn vị mã "xa-khong-co" trong danh bạ/),
    ]);
  });

  it('names a missing required column, and overlapping slots and sample addresses at their row', () => {
    const missing = planImport('stations', csv('Mã đơn vị,Mã trạm\nxa-huu-lung,trung-tam\n'), context(samples));
    expect(missing.problems.map((p) => p.column)).toEqual(['Tên trạm, cụm loa', 'Hệ thống', 'Khung giờ phát', 'Người vận hành', 'Email người vận hành', 'Điện thoại người vận hành']);
    expect(missing.problems.every((p) => p.row === 1 && p.message === 'thiếu cột bắt buộc này')).toBe(true);
    const overlap = planImport('stations', csv(`${STATIONS_HEADER}\nxa-huu-lung,trung-tam,Đài,,,truyền thống,Buổi sáng 05:30-06:00; Bổ sung 05:45-06:10,Người,nguoi@gmail.com,0000 100 005\n`), context(samples));
    expect(overlap.problems.map(formatImportProblem)).toEqual([
      'Dòng 2, cột “Khung giờ phát” (G): khung giờ "Bổ sung" (05:45) bắt đầu khi khung "Buổi sáng" (05:30, 30 phút) chưa kết thúc',
      expect.stringMatching(/^Dòng 2, cột “Email người vận hành” \(I\): dữ liệu mẫu \(sample: true\) chỉ được dùng địa chỉ @example\.org/),
    ]);
  });

  it('previews what is added, changed and removed per unit, and keeps the stations of units not in the file', () => {
    const plan = planImport(
      'stations',
      csv(
        [
          STATIONS_HEADER,
          'xa-huu-lung,trung-tam,Đài truyền thanh xã Hữu Lũng,đài truyền thanh,,loa thông minh,Buổi sáng 05:30-06:00,Dương Thị Mẫu,truyenthanh.huulung@example.org,0000 100 005',
          'xa-huu-lung,thon-ba-nang,Cụm loa thôn Ba Nàng,cụm loa,Thôn Ba Nàng,truyền thống,Buổi chiều 17:00-17:20,Người Mẫu,banang.huulung@example.org,0000 100 020',
          'xa-dong-dang,trung-tam,Đài truyền thanh xã Đồng Đăng,,,loa thông minh,Buổi sáng 06:00-06:20; Buổi chiều 17:00-17:20,Triệu Thị Mẫu,truyenthanh.dongdang@example.org,0000 100 003',
        ].join('\n'),
      ),
      context(samples),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.changes.map((c) => ({ unit: c.unitId, action: c.action, from: c.expectedRevision, added: c.added, changed: c.changed, removed: c.removed }))).toEqual([
      { unit: 'xa-huu-lung', action: 'update', from: 3, added: ['Cụm loa thôn Ba Nàng'], changed: ['Đài truyền thanh xã Hữu Lũng'], removed: [] },
      { unit: 'xa-dong-dang', action: 'update', from: 3, added: [], changed: [], removed: ['Cụm loa thôn Nà Lân'] },
    ]);
    const after = plan.changes[0]!.after;
    expect(after.broadcast!.stations[0]).toMatchObject({ system: 'ip', slots: [{ id: 'sang', label: 'Buổi sáng', start: '05:30', durationMinutes: 30 }] });
    expect(after.editors).toEqual(huuLung.editors);
  });

  it('exporting and importing back changes nothing, in CSV and in XLSX', async () => {
    for (const kind of ['units', 'stations', 'media', 'editors'] as const) {
      const rows = exportRows(kind, samples);
      expect(rows.length, kind).toBeGreaterThan(1);
      const fromCsv = planImport(kind, parseCsv(writeCsv(rows)), context(samples));
      expect(fromCsv.problems, kind).toEqual([]);
      expect(fromCsv.changes.map((c) => c.unitId), kind).toEqual([]);
      const fromXlsx = planImport(kind, await xlsxSheet(await xlsxBytes(rows, kind)), context(samples));
      expect(fromXlsx.problems, kind).toEqual([]);
      expect(fromXlsx.changes, kind).toEqual([]);
    }
  });
});

describe('importing units, media lists and editors', () => {
  it('adds a province and its communes from one file; a plan already owned elsewhere is refused at its cell', () => {
    const plan = planImport(
      'units',
      csv(['Mã đơn vị,Tên đơn vị,Tên ngắn,Cấp,Mã tỉnh thành phố trực thuộc,Kế hoạch ban hành', 'tinh-cao-bang,Tỉnh Cao Bằng,Cao Bằng,tỉnh,,', 'phuong-thuc-phan,Phường Thục Phán,Thục Phán,phường,tinh-cao-bang,', 'xa-mau,Xã Mẫu,Mẫu,xã,tinh-cao-bang,phuong-bac-kan-2026'].join('\n')),
      context(samples),
    );
    expect(plan.problems.map(formatImportProblem)).toEqual(['Dòng 4, cột “Kế hoạch ban hành” (F): kế hoạch "phuong-bac-kan-2026" đã thuộc “Phường Bắc Kạn”; mỗi kế hoạch thuộc một đơn vị ban hành']);
    const ok = planImport('units', csv(['Mã đơn vị,Tên đơn vị,Tên ngắn,Cấp,Mã tỉnh thành phố trực thuộc', 'tinh-cao-bang,Tỉnh Cao Bằng,Cao Bằng,tỉnh,', 'phuong-thuc-phan,Phường Thục Phán,Thục Phán,phường,tinh-cao-bang'].join('\n')), context(samples));
    expect(ok.problems).toEqual([]);
    expect(ok.changes.map((c) => [c.unitId, c.action, c.after.tier, c.after.kind])).toEqual([
      ['tinh-cao-bang', 'create', 'province', undefined],
      ['phuong-thuc-phan', 'create', 'commune', 'phuong'],
    ]);
  });

  it('a commune whose parent is not a province, and a repeated unit, are refused at their rows', () => {
    const plan = planImport('units', csv(['Mã đơn vị,Tên đơn vị,Tên ngắn,Cấp,Mã tỉnh thành phố trực thuộc', 'xa-a,Xã A,A,xã,so-gddt-lang-son', 'xa-a,Xã A,A,xã,tinh-lang-son', 'xa-b,Xã B,B,huyện,tinh-lang-son'].join('\n')), context(samples));
    expect(plan.problems.map(formatImportProblem)).toEqual([
      expect.stringMatching(/^Dòng 3, cột “Mã đơn vị” \(A\): mã đơn vị "xa-a" đã có ở dòng 2/),
      expect.stringMatching(/^Dòng 4, cột “Cấp” \(D\): “huyện” không hợp lệ/),
    ]);
    const parent = planImport('units', csv(['Mã đơn vị,Tên đơn vị,Tên ngắn,Cấp,Mã tỉnh thành phố trực thuộc', 'xa-a,Xã A,A,xã,so-gddt-lang-son'].join('\n')), context(samples));
    expect(parent.problems.map(formatImportProblem)).toEqual(['Dòng 2, cột “Mã tỉnh thành phố trực thuộc” (E): “Sở Giáo dục và Đào tạo tỉnh Lạng Sơn” là sở, ngành, không phải tỉnh hoặc thành phố; sở và đơn vị cấp xã trực thuộc tỉnh, thành phố']);
  });

  it('replaces a unit’s journalists and editors; bad roles and emails are named', () => {
    const media = planImport('media', csv('Mã đơn vị,Mã phóng viên,Họ tên,Cơ quan báo chí,Email,Lĩnh vực phụ trách\ntinh-lang-son,pv-moi,Người Mới,Báo Mẫu,pv.moi@example.org,giáo dục; xã hội\n'), context(samples));
    expect(media.changes[0]).toMatchObject({ unitId: 'tinh-lang-son', added: ['Người Mới <pv.moi@example.org>'] });
    expect(media.changes[0]!.removed).toHaveLength(4);
    expect(media.changes[0]!.after.mediaList!.pressContact).toEqual(samples.find((u) => u.id === 'tinh-lang-son')!.mediaList!.pressContact);
    const editors = planImport('editors', csv('Mã đơn vị,Email,Họ tên,Vai trò\nxa-huu-lung,bt@example.org,Biên Tập,biên tập viên\nxa-huu-lung,ld@example.org,Lãnh Đạo,giám đốc\nxa-huu-lung,sai,Ai Đó,quản trị\n'), context(samples));
    expect(editors.problems.map(formatImportProblem)).toEqual([
      expect.stringMatching(/^Dòng 3, cột “Vai trò” \(D\): “giám đốc” không hợp lệ; ghi “biên tập viên”, “lãnh đạo”, “quản trị”/),
      'Dòng 4, cột “Email” (B): phải là địa chỉ email, ví dụ "ten@example.org"',
    ]);
  });
});

describe('summaries for the index', () => {
  it('count stations, journalists and editors, and keep the plans', () => {
    const s = summarize(samples.find((u) => u.id === 'phuong-bac-kan')!, { revision: 2, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'a@example.org' });
    expect(s).toMatchObject({ stations: 4, journalists: 6, plans: ['phuong-bac-kan-2026'], revision: 2 });
    expect(s.editors).toHaveLength(4);
  });
});
