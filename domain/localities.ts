/**
 * Commune-tier localities (xã, phường, đặc khu) with their loudspeaker station, daily broadcast
 * slots and operator contact. Kept in data files apart from plans; parsed here without I/O.
 */
import { z } from 'zod';
import { clockTime, email, need, slug, text } from './plan/fields.js';
import { sortProblems } from './plan/parse.js';
import { problemAt, readYaml, type PlanProblem, type YamlSource } from './plan/yaml-source.js';
import { validateWithSchema } from './plan/zod-problems.js';

/** Commune-tier unit kinds since 1/7/2025. */
export const LocalityTier = { xa: 'xa', phuong: 'phuong', dacKhu: 'dacKhu' } as const;
export type LocalityTier = (typeof LocalityTier)[keyof typeof LocalityTier];
export const localityTierLabels: Record<LocalityTier, string> = { xa: 'xã', phuong: 'phường', dacKhu: 'đặc khu' };

export const broadcastSlotSchema = z.strictObject({
  id: slug,
  /** e.g. "Buổi sáng" */
  label: text,
  /** Local time (Asia/Ho_Chi_Minh) the slot starts, "HH:MM". */
  start: clockTime,
  durationMinutes: z.number({ error: need('số phút, ví dụ 20') }).int('phải là số nguyên').min(5, 'tối thiểu 5 phút').max(180, 'tối đa 180 phút'),
});
export type BroadcastSlot = z.output<typeof broadcastSlotSchema>;

/** A phone number as people write it: digits, spaces and dots, optionally a leading "+". */
export const phone = z.string({ error: need('số điện thoại') }).trim().regex(/^\+?[\d .]{8,20}$/, 'số điện thoại chỉ gồm chữ số, dấu cách hoặc dấu chấm, ví dụ "0209 000 0001"');

/** Who runs a station: receives its scripts and audio. */
export const operatorSchema = z.strictObject({ name: text, email, phone });
export type Operator = z.output<typeof operatorSchema>;

/** How a station plays a bulletin: an IP ("smart") system plays a file or speaks text, a classic one is read by an announcer. */
export const BroadcastSystem = { ip: 'ip', classic: 'classic' } as const;
export type BroadcastSystem = (typeof BroadcastSystem)[keyof typeof BroadcastSystem];
export const broadcastSystemLabels: Record<BroadcastSystem, string> = { ip: 'hệ thống IP (loa thông minh)', classic: 'truyền thanh truyền thống (phát thanh viên đọc)' };

/** Text-to-speech settings of an IP system: rate as a multiple of normal speed, pitch in semitones. */
export const ttsSchema = z.strictObject({
  rate: z.number({ error: need('một số, ví dụ 1 (bình thường) hoặc 0.9 (chậm hơn)') }).min(0.5, 'tối thiểu 0.5').max(2, 'tối đa 2').optional(),
  pitch: z.number({ error: need('một số, ví dụ 0 (bình thường) hoặc -2') }).min(-12, 'tối thiểu -12').max(12, 'tối đa 12').optional(),
});
export type TtsVoice = z.output<typeof ttsSchema>;

export const localitySchema = z.strictObject({
  id: slug,
  /** e.g. "Phường Bắc Kạn": the people addressed ("Kính thưa bà con nhân dân phường Bắc Kạn"). */
  name: text,
  tier: z.enum(['xa', 'phuong', 'dacKhu'], { error: 'tier phải là xa (xã), phuong (phường) hoặc dacKhu (đặc khu)' }),
  /** e.g. "Đài truyền thanh phường Bắc Kạn": the name read on air. */
  station: text,
  slots: z.array(broadcastSlotSchema).min(1, 'cần ít nhất một khung giờ phát'),
  operator: operatorSchema,
  /** The directory unit the station belongs to (localities taken from the directory). */
  unitId: slug.optional(),
  /** The loudspeaker cluster or station of the unit, e.g. "Cụm loa tổ dân phố số 3". */
  cluster: text.optional(),
  system: z.enum(['ip', 'classic'], { error: 'system phải là ip (loa thông minh) hoặc classic (truyền thống)' }).optional(),
  tts: ttsSchema.optional(),
  /** Object-store keys of the station's own intro and outro (stations from the directory). */
  intro: z.string().optional(),
  outro: z.string().optional(),
});
export type Locality = z.output<typeof localitySchema>;

export const localityListSchema = z.strictObject({
  /** True for sample files shipped with the product (addresses must be at example.* domains). */
  sample: z.boolean({ error: need('true hoặc false') }).default(false),
  /** Body the list belongs to, e.g. "Ủy ban nhân dân phường Bắc Kạn". */
  owner: text,
  province: text.optional(),
  localities: z.array(localitySchema).min(1, 'cần ít nhất một đơn vị'),
});
export type LocalityList = z.output<typeof localityListSchema>;

/** Minutes after midnight of "HH:MM". */
export function clockMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True for the reserved example domains sample data must use. */
export function isExampleAddress(address: string): boolean {
  return /@(?:[a-z0-9-]+\.)*example\.(?:org|com|net)$/i.test(address);
}

/** Pairs [later, earlier] of slots where `later` starts before `earlier` has ended (indexes into `slots`). */
export function overlappingSlots(slots: readonly { start: string; durationMinutes: number }[]): [number, number][] {
  const order = slots.map((s, i) => ({ s, i })).sort((a, b) => clockMinutes(a.s.start) - clockMinutes(b.s.start));
  const out: [number, number][] = [];
  order.forEach(({ s, i }, k) => {
    const prev = order[k - 1];
    if (prev && clockMinutes(prev.s.start) + prev.s.durationMinutes > clockMinutes(s.start)) out.push([i, prev.i]);
  });
  return out;
}

type Raw = Record<string, unknown>;
const asRec = (v: unknown): Raw => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Checks across entries (duplicate ids, overlapping slots, sample addresses) on the raw data, so they run even when the schema fails. */
function crossCheck(source: YamlSource): PlanProblem[] {
  const root = asRec(source.data);
  const problems: PlanProblem[] = [];
  const seen = new Set<string>();
  asList(root.localities).forEach((raw, i) => {
    const loc = asRec(raw);
    if (typeof loc.id === 'string') {
      if (seen.has(loc.id)) problems.push(problemAt(source, ['localities', i, 'id'], `mã đơn vị "${loc.id}" bị trùng; mỗi đơn vị một mã riêng`));
      seen.add(loc.id);
    }
    const slots = asList(loc.slots)
      .map((s, j) => ({ s: asRec(s), j }))
      .filter(({ s }) => typeof s.start === 'string' && CLOCK.test(s.start) && typeof s.durationMinutes === 'number');
    for (const [later, earlier] of overlappingSlots(slots.map(({ s }) => ({ start: String(s.start), durationMinutes: Number(s.durationMinutes) })))) {
      const { s, j } = slots[later]!;
      const prev = slots[earlier]!.s;
      problems.push(problemAt(source, ['localities', i, 'slots', j, 'start'], `khung giờ "${String(s.label)}" (${String(s.start)}) bắt đầu khi khung "${String(prev.label)}" (${String(prev.start)}, ${Number(prev.durationMinutes)} phút) chưa kết thúc`));
    }
    const slotIds = new Set<string>();
    asList(loc.slots).forEach((s, j) => {
      const id = asRec(s).id;
      if (typeof id !== 'string') return;
      if (slotIds.has(id)) problems.push(problemAt(source, ['localities', i, 'slots', j, 'id'], `mã khung giờ "${id}" bị trùng trong đơn vị này`));
      slotIds.add(id);
    });
    const email = asRec(loc.operator).email;
    if (root.sample === true && typeof email === 'string' && !isExampleAddress(email.trim())) {
      problems.push(problemAt(source, ['localities', i, 'operator', 'email'], `tệp mẫu (sample: true) chỉ được dùng địa chỉ @example.org, @example.com hoặc @example.net, không dùng "${email}"`));
    }
  });
  return problems;
}

/** Parses and validates a locality list in YAML; every problem comes back with its line. */
export function parseLocalities(text: string): { ok: true; list: LocalityList } | { ok: false; problems: PlanProblem[] } {
  const read = readYaml(text);
  if (!read.ok) return read;
  const result = validateWithSchema(localityListSchema, read.source);
  const problems = [...(result.ok ? [] : result.problems), ...crossCheck(read.source)];
  if (problems.length > 0 || !result.ok) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, list: result.value };
}
