/**
 * Runs a zod schema over YAML data and reports every issue as a Vietnamese problem with its
 * path and line. Messages the schemas set themselves are kept; the rest are worded here.
 */
import type { z } from 'zod';
import { problemAt, type PlanProblem, type YamlSource } from './yaml-source.js';

const expectedWords: Record<string, string> = {
  string: 'một dòng chữ',
  number: 'một số',
  int: 'một số nguyên',
  boolean: 'true hoặc false',
  array: 'một danh sách (mỗi mục một dòng bắt đầu bằng "- ")',
  object: 'một mục gồm các khóa con (ví dụ "name: …")',
  null: 'null',
};

/** Vietnamese wording for issues whose schema gave no message of its own. */
export const vietnameseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      const want = expectedWords[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `thiếu mục bắt buộc này (cần ${want})`;
      if (issue.input === null) return `đang để trống, cần ${want}`;
      return `phải là ${want}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `cần ít nhất ${issue.minimum} mục`;
      if (issue.origin === 'string') return 'không được để trống';
      return `phải ${issue.inclusive ? 'từ' : 'lớn hơn'} ${issue.minimum} trở lên`;
    case 'too_big':
      if (issue.origin === 'array') return `tối đa ${issue.maximum} mục`;
      if (issue.origin === 'string') return `dài tối đa ${issue.maximum} ký tự`;
      return `không được lớn hơn ${issue.maximum}`;
    case 'invalid_value':
      return `phải là một trong: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return 'không đúng định dạng';
    case 'invalid_union':
      return 'giá trị không khớp với dạng nào được phép';
    default:
      return undefined;
  }
};

interface LooseDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): LooseDef => (schema as unknown as { _zod: { def: LooseDef } })._zod.def;

/** Keys an object schema accepts at `path` (descending through arrays, optionals, unions). */
export function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType[] = [schema];
  const unwrap = (s: z.ZodType): z.ZodType[] => {
    const def = defOf(s);
    if (def.innerType) return unwrap(def.innerType);
    if (def.type === 'pipe' && def.in) return unwrap(def.in);
    if (def.options) return def.options.flatMap(unwrap);
    return [s];
  };
  current = current.flatMap(unwrap);
  for (const seg of path) {
    current = current
      .flatMap((s) => {
        const def = defOf(s);
        if (typeof seg === 'number') return def.element ? [def.element] : [];
        const child = def.shape?.[String(seg)];
        return child ? [child] : [];
      })
      .flatMap(unwrap);
  }
  return [...new Set(current.flatMap((s) => Object.keys(defOf(s).shape ?? {})))];
}

/** The candidate nearest to `word` by edit distance, when it is close enough to be a typo. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d <= Math.max(2, Math.floor(c.length / 3)) && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Validates `source.data` with `schema`; either the parsed value or every problem found. */
export function validateWithSchema<S extends z.ZodType>(
  schema: S,
  source: YamlSource,
): { ok: true; value: z.output<S> } | { ok: false; problems: PlanProblem[] } {
  const result = schema.safeParse(source.data, { error: vietnameseErrorMap });
  if (result.success) return { ok: true, value: result.data };
  const problems: PlanProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, allowed);
        const hint = guess ? `; có phải ý là "${guess}"?` : '.';
        problems.push(problemAt(source, issue.path, `khóa "${key}" không dùng được ở đây${hint} Các khóa hợp lệ: ${allowed.join(', ')}`, key));
      }
      continue;
    }
    problems.push(problemAt(source, issue.path, issue.message));
  }
  return { ok: false, problems };
}
