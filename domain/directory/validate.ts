/**
 * Checks of a unit beyond its schema — within the unit (tier and parent, duplicate ids, slots
 * that overlap, voice settings on a classic station, sample addresses) and against the rest of
 * the directory (the parent exists and is a province or city, a plan has one owner). Pure.
 */
import { isExampleAddress, overlappingSlots } from '../localities.js';
import { formatPath, type PlanProblem } from '../plan/yaml-source.js';
import { vietnameseErrorMap } from '../plan/zod-problems.js';
import { jinglePrefix, jingleSlotLabels } from './jingle.js';
import { unitSchema, unitTierLabels, type Unit } from './schema.js';

/** One thing wrong with a unit, at a path inside it. */
export interface UnitProblem {
  path: (string | number)[];
  message: string;
}

const isTop = (u: Pick<Unit, 'tier'>) => u.tier === 'province' || u.tier === 'city';

/** Problems inside one (schema-valid) unit. */
export function unitProblems(unit: Unit): UnitProblem[] {
  const problems: UnitProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  if (unit.tier === 'commune' && !unit.kind) add(['kind'], 'đơn vị cấp xã cần ghi loại: xa (xã), phuong (phường) hoặc dacKhu (đặc khu)');
  if (unit.tier !== 'commune' && unit.kind) add(['kind'], `chỉ đơn vị cấp xã mới có loại xã, phường, đặc khu; đơn vị này là ${unitTierLabels[unit.tier]}`);
  if (isTop(unit) && unit.parentId) add(['parentId'], `${unitTierLabels[unit.tier]} không có đơn vị cấp trên trong danh bạ; hãy bỏ mục “tỉnh, thành phố trực thuộc”`);
  if (!isTop(unit) && !unit.parentId) add(['parentId'], 'cần ghi tỉnh hoặc thành phố mà đơn vị trực thuộc (mục “tỉnh, thành phố trực thuộc”)');
  if (unit.parentId === unit.id) add(['parentId'], 'đơn vị không thể trực thuộc chính nó');
  if (unit.broadcast && unit.tier !== 'commune') add(['broadcast'], 'chỉ đơn vị cấp xã (xã, phường, đặc khu) có hệ thống truyền thanh cơ sở');

  const stationIds = new Set<string>();
  unit.broadcast?.stations.forEach((station, i) => {
    const at = ['broadcast', 'stations', i];
    if (stationIds.has(station.id)) add([...at, 'id'], `mã trạm "${station.id}" bị trùng; mỗi trạm, cụm loa một mã riêng`);
    stationIds.add(station.id);
    if (station.tts && station.system !== 'ip') add([...at, 'tts'], 'chỉ hệ thống IP (loa thông minh) mới đọc bằng giọng máy; hệ thống truyền thống do phát thanh viên đọc');
    for (const slot of ['intro', 'outro'] as const) {
      const jingle = station[slot];
      if (!jingle) continue;
      if (station.system !== 'ip') add([...at, slot], `chỉ hệ thống IP (loa thông minh) mới phát ${jingleSlotLabels[slot]} cùng tệp bản tin; hệ thống truyền thống do phát thanh viên đọc`);
      if (!jingle.key.startsWith(`${jinglePrefix(unit.id)}${station.id}/${slot}-`)) add([...at, slot, 'key'], `tệp ${jingleSlotLabels[slot]} “${jingle.file}” không thuộc trạm này; hãy tải tệp lên ở trang sửa trạm`);
    }
    const slotIds = new Set<string>();
    station.slots.forEach((slot, j) => {
      if (slotIds.has(slot.id)) add([...at, 'slots', j, 'id'], `mã khung giờ "${slot.id}" bị trùng trong trạm này`);
      slotIds.add(slot.id);
    });
    for (const [later, earlier] of overlappingSlots(station.slots)) {
      const s = station.slots[later]!;
      const prev = station.slots[earlier]!;
      add([...at, 'slots', later, 'start'], `khung giờ "${s.label}" (${s.start}) bắt đầu khi khung "${prev.label}" (${prev.start}, ${prev.durationMinutes} phút) chưa kết thúc`);
    }
    if (unit.sample && !isExampleAddress(station.operator.email)) add([...at, 'operator', 'email'], sampleMessage(station.operator.email));
  });

  const journalistIds = new Set<string>();
  const journalistEmails = new Set<string>();
  unit.mediaList?.journalists.forEach((j, i) => {
    const at = ['mediaList', 'journalists', i];
    if (journalistIds.has(j.id)) add([...at, 'id'], `mã "${j.id}" bị trùng; mỗi phóng viên một mã riêng`);
    journalistIds.add(j.id);
    const key = j.email.toLowerCase();
    if (journalistEmails.has(key)) add([...at, 'email'], `địa chỉ ${j.email} đã có ở một phóng viên khác`);
    journalistEmails.add(key);
    if (unit.sample && !isExampleAddress(j.email)) add([...at, 'email'], sampleMessage(j.email));
  });
  const contact = unit.mediaList?.pressContact;
  if (contact && unit.sample && !isExampleAddress(contact.email)) add(['mediaList', 'pressContact', 'email'], sampleMessage(contact.email));

  const editorEmails = new Set<string>();
  unit.editors.forEach((e, i) => {
    if (editorEmails.has(e.email)) add(['editors', i, 'email'], `${e.email} đã có trong danh sách biên tập của đơn vị; mỗi người một dòng, một vai trò`);
    editorEmails.add(e.email);
    if (unit.sample && !isExampleAddress(e.email)) add(['editors', i, 'email'], sampleMessage(e.email));
  });

  const plans = new Set<string>();
  unit.plans.forEach((p, i) => {
    if (plans.has(p)) add(['plans', i], `kế hoạch "${p}" được ghi hai lần`);
    plans.add(p);
  });
  return problems;
}

const sampleMessage = (address: string) => `dữ liệu mẫu (sample: true) chỉ được dùng địa chỉ @example.org, @example.com hoặc @example.net, không dùng "${address}"`;

/** What the rest of the directory says about a unit being saved. */
export interface DirectoryContext {
  /** The unit's parent, when it has one and it exists. */
  parent?: Pick<Unit, 'id' | 'name' | 'tier'>;
  /** The unit owning each plan id, when another one does. */
  ownerOfPlan: (planId: string) => { id: string; name: string } | undefined;
}

/** Problems of a unit against the directory it is saved into. */
export function directoryProblems(unit: Unit, context: DirectoryContext): UnitProblem[] {
  const problems: UnitProblem[] = [];
  if (unit.parentId && unit.parentId !== unit.id) {
    if (!context.parent) problems.push({ path: ['parentId'], message: `không có đơn vị mã "${unit.parentId}" trong danh bạ; hãy thêm tỉnh, thành phố đó trước` });
    else if (!isTop(context.parent)) problems.push({ path: ['parentId'], message: `“${context.parent.name}” là ${unitTierLabels[context.parent.tier]}, không phải tỉnh hoặc thành phố; sở và đơn vị cấp xã trực thuộc tỉnh, thành phố` });
  }
  unit.plans.forEach((planId, i) => {
    const owner = context.ownerOfPlan(planId);
    if (owner && owner.id !== unit.id) problems.push({ path: ['plans', i], message: `kế hoạch "${planId}" đã thuộc “${owner.name}”; mỗi kế hoạch thuộc một đơn vị ban hành` });
  });
  return problems;
}

/** Vietnamese names of a unit's fields, for the places problems are shown with where they are. */
const FIELD_LABELS: Record<string, string> = {
  id: 'mã',
  name: 'tên',
  shortName: 'tên ngắn',
  tier: 'cấp',
  kind: 'loại đơn vị cấp xã',
  parentId: 'tỉnh, thành phố trực thuộc',
  body: 'cơ quan',
  sample: 'dữ liệu mẫu',
  plans: 'kế hoạch ban hành',
  broadcast: 'hệ thống truyền thanh',
  stations: 'trạm, cụm loa',
  area: 'thôn, tổ dân phố',
  system: 'hệ thống',
  tts: 'giọng đọc',
  rate: 'tốc độ đọc',
  pitch: 'cao độ giọng',
  intro: 'nhạc hiệu mở đầu',
  outro: 'nhạc hiệu kết thúc',
  key: 'tệp',
  file: 'tên tệp',
  seconds: 'độ dài',
  slots: 'khung giờ phát',
  label: 'tên khung giờ',
  start: 'giờ bắt đầu',
  durationMinutes: 'số phút',
  operator: 'người vận hành',
  phone: 'điện thoại',
  email: 'email',
  portal: 'trang thông tin điện tử',
  title: 'tên trang',
  baseUrl: 'địa chỉ trang',
  section: 'chuyên mục',
  mediaList: 'danh sách phóng viên',
  pressContact: 'đầu mối cung cấp thông tin',
  journalists: 'phóng viên',
  outlet: 'cơ quan báo chí',
  beats: 'lĩnh vực',
  editors: 'biên tập viên',
  role: 'vai trò',
  office: 'bộ phận',
};

/**
 * Where a problem is, in words: `broadcast.stations[1].slots[0].start` → "hệ thống truyền
 * thanh › trạm, cụm loa thứ 2 › khung giờ phát thứ 1 › giờ bắt đầu". Empty for the unit itself.
 */
export function unitPathLabel(path: string): string {
  const parts: string[] = [];
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (index !== undefined && parts.length) parts[parts.length - 1] += ` thứ ${Number(index) + 1}`;
    else if (key !== undefined) parts.push(FIELD_LABELS[key] ?? key);
  }
  return parts.join(' › ');
}

/** Problems as shown to people: the path in the unit and the message. */
export function toPlanProblems(problems: UnitProblem[]): PlanProblem[] {
  return problems.map((p) => ({ path: formatPath(p.path), message: p.message }));
}

/** Parses and checks one unit (e.g. a stored document or an API body); every problem at once. */
export function validateUnit(raw: unknown): { ok: true; unit: Unit } | { ok: false; problems: PlanProblem[] } {
  const parsed = unitSchema.safeParse(raw, { error: vietnameseErrorMap });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path as (string | number)[]),
        message: issue.code === 'unrecognized_keys' ? `khóa không dùng được ở đây: ${issue.keys.join(', ')}` : issue.message,
      })),
    };
  }
  const problems = unitProblems(parsed.data);
  return problems.length ? { ok: false, problems: toPlanProblems(problems) } : { ok: true, unit: parsed.data };
}
