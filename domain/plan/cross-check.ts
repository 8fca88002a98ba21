/**
 * Checks that span the whole plan: duplicate ids and numbers, and references from tasks to
 * occasions and targets. They read the raw file data defensively, so they run (and report)
 * even when other parts of the file fail the schema: the editor sees every problem at once.
 */
import { BUILT_IN_OCCASIONS, BUILT_IN_OCCASION_IDS } from '../calendar/occasions.js';
import { problemAt, type PlanProblem, type YamlSource } from './yaml-source.js';
import { closest } from './zod-problems.js';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

interface Entry {
  path: (string | number)[];
  value: string;
}

/** Reports each value that already appeared earlier in `entries`. */
function duplicates(source: YamlSource, entries: Entry[], what: string): PlanProblem[] {
  const seen = new Map<string, Entry>();
  const problems: PlanProblem[] = [];
  for (const e of entries) {
    const first = seen.get(e.value);
    if (!first) {
      seen.set(e.value, e);
      continue;
    }
    const firstPath = first.path.reduce<string>((a, s) => (typeof s === 'number' ? `${a}[${s}]` : a ? `${a}.${s}` : s), '');
    problems.push(problemAt(source, e.path, `${what} "${e.value}" bị trùng với ${firstPath}; mỗi ${what} chỉ được dùng một lần trong kế hoạch`));
  }
  return problems;
}

function ids(items: unknown[], prefix: (string | number)[], key = 'id'): Entry[] {
  return items.flatMap((item, i) => {
    const value = str(rec(item)?.[key]);
    return value === undefined ? [] : [{ path: [...prefix, i, key], value }];
  });
}

/** Every cross-reference and uniqueness problem in the plan data. */
export function crossCheckPlan(source: YamlSource): PlanProblem[] {
  const plan = rec(source.data) ?? {};
  const tasks = list(plan.tasks);
  const periods = list(rec(plan.objectives)?.periods);
  const occasions = list(plan.occasions);
  const targetEntries = periods.flatMap((p, i) => ids(list(rec(p)?.targets), ['objectives', 'periods', i, 'targets']));
  const occasionEntries = ids(occasions, ['occasions']);
  const problems: PlanProblem[] = [
    ...duplicates(source, ids(tasks, ['tasks']), 'mã nhiệm vụ'),
    ...duplicates(source, ids(tasks, ['tasks'], 'number'), 'số thứ tự nhiệm vụ'),
    ...duplicates(source, targetEntries, 'mã chỉ tiêu'),
    ...duplicates(source, ids(list(plan.reporting), ['reporting']), 'mã chế độ báo cáo'),
    ...duplicates(source, ids(list(plan.bodyDuties), ['bodyDuties']), 'mã nhiệm vụ của cơ quan'),
    ...duplicates(source, occasionEntries, 'mã dịp'),
  ];

  for (const e of occasionEntries) {
    if (BUILT_IN_OCCASION_IDS.has(e.value)) {
      problems.push(problemAt(source, e.path, `mã dịp "${e.value}" trùng với một dịp có sẵn; hãy dùng thẳng mã này trong nhiệm vụ, hoặc đặt mã khác cho dịp riêng của kế hoạch`));
    }
  }

  const knownTasks = new Set(ids(tasks, ['tasks']).map((e) => e.value));
  const taskChoices = [...knownTasks].join(', ') || '(kế hoạch chưa có nhiệm vụ nào)';
  for (const section of ['reporting', 'bodyDuties'] as const) {
    list(plan[section]).forEach((item, i) => {
      list(rec(item)?.tasks).forEach((ref, j) => {
        const id = str(ref);
        if (id !== undefined && !knownTasks.has(id)) {
          problems.push(problemAt(source, [section, i, 'tasks', j], `nhiệm vụ "${id}" không có trong mục tasks của kế hoạch; các mã nhiệm vụ hiện có: ${taskChoices}`));
        }
      });
    });
  }

  const knownOccasions = new Set([...BUILT_IN_OCCASION_IDS, ...occasionEntries.map((e) => e.value)]);
  const knownTargets = new Set(targetEntries.map((e) => e.value));
  const occasionChoices = [...BUILT_IN_OCCASIONS.map((o) => `${o.id} (${o.name})`), ...occasionEntries.map((e) => e.value)].join(', ');

  tasks.forEach((task, i) => {
    const t = rec(task);
    list(t?.occasions).forEach((ref, j) => {
      const id = str(ref);
      if (id !== undefined && !knownOccasions.has(id)) {
        const guess = closest(id, [...knownOccasions]);
        const hint = guess ? ` Có phải ý là "${guess}"?` : '';
        problems.push(problemAt(source, ['tasks', i, 'occasions', j], `dịp "${id}" không tồn tại; dùng một dịp có sẵn hoặc khai báo nó trong mục occasions của kế hoạch.${hint} Các dịp hiện có: ${occasionChoices}`));
      }
    });
    list(t?.targets).forEach((ref, j) => {
      const id = str(ref);
      if (id !== undefined && !knownTargets.has(id)) {
        const choices = [...knownTargets].join(', ') || '(kế hoạch chưa có chỉ tiêu nào)';
        problems.push(problemAt(source, ['tasks', i, 'targets', j], `chỉ tiêu "${id}" không có trong mục objectives.periods của kế hoạch; các mã chỉ tiêu hiện có: ${choices}`));
      }
    });
    for (const key of ['channels', 'audiences', 'occasions'] as const) {
      const values = list(t?.[key]).map((v, j) => ({ path: ['tasks', i, key, j], value: str(v) ?? '' }));
      const seen = new Set<string>();
      for (const v of values) {
        if (v.value !== '' && seen.has(v.value)) problems.push(problemAt(source, v.path, `"${v.value}" được ghi hai lần trong danh sách ${key} của nhiệm vụ này; hãy xóa một lần`));
        seen.add(v.value);
      }
    }
  });
  return problems;
}
