/**
 * What changed between two versions of a plan, in words an editor reads in the version list
 * ("Sửa trích yếu", "Nhiệm vụ 2: sửa cơ quan chủ trì", "Thêm nhiệm vụ 5"). Works on plan-file
 * data (what the form and the YAML file hold), so it needs no valid plan. Pure.
 */
type Json = Record<string, unknown>;

const FIELDS: Record<string, string> = {
  id: 'mã kế hoạch',
  issuer: 'cơ quan ban hành',
  number: 'số văn bản',
  symbol: 'ký hiệu',
  issued: 'địa danh, ngày ban hành',
  title: 'trích yếu',
  resolution: 'nghị quyết được thực hiện',
  legalBasis: 'căn cứ',
  leadBody: 'cơ quan chủ trì kế hoạch',
  purpose: 'mục đích',
  requirements: 'yêu cầu',
  objectives: 'mục tiêu, chỉ tiêu',
  funding: 'kinh phí',
  bodyDuties: 'tổ chức thực hiện',
  reporting: 'chế độ báo cáo',
  occasions: 'dịp riêng của kế hoạch',
  keyMessages: 'thông điệp chính',
  recipients: 'nơi nhận',
  signer: 'người ký',
};

const TASK_FIELDS: Record<string, string> = {
  title: 'tên',
  number: 'số thứ tự',
  description: 'nội dung',
  subItems: 'nhiệm vụ của từng cơ quan',
  leadBody: 'cơ quan chủ trì',
  implementingBodies: 'cơ quan thực hiện',
  coordinatingBodies: 'cơ quan phối hợp',
  timeframe: 'thời gian',
  channels: 'kênh',
  audiences: 'đối tượng',
  occasions: 'dịp',
  targets: 'chỉ tiêu',
  keyMessages: 'thông điệp chính',
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const rec = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(rec) : []);

/** Lines saying what `after` changed against `before`; empty when nothing did. */
export function planChanges(before: unknown, after: unknown): string[] {
  const a = rec(before);
  const b = rec(after);
  const out: string[] = [];
  for (const key of new Set([...Object.keys(FIELDS), ...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'tasks' || same(a[key], b[key])) continue;
    out.push(`Sửa ${FIELDS[key] ?? key}`);
  }
  const oldTasks = new Map(list(a.tasks).map((t) => [String(t.id), t]));
  const newTasks = list(b.tasks);
  const name = (t: Json) => `nhiệm vụ ${String(t.number ?? t.id)}`;
  for (const t of newTasks) {
    const old = oldTasks.get(String(t.id));
    if (!old) {
      out.push(`Thêm ${name(t)}`);
      continue;
    }
    const fields = [...new Set([...Object.keys(old), ...Object.keys(t)])].filter((k) => k !== 'id' && !same(old[k], t[k]));
    if (fields.length) out.push(`${name(t).replace(/^n/u, 'N')}: sửa ${fields.map((k) => TASK_FIELDS[k] ?? k).join(', ')}`);
  }
  const kept = new Set(newTasks.map((t) => String(t.id)));
  for (const [id, t] of oldTasks) if (!kept.has(id)) out.push(`Bỏ ${name(t)}`);
  return out;
}
