/**
 * Media lists: the journalists a lead body briefs by email. Kept in data files apart from plans
 * (they hold personal data; real lists live outside the repository). Parsed here without I/O.
 */
import { z } from 'zod';
import { isExampleAddress } from './localities.js';
import { normalizeEmail } from './email.js';
import { email, need, slug, text } from './plan/fields.js';
import { sortProblems } from './plan/parse.js';
import { problemAt, readYaml, type PlanProblem, type YamlSource } from './plan/yaml-source.js';
import { validateWithSchema } from './plan/zod-problems.js';

export const journalistSchema = z.strictObject({
  id: slug,
  name: text,
  /** e.g. "Báo và Phát thanh, Truyền hình Thái Nguyên" */
  outlet: text,
  email,
  /** Topics the journalist covers, e.g. "giáo dục", "chuyển đổi số". */
  beats: z.array(text).min(1, 'cần ít nhất một lĩnh vực phụ trách'),
});
export type Journalist = z.output<typeof journalistSchema>;

/** The owner's press contact, named in every briefing. */
export const pressContactSchema = z.strictObject({
  name: text,
  role: text.optional(),
  phone: z.string().regex(/^[0-9+().\s-]{6,30}$/, 'chỉ gồm chữ số, dấu cách, +, (, ), ., -').optional(),
  email,
});
export type PressContact = z.output<typeof pressContactSchema>;

export const mediaListSchema = z.strictObject({
  /** True for sample files shipped with the product (addresses must be at example.* domains). */
  sample: z.boolean({ error: need('true hoặc false') }).default(false),
  /** Body that keeps the list, e.g. "Ủy ban nhân dân phường Bắc Kạn". */
  owner: text,
  /** The owner's press contact, named in every briefing (optional; defaults to the owner and the sender address). */
  pressContact: pressContactSchema.optional(),
  journalists: z.array(journalistSchema).min(1, 'cần ít nhất một phóng viên'),
});
export type MediaList = z.output<typeof mediaListSchema>;

type Raw = Record<string, unknown>;
const asRec = (v: unknown): Raw => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});

/** Duplicate ids and emails, and sample addresses, checked on the raw data so they run even when the schema fails. */
function crossCheck(source: YamlSource): PlanProblem[] {
  const root = asRec(source.data);
  const problems: PlanProblem[] = [];
  const ids = new Set<string>();
  const emails = new Set<string>();
  (Array.isArray(root.journalists) ? root.journalists : []).forEach((raw, i) => {
    const j = asRec(raw);
    if (typeof j.id === 'string') {
      if (ids.has(j.id)) problems.push(problemAt(source, ['journalists', i, 'id'], `mã "${j.id}" bị trùng; mỗi phóng viên một mã riêng`));
      ids.add(j.id);
    }
    if (typeof j.email !== 'string') return;
    const key = normalizeEmail(j.email);
    if (emails.has(key)) problems.push(problemAt(source, ['journalists', i, 'email'], `địa chỉ ${j.email} đã có ở một phóng viên khác`));
    emails.add(key);
    if (root.sample === true && key.includes('@') && !isExampleAddress(key)) {
      problems.push(problemAt(source, ['journalists', i, 'email'], `tệp mẫu (sample: true) chỉ được dùng địa chỉ @example.org, @example.com hoặc @example.net, không dùng "${j.email}"`));
    }
  });
  return problems;
}

/** Parses and validates a media list in YAML; every problem comes back with its line. */
export function parseMediaList(text: string): { ok: true; list: MediaList } | { ok: false; problems: PlanProblem[] } {
  const read = readYaml(text);
  if (!read.ok) return read;
  const result = validateWithSchema(mediaListSchema, read.source);
  const problems = [...(result.ok ? [] : result.problems), ...crossCheck(read.source)];
  if (problems.length > 0 || !result.ok) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, list: result.value };
}

/** Journalists whose beats include any of `beats` (case-insensitive); all when `beats` is empty. */
export function journalistsFor(list: MediaList, beats: readonly string[]): Journalist[] {
  if (beats.length === 0) return list.journalists;
  const wanted = new Set(beats.map((b) => b.toLocaleLowerCase('vi')));
  return list.journalists.filter((j) => j.beats.some((b) => wanted.has(b.toLocaleLowerCase('vi'))));
}
