/**
 * The plan review form, as data: the fields an officer corrects (header, legal basis, targets
 * with figure, bound and period, tasks with lead and coordinating bodies and channels,
 * reporting duties), each named by its path in the plan-file data, with the provenance flag of
 * the import and the plan checks' problems beside it; and the reverse, a posted form applied to
 * the plan-file data. Fields the form does not show (purpose, funding, sub-items, occasions …)
 * are kept as they are. Pure.
 */
import type { FieldFlag, Provenance } from '../../domain/intake/extract.js';
import { provenanceLabels } from '../../domain/intake/review.js';
import type { PlanProblem } from '../../domain/plan/yaml-source.js';
import { boundLabels, channelLabels, issuerTierLabels, metricKindLabels, reportCadenceLabels } from '../../domain/plan/vocabulary.js';
import { slugify } from '../../domain/slug.js';

type Json = Record<string, unknown>;

export type FieldKind = 'text' | 'textarea' | 'lines' | 'number' | 'date' | 'select' | 'checks';

export interface FieldView {
  /** Form control name: "f." + the path in the plan data. */
  name: string;
  path: string;
  /** HTML id, safe for anchors. */
  id: string;
  label: string;
  kind: FieldKind;
  value: string;
  hint?: string;
  options?: { value: string; label: string; selected: boolean }[];
  flag?: { provenance: Provenance; cls: string; label: string; note?: string };
  errors: string[];
  describedBy: string;
  wide: boolean;
  /** Kind helpers for the template. */
  isText: boolean;
  isArea: boolean;
  isSelect: boolean;
  isChecks: boolean;
}

export interface FormGroup {
  heading: string;
  id: string;
  fields: FieldView[];
  /** A blank row the officer may fill in to add an item. */
  blank?: boolean;
}

export interface FormSection {
  heading: string;
  id: string;
  groups: FormGroup[];
}

const rec = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? '' : String(v));

/** The value at a path like `tasks[2].leadBody`. */
export function getPath(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const seg of splitPath(path)) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/gu)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** Sets (or, with undefined, removes) the value at a path, creating objects on the way. */
export function setPath(data: Json, path: string, value: unknown): void {
  const segs = splitPath(path);
  let cur: Record<string | number, unknown> = data;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i]!;
    if (cur[seg] === undefined || cur[seg] === null || typeof cur[seg] !== 'object') cur[seg] = typeof segs[i + 1] === 'number' ? [] : {};
    cur = cur[seg] as Record<string | number, unknown>;
  }
  const last = segs.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(cur) && typeof last === 'number') cur[last] = undefined;
    else delete cur[last];
  } else cur[last] = value;
}

const PROVENANCE_CLASS: Record<Provenance, string> = { stated: 'p-stated', restored: 'p-restored', guessed: 'p-guessed', missing: 'p-missing' };

/** "2026-03-05" → "05/03/2026" for the form; other values as they are. */
function dateValue(v: unknown): string {
  const s = str(v);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : s;
}

interface Spec {
  path: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  options?: Record<string, string>;
  /** For `checks`: also a text box of the plan's own labels (`{ label }` entries). */
  own?: boolean;
  wide?: boolean;
}

function valueOf(data: Json, spec: Spec): string {
  const v = getPath(data, spec.path);
  switch (spec.kind) {
    case 'lines':
      return arr(v).map((x) => (typeof x === 'string' ? x : str(rec(x).text) || str(rec(x).label))).join('\n');
    case 'date':
      return dateValue(v);
    case 'checks':
      return '';
    default:
      return str(v);
  }
}

function fieldView(data: Json, spec: Spec, flags: Map<string, FieldFlag>, errors: Map<string, string[]>): FieldView {
  const id = `f-${spec.path.replace(/[^a-zA-Z0-9]+/gu, '-')}`;
  const flag = flags.get(spec.path);
  const errs = errors.get(spec.path) ?? [];
  const value = valueOf(data, spec);
  let options: FieldView['options'];
  if (spec.kind === 'select') {
    options = [{ value: '', label: '— chưa chọn —', selected: value === '' }, ...Object.entries(spec.options ?? {}).map(([k, l]) => ({ value: k, label: l, selected: value === k }))];
  } else if (spec.kind === 'checks') {
    const raw = getPath(data, spec.path);
    const chosen = new Set((Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === 'string'));
    options = Object.entries(spec.options ?? {}).map(([k, l]) => ({ value: k, label: l, selected: chosen.has(k) }));
  }
  const describedBy = [spec.hint ? `${id}-hint` : '', flag ? `${id}-flag` : '', errs.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    name: `f.${spec.path}`,
    path: spec.path,
    id,
    label: spec.label,
    kind: spec.kind,
    value,
    ...(spec.hint ? { hint: spec.hint } : {}),
    ...(options ? { options } : {}),
    ...(flag && flag.provenance !== 'stated'
      ? { flag: { provenance: flag.provenance, cls: PROVENANCE_CLASS[flag.provenance], label: provenanceLabels[flag.provenance], ...(flag.note ? { note: flag.note } : flag.uncertainWords?.length ? { note: `từ chưa chắc chắn: ${flag.uncertainWords.join(', ')}` } : {}) } }
      : {}),
    errors: errs,
    describedBy,
    wide: spec.wide ?? (spec.kind === 'textarea' || spec.kind === 'lines'),
    isText: spec.kind === 'text' || spec.kind === 'number' || spec.kind === 'date',
    isArea: spec.kind === 'textarea' || spec.kind === 'lines',
    isSelect: spec.kind === 'select',
    isChecks: spec.kind === 'checks',
  };
}

const LINES_HINT = 'Mỗi dòng một mục.';
const DATE_HINT = 'dd/mm/yyyy, ví dụ 05/03/2026; để trống nếu văn bản không nêu.';

function headerSpecs(isNew: boolean): Spec[] {
  return [
    ...(isNew ? [{ path: 'id', label: 'Mã kế hoạch', kind: 'text' as const, hint: 'Chữ thường không dấu, nối bằng gạch ngang; dùng trong địa chỉ trang.' }] : []),
    { path: 'issuer.name', label: 'Cơ quan ban hành', kind: 'text' },
    { path: 'issuer.shortName', label: 'Tên viết tắt', kind: 'text' },
    { path: 'issuer.tier', label: 'Cấp ban hành', kind: 'select', options: issuerTierLabels },
    { path: 'issuer.area', label: 'Địa bàn', kind: 'text' },
    { path: 'issuer.province', label: 'Tỉnh (với đơn vị cấp xã)', kind: 'text' },
    { path: 'number', label: 'Số văn bản', kind: 'number', hint: 'Để trống khi bản sao để trống số.' },
    { path: 'symbol', label: 'Ký hiệu', kind: 'text', hint: 'Ví dụ KH-UBND.' },
    { path: 'issued.place', label: 'Địa danh ban hành', kind: 'text' },
    { path: 'issued.date', label: 'Ngày ban hành', kind: 'date', hint: DATE_HINT },
    { path: 'issued.year', label: 'Năm ban hành', kind: 'number' },
    { path: 'title', label: 'Trích yếu', kind: 'textarea' },
    { path: 'leadBody', label: 'Cơ quan chủ trì, thường trực kế hoạch', kind: 'text', hint: 'Để trống nếu văn bản không nêu.' },
  ];
}

function docSpecs(prefix: string, relation: boolean): Spec[] {
  return [
    { path: `${prefix}.kind`, label: 'Loại văn bản', kind: 'text', hint: 'Nghị quyết, Quyết định, Kế hoạch …' },
    { path: `${prefix}.number`, label: 'Số, ký hiệu', kind: 'text' },
    { path: `${prefix}.date`, label: 'Ngày ban hành', kind: 'date', hint: DATE_HINT },
    { path: `${prefix}.issuer`, label: 'Cơ quan ban hành', kind: 'text' },
    { path: `${prefix}.title`, label: 'Trích yếu', kind: 'textarea' },
    ...(relation ? [{ path: `${prefix}.relation`, label: 'Quan hệ với kế hoạch', kind: 'select' as const, options: { basis: 'căn cứ', implements: 'thực hiện', proposal: 'xét đề nghị' } }] : []),
  ];
}

function targetSpecs(prefix: string): Spec[] {
  return [
    { path: `${prefix}.text`, label: 'Chỉ tiêu (nguyên văn)', kind: 'textarea' },
    { path: `${prefix}.measure.value`, label: 'Con số', kind: 'number', hint: 'Để trống khi chỉ tiêu không có con số (một sản phẩm, một việc hoàn thành).' },
    { path: `${prefix}.measure.metric`, label: 'Loại con số', kind: 'select', options: metricKindLabels },
    { path: `${prefix}.measure.bound`, label: 'Mức chặn', kind: 'select', options: boundLabels },
    { path: `${prefix}.measure.subject`, label: 'Đối tượng được tính', kind: 'text' },
  ];
}

function taskSpecs(prefix: string, task: Json): Spec[] {
  const plainDescription = arr(task.description).every((p) => typeof p === 'string');
  return [
    { path: `${prefix}.number`, label: 'Số thứ tự', kind: 'text' },
    { path: `${prefix}.title`, label: 'Tên nhiệm vụ', kind: 'textarea' },
    ...(plainDescription ? [{ path: `${prefix}.description`, label: 'Nội dung', kind: 'lines' as const, hint: 'Mỗi đoạn một dòng.' }] : []),
    { path: `${prefix}.leadBody`, label: 'Cơ quan chủ trì', kind: 'text', hint: 'Để trống nếu văn bản không nêu; không suy đoán.' },
    { path: `${prefix}.coordinatingBodies`, label: 'Cơ quan phối hợp', kind: 'lines', hint: LINES_HINT },
    { path: `${prefix}.timeframe.asWritten`, label: 'Thời gian thực hiện (nguyên văn)', kind: 'text' },
    { path: `${prefix}.channels`, label: 'Kênh truyền thông', kind: 'checks', options: channelLabels, own: true, wide: true },
    { path: `${prefix}.ownChannels`, label: 'Kênh khác do kế hoạch nêu', kind: 'lines', hint: `${LINES_HINT} Chỉ dùng khi kênh không có trong danh sách trên.` },
  ];
}

function reportingSpecs(prefix: string): Spec[] {
  return [
    { path: `${prefix}.reportingBody`, label: 'Cơ quan báo cáo', kind: 'text' },
    { path: `${prefix}.recipients`, label: 'Gửi báo cáo về', kind: 'lines', hint: LINES_HINT },
    { path: `${prefix}.cadence`, label: 'Kỳ báo cáo', kind: 'checks', options: reportCadenceLabels, wide: true },
    { path: `${prefix}.dueDates`, label: 'Hạn gửi hằng năm', kind: 'text', hint: 'Ngày/tháng, cách nhau bởi dấu phẩy, ví dụ 15/6, 15/12; để trống nếu văn bản không nêu.' },
    { path: `${prefix}.content`, label: 'Nội dung báo cáo', kind: 'textarea' },
  ];
}

/** The form's data view of a plan: own channels shown apart from the closed vocabulary. */
function viewData(data: Json): Json {
  const copy = structuredClone(data);
  for (const t of arr(copy.tasks)) {
    const task = rec(t);
    const channels = arr(task.channels);
    task.ownChannels = channels.filter((c) => typeof c === 'object' && c !== null).map((c) => str(rec(c).label));
    task.channels = channels.filter((c) => typeof c === 'string');
  }
  for (const r of arr(copy.reporting)) {
    const duty = rec(r);
    duty.dueDates = arr(duty.dueDates).map((d) => (typeof d === 'string' ? d : `${str(rec(d).day)}/${str(rec(d).month)}`)).join(', ');
  }
  return copy;
}

/** Every section of the form, with flags and problems placed beside their fields. */
export function planFormSections(data: Json, options: { isNew: boolean; flags?: readonly FieldFlag[]; problems?: readonly PlanProblem[] }): { sections: FormSection[]; unplaced: PlanProblem[]; unplacedFlags: FieldFlag[] } {
  const view = viewData(data);
  const specs: { section: string; sectionId: string; group: string; groupId: string; blank?: boolean; specs: Spec[] }[] = [];
  specs.push({ section: 'Đầu văn bản', sectionId: 'header', group: 'Thông tin chung', groupId: 'g-header', specs: headerSpecs(options.isNew) });
  specs.push({ section: 'Căn cứ', sectionId: 'basis', group: 'Nghị quyết được thực hiện', groupId: 'g-resolution', specs: docSpecs('resolution', false) });
  const basis = arr(view.legalBasis);
  basis.forEach((_, i) => specs.push({ section: 'Căn cứ', sectionId: 'basis', group: `Văn bản căn cứ ${i + 1}`, groupId: `g-basis-${i}`, specs: docSpecs(`legalBasis[${i}]`, true) }));
  specs.push({ section: 'Căn cứ', sectionId: 'basis', group: 'Thêm văn bản căn cứ', groupId: `g-basis-${basis.length}`, blank: true, specs: docSpecs(`legalBasis[${basis.length}]`, true) });
  specs.push({ section: 'Mục tiêu, chỉ tiêu', sectionId: 'objectives', group: 'Mục tiêu chung', groupId: 'g-general', specs: [{ path: 'objectives.general', label: 'Mục tiêu chung', kind: 'lines', hint: 'Mỗi đoạn một dòng; để trống nếu kế hoạch chỉ nêu chỉ tiêu.' }] });
  arr(rec(view.objectives).periods).forEach((p, pi) => {
    const period = rec(p);
    specs.push({ section: 'Mục tiêu, chỉ tiêu', sectionId: 'objectives', group: `Giai đoạn ${str(period.period) || pi + 1}`, groupId: `g-period-${pi}`, specs: [{ path: `objectives.periods[${pi}].period`, label: 'Giai đoạn', kind: 'text', hint: 'Dạng 2026-2030, hoặc một năm 2027.' }] });
    arr(period.targets).forEach((_, ti) =>
      specs.push({ section: 'Mục tiêu, chỉ tiêu', sectionId: 'objectives', group: `Chỉ tiêu ${ti + 1} (giai đoạn ${str(period.period)})`, groupId: `g-target-${pi}-${ti}`, specs: targetSpecs(`objectives.periods[${pi}].targets[${ti}]`) }),
    );
  });
  const tasks = arr(view.tasks);
  tasks.forEach((t, i) => specs.push({ section: 'Nhiệm vụ', sectionId: 'tasks', group: `Nhiệm vụ ${str(rec(t).number) || i + 1}`, groupId: `g-task-${i}`, specs: taskSpecs(`tasks[${i}]`, rec(t)) }));
  specs.push({ section: 'Nhiệm vụ', sectionId: 'tasks', group: 'Thêm nhiệm vụ', groupId: `g-task-${tasks.length}`, blank: true, specs: taskSpecs(`tasks[${tasks.length}]`, {}) });
  const reporting = arr(view.reporting);
  reporting.forEach((_, i) => specs.push({ section: 'Chế độ báo cáo', sectionId: 'reporting', group: `Báo cáo ${i + 1}`, groupId: `g-report-${i}`, specs: reportingSpecs(`reporting[${i}]`) }));
  specs.push({ section: 'Chế độ báo cáo', sectionId: 'reporting', group: 'Thêm chế độ báo cáo', groupId: `g-report-${reporting.length}`, blank: true, specs: reportingSpecs(`reporting[${reporting.length}]`) });

  const fieldPaths = specs.flatMap((g) => g.specs.map((s) => s.path));
  // A flag or problem goes beside its field, else beside the nearest field it belongs to.
  const place = (path: string): string | undefined => {
    if (fieldPaths.includes(path)) return path;
    const parents = fieldPaths.filter((f) => path.startsWith(`${f}.`) || path.startsWith(`${f}[`)).sort((a, b) => b.length - a.length);
    if (parents[0]) return parents[0];
    if (/^tasks\[\d+\]\.channels/u.test(path)) return path.replace(/(\.channels).*$/u, '$1');
    const children = fieldPaths.filter((f) => f.startsWith(`${path}.`) || f.startsWith(`${path}[`));
    return children[0];
  };
  const flags = new Map<string, FieldFlag>();
  const unplacedFlags: FieldFlag[] = [];
  for (const f of options.flags ?? []) {
    if (f.provenance === 'stated' && !f.uncertainWords?.length) continue;
    const at = fieldPaths.includes(f.path) ? f.path : undefined;
    if (at && !flags.has(at)) flags.set(at, f);
    else unplacedFlags.push(f);
  }
  const errors = new Map<string, string[]>();
  const unplaced: PlanProblem[] = [];
  for (const p of options.problems ?? []) {
    const at = p.path ? place(p.path) : undefined;
    if (at) errors.set(at, [...(errors.get(at) ?? []), p.message]);
    else unplaced.push(p);
  }
  const sections: FormSection[] = [];
  for (const g of specs) {
    let section = sections.find((s) => s.id === g.sectionId);
    if (!section) {
      section = { heading: g.section, id: g.sectionId, groups: [] };
      sections.push(section);
    }
    section.groups.push({ heading: g.group, id: g.groupId, fields: g.specs.map((s) => fieldView(view, s, flags, errors)), ...(g.blank ? { blank: true } : {}) });
  }
  return { sections, unplaced, unplacedFlags };
}

export interface PostedForm {
  one(name: string): string | undefined;
  many(name: string): string[];
}

const lines = (v: string | undefined): string[] => (v ?? '').split(/\r?\n/u).map((l) => l.trim()).filter(Boolean);
const textOrUndefined = (v: string | undefined): string | undefined => {
  const t = (v ?? '').trim();
  return t === '' ? undefined : t;
};

/** "05/03/2026" or "2026-03-05" → ISO; anything else as typed (the plan checks then say what is wrong). */
function isoOf(v: string | undefined): string | undefined {
  const t = textOrUndefined(v);
  if (!t) return undefined;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(t);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t;
}

function numberOf(v: string | undefined): number | string | undefined {
  const t = textOrUndefined(v);
  if (!t) return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : t;
}

/** Applies one spec's posted value to the data. */
function applySpec(data: Json, spec: Spec, form: PostedForm): void {
  const name = `f.${spec.path}`;
  switch (spec.kind) {
    case 'text':
    case 'textarea':
    case 'select':
      setPath(data, spec.path, textOrUndefined(form.one(name)));
      return;
    case 'number':
      setPath(data, spec.path, numberOf(form.one(name)));
      return;
    case 'date':
      setPath(data, spec.path, isoOf(form.one(name)));
      return;
    case 'lines':
      setPath(data, spec.path, lines(form.one(name)));
      return;
    case 'checks': {
      // Kept in the plan's own order; newly ticked values after them.
      const ticked = new Set(form.many(name).filter((v) => Object.hasOwn(spec.options ?? {}, v)));
      const before = getPath(data, spec.path);
      const kept = (Array.isArray(before) ? before : before === undefined ? [] : [before]).filter((v): v is string => typeof v === 'string' && ticked.has(v));
      setPath(data, spec.path, [...new Set([...kept, ...ticked])]);
    }
  }
}

const blankFilled = (form: PostedForm, specs: Spec[]): boolean => specs.some((s) => (s.kind === 'checks' ? form.many(`f.${s.path}`).length > 0 : textOrUndefined(form.one(`f.${s.path}`)) !== undefined));

/**
 * The plan-file data with the posted form applied. Fields the form does not show stay as they
 * were; a blank row that was filled in adds an item; optional values left empty are removed.
 */
export function applyPlanForm(original: Json, form: PostedForm, options: { isNew: boolean }): Json {
  const data = structuredClone(original);
  for (const s of headerSpecs(options.isNew)) applySpec(data, s, form);
  if (data.number === undefined) data.number = null;
  const issued = rec(data.issued);
  if (issued.date === undefined) issued.date = null;
  for (const s of docSpecs('resolution', false)) applySpec(data, s, form);

  const basis = arr(data.legalBasis);
  data.legalBasis = basis;
  basis.forEach((_, i) => docSpecs(`legalBasis[${i}]`, true).forEach((s) => applySpec(data, s, form)));
  const newBasis = docSpecs(`legalBasis[${basis.length}]`, true);
  if (blankFilled(form, newBasis)) newBasis.forEach((s) => applySpec(data, s, form));

  const objectives = rec(data.objectives);
  data.objectives = objectives;
  applySpec(data, { path: 'objectives.general', label: '', kind: 'lines' }, form);
  arr(objectives.periods).forEach((p, pi) => {
    applySpec(data, { path: `objectives.periods[${pi}].period`, label: '', kind: 'text' }, form);
    arr(rec(p).targets).forEach((t, ti) => {
      const prefix = `objectives.periods[${pi}].targets[${ti}]`;
      targetSpecs(prefix).forEach((s) => applySpec(data, s, form));
      const measure = rec(rec(t).measure);
      // A target without a figure is a deliverable: no measure at all.
      if (measure.value === undefined && measure.metric === undefined) delete rec(t).measure;
    });
  });

  const tasks = arr(data.tasks);
  data.tasks = tasks;
  const applyTask = (i: number) => {
    const task = rec(tasks[i]);
    const specs = taskSpecs(`tasks[${i}]`, task);
    for (const s of specs) if (s.path !== `tasks[${i}].ownChannels`) applySpec(data, s, form);
    const own = lines(form.one(`f.tasks[${i}].ownChannels`)).map((label) => ({ label }));
    const t = rec(tasks[i]);
    t.channels = [...arr(t.channels), ...own];
    const tf = rec(t.timeframe);
    if (tf.kind === undefined) t.timeframe = { kind: 'unstated', ...(tf.asWritten ? { asWritten: tf.asWritten } : {}) };
  };
  tasks.forEach((_, i) => applyTask(i));
  const n = tasks.length;
  if (blankFilled(form, taskSpecs(`tasks[${n}]`, {}))) {
    tasks.push({});
    applyTask(n);
    const t = rec(tasks[n]);
    const taken = new Set(tasks.slice(0, n).map((x) => str(rec(x).id)));
    let id = `nv-${slugify(`${str(t.number)} ${str(t.title)}`).slice(0, 40).replace(/-+$/u, '')}` || `nv-${n + 1}`;
    for (let k = 2; taken.has(id); k++) id = `${id.replace(/-\d+$/u, '')}-${k}`;
    tasks[n] = { id, ...t };
  }

  const reporting = arr(data.reporting);
  data.reporting = reporting;
  const applyDuty = (i: number) => {
    for (const s of reportingSpecs(`reporting[${i}]`)) if (s.path !== `reporting[${i}].dueDates`) applySpec(data, s, form);
    const duty = rec(reporting[i]);
    duty.dueDates = (form.one(`f.reporting[${i}].dueDates`) ?? '').split(/[,;]/u).map((d) => d.trim()).filter(Boolean);
    const cadence = arr(duty.cadence);
    duty.cadence = cadence.length === 1 ? cadence[0] : cadence;
  };
  reporting.forEach((_, i) => applyDuty(i));
  const m = reporting.length;
  if (blankFilled(form, reportingSpecs(`reporting[${m}]`))) {
    reporting.push({ id: `bao-cao-${m + 1}` });
    applyDuty(m);
  }
  return data;
}
