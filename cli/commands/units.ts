/**
 * `campaign units list | show | import | export` — the directory of units in the object store:
 * every unit with its stations or loudspeaker clusters, portal, media list, editors and plans.
 * Imports from CSV or XLSX show what they would add, change and remove first; `--apply` writes
 * only a file without problems; `--undo` puts back an applied import.
 */
import path from 'node:path';
import { IMPORT_KINDS, importKindLabels, exportRows, formatImportProblem, formatSlots, type ImportKind, type ImportPlan } from '../../domain/directory/import.js';
import { communeKindLabels, editorRoleLabels, stationKindLabels, unitTierLabels, type UnitTier } from '../../domain/directory/schema.js';
import { broadcastSystemLabels } from '../../domain/localities.js';
import { changeActionLabels, ImportRefusedError, UnitNotFoundError, vnTimeLabel, type DirectoryStore } from '../../infra/directory-store.js';
import { readSheetFile, SheetFileError, writeSheetFile } from '../../infra/directory-files.js';
import { writeCsv } from '../../domain/directory/table.js';
import { CliError, parseOptions, type Command } from '../command.js';
import { storeDirectory } from '../directory.js';
import { table } from '../output.js';

const TIERS = Object.keys(unitTierLabels) as UnitTier[];
const kindChoices = IMPORT_KINDS.map((k) => `${k} (${importKindLabels[k]})`).join(', ');
const defaultActor = () => `dòng lệnh (${process.env.USER ?? 'không rõ'})`;

const store = (): Promise<DirectoryStore> => storeDirectory();

const listUsage = `Cách dùng: campaign units list [--search CHỮ] [--tier CẤP] [--parent MÃ] [--json] [--reindex]

  --search CHỮ   tìm theo mã, tên, tên ngắn (không phân biệt hoa thường, có dấu hay không)
  --tier CẤP     ${TIERS.map((t) => `${t} (${unitTierLabels[t]})`).join(', ')}
  --parent MÃ    các đơn vị trực thuộc tỉnh, thành phố này
  --reindex      dựng lại chỉ mục danh bạ từ các đơn vị đã lưu (sau sự cố)
  --json         in kết quả dạng JSON`;

export const unitsListCommand: Command = {
  name: 'units list',
  summary: 'Liệt kê, tìm đơn vị trong danh bạ',
  usage: listUsage,
  async run(argv) {
    const { values: v } = parseOptions(argv, { search: { type: 'string' }, tier: { type: 'string' }, parent: { type: 'string' }, json: { type: 'boolean' }, reindex: { type: 'boolean' } }, listUsage);
    if (v.tier && !TIERS.includes(v.tier as UnitTier)) throw new CliError(`Cấp "${v.tier}" không hợp lệ; chọn: ${TIERS.join(', ')}.\n\n${listUsage}`, 2);
    const directory = await store();
    if (v.reindex) {
      const n = await directory.rebuildIndex();
      if (!v.json) process.stdout.write(`Đã dựng lại chỉ mục: ${n} đơn vị.\n`);
    }
    const units = await directory.list({ ...(v.search ? { text: v.search } : {}), ...(v.tier ? { tier: v.tier as UnitTier } : {}), ...(v.parent ? { parentId: v.parent } : {}) });
    if (v.json) {
      process.stdout.write(JSON.stringify(units, null, 2) + '\n');
      return 0;
    }
    if (units.length === 0) {
      process.stdout.write(v.search || v.tier || v.parent ? 'Không có đơn vị nào khớp.\n' : 'Danh bạ chưa có đơn vị nào. Nhập bằng: campaign units import TỆP --kind units\n');
      return 0;
    }
    const names = new Map(units.map((u) => [u.id, u.name]));
    const parents = await Promise.all(units.map(async (u) => (u.parentId ? (names.get(u.parentId) ?? (await directory.summary(u.parentId))?.name ?? u.parentId) : '')));
    const rows = units.map((u, i) => [
      u.id,
      u.name,
      u.kind ? communeKindLabels[u.kind] : unitTierLabels[u.tier],
      parents[i]!,
      String(u.stations),
      String(u.journalists),
      String(u.editors.length),
      u.plans.join(', '),
    ]);
    process.stdout.write(table(['Mã', 'Tên', 'Cấp', 'Trực thuộc', 'Trạm', 'Phóng viên', 'Biên tập', 'Kế hoạch ban hành'], rows) + `\n\n${units.length} đơn vị.\n`);
    return 0;
  },
};

const showUsage = `Cách dùng: campaign units show MÃ [--history] [--json]

  --history   kèm nhật ký thay đổi (ai, lúc nào, thay đổi gì)
  --json      in kết quả dạng JSON`;

export const unitsShowCommand: Command = {
  name: 'units show',
  summary: 'Xem một đơn vị: trạm truyền thanh, trang thông tin, phóng viên, biên tập viên',
  usage: showUsage,
  async run(argv) {
    const { values: v, positionals } = parseOptions(argv, { history: { type: 'boolean' }, json: { type: 'boolean' } }, showUsage, true);
    const id = positionals[0];
    if (!id || positionals.length > 1) throw new CliError(`Cần đúng một mã đơn vị.\n\n${showUsage}`, 2);
    const directory = await store();
    const found = await directory.get(id);
    if (!found) {
      const near = await directory.search(id.replace(/-/g, ' '));
      throw new CliError(`${new UnitNotFoundError(id).message}${near.length ? `\nCó phải: ${near.slice(0, 5).map((u) => `${u.id} (${u.name})`).join(', ')}?` : ''}`, 1);
    }
    const history = v.history ? await directory.history(id) : undefined;
    if (v.json) {
      process.stdout.write(JSON.stringify({ ...found, ...(history ? { history } : {}) }, null, 2) + '\n');
      return 0;
    }
    const { unit } = found;
    const parent = unit.parentId ? await directory.summary(unit.parentId) : undefined;
    const lines: string[] = [
      `${unit.name} (${unit.id})`,
      `  Cấp: ${unit.kind ? `${unitTierLabels[unit.tier]} — ${communeKindLabels[unit.kind]}` : unitTierLabels[unit.tier]}${parent ? `, trực thuộc ${parent.name}` : ''}`,
      ...(unit.body ? [`  Cơ quan: ${unit.body}`] : []),
      `  Kế hoạch ban hành: ${unit.plans.join(', ') || '(chưa có)'}`,
      `  Trang thông tin: ${unit.portal ? `${unit.portal.title} — ${unit.portal.baseUrl}${unit.portal.section ? ` (chuyên mục ${unit.portal.section})` : ''}` : '(chưa có)'}`,
      `  Phiên bản ${found.revision}, sửa lần cuối lúc ${vnTimeLabel(found.updatedAt)} bởi ${found.updatedBy}`,
      '',
    ];
    if (unit.broadcast) {
      lines.push(`Hệ thống truyền thanh: ${unit.broadcast.name}`);
      lines.push(
        table(
          ['Mã trạm', 'Tên', 'Loại', 'Thôn, tổ dân phố', 'Hệ thống', 'Khung giờ', 'Người vận hành'],
          unit.broadcast.stations.map((s) => [
            s.id,
            s.name,
            stationKindLabels[s.kind],
            s.area ?? '',
            `${broadcastSystemLabels[s.system]}${s.tts ? ` (giọng đọc: tốc độ ${s.tts.rate ?? 1}, cao độ ${s.tts.pitch ?? 0})` : ''}`,
            formatSlots(s.slots),
            `${s.operator.name}, ${s.operator.email}, ${s.operator.phone}`,
          ]),
        ),
        '',
      );
    } else lines.push('Hệ thống truyền thanh: (chưa có)', '');
    const media = unit.mediaList;
    lines.push(`Danh sách phóng viên: ${media?.journalists.length ?? 0} người${media?.pressContact ? `; đầu mối: ${media.pressContact.name} <${media.pressContact.email}>` : ''}`);
    if (media?.journalists.length) lines.push(table(['Mã', 'Họ tên', 'Cơ quan báo chí', 'Email', 'Lĩnh vực'], media.journalists.map((j) => [j.id, j.name, j.outlet, j.email, j.beats.join(', ')])));
    lines.push('', `Biên tập viên: ${unit.editors.length} người`);
    if (unit.editors.length) lines.push(table(['Email', 'Họ tên', 'Vai trò', 'Bộ phận'], unit.editors.map((e) => [e.email, e.name, editorRoleLabels[e.role], e.office ?? ''])));
    if (history) {
      lines.push('', 'Nhật ký thay đổi:');
      lines.push(table(['Phiên bản', 'Lúc', 'Người', 'Việc', 'Lần nhập'], history.map((h) => [String(h.revision), vnTimeLabel(h.at), h.by, `${changeActionLabels[h.action]}${h.note ? ` — ${h.note}` : ''}`, h.importId ?? ''])));
    }
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};

const importUsage = `Cách dùng: campaign units import TỆP --kind LOẠI [--apply] [--by EMAIL] [--json]
       campaign units import --undo MÃ_LẦN_NHẬP [--by EMAIL] [--json]
       campaign units import --history [--json]

Nhập từ tệp CSV (UTF-8) hoặc Excel (.xlsx). Mặc định chỉ xem trước: đơn vị nào được thêm, sửa,
trạm, phóng viên, biên tập viên nào được thêm, sửa, bỏ; mọi lỗi kèm dòng và cột. Chỉ nhập khi
tệp không còn lỗi. Với trạm, phóng viên, biên tập viên: danh sách trong tệp thay cho danh sách
hiện có của mỗi đơn vị có trong tệp. Xuất tệp mẫu: campaign units export --kind LOẠI --out TỆP.

  --kind LOẠI     ${kindChoices}
  --apply         nhập thật (không có: chỉ xem trước)
  --by EMAIL      người nhập, ghi vào nhật ký (mặc định: người dùng máy)
  --undo MÃ       hoàn tác một lần nhập: trả mỗi đơn vị về phiên bản trước lần nhập đó
  --history       các lần nhập, mới nhất trước
  --json          in kết quả dạng JSON`;

function printPlan(plan: ImportPlan, file: string): string {
  const lines = [`Tệp ${file} (${importKindLabels[plan.kind]}): ${plan.rows} dòng dữ liệu.`];
  if (plan.problems.length) {
    lines.push(`Có ${plan.problems.length} lỗi; chưa nhập gì. Sửa các lỗi rồi chạy lại:`, ...plan.problems.map((p) => `  - ${formatImportProblem(p)}`));
    return lines.join('\n');
  }
  if (plan.changes.length === 0) lines.push('Không có gì thay đổi so với danh bạ.');
  for (const c of plan.changes) {
    lines.push(`  ${c.name} (${c.unitId}) — ${c.action === 'create' ? 'thêm mới' : `sửa phiên bản ${c.expectedRevision}`}`);
    for (const a of c.added) lines.push(`      + thêm: ${a}`);
    for (const a of c.changed) lines.push(`      ~ sửa: ${a}`);
    for (const a of c.removed) lines.push(`      - bỏ: ${a}`);
  }
  if (plan.unchanged.length) lines.push(`  Không đổi: ${plan.unchanged.length} đơn vị (${plan.unchanged.slice(0, 10).join(', ')}${plan.unchanged.length > 10 ? ', …' : ''})`);
  return lines.join('\n');
}

const planJson = (plan: ImportPlan) => ({
  kind: plan.kind,
  rows: plan.rows,
  changes: plan.changes.map(({ before: _b, after: _a, ...c }) => c),
  unchanged: plan.unchanged,
  problems: plan.problems.map((p) => ({ ...p, text: formatImportProblem(p) })),
});

export const unitsImportCommand: Command = {
  name: 'units import',
  summary: 'Nhập đơn vị, trạm, phóng viên, biên tập viên từ CSV hoặc Excel (xem trước, nhập, hoàn tác)',
  usage: importUsage,
  async run(argv) {
    const { values: v, positionals } = parseOptions(
      argv,
      { kind: { type: 'string' }, apply: { type: 'boolean' }, by: { type: 'string' }, undo: { type: 'string' }, history: { type: 'boolean' }, json: { type: 'boolean' } },
      importUsage,
      true,
    );
    const by = v.by ?? defaultActor();
    if (v.history) {
      const directory = await store();
      const records = await directory.imports();
      if (v.json) process.stdout.write(JSON.stringify(records, null, 2) + '\n');
      else if (records.length === 0) process.stdout.write('Chưa có lần nhập nào.\n');
      else {
        const status = (r: (typeof records)[number]) => (r.undone ? `đã hoàn tác lúc ${vnTimeLabel(r.undone.at)}` : r.status === 'applied' ? 'đã nhập' : r.status === 'failed' ? 'đã trả lại' : 'đang nhập');
        process.stdout.write(table(['Mã lần nhập', 'Lúc', 'Người', 'Loại', 'Tệp', 'Đơn vị', 'Trạng thái'], records.map((r) => [r.id, vnTimeLabel(r.at), r.by, importKindLabels[r.kind], r.file ?? '', String(r.units.length), status(r)])) + '\n');
      }
      return 0;
    }
    if (v.undo) {
      const directory = await store();
      try {
        const { restored } = await directory.undoImport(v.undo, { by });
        if (v.json) process.stdout.write(JSON.stringify({ ok: true, importId: v.undo, restored }) + '\n');
        else process.stdout.write(`Đã hoàn tác lần nhập ${v.undo}: ${restored.length} đơn vị trở về phiên bản trước lần nhập (${restored.join(', ')}). Việc hoàn tác được ghi vào nhật ký.\n`);
        return 0;
      } catch (err) {
        if (err instanceof ImportRefusedError) throw new CliError(err.message, 1);
        throw err;
      }
    }
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError(`Cần đúng một tệp để nhập.\n\n${importUsage}`, 2);
    if (!v.kind || !IMPORT_KINDS.includes(v.kind as ImportKind)) throw new CliError(`${v.kind ? `Loại "${v.kind}" không hợp lệ` : 'Thiếu --kind'}; chọn: ${kindChoices}.\n\n${importUsage}`, 2);
    let sheet;
    try {
      sheet = await readSheetFile(file);
    } catch (err) {
      if (err instanceof SheetFileError) throw new CliError(`Không nhập được: ${err.message}.`, 1);
      throw err;
    }
    const directory = await store();
    const plan = await directory.previewImport(v.kind as ImportKind, sheet);
    const shown = path.basename(file);
    if (plan.problems.length || !v.apply) {
      if (v.json) process.stdout.write(JSON.stringify({ ok: plan.problems.length === 0, applied: false, ...planJson(plan) }, null, 2) + '\n');
      else process.stdout.write(`${printPlan(plan, shown)}\n${plan.problems.length ? '' : plan.changes.length ? 'Chưa nhập (xem trước). Chạy lại với --apply để nhập.\n' : ''}`);
      return plan.problems.length ? 1 : 0;
    }
    if (plan.changes.length === 0) {
      if (v.json) process.stdout.write(JSON.stringify({ ok: true, applied: false, ...planJson(plan) }, null, 2) + '\n');
      else process.stdout.write(`${printPlan(plan, shown)}\n`);
      return 0;
    }
    try {
      const record = await directory.applyImport(plan, { by, file: shown });
      if (v.json) process.stdout.write(JSON.stringify({ ok: true, applied: true, importId: record.id, ...planJson(plan) }, null, 2) + '\n');
      else process.stdout.write(`${printPlan(plan, shown)}\nĐã nhập ${record.units.length} đơn vị. Mã lần nhập: ${record.id}\nHoàn tác nếu cần: campaign units import --undo ${record.id}\n`);
      return 0;
    } catch (err) {
      if (err instanceof ImportRefusedError) throw new CliError(err.message, 1);
      throw err;
    }
  },
};

const exportUsage = `Cách dùng: campaign units export --kind LOẠI [--unit MÃ] [--out TỆP.csv|TỆP.xlsx]

Xuất danh bạ dạng tệp nhập được (cùng các cột): không có --out thì in CSV ra màn hình.
  --kind LOẠI   ${kindChoices}
  --unit MÃ     chỉ đơn vị này và các đơn vị trực thuộc
  --out TỆP     ghi vào tệp .csv (UTF-8, mở được bằng Excel) hoặc .xlsx`;

export const unitsExportCommand: Command = {
  name: 'units export',
  summary: 'Xuất đơn vị, trạm, phóng viên, biên tập viên ra CSV hoặc Excel',
  usage: exportUsage,
  async run(argv) {
    const { values: v } = parseOptions(argv, { kind: { type: 'string' }, unit: { type: 'string' }, out: { type: 'string' } }, exportUsage);
    if (!v.kind || !IMPORT_KINDS.includes(v.kind as ImportKind)) throw new CliError(`${v.kind ? `Loại "${v.kind}" không hợp lệ` : 'Thiếu --kind'}; chọn: ${kindChoices}.\n\n${exportUsage}`, 2);
    const kind = v.kind as ImportKind;
    const directory = await store();
    let units;
    if (v.unit) {
      const root = await directory.unit(v.unit);
      if (!root) throw new CliError(new UnitNotFoundError(v.unit).message, 1);
      const children = await Promise.all((await directory.list({ parentId: v.unit })).map((s) => directory.unit(s.id)));
      units = [root, ...children.filter((u) => u !== undefined)];
    } else units = await directory.allUnits();
    const rows = exportRows(kind, units);
    if (!v.out) {
      process.stdout.write(writeCsv(rows).replace(/^\uFEFF/, ''));
      return 0;
    }
    try {
      await writeSheetFile(v.out, rows, importKindLabels[kind]);
    } catch (err) {
      if (err instanceof SheetFileError) throw new CliError(`${err.message}.`, 2);
      throw err;
    }
    process.stderr.write(`Đã xuất ${rows.length - 1} dòng (${importKindLabels[kind]}) vào ${v.out}.\n`);
    return 0;
  },
};
