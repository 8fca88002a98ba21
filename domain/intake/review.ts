/**
 * What a person must look at in an imported draft: the flags that are not plainly "stated"
 * (missing, guessed, restored with uncertain words), each with a Vietnamese name for the field
 * ("Nhiệm vụ III.2 — cơ quan chủ trì") instead of its path. Pure.
 */
import type { FieldFlag, Provenance } from './extract.js';

type Json = Record<string, unknown>;

const FIELD_NAMES: Record<string, string> = {
  number: 'số văn bản',
  symbol: 'ký hiệu văn bản',
  'issued.place': 'địa danh ban hành',
  'issued.date': 'ngày ban hành',
  'issued.year': 'năm ban hành',
  title: 'trích yếu',
  issuer: 'cơ quan ban hành',
  'issuer.province': 'tỉnh của đơn vị ban hành',
  resolution: 'nghị quyết được thực hiện',
  'resolution.relation': 'quan hệ với nghị quyết',
  leadBody: 'cơ quan chủ trì kế hoạch',
  purpose: 'mục đích',
  'objectives.general': 'mục tiêu chung',
  tasks: 'nhiệm vụ',
  funding: 'kinh phí',
  recipients: 'nơi nhận',
  signer: 'người ký',
  'signer.position': 'chức vụ người ký',
  'signer.name': 'tên người ký',
};

const TASK_FIELDS: Record<string, string> = {
  title: 'tên nhiệm vụ',
  leadBody: 'cơ quan chủ trì',
  coordinatingBodies: 'cơ quan phối hợp',
  description: 'nội dung',
  timeframe: 'thời gian thực hiện',
  channels: 'kênh truyền thông',
};

export const provenanceLabels: Record<Provenance, string> = {
  stated: 'Đọc đúng nguyên văn',
  restored: 'Đã khôi phục dấu / sửa lỗi nhận dạng',
  guessed: 'Suy luận, cần xác nhận',
  missing: 'Văn bản không nêu, để trống',
};

/** "Nhiệm vụ III.2 — cơ quan chủ trì", "Chỉ tiêu 3 giai đoạn 2026-2030 — nhóm đối tượng". */
export function fieldLabel(path: string, plan: Json): string {
  if (FIELD_NAMES[path]) return capital(FIELD_NAMES[path]);
  const task = /^tasks\[(\d+)\](?:\.(\w+))?/u.exec(path);
  if (task) {
    const t = (plan.tasks as Json[] | undefined)?.[Number(task[1])];
    const name = `Nhiệm vụ ${String(t?.number ?? Number(task[1]) + 1)}`;
    return task[2] ? `${name} — ${TASK_FIELDS[task[2]] ?? task[2]}` : name;
  }
  const target = /^objectives\.periods\[(\d+)\](?:\.targets\[(\d+)\])?(?:\.(.+))?/u.exec(path);
  if (target) {
    const p = ((plan.objectives as Json | undefined)?.periods as Json[] | undefined)?.[Number(target[1])];
    const period = p?.period ? `giai đoạn ${String(p.period)}` : 'chưa rõ giai đoạn';
    const base = target[2] !== undefined ? `Chỉ tiêu ${Number(target[2]) + 1} (${period})` : `Các chỉ tiêu ${period}`;
    const what = target[3] === 'measure.audience' ? 'nhóm đối tượng' : target[3] === 'measure' ? 'con số đo được' : target[3] === 'period' ? 'giai đoạn' : target[3];
    return what ? `${base} — ${what}` : base;
  }
  const listed = /^(purpose|requirements|funding)\[(\d+)\]/u.exec(path);
  if (listed) return `${capital({ purpose: 'mục đích', requirements: 'yêu cầu', funding: 'kinh phí' }[listed[1] as 'purpose'])}, đoạn ${Number(listed[2]) + 1}`;
  const general = /^objectives\.general\[(\d+)\]/u.exec(path);
  if (general) return `Mục tiêu chung, đoạn ${Number(general[1]) + 1}`;
  const duty = /^reporting\[(\d+)\](?:\.(\w+))?/u.exec(path);
  if (duty) {
    const what = duty[2] === 'recipients' ? 'nơi nhận báo cáo' : duty[2] === 'reportingBody' ? 'cơ quan báo cáo' : undefined;
    return `Chế độ báo cáo ${Number(duty[1]) + 1}${what ? ` — ${what}` : ''}`;
  }
  const body = /^bodyDuties\[(\d+)\]/u.exec(path);
  if (body) {
    const b = (plan.bodyDuties as Json[] | undefined)?.[Number(body[1])];
    return `Nhiệm vụ của ${String(b?.body ?? 'cơ quan')} (mục ${String(b?.number ?? '')})`;
  }
  const basis = /^legalBasis\[(\d+)\](?:\.(\w+))?/u.exec(path);
  if (basis) {
    const r = (plan.legalBasis as Json[] | undefined)?.[Number(basis[1])];
    const doc = r ? `${String(r.kind)} số ${String(r.number)}` : 'Văn bản căn cứ';
    return basis[2] === 'date' ? `${doc} — ngày ban hành` : basis[2] === 'issuer' ? `${doc} — cơ quan ban hành` : doc;
  }
  return path;
}

const capital = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** The flags a person must look at, most important first: missing, guessed, then uncertain restorations. */
export function reviewItems(flags: readonly FieldFlag[], plan: Json): { label: string; provenance: Provenance; note?: string; flag: FieldFlag }[] {
  const rank: Record<Provenance, number> = { missing: 0, guessed: 1, restored: 2, stated: 3 };
  return flags
    .filter((f) => f.provenance === 'missing' || f.provenance === 'guessed' || (f.uncertainWords?.length ?? 0) > 0)
    .map((f) => ({ label: fieldLabel(f.path, plan), provenance: f.provenance, ...(f.note ? { note: f.note } : {}), flag: f }))
    .sort((a, b) => rank[a.provenance] - rank[b.provenance]);
}
