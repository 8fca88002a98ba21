/**
 * The plan library: every plan, with every version, in the product's object store, read by
 * every process (web server, worker, CLI). A version is one immutable JSON document,
 * `library/plans/<id>/versions/<n>.json`, holding the plan as plan-file data (what the YAML
 * file and the review form hold), who saved it, when, and what changed against the version
 * before. Saving version n+1 is a conditional write that only succeeds while that key is free,
 * so two editors who started from version n cannot both save: the second gets
 * PlanConflictError (who saved, when) and nothing of either is lost or merged.
 *
 * The shipped plans under plans/ are seeded into an empty library once (they stay in the
 * repository as samples). A campaign records the version it started with and drafts from it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { planChanges } from '../domain/plan/changes.js';
import { parsePlan, type PlanProblem } from '../domain/plan/parse.js';
import type { Plan } from '../domain/plan/schema.js';
import { readYaml } from '../domain/plan/yaml-source.js';
import { vnTimeLabel } from './directory-store.js';
import { readJsonDocument } from './json-document.js';
import { PreconditionFailedError, type ObjectStore } from './object-store.js';
import { DataFileError, listPlanFiles, loadPlan, loadPlans, PLANS_DIR, PlanNotFoundError, type FileProblems } from './plan-store.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export const planLibraryKeys = {
  prefix: 'library/plans/',
  versionsPrefix: (planId: string) => `library/plans/${planId}/versions/`,
  version: (planId: string, version: number) => `library/plans/${planId}/versions/${String(version).padStart(8, '0')}.json`,
  seeded: 'library/plans-seeded.json',
};

export type PlanVersionAction = 'seed' | 'save' | 'import';
export const planVersionActionLabels: Record<PlanVersionAction, string> = {
  seed: 'khởi tạo từ kế hoạch mẫu',
  save: 'sửa trên bảng điều khiển',
  import: 'nhập từ văn bản',
};

/** One stored version, as written. */
export interface PlanVersionRecord {
  planId: string;
  version: number;
  at: string;
  by: string;
  action: PlanVersionAction;
  /** What changed against the version before ("Sửa trích yếu", "Thêm nhiệm vụ 5"). */
  changes: string[];
  note?: string;
  /** The unit that issued the plan, when the editor named one. */
  ownerUnitId?: string;
  /** Where the version came from: the sample file, or the imported document's name. */
  sourceFile?: string;
  /** The plan as plan-file data (validated on save and on read). */
  data: Record<string, unknown>;
}

/** A plan as readers get it: the validated plan and the version it is. */
export interface StoredPlan {
  plan: Plan;
  /** 1, 2, …; 0 for a plan read from a file outside the library. */
  version: number;
  at?: string;
  by?: string;
  ownerUnitId?: string;
}

export type PlanVersionSummary = Omit<PlanVersionRecord, 'data'>;

/** What every reader of plans needs: the current version of each, or a given version of one. */
export interface PlanReader {
  /** The plan at `version` (default: the current one); PlanNotFoundError when there is none. */
  get(planId: string, version?: number): Promise<StoredPlan>;
  /** The current version of every plan, by id. */
  list(): Promise<StoredPlan[]>;
}

/** Someone saved the plan after the version the editor started from; nothing was written. */
export class PlanConflictError extends Error {
  constructor(
    readonly planId: string,
    readonly expectedVersion: number,
    readonly current: { version: number; at: string; by: string },
  ) {
    super(
      expectedVersion === 0
        ? `Không lưu được: đã có kế hoạch mã "${planId}" (phiên bản ${current.version}, do ${current.by} lưu lúc ${vnTimeLabel(current.at)}). Hãy đặt mã khác hoặc mở kế hoạch đó để sửa.`
        : `Không lưu được: kế hoạch “${planId}” đã được ${current.by} lưu thành phiên bản ${current.version} lúc ${vnTimeLabel(current.at)}, sau phiên bản ${expectedVersion} mà bạn bắt đầu sửa. ` +
            'Thay đổi của bạn chưa được lưu và không bị trộn với thay đổi kia; nội dung bạn nhập vẫn còn trong biểu mẫu. Hãy mở phiên bản mới, xem khác biệt rồi sửa lại.',
    );
    this.name = 'PlanConflictError';
  }
}

/** The plan does not pass the plan checks; nothing was written. */
export class PlanValidationError extends Error {
  constructor(
    readonly planId: string,
    readonly problems: PlanProblem[],
  ) {
    super(`Kế hoạch "${planId}" chưa hợp lệ:\n${problems.map((p) => `  - ${p.path || 'kế hoạch'}: ${p.message}`).join('\n')}`);
    this.name = 'PlanValidationError';
  }
}

/** No such version of an existing plan. */
export class PlanVersionNotFoundError extends Error {
  constructor(
    readonly planId: string,
    readonly version: number,
    readonly latest: number,
  ) {
    super(
      latest > 0
        ? `Kế hoạch "${planId}" không có phiên bản ${version}; các phiên bản hiện có: 1–${latest}.`
        : `Kế hoạch "${planId}" đọc từ tệp nên không có phiên bản ${version}; các phiên bản chỉ có trong kho kế hoạch (bỏ --dir).`,
    );
    this.name = 'PlanVersionNotFoundError';
  }
}

/** Checks plan-file data with every plan check (schema and cross-checks). */
export function checkPlanData(data: unknown): { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] } {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, problems: [{ path: '', message: 'kế hoạch phải là một mục gồm các khóa' }] };
  return parsePlan(stringify(data, { lineWidth: 0 }), 'kế hoạch');
}

function parseRecord(json: unknown): PlanVersionRecord {
  const r = json as Partial<PlanVersionRecord>;
  if (!r || typeof r !== 'object' || typeof r.planId !== 'string' || typeof r.version !== 'number' || typeof r.at !== 'string' || typeof r.by !== 'string' || !r.data || typeof r.data !== 'object') {
    throw new Error('not a plan version');
  }
  return { changes: [], action: 'save', ...r } as PlanVersionRecord;
}

const versionOfKey = (key: string): number => Number(key.slice(key.lastIndexOf('/') + 1, -'.json'.length));

export class PlanLibrary implements PlanReader {
  private readonly now: () => Date;
  private readonly samplesDir: string | undefined;
  private seeding: Promise<unknown> | undefined;
  /** Versions never change once written: parsed plans are kept per key. */
  private readonly parsed = new Map<string, Promise<StoredPlan>>();

  constructor(
    readonly store: ObjectStore,
    /** `samplesDir: null`: never seed (a read-only check such as `campaign doctor`). */
    options: { now?: () => Date; samplesDir?: string | null } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.samplesDir = options.samplesDir === null ? undefined : (options.samplesDir ?? PLANS_DIR);
  }

  /** Seeds the sample plans into an empty library (once per store; later calls are free). */
  async ensureSeeded(): Promise<{ created: string[]; skipped?: 'seeded' }> {
    this.seeding ??= this.seed().catch((err: unknown) => {
      this.seeding = undefined;
      throw err;
    });
    return (await this.seeding) as { created: string[]; skipped?: 'seeded' };
  }

  private async seed(): Promise<{ created: string[]; skipped?: 'seeded' }> {
    if (!this.samplesDir || (await this.store.head(planLibraryKeys.seeded))) return { created: [], skipped: 'seeded' };
    const at = this.now().toISOString();
    const by = 'hệ thống (kế hoạch mẫu)';
    const created: string[] = [];
    const bad: FileProblems[] = [];
    for (const file of await listPlanFiles(this.samplesDir)) {
      const read = readYaml(await readFile(file, 'utf8'));
      if (!read.ok) {
        bad.push({ file, problems: read.problems });
        continue;
      }
      const checked = checkPlanData(read.source.data);
      if (!checked.ok) {
        bad.push({ file, problems: checked.problems });
        continue;
      }
      const record: PlanVersionRecord = { planId: checked.plan.id, version: 1, at, by, action: 'seed', changes: ['Khởi tạo từ kế hoạch mẫu'], sourceFile: path.join('plans', path.basename(file)), data: read.source.data as Record<string, unknown> };
      // A plan someone already saved (or another process seeded) is left as it is.
      if ((await this.store.list(planLibraryKeys.versionsPrefix(record.planId))).length) continue;
      const wrote = await this.store
        .put(planLibraryKeys.version(record.planId, 1), JSON.stringify(record, null, 2), { contentType: JSON_TYPE, ifNoneMatch: '*' })
        .then(() => true)
        .catch((err: unknown) => {
          if (err instanceof PreconditionFailedError) return false;
          throw err;
        });
      if (wrote) created.push(record.planId);
    }
    if (bad.length) throw new DataFileError(bad);
    await this.store.put(planLibraryKeys.seeded, JSON.stringify({ at, by, plans: created }), { contentType: JSON_TYPE, ifNoneMatch: '*' }).catch((err: unknown) => {
      if (!(err instanceof PreconditionFailedError)) throw err;
    });
    return { created: created.sort() };
  }

  /** Version numbers of a plan, oldest first (empty: no such plan). */
  private async versionNumbers(planId: string): Promise<number[]> {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(planId)) return [];
    await this.ensureSeeded();
    return (await this.store.list(planLibraryKeys.versionsPrefix(planId))).map(versionOfKey).filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  }

  /** Ids of every plan in the library. */
  async ids(): Promise<string[]> {
    await this.ensureSeeded();
    const keys = await this.store.list(planLibraryKeys.prefix);
    return [...new Set(keys.map((k) => k.slice(planLibraryKeys.prefix.length).split('/')[0]!).filter(Boolean))].sort();
  }

  /** The stored record of one version; undefined when missing. */
  async record(planId: string, version: number): Promise<PlanVersionRecord | undefined> {
    return (await readJsonDocument(this.store, planLibraryKeys.version(planId, version), parseRecord))?.value;
  }

  /** The current version number (0: no such plan). */
  async latestVersion(planId: string): Promise<number> {
    return (await this.versionNumbers(planId)).at(-1) ?? 0;
  }

  async get(planId: string, version?: number): Promise<StoredPlan> {
    const versions = await this.versionNumbers(planId);
    if (versions.length === 0) throw new PlanNotFoundError(planId, await this.ids());
    const v = version ?? versions.at(-1)!;
    if (!versions.includes(v)) throw new PlanVersionNotFoundError(planId, v, versions.at(-1)!);
    const key = planLibraryKeys.version(planId, v);
    let found = this.parsed.get(key);
    if (!found) {
      found = this.readVersion(planId, v);
      this.parsed.set(key, found);
      found.catch(() => this.parsed.delete(key));
    }
    return found;
  }

  private async readVersion(planId: string, version: number): Promise<StoredPlan> {
    const rec = await this.record(planId, version);
    if (!rec) throw new PlanVersionNotFoundError(planId, version, await this.latestVersion(planId));
    const checked = checkPlanData(rec.data);
    if (!checked.ok) throw new DataFileError([{ file: `${planLibraryKeys.version(planId, version)} (kho kế hoạch)`, problems: checked.problems }]);
    return { plan: checked.plan, version, at: rec.at, by: rec.by, ...(rec.ownerUnitId ? { ownerUnitId: rec.ownerUnitId } : {}) };
  }

  /** The plan-file data of a version (default: current), for the edit form. */
  async data(planId: string, version?: number): Promise<{ data: Record<string, unknown>; version: number } | undefined> {
    const v = version ?? (await this.latestVersion(planId));
    if (v === 0) return undefined;
    const rec = await this.record(planId, v);
    return rec ? { data: rec.data, version: v } : undefined;
  }

  async list(): Promise<StoredPlan[]> {
    const out: StoredPlan[] = [];
    const bad: FileProblems[] = [];
    for (const id of await this.ids()) {
      try {
        out.push(await this.get(id));
      } catch (err) {
        if (err instanceof DataFileError) bad.push(...err.files);
        else if (!(err instanceof PlanNotFoundError)) throw err;
      }
    }
    if (bad.length) throw new DataFileError(bad);
    return out;
  }

  /** Every version of a plan, oldest first, without the plan data. */
  async history(planId: string): Promise<PlanVersionSummary[]> {
    const out: PlanVersionSummary[] = [];
    for (const v of await this.versionNumbers(planId)) {
      const rec = await this.record(planId, v);
      if (!rec) continue;
      const { data: _data, ...summary } = rec;
      out.push(summary);
    }
    return out;
  }

  /**
   * Saves plan-file data as the next version. `expectedVersion` is the version the editor
   * started from (0: a new plan). Refused with PlanValidationError when the data does not pass
   * the plan checks, PlanConflictError when someone saved after `expectedVersion`.
   */
  async save(
    data: Record<string, unknown>,
    options: { by: string; at?: Date; expectedVersion: number; action?: PlanVersionAction; note?: string; ownerUnitId?: string; sourceFile?: string },
  ): Promise<StoredPlan & { changes: string[] }> {
    const checked = checkPlanData(data);
    const planId = String(data.id ?? '');
    if (!checked.ok) throw new PlanValidationError(planId, checked.problems);
    const id = checked.plan.id;
    const latest = await this.latestVersion(id);
    if (latest !== options.expectedVersion) throw await this.conflict(id, options.expectedVersion, latest);
    const before = latest ? (await this.record(id, latest))?.data : undefined;
    const changes = before ? planChanges(before, data) : [options.action === 'import' ? 'Nhập từ văn bản' : 'Tạo kế hoạch'];
    const version = options.expectedVersion + 1;
    const at = (options.at ?? this.now()).toISOString();
    const by = options.by.trim().toLowerCase();
    const ownerUnitId = options.ownerUnitId ?? (before ? (await this.record(id, latest))?.ownerUnitId : undefined);
    const record: PlanVersionRecord = {
      planId: id,
      version,
      at,
      by,
      action: options.action ?? 'save',
      changes,
      ...(options.note ? { note: options.note } : {}),
      ...(ownerUnitId ? { ownerUnitId } : {}),
      ...(options.sourceFile ? { sourceFile: options.sourceFile } : {}),
      data,
    };
    try {
      await this.store.put(planLibraryKeys.version(id, version), JSON.stringify(record, null, 2), { contentType: JSON_TYPE, ifNoneMatch: '*' });
    } catch (err) {
      if (err instanceof PreconditionFailedError) throw await this.conflict(id, options.expectedVersion, await this.latestVersion(id));
      throw err;
    }
    return { plan: checked.plan, version, at, by, changes, ...(ownerUnitId ? { ownerUnitId } : {}) };
  }

  private async conflict(planId: string, expected: number, latest: number): Promise<PlanConflictError> {
    const rec = latest ? await this.record(planId, latest) : undefined;
    return new PlanConflictError(planId, expected, { version: latest, at: rec?.at ?? this.now().toISOString(), by: rec?.by ?? 'không rõ' });
  }

  /** For `campaign doctor`: seeded or not, how many plans and versions, and what fails its checks. */
  async status(): Promise<{ seeded: boolean; plans: number; versions: number; problems: string[] }> {
    const seeded = Boolean(await this.store.head(planLibraryKeys.seeded));
    const keys = await this.store.list(planLibraryKeys.prefix);
    const ids = [...new Set(keys.map((k) => k.slice(planLibraryKeys.prefix.length).split('/')[0]!))];
    const problems: string[] = [];
    for (const id of ids) {
      try {
        await this.get(id);
      } catch (err) {
        problems.push(`${id}: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}`);
      }
    }
    return { seeded, plans: ids.length, versions: keys.length, problems };
  }
}

/** Plans read from YAML files in a folder (`--dir`, `--plans-dir`; unit tests). Version 0. */
export class FilePlans implements PlanReader {
  constructor(readonly dir: string = PLANS_DIR) {}
  async get(planId: string, version?: number): Promise<StoredPlan> {
    if (version) throw new PlanVersionNotFoundError(planId, version, 0);
    return { plan: await loadPlan(planId, this.dir), version: 0 };
  }
  async list(): Promise<StoredPlan[]> {
    return (await loadPlans(this.dir)).map((plan) => ({ plan, version: 0 }));
  }
}

let processLibrary: PlanReader | undefined;

/** Sets the plan reader this process's callers use when they name none (npm start, the worker). */
export function usePlanLibrary(reader: PlanReader | undefined): void {
  processLibrary = reader;
}

/** The process's plan library; without one (unit tests, offline renders), the files in plans/. */
export function processPlans(): PlanReader {
  return processLibrary ?? new FilePlans(PLANS_DIR);
}
