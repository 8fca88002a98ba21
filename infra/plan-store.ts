/**
 * Reads plan, locality and media-list files from disk and validates them with the pure parsers
 * in `domain/`. Loading is all-or-nothing: if any file is invalid, a DataFileError lists every
 * problem in every file and nothing is returned. Stations and media lists live in the directory
 * (infra/directory-store.ts); the files here are what `--localities-file` and
 * `--media-list-file` name.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseLocalities, type LocalityList } from '../domain/localities.js';
import { parseMediaList, type MediaList } from '../domain/media-list.js';
import { parsePlan } from '../domain/plan/parse.js';
import type { Plan } from '../domain/plan/schema.js';
import { formatProblem, type PlanProblem } from '../domain/plan/yaml-source.js';

/** Root of the repository (this file lives in `<root>/infra`). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const PLANS_DIR = path.join(REPO_ROOT, 'plans');

/** The problems found in one file. */
export interface FileProblems {
  file: string;
  problems: PlanProblem[];
}

/** One or more data files are invalid; the message lists every problem, file by file. */
export class DataFileError extends Error {
  constructor(readonly files: FileProblems[]) {
    super(formatFileProblems(files));
    this.name = 'DataFileError';
  }
}

/** No plan file has the requested id. */
export class PlanNotFoundError extends Error {
  constructor(
    readonly id: string,
    readonly available: string[],
  ) {
    super(`Không có kế hoạch mã "${id}". Các kế hoạch hiện có: ${available.join(', ') || '(chưa có)'}`);
    this.name = 'PlanNotFoundError';
  }
}

/** A path as shown to people: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Vietnamese listing of problems per file. */
export function formatFileProblems(files: FileProblems[]): string {
  const blocks = files.map((f) => `${displayPath(f.file)} (${f.problems.length} lỗi):\n${f.problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
  return `Dữ liệu không hợp lệ ở ${files.length} tệp:\n${blocks.join('\n')}`;
}

/** What a data file holds, guessed from its top-level keys. */
export type DataFileKind = 'plan' | 'localities' | 'mediaList';

/** The result of checking one file. */
export type FileCheck =
  | { file: string; ok: true; kind: 'plan'; plan: Plan }
  | { file: string; ok: true; kind: 'localities'; localities: LocalityList }
  | { file: string; ok: true; kind: 'mediaList'; mediaList: MediaList }
  | { file: string; ok: false; kind: DataFileKind; problems: PlanProblem[] };

export function guessKind(text: string): DataFileKind {
  if (/^journalists\s*:/m.test(text)) return 'mediaList';
  if (/^localities\s*:/m.test(text)) return 'localities';
  return 'plan';
}

/** Reads and validates one data file; never throws for a bad or missing file. */
export async function checkFile(file: string, kind?: DataFileKind): Promise<FileCheck> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'không tìm thấy tệp' : code === 'EISDIR' ? 'đây là thư mục, không phải tệp' : `không đọc được tệp (${code ?? String(err)})`;
    return { file, ok: false, kind: kind ?? 'plan', problems: [{ path: '', message: why }] };
  }
  const k = kind ?? guessKind(text);
  if (k === 'localities') {
    const r = parseLocalities(text);
    return r.ok ? { file, ok: true, kind: k, localities: r.list } : { file, ok: false, kind: k, problems: r.problems };
  }
  if (k === 'mediaList') {
    const r = parseMediaList(text);
    return r.ok ? { file, ok: true, kind: k, mediaList: r.list } : { file, ok: false, kind: k, problems: r.problems };
  }
  const r = parsePlan(text, path.basename(file));
  if (!r.ok) return { file, ok: false, kind: k, problems: r.problems };
  const stem = path.basename(file).replace(/\.ya?ml$/i, '');
  if (r.plan.id !== stem) {
    return { file, ok: false, kind: k, problems: [{ path: 'id', line: lineOfId(text), message: `mã kế hoạch "${r.plan.id}" phải trùng với tên tệp "${stem}"; hãy đổi tên tệp thành ${r.plan.id}.yaml hoặc sửa id` }] };
  }
  return { file, ok: true, kind: k, plan: r.plan };
}

function lineOfId(text: string): number | undefined {
  const index = text.split('\n').findIndex((l) => /^id\s*:/.test(l));
  return index < 0 ? undefined : index + 1;
}

/** YAML files directly inside `dir`, sorted by name. */
export async function listPlanFiles(dir: string = PLANS_DIR): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => /\.ya?ml$/i.test(n)).sort().map((n) => path.join(dir, n));
}

/**
 * Every plan in `dir`; throws DataFileError listing all problems if any file is invalid.
 * Without a folder: the current version of every plan in the process's plan library
 * (infra/plan-library.ts), or the files in plans/ when the process has none.
 */
export async function loadPlans(dir?: string): Promise<Plan[]> {
  if (dir === undefined) {
    const { processPlans } = await import('./plan-library.js');
    return (await processPlans().list()).map((s) => s.plan);
  }
  const checks = await Promise.all((await listPlanFiles(dir)).map((f) => checkFile(f, 'plan')));
  const bad = checks.flatMap((c) => (c.ok ? [] : [{ file: c.file, problems: c.problems }]));
  if (bad.length > 0) throw new DataFileError(bad);
  return checks.flatMap((c) => (c.ok && c.kind === 'plan' ? [c.plan] : []));
}

/**
 * The plan with this id (file `<dir>/<id>.yaml`); PlanNotFoundError or DataFileError otherwise.
 * Without a folder: the current version in the process's plan library (or plans/ without one).
 */
export async function loadPlan(id: string, dir?: string): Promise<Plan> {
  if (dir === undefined) {
    const { processPlans } = await import('./plan-library.js');
    return (await processPlans().get(id)).plan;
  }
  const files = await listPlanFiles(dir);
  const file = files.find((f) => path.basename(f).replace(/\.ya?ml$/i, '') === id);
  if (!file) throw new PlanNotFoundError(id, files.map((f) => path.basename(f).replace(/\.ya?ml$/i, '')));
  const check = await checkFile(file, 'plan');
  if (!check.ok) throw new DataFileError([{ file, problems: check.problems }]);
  if (check.kind !== 'plan') throw new Error('unreachable: plan file checked as another kind');
  return check.plan;
}

/**
 * The locality list in `file`; DataFileError if invalid. Without a file (a stop-gap for the
 * dashboard's start form until it reads the directory per plan): every station of the
 * process's directory, or of the shipped sample directory.
 */
export async function loadLocalities(file?: string): Promise<LocalityList> {
  if (file === undefined) {
    const { processDirectoryOrSamples } = await import('./directory-store.js');
    const { unitLocalities } = await import('../domain/directory/audience.js');
    const { directory, samples } = await processDirectoryOrSamples();
    return { sample: samples, owner: 'danh bạ đơn vị', localities: (await directory.allUnits()).flatMap(unitLocalities) };
  }
  const check = await checkFile(file, 'localities');
  if (!check.ok) throw new DataFileError([{ file, problems: check.problems }]);
  if (check.kind !== 'localities') throw new Error('unreachable: locality file checked as another kind');
  return check.localities;
}

/** The media list in `file`; DataFileError if invalid. */
export async function loadMediaList(file: string): Promise<MediaList> {
  const check = await checkFile(file, 'mediaList');
  if (!check.ok) throw new DataFileError([{ file, problems: check.problems }]);
  if (check.kind !== 'mediaList') throw new Error('unreachable: media list checked as another kind');
  return check.mediaList;
}
