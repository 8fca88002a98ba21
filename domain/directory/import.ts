/**
 * Importing and exporting the directory as spreadsheets (CSV or XLSX): units, stations and
 * loudspeaker clusters, media lists, editors. Reading a sheet names every problem by row and
 * column in Vietnamese; planning an import against the current units says what will be added,
 * changed and removed, unit by unit. Nothing here writes: the store applies a plan only when it
 * has no problem. Pure.
 */
import { z } from 'zod';
import { clockMinutes } from '../localities.js';
import { journalistSchema } from '../media-list.js';
import { vietnameseErrorMap } from '../plan/zod-problems.js';
import { slugify } from '../slug.js';
import {
  communeKindLabels,
  editorRoleLabels,
  stationKindLabels,
  stationSchema,
  unitEditorSchema,
  unitSchema,
  unitTierLabels,
  type CommuneKind,
  type EditorRole,
  type Station,
  type Unit,
  type UnitTier,
} from './schema.js';
import { foldVietnamese } from './search.js';
import { cellText, columnLetter, type Cell, type Sheet } from './table.js';
import { directoryProblems, unitProblems, type UnitProblem } from './validate.js';

export const ImportKind = { units: 'units', stations: 'stations', media: 'media', editors: 'editors' } as const;
export type ImportKind = (typeof ImportKind)[keyof typeof ImportKind];
export const importKindLabels: Record<ImportKind, string> = {
  units: 'đơn vị',
  stations: 'trạm truyền thanh, cụm loa',
  media: 'danh sách phóng viên',
  editors: 'biên tập viên',
};
export const IMPORT_KINDS = Object.keys(importKindLabels) as ImportKind[];

interface ColumnSpec {
  key: string;
  header: string;
  required?: boolean;
  aliases?: string[];
}

/** The columns of each kind of file, in export order; headers are matched ignoring case and diacritics. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  units: [
    { key: 'id', header: 'Mã đơn vị', required: true },
    { key: 'name', header: 'Tên đơn vị', required: true },
    { key: 'shortName', header: 'Tên ngắn', required: true },
    { key: 'tier', header: 'Cấp', required: true },
    { key: 'kind', header: 'Loại đơn vị cấp xã' },
    { key: 'parentId', header: 'Mã tỉnh, thành phố trực thuộc', aliases: ['Mã đơn vị cấp trên'] },
    { key: 'body', header: 'Cơ quan' },
    { key: 'portalTitle', header: 'Tên trang thông tin' },
    { key: 'portalUrl', header: 'Địa chỉ trang thông tin' },
    { key: 'portalSection', header: 'Chuyên mục' },
    { key: 'plans', header: 'Kế hoạch ban hành' },
  ],
  stations: [
    { key: 'unitId', header: 'Mã đơn vị', required: true },
    { key: 'broadcastName', header: 'Tên đài khi phát' },
    { key: 'stationId', header: 'Mã trạm', required: true },
    { key: 'stationName', header: 'Tên trạm, cụm loa', required: true },
    { key: 'stationKind', header: 'Loại trạm' },
    { key: 'area', header: 'Thôn, tổ dân phố' },
    { key: 'system', header: 'Hệ thống', required: true },
    { key: 'ttsRate', header: 'Tốc độ giọng đọc' },
    { key: 'ttsPitch', header: 'Cao độ giọng đọc' },
    { key: 'slots', header: 'Khung giờ phát', required: true },
    { key: 'operatorName', header: 'Người vận hành', required: true },
    { key: 'operatorEmail', header: 'Email người vận hành', required: true },
    { key: 'operatorPhone', header: 'Điện thoại người vận hành', required: true },
  ],
  media: [
    { key: 'unitId', header: 'Mã đơn vị', required: true },
    { key: 'journalistId', header: 'Mã phóng viên', required: true },
    { key: 'name', header: 'Họ tên', required: true },
    { key: 'outlet', header: 'Cơ quan báo chí', required: true },
    { key: 'email', header: 'Email', required: true },
    { key: 'beats', header: 'Lĩnh vực phụ trách', required: true },
  ],
  editors: [
    { key: 'unitId', header: 'Mã đơn vị', required: true },
    { key: 'email', header: 'Email', required: true },
    { key: 'name', header: 'Họ tên', required: true },
    { key: 'role', header: 'Vai trò', required: true },
    { key: 'office', header: 'Bộ phận' },
  ],
};

/** One problem of a file, at a row (1 = the header) and a column. */
export interface ImportProblem {
  row: number;
  /** The column's header, as in the file (or as expected when it is missing). */
  column?: string;
  /** Spreadsheet letter of the column, e.g. "K". */
  letter?: string;
  message: string;
}

/** "Dòng 3, cột “Email người vận hành” (K): …" */
export function formatImportProblem(p: ImportProblem): string {
  const col = p.column ? `, cột “${p.column}”${p.letter ? ` (${p.letter})` : ''}` : '';
  return `Dòng ${p.row}${col}: ${p.message}`;
}

/** One data row of a sheet: its number in the file and its cells by column key. */
export interface SheetRow {
  row: number;
  values: Record<string, string>;
}

interface ReadSheet {
  rows: SheetRow[];
  problems: ImportProblem[];
  /** Column key → header and letter as found in the file. */
  columns: Map<string, { header: string; letter: string }>;
}

/** Reads a sheet's header and rows: unknown, missing and repeated columns are problems of row 1. */
export function readImportSheet(kind: ImportKind, sheet: Sheet): ReadSheet {
  const specs = IMPORT_COLUMNS[kind];
  const problems: ImportProblem[] = [];
  const columns = new Map<string, { header: string; letter: string }>();
  const header = (sheet.rows[0] ?? []).map(cellText);
  const indexOf = new Map<number, string>();
  const known = (h: string) => {
    const f = foldVietnamese(h).replace(/[^a-z0-9]+/g, ' ').trim();
    return specs.find((s) => [s.header, s.key, ...(s.aliases ?? [])].some((n) => foldVietnamese(n).replace(/[^a-z0-9]+/g, ' ').trim() === f));
  };
  if (header.every((h) => h === '')) {
    return { rows: [], columns, problems: [{ row: 1, message: `tệp không có dòng tiêu đề; dòng đầu cần các cột: ${specs.map((s) => `“${s.header}”`).join(', ')}` }] };
  }
  header.forEach((h, i) => {
    if (h === '') return;
    const letter = columnLetter(i);
    const spec = known(h);
    if (!spec) {
      problems.push({ row: 1, column: h, letter, message: `cột không dùng được trong tệp ${importKindLabels[kind]}; các cột hợp lệ: ${specs.map((s) => `“${s.header}”`).join(', ')}` });
      return;
    }
    if (columns.has(spec.key)) {
      problems.push({ row: 1, column: h, letter, message: `cột này trùng với cột ${columns.get(spec.key)!.letter}; mỗi cột một lần` });
      return;
    }
    columns.set(spec.key, { header: h, letter });
    indexOf.set(i, spec.key);
  });
  for (const spec of specs) if (spec.required && !columns.has(spec.key)) problems.push({ row: 1, column: spec.header, message: 'thiếu cột bắt buộc này' });
  const rows: SheetRow[] = [];
  sheet.rows.slice(1).forEach((cells, i) => {
    const values: Record<string, string> = {};
    cells.forEach((c, j) => {
      const key = indexOf.get(j);
      if (key) values[key] = cellText(c as Cell);
    });
    if (Object.values(values).every((v) => v === '')) return;
    rows.push({ row: i + 2, values });
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ row: 2, message: 'tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào' });
  return { rows, problems, columns };
}

// ——— Cell values ———

type Choice<T extends string> = { code: T; names: string[] };

const TIER_CHOICES: Choice<UnitTier>[] = [
  { code: 'province', names: ['province', 'tỉnh'] },
  { code: 'city', names: ['city', 'thành phố', 'thành phố trực thuộc trung ương'] },
  { code: 'department', names: ['department', 'sở', 'sở, ngành', 'ngành', 'ban, ngành'] },
  { code: 'commune', names: ['commune', 'cấp xã', 'xã, phường, đặc khu'] },
];
const KIND_CHOICES: Choice<CommuneKind>[] = [
  { code: 'xa', names: ['xa', 'xã'] },
  { code: 'phuong', names: ['phuong', 'phường'] },
  { code: 'dacKhu', names: ['dacKhu', 'đặc khu'] },
];
const STATION_KIND_CHOICES: Choice<Station['kind']>[] = [
  { code: 'station', names: ['station', 'đài', 'đài truyền thanh', 'trạm'] },
  { code: 'cluster', names: ['cluster', 'cụm loa', 'cụm'] },
];
const SYSTEM_CHOICES: Choice<Station['system']>[] = [
  { code: 'ip', names: ['ip', 'loa thông minh', 'thông minh', 'ip (loa thông minh)', 'truyền thanh ip'] },
  { code: 'classic', names: ['classic', 'truyền thống', 'có dây', 'không dây', 'phát thanh viên đọc', 'truyền thanh truyền thống'] },
];
const ROLE_CHOICES: Choice<EditorRole>[] = [
  { code: 'editor', names: ['editor', 'biên tập viên', 'biên tập'] },
  { code: 'leader', names: ['leader', 'lãnh đạo'] },
  { code: 'admin', names: ['admin', 'quản trị', 'quản trị viên'] },
];

const fold = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();

function pick<T extends string>(value: string, choices: Choice<T>[]): T | undefined {
  const f = fold(value);
  return choices.find((c) => c.names.some((n) => fold(n) === f))?.code;
}

const choiceList = <T extends string>(choices: Choice<T>[]) => choices.map((c) => `“${c.names[1] ?? c.names[0]}”`).join(', ');

/** Writes export cells with these labels (what `pick` reads back). */
const labelOf = {
  tier: (t: UnitTier) => TIER_CHOICES.find((c) => c.code === t)!.names[1]!,
  kind: (k: CommuneKind) => communeKindLabels[k],
  stationKind: (k: Station['kind']) => stationKindLabels[k],
  system: (s: Station['system']) => (s === 'ip' ? 'loa thông minh' : 'truyền thống'),
  role: (r: EditorRole) => editorRoleLabels[r],
};

/** Parses "Buổi sáng 05:30-06:00; Buổi chiều 17:00-17:30" into slots; problems name the entry. */
export function parseSlots(text: string): { slots: { id: string; label: string; start: string; durationMinutes: number }[]; problems: string[] } {
  const slots: { id: string; label: string; start: string; durationMinutes: number }[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const entry of text.split(/[;\n]/).map((e) => e.trim()).filter(Boolean)) {
    const m = /^(.*?)\s*(\d{1,2})[:hg](\d{2})\s*[-–—]\s*(\d{1,2})[:hg](\d{2})\s*(.*)$/u.exec(entry);
    if (!m) {
      problems.push(`“${entry}” không đọc được; ghi mỗi khung giờ dạng “Buổi sáng 05:30-06:00”, các khung cách nhau bởi dấu chấm phẩy`);
      continue;
    }
    const [, before, h1, m1, h2, m2, after] = m;
    const start = `${h1!.padStart(2, '0')}:${m1}`;
    const end = `${h2!.padStart(2, '0')}:${m2}`;
    if (Number(h1) > 23 || Number(m1) > 59 || Number(h2) > 24 || Number(m2) > 59) {
      problems.push(`“${entry}”: giờ không có thật`);
      continue;
    }
    const duration = clockMinutes(end) - clockMinutes(start);
    if (duration <= 0) {
      problems.push(`“${entry}”: giờ kết thúc phải sau giờ bắt đầu (không phát qua nửa đêm)`);
      continue;
    }
    const label = `${before ?? ''} ${after ?? ''}`.replace(/^[\s,:(]+|[\s,:)]+$/g, '').trim() || `Khung ${start}`;
    let id = slugify(label);
    for (let n = 2; ids.has(id); n++) id = `${slugify(label)}-${n}`;
    ids.add(id);
    slots.push({ id, label, start, durationMinutes: duration });
  }
  if (slots.length === 0 && problems.length === 0) problems.push('cần ít nhất một khung giờ phát, ví dụ “Buổi sáng 05:30-06:00”');
  return { slots, problems };
}

/** Slots as the export writes them. */
export function formatSlots(slots: readonly { label: string; start: string; durationMinutes: number }[]): string {
  const end = (s: { start: string; durationMinutes: number }) => {
    const t = clockMinutes(s.start) + s.durationMinutes;
    return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  };
  return slots.map((s) => `${s.label} ${s.start}-${end(s)}`).join('; ');
}

const splitList = (s: string) => s.split(/[;,\n]/).map((x) => x.trim()).filter(Boolean);

/** A number as people write it in a cell or a field (a decimal comma or point). */
export function parseNumber(s: string): number | undefined {
  const n = Number(s.replace(',', '.'));
  return s === '' || !Number.isFinite(n) ? undefined : n;
}

// ——— Rows → items ———

interface RowItem<T> {
  row: SheetRow;
  unitId: string;
  item: T;
}

type ColumnOf = (key: string) => { column: string; letter?: string };

interface ParsedRows<T> {
  items: RowItem<T>[];
  problems: ImportProblem[];
}

/** Schema issues of one row's item, each at the column holding the field. */
function schemaProblems(row: SheetRow, issues: z.core.$ZodIssue[], columnOfPath: (path: PropertyKey[]) => string, col: ColumnOf, prefix: (path: PropertyKey[]) => string = () => ''): ImportProblem[] {
  return issues.map((issue) => {
    const key = columnOfPath(issue.path);
    return { row: row.row, ...col(key), message: `${prefix(issue.path)}${issue.message}` };
  });
}

function unitIdOf(row: SheetRow, col: ColumnOf, problems: ImportProblem[]): string | undefined {
  const id = row.values.unitId ?? row.values.id ?? '';
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    problems.push({ row: row.row, ...col(row.values.unitId !== undefined ? 'unitId' : 'id'), message: id === '' ? 'thiếu mã đơn vị' : `mã đơn vị "${id}" chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang` });
    return undefined;
  }
  return id;
}

function readStations(rows: SheetRow[], col: ColumnOf): ParsedRows<Station & { broadcastName?: string }> {
  const items: RowItem<Station & { broadcastName?: string }>[] = [];
  const problems: ImportProblem[] = [];
  const field: Record<string, string> = { id: 'stationId', name: 'stationName', kind: 'stationKind', area: 'area', system: 'system', tts: 'ttsRate', slots: 'slots', operator: 'operatorName' };
  for (const row of rows) {
    const v = row.values;
    const unitId = unitIdOf(row, col, problems);
    const here: ImportProblem[] = [];
    const kind = v.stationKind ? pick(v.stationKind, STATION_KIND_CHOICES) : 'station';
    if (!kind) here.push({ row: row.row, ...col('stationKind'), message: `“${v.stationKind}” không hợp lệ; ghi ${choiceList(STATION_KIND_CHOICES)}` });
    const system = pick(v.system ?? '', SYSTEM_CHOICES);
    if (!system) here.push({ row: row.row, ...col('system'), message: v.system ? `“${v.system}” không hợp lệ; ghi ${choiceList(SYSTEM_CHOICES)}` : `thiếu; ghi ${choiceList(SYSTEM_CHOICES)}` });
    const tts: Record<string, number> = {};
    for (const [key, name] of [['ttsRate', 'rate'], ['ttsPitch', 'pitch']] as const) {
      if (!v[key]) continue;
      const n = parseNumber(v[key]);
      if (n === undefined) here.push({ row: row.row, ...col(key), message: `“${v[key]}” không phải là số` });
      else tts[name] = n;
    }
    const slots = parseSlots(v.slots ?? '');
    for (const p of slots.problems) here.push({ row: row.row, ...col('slots'), message: p });
    const raw = {
      id: v.stationId ?? '',
      name: v.stationName ?? '',
      kind: kind ?? 'station',
      ...(v.area ? { area: v.area } : {}),
      system: system ?? 'classic',
      ...(Object.keys(tts).length ? { tts } : {}),
      slots: slots.slots,
      operator: { name: v.operatorName ?? '', email: v.operatorEmail ?? '', phone: v.operatorPhone ?? '' },
    };
    const parsed = stationSchema.safeParse(raw, { error: vietnameseErrorMap });
    if (!parsed.success) {
      // A slot cell that did not read already has its problem; the schema would only add "at least one slot".
      const issues = parsed.error.issues.filter((i) => !(slots.problems.length && i.path[0] === 'slots'));
      here.push(
        ...schemaProblems(
          row,
          issues,
          (path) => (path[0] === 'operator' ? ({ name: 'operatorName', email: 'operatorEmail', phone: 'operatorPhone' } as Record<string, string>)[String(path[1])] ?? 'operatorName' : path[0] === 'tts' && path[1] === 'pitch' ? 'ttsPitch' : field[String(path[0])] ?? 'stationId'),
          col,
          (path) => (path[0] === 'slots' && typeof path[1] === 'number' ? `khung “${slots.slots[path[1]]?.label ?? ''}”: ` : ''),
        ),
      );
    }
    problems.push(...here);
    if (unitId && parsed.success && here.length === 0) items.push({ row, unitId, item: { ...parsed.data, ...(v.broadcastName ? { broadcastName: v.broadcastName } : {}) } });
  }
  return { items, problems };
}

function readJournalists(rows: SheetRow[], col: ColumnOf): ParsedRows<z.output<typeof journalistSchema>> {
  const items: RowItem<z.output<typeof journalistSchema>>[] = [];
  const problems: ImportProblem[] = [];
  const field: Record<string, string> = { id: 'journalistId', name: 'name', outlet: 'outlet', email: 'email', beats: 'beats' };
  for (const row of rows) {
    const v = row.values;
    const unitId = unitIdOf(row, col, problems);
    const parsed = journalistSchema.safeParse({ id: v.journalistId ?? '', name: v.name ?? '', outlet: v.outlet ?? '', email: v.email ?? '', beats: splitList(v.beats ?? '') }, { error: vietnameseErrorMap });
    if (!parsed.success) problems.push(...schemaProblems(row, parsed.error.issues, (p) => field[String(p[0])] ?? 'journalistId', col));
    else if (unitId) items.push({ row, unitId, item: parsed.data });
  }
  return { items, problems };
}

function readEditors(rows: SheetRow[], col: ColumnOf): ParsedRows<z.output<typeof unitEditorSchema>> {
  const items: RowItem<z.output<typeof unitEditorSchema>>[] = [];
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const v = row.values;
    const unitId = unitIdOf(row, col, problems);
    const role = pick(v.role ?? '', ROLE_CHOICES);
    if (!role) problems.push({ row: row.row, ...col('role'), message: v.role ? `“${v.role}” không hợp lệ; ghi ${choiceList(ROLE_CHOICES)}` : `thiếu; ghi ${choiceList(ROLE_CHOICES)}` });
    const parsed = unitEditorSchema.safeParse({ email: v.email ?? '', name: v.name ?? '', role: role ?? 'editor', ...(v.office ? { office: v.office } : {}) }, { error: vietnameseErrorMap });
    if (!parsed.success) problems.push(...schemaProblems(row, parsed.error.issues, (p) => String(p[0] ?? 'email'), col));
    else if (unitId && role) items.push({ row, unitId, item: parsed.data });
  }
  return { items, problems };
}

type UnitFields = Pick<Unit, 'id' | 'name' | 'shortName' | 'tier'> & Partial<Pick<Unit, 'kind' | 'parentId' | 'body' | 'portal' | 'plans'>>;

function readUnits(rows: SheetRow[], col: ColumnOf): ParsedRows<UnitFields> {
  const items: RowItem<UnitFields>[] = [];
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const v = row.values;
    const here: ImportProblem[] = [];
    const id = unitIdOf(row, col, here);
    // "Cấp" may also say xã, phường or đặc khu: a commune-tier unit of that kind.
    const tierAsKind = pick(v.tier ?? '', KIND_CHOICES);
    const tier = tierAsKind ? 'commune' : pick(v.tier ?? '', TIER_CHOICES);
    if (!tier) here.push({ row: row.row, ...col('tier'), message: v.tier ? `“${v.tier}” không hợp lệ; ghi ${choiceList(TIER_CHOICES)} (hoặc “xã”, “phường”, “đặc khu”)` : 'thiếu cấp đơn vị' });
    const kind = v.kind ? pick(v.kind, KIND_CHOICES) : tierAsKind;
    if (v.kind && !kind) here.push({ row: row.row, ...col('kind'), message: `“${v.kind}” không hợp lệ; ghi ${choiceList(KIND_CHOICES)}` });
    const portal = v.portalTitle || v.portalUrl || v.portalSection ? { title: v.portalTitle ?? '', baseUrl: v.portalUrl ?? '', ...(v.portalSection ? { section: v.portalSection } : {}) } : undefined;
    const raw = {
      id: id ?? 'x',
      name: v.name ?? '',
      shortName: v.shortName ?? '',
      tier: tier ?? 'commune',
      ...(kind ? { kind } : {}),
      ...(v.parentId ? { parentId: v.parentId } : {}),
      ...(v.body ? { body: v.body } : {}),
      ...(portal ? { portal } : {}),
      ...(v.plans ? { plans: splitList(v.plans) } : {}),
    };
    const parsed = unitSchema.safeParse(raw, { error: vietnameseErrorMap });
    if (!parsed.success) here.push(...schemaProblems(row, parsed.error.issues, unitColumn, col));
    problems.push(...here);
    if (parsed.success && here.length === 0) {
      const { editors: _e, sample: _s, broadcast: _b, mediaList: _m, ...fields } = parsed.data;
      items.push({ row, unitId: parsed.data.id, item: fields });
    }
  }
  return { items, problems };
}

function unitColumn(path: readonly PropertyKey[]): string {
  const [head, sub] = path;
  if (head === 'portal') return sub === 'baseUrl' ? 'portalUrl' : sub === 'section' ? 'portalSection' : 'portalTitle';
  return ['id', 'name', 'shortName', 'tier', 'kind', 'parentId', 'body', 'plans'].includes(String(head)) ? String(head) : 'id';
}

// ——— Planning ———

/** The directory as an import sees it. */
export interface ImportContext {
  /** The current units the file names (absent: not in the directory). */
  current: ReadonlyMap<string, { unit: Unit; revision: number }>;
  /** Any unit of the directory by id (parents of imported units). */
  summary: (id: string) => { id: string; name: string; tier: UnitTier } | undefined;
  ownerOfPlan: (planId: string) => { id: string; name: string } | undefined;
  /** Refuses a unit the importer may not change (a message), e.g. outside their province. */
  refuse?: (unitId: string) => string | undefined;
}

/** What an import does to one unit. */
export interface UnitChange {
  unitId: string;
  name: string;
  action: 'create' | 'update';
  /** The revision the import starts from (0: the unit is new). */
  expectedRevision: number;
  before?: Unit;
  after: Unit;
  added: string[];
  changed: string[];
  removed: string[];
}

export interface ImportPlan {
  kind: ImportKind;
  rows: number;
  changes: UnitChange[];
  /** Units named by the file that stay as they are. */
  unchanged: string[];
  problems: ImportProblem[];
}

/** Reads a sheet and works out, against the current directory, what importing it would change. */
export function planImport(kind: ImportKind, sheet: Sheet, context: ImportContext): ImportPlan {
  const read = readImportSheet(kind, sheet);
  const col: ColumnOf = (key) => {
    const found = read.columns.get(key);
    return found ? { column: found.header, letter: found.letter } : { column: IMPORT_COLUMNS[kind].find((c) => c.key === key)?.header ?? key };
  };
  const plan: ImportPlan = { kind, rows: read.rows.length, changes: [], unchanged: [], problems: [...read.problems] };
  if (read.problems.some((p) => p.row === 1)) return plan;
  const byUnit = <T>(items: RowItem<T>[]) => {
    const out = new Map<string, RowItem<T>[]>();
    for (const it of items) out.set(it.unitId, [...(out.get(it.unitId) ?? []), it]);
    return out;
  };
  const pending: { unitId: string; rows: SheetRow[]; after: Unit; mapPath: (path: (string | number)[]) => { row: number; key: string }; diff: (before: Unit | undefined) => Pick<UnitChange, 'added' | 'changed' | 'removed'> }[] = [];
  // Every unit a stations, media or editors file names must be in the directory (named once, at its first row).
  if (kind !== 'units') {
    const named = new Set<string>();
    for (const row of read.rows) {
      const id = row.values.unitId ?? '';
      if (!id || named.has(id) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) continue;
      named.add(id);
      if (!context.current.has(id)) plan.problems.push({ row: row.row, ...col('unitId'), message: `không có đơn vị mã "${id}" trong danh bạ; hãy nhập danh sách đơn vị trước (campaign units import --kind units)` });
    }
  }
  const existing = (unitId: string, _row: SheetRow) => context.current.get(unitId);

  if (kind === 'stations') {
    const parsed = readStations(read.rows, col);
    plan.problems.push(...parsed.problems);
    for (const [unitId, items] of byUnit(parsed.items)) {
      const found = existing(unitId, items[0]!.row);
      if (!found) continue;
      const names = [...new Set(items.flatMap((i) => (i.item.broadcastName ? [i.item.broadcastName] : [])))];
      if (names.length > 1) {
        const second = items.find((i) => i.item.broadcastName === names[1])!;
        plan.problems.push({ row: second.row.row, ...col('broadcastName'), message: `“${names[1]}” khác “${names[0]}” ở dòng trên; một đơn vị một tên đài khi phát` });
        continue;
      }
      const name = names[0] ?? found.unit.broadcast?.name ?? `Đài truyền thanh ${lowerFirst(found.unit.name)}`;
      const stations = items.map(({ item }) => {
        const { broadcastName: _n, ...station } = item;
        return keepSlotIds(station, found.unit.broadcast?.stations.find((s) => s.id === station.id));
      });
      const after: Unit = { ...found.unit, broadcast: { name, stations } };
      pending.push({
        unitId,
        rows: items.map((i) => i.row),
        after,
        mapPath: (path) => {
          const i = path[0] === 'broadcast' && path[1] === 'stations' && typeof path[2] === 'number' ? path[2] : 0;
          const sub = path.slice(3);
          const key =
            sub[0] === 'operator' ? (sub[1] === 'email' ? 'operatorEmail' : sub[1] === 'phone' ? 'operatorPhone' : 'operatorName') : sub[0] === 'slots' ? 'slots' : sub[0] === 'tts' ? 'ttsRate' : sub[0] === 'id' ? 'stationId' : path[0] === 'broadcast' && path.length === 1 ? 'unitId' : 'stationId';
          return { row: items[i]?.row.row ?? items[0]!.row.row, key };
        },
        diff: (before) => diffItems(before?.broadcast?.stations ?? [], stations, (s) => s.id, stationLabel),
      });
    }
  } else if (kind === 'media') {
    const parsed = readJournalists(read.rows, col);
    plan.problems.push(...parsed.problems);
    for (const [unitId, items] of byUnit(parsed.items)) {
      const found = existing(unitId, items[0]!.row);
      if (!found) continue;
      const journalists = items.map((i) => i.item);
      const after: Unit = { ...found.unit, mediaList: { ...(found.unit.mediaList?.pressContact ? { pressContact: found.unit.mediaList.pressContact } : {}), journalists } };
      pending.push({
        unitId,
        rows: items.map((i) => i.row),
        after,
        mapPath: (path) => ({ row: items[typeof path[2] === 'number' ? path[2] : 0]?.row.row ?? items[0]!.row.row, key: path[3] === 'email' ? 'email' : path[3] === 'id' ? 'journalistId' : 'unitId' }),
        diff: (before) => diffItems(before?.mediaList?.journalists ?? [], journalists, (j) => j.id, (j) => `${j.name} <${j.email}>`),
      });
    }
  } else if (kind === 'editors') {
    const parsed = readEditors(read.rows, col);
    plan.problems.push(...parsed.problems);
    for (const [unitId, items] of byUnit(parsed.items)) {
      const found = existing(unitId, items[0]!.row);
      if (!found) continue;
      const editors = items.map((i) => i.item);
      const after: Unit = { ...found.unit, editors };
      pending.push({
        unitId,
        rows: items.map((i) => i.row),
        after,
        mapPath: (path) => ({ row: items[typeof path[1] === 'number' ? path[1] : 0]?.row.row ?? items[0]!.row.row, key: path[0] === 'editors' ? 'email' : 'unitId' }),
        diff: (before) => diffItems(before?.editors ?? [], editors, (e) => e.email, (e) => `${e.name} <${e.email}> — ${editorRoleLabels[e.role]}`),
      });
    }
  } else {
    const parsed = readUnits(read.rows, col);
    plan.problems.push(...parsed.problems);
    for (const [unitId, items] of byUnit(parsed.items)) {
      if (items.length > 1) {
        plan.problems.push({ row: items[1]!.row.row, ...col('id'), message: `mã đơn vị "${unitId}" đã có ở dòng ${items[0]!.row.row}; mỗi đơn vị một dòng` });
        continue;
      }
      const { row, item } = items[0]!;
      const found = context.current.get(unitId);
      const base: Unit = found?.unit ?? { id: unitId, name: item.name, shortName: item.shortName, tier: item.tier, plans: [], editors: [] };
      // A column the file leaves out keeps what the unit has; an empty cell clears it.
      const from = <K extends 'kind' | 'parentId' | 'body' | 'portal'>(key: K, column: string): Partial<Pick<Unit, K>> => {
        const value = read.columns.has(column) || (key === 'portal' && ['portalTitle', 'portalUrl', 'portalSection'].some((c) => read.columns.has(c))) || (key === 'kind' && read.columns.has('tier')) ? item[key] : base[key];
        return value === undefined ? {} : ({ [key]: value } as Partial<Pick<Unit, K>>);
      };
      const { kind: _k, parentId: _p, body: _b, portal: _po, ...rest } = base;
      const after: Unit = {
        ...rest,
        id: unitId,
        name: item.name,
        shortName: item.shortName,
        tier: item.tier,
        ...from('kind', 'kind'),
        ...from('parentId', 'parentId'),
        ...from('body', 'body'),
        ...from('portal', 'portalTitle'),
        plans: read.columns.has('plans') ? (item.plans ?? []) : base.plans,
      };
      pending.push({
        unitId,
        rows: [row],
        after,
        mapPath: (path) => ({ row: row.row, key: unitColumn(path) }),
        diff: (before) => diffFields(before, after),
      });
    }
  }

  // Parents and plan owners as they will be once the file is in (units of the file count).
  const fileUnits = new Map(pending.map((p) => [p.unitId, p.after]));
  const fileOwners = new Map<string, { id: string; name: string }>();
  for (const p of pending) for (const planId of p.after.plans) if (!fileOwners.has(planId)) fileOwners.set(planId, { id: p.unitId, name: p.after.name });
  for (const p of pending) {
    const refused = context.refuse?.(p.unitId);
    if (refused) {
      plan.problems.push({ row: p.rows[0]!.row, ...col(kind === 'units' ? 'id' : 'unitId'), message: refused });
      continue;
    }
    const parentId = p.after.parentId;
    const parent = parentId ? (fileUnits.get(parentId) ?? context.summary(parentId)) : undefined;
    const found: UnitProblem[] = [
      ...unitProblems(p.after),
      ...directoryProblems(p.after, {
        ...(parent ? { parent } : {}),
        ownerOfPlan: (planId) => {
          const inFile = fileOwners.get(planId);
          if (inFile && inFile.id !== p.unitId) return inFile;
          const owner = context.ownerOfPlan(planId);
          // A unit of the file that gives the plan up hands it over.
          return owner && owner.id !== p.unitId && fileUnits.has(owner.id) && !fileUnits.get(owner.id)!.plans.includes(planId) ? undefined : owner;
        },
      }),
    ];
    for (const problem of found) {
      const at = p.mapPath(problem.path);
      plan.problems.push({ row: at.row, ...col(at.key), message: problem.message });
    }
    if (found.length) continue;
    const current = context.current.get(p.unitId);
    const diff = p.diff(current?.unit);
    if (current && diff.added.length + diff.changed.length + diff.removed.length === 0 && sameJson(current.unit, p.after)) {
      plan.unchanged.push(p.unitId);
      continue;
    }
    plan.changes.push({ unitId: p.unitId, name: p.after.name, action: current ? 'update' : 'create', expectedRevision: current?.revision ?? 0, ...(current ? { before: current.unit } : {}), after: p.after, ...diff });
  }
  plan.problems.sort((a, b) => a.row - b.row || (a.letter ?? '').localeCompare(b.letter ?? ''));
  if (plan.problems.length) plan.changes = [];
  return plan;
}

/** A re-imported slot keeps its id when its label (or its start) matches one the station had. */
/** A station as people know it: its name, and the thôn or tổ dân phố when the name does not say it. */
const stationLabel = (s: Station) => (s.area && !s.name.toLocaleLowerCase('vi').includes(s.area.toLocaleLowerCase('vi')) ? `${s.name} (${s.area})` : s.name);

/** A station as imported keeps the slot ids, intro and outro it had (a sheet carries neither). */
function keepSlotIds(station: Station, before: Station | undefined): Station {
  if (!before) return station;
  const jingles = { ...(before.intro ? { intro: before.intro } : {}), ...(before.outro ? { outro: before.outro } : {}) };
  const used = new Set<string>();
  const slots = station.slots.map((slot) => {
    const old = before.slots.find((o) => !used.has(o.id) && o.label === slot.label) ?? before.slots.find((o) => !used.has(o.id) && o.start === slot.start);
    if (!old || station.slots.some((x) => x !== slot && x.id === old.id)) return slot;
    used.add(old.id);
    return { ...slot, id: old.id };
  });
  return { ...station, ...(station.system === 'ip' ? jingles : {}), slots };
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

function sameJson(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`)
    .join(',')}}`;
}

function diffItems<T>(before: readonly T[], after: readonly T[], key: (t: T) => string, label: (t: T) => string): Pick<UnitChange, 'added' | 'changed' | 'removed'> {
  const old = new Map(before.map((t) => [key(t), t]));
  const now = new Set(after.map(key));
  return {
    added: after.filter((t) => !old.has(key(t))).map(label),
    changed: after.filter((t) => old.has(key(t)) && !sameJson(old.get(key(t)), t)).map(label),
    removed: before.filter((t) => !now.has(key(t))).map(label),
  };
}

const FIELD_LABELS: Record<string, string> = {
  name: 'tên đơn vị',
  shortName: 'tên ngắn',
  tier: 'cấp',
  kind: 'loại đơn vị cấp xã',
  parentId: 'tỉnh, thành phố trực thuộc',
  body: 'cơ quan',
  portal: 'trang thông tin',
  plans: 'kế hoạch ban hành',
};

function diffFields(before: Unit | undefined, after: Unit): Pick<UnitChange, 'added' | 'changed' | 'removed'> {
  if (!before) return { added: [after.name], changed: [], removed: [] };
  const changed = Object.keys(FIELD_LABELS)
    .filter((k) => !sameJson(before[k as keyof Unit], after[k as keyof Unit]))
    .map((k) => `${FIELD_LABELS[k]}: ${show(before[k as keyof Unit])} → ${show(after[k as keyof Unit])}`);
  return { added: [], changed, removed: [] };
}

function show(v: unknown): string {
  if (v === undefined) return '(trống)';
  if (Array.isArray(v)) return v.join(', ') || '(trống)';
  if (typeof v === 'object' && v) return (v as { title?: string }).title ?? JSON.stringify(v);
  return String(v);
}

// ——— Export ———

/** The rows of a file of `kind` for these units (header first); importing them back changes nothing. */
export function exportRows(kind: ImportKind, units: readonly Unit[]): string[][] {
  const header = IMPORT_COLUMNS[kind].map((c) => c.header);
  const rows: string[][] = [header];
  const ordered = [...units].sort((a, b) => a.id.localeCompare(b.id));
  for (const u of ordered) {
    if (kind === 'units') {
      rows.push([u.id, u.name, u.shortName, labelOf.tier(u.tier), u.kind ? labelOf.kind(u.kind) : '', u.parentId ?? '', u.body ?? '', u.portal?.title ?? '', u.portal?.baseUrl ?? '', u.portal?.section ?? '', u.plans.join(', ')]);
    } else if (kind === 'stations') {
      for (const s of u.broadcast?.stations ?? []) {
        rows.push([
          u.id,
          u.broadcast!.name,
          s.id,
          s.name,
          labelOf.stationKind(s.kind),
          s.area ?? '',
          labelOf.system(s.system),
          s.tts?.rate !== undefined ? String(s.tts.rate) : '',
          s.tts?.pitch !== undefined ? String(s.tts.pitch) : '',
          formatSlots(s.slots),
          s.operator.name,
          s.operator.email,
          s.operator.phone,
        ]);
      }
    } else if (kind === 'media') {
      for (const j of u.mediaList?.journalists ?? []) rows.push([u.id, j.id, j.name, j.outlet, j.email, j.beats.join('; ')]);
    } else {
      for (const e of u.editors) rows.push([u.id, e.email, e.name, labelOf.role(e.role), e.office ?? '']);
    }
  }
  return rows;
}
