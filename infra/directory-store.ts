/**
 * The directory of units in the product's object store, read by every process (web server,
 * worker, CLI): one JSON document per unit under `directory/units/<id>.json`, changed only by
 * compare-and-swap on its ETag. A save names the revision the editor started from; when someone
 * else saved meanwhile it is refused (UnitConflictError says who and when), never merged.
 * Every change appends an entry with who, when and the unit before and after to the change log
 * `directory/log/<unit>/<revision>.json`. An index document (`directory/index.json`) keeps a
 * summary of every unit and who owns which plan, so 3,000 units list without 3,000 reads.
 *
 * Imports from spreadsheets are planned first (what is added, changed, removed), applied only
 * when the file has no problem, recorded under `directory/imports/`, and can be undone.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { canAct as canActOn, unitsOfEditor as grantsOf, type EditorGrant, type UnitAction } from '../domain/directory/access.js';
import { planImport, type ImportKind, type ImportPlan, type UnitChange } from '../domain/directory/import.js';
import { parseDirectoryFile } from '../domain/directory/sample.js';
import { unitSchema, type Unit, type UnitInput } from '../domain/directory/schema.js';
import { searchUnits, summarize, type UnitQuery, type UnitSummary } from '../domain/directory/search.js';
import type { Sheet } from '../domain/directory/table.js';
import { directoryProblems, toPlanProblems, unitPathLabel, validateUnit } from '../domain/directory/validate.js';
import { VN_OFFSET_MS } from '../domain/dates.js';
import type { PlanProblem } from '../domain/plan/yaml-source.js';
import { readJsonDocument, updateJsonDocument } from './json-document.js';
import { PreconditionFailedError, type ObjectStore } from './object-store.js';
import { DataFileError, REPO_ROOT, type FileProblems } from './plan-store.js';

export const SAMPLE_DIRECTORY_DIR = path.join(REPO_ROOT, 'data', 'directory');

const JSON_TYPE = 'application/json; charset=utf-8';
export const directoryKeys = {
  unit: (id: string) => `directory/units/${id}.json`,
  unitsPrefix: 'directory/units/',
  index: 'directory/index.json',
  log: (unitId: string, revision: number) => `directory/log/${unitId}/${String(revision).padStart(8, '0')}.json`,
  logPrefix: (unitId: string) => `directory/log/${unitId}/`,
  importRecord: (id: string) => `directory/imports/${id}.json`,
  importUndo: (id: string) => `directory/imports/${id}.undo.json`,
  importsPrefix: 'directory/imports/',
  seeded: 'directory/seeded.json',
};

/** A unit document as stored: the unit (null once deleted) and who changed it last. */
export interface UnitRecord {
  revision: number;
  updatedAt: string;
  updatedBy: string;
  unit: Unit | null;
}

/** A unit with the revision an editor starts from. */
export interface StoredUnit {
  unit: Unit;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

export type ChangeAction = 'seed' | 'create' | 'update' | 'delete' | 'import' | 'undo';
export const changeActionLabels: Record<ChangeAction, string> = {
  seed: 'khởi tạo dữ liệu mẫu',
  create: 'thêm đơn vị',
  update: 'sửa',
  delete: 'xóa đơn vị',
  import: 'nhập từ tệp',
  undo: 'hoàn tác lần nhập',
};

/** One entry of the change log: who, when, what (the unit before and after). */
export interface ChangeLogEntry {
  unitId: string;
  revision: number;
  at: string;
  by: string;
  action: ChangeAction;
  importId?: string;
  note?: string;
  before: Unit | null;
  after: Unit | null;
}

/** Who makes a change, and when (default: now). */
export interface Actor {
  /** Email of the editor, or a label such as "hệ thống". */
  by: string;
  at?: Date;
}

/** What an applied import changed, for its undo. */
export interface ImportRecord {
  id: string;
  kind: ImportKind;
  file?: string;
  at: string;
  by: string;
  status: 'applying' | 'applied' | 'failed';
  units: { unitId: string; name: string; action: 'create' | 'update'; fromRevision: number; toRevision?: number }[];
  undone?: { at: string; by: string };
}

interface DirectoryIndex {
  version: 1;
  units: Record<string, UnitSummary>;
}

/** "09:15 ngày 20/11/2026" (Vietnam time). */
export function vnTimeLabel(iso: string): string {
  const d = new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString();
  return `${d.slice(11, 16)} ngày ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** Someone else saved the unit after the revision the editor started from. Nothing was written. */
export class UnitConflictError extends Error {
  constructor(
    readonly unitId: string,
    readonly unitName: string,
    readonly expectedRevision: number,
    readonly current: { revision: number; updatedAt: string; updatedBy: string; who: string; deleted: boolean },
  ) {
    const what = expectedRevision === 0 ? `Đơn vị mã "${unitId}" đã có trong danh bạ` : `Đơn vị “${unitName}” đã được thay đổi`;
    super(
      `Không lưu được: ${what} — ${current.deleted ? 'bị xóa' : 'thay đổi'} bởi ${current.who} lúc ${vnTimeLabel(current.updatedAt)} (phiên bản ${current.revision})` +
        `${expectedRevision > 0 ? `, sau phiên bản ${expectedRevision} mà bạn bắt đầu sửa` : ''}. Thay đổi của bạn chưa được lưu và không bị trộn với thay đổi kia; hãy mở lại đơn vị để xem bản mới rồi sửa lại.`,
    );
    this.name = 'UnitConflictError';
  }
}

/** The unit does not pass its checks; nothing was written. */
export class UnitValidationError extends Error {
  constructor(
    readonly unitId: string,
    readonly problems: PlanProblem[],
  ) {
    super(`Đơn vị "${unitId}" chưa hợp lệ:\n${problems.map((p) => `  - ${unitPathLabel(p.path) || 'đơn vị'}: ${p.message}`).join('\n')}`);
    this.name = 'UnitValidationError';
  }
}

export class UnitNotFoundError extends Error {
  constructor(readonly unitId: string) {
    super(`Không có đơn vị mã "${unitId}" trong danh bạ. Xem: campaign units list`);
    this.name = 'UnitNotFoundError';
  }
}

/** An import or undo that is refused as a whole; nothing was written (or what was written is rolled back). */
export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

/** What campaigns need from a directory (the store, or the samples read from files). */
export interface DirectoryReader {
  unit(id: string): Promise<Unit | undefined>;
  ownerOfPlan(planId: string): Promise<Unit | undefined>;
  /** Commune-tier units of a province or city. */
  communesOf(provinceId: string): Promise<Unit[]>;
  /** Parent, grandparent … of a unit. */
  ancestorsOf(unit: Unit): Promise<Unit[]>;
  /** Every unit (for the dashboard's stop-gap locality list). */
  allUnits(): Promise<Unit[]>;
}

function parseRecord(json: unknown): UnitRecord {
  const r = json as Partial<UnitRecord>;
  if (!r || typeof r !== 'object' || typeof r.revision !== 'number' || typeof r.updatedAt !== 'string' || typeof r.updatedBy !== 'string') throw new Error('not a unit record');
  return { revision: r.revision, updatedAt: r.updatedAt, updatedBy: r.updatedBy, unit: r.unit === null || r.unit === undefined ? null : unitSchema.parse(r.unit) };
}

function parseIndex(json: unknown): DirectoryIndex {
  const r = json as Partial<DirectoryIndex>;
  if (!r || typeof r !== 'object' || r.version !== 1 || !r.units || typeof r.units !== 'object') throw new Error('not a directory index');
  return r as DirectoryIndex;
}

const parseAny = (json: unknown) => json;

/** Runs `fn` over `items` with at most `limit` at a time; results in order. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!, i);
    }),
  );
  return out;
}

export class DirectoryStore implements DirectoryReader {
  private readonly now: () => Date;

  constructor(
    readonly store: ObjectStore,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  // ——— Reading ———

  private async record(id: string): Promise<{ record: UnitRecord; etag?: string } | undefined> {
    const doc = await readJsonDocument(this.store, directoryKeys.unit(id), parseRecord);
    return doc ? { record: doc.value, etag: doc.etag } : undefined;
  }

  /** The unit with its revision; undefined when there is none (or it was deleted). */
  async get(id: string): Promise<StoredUnit | undefined> {
    const found = await this.record(id);
    if (!found?.record.unit) return undefined;
    const { unit, revision, updatedAt, updatedBy } = found.record;
    return { unit, revision, updatedAt, updatedBy };
  }

  async unit(id: string): Promise<Unit | undefined> {
    return (await this.get(id))?.unit;
  }

  private async readIndex(): Promise<DirectoryIndex> {
    return (await readJsonDocument(this.store, directoryKeys.index, parseIndex))?.value ?? { version: 1, units: {} };
  }

  /** Summaries of the units matching the query (all without one), by name. */
  async list(query: UnitQuery = {}): Promise<UnitSummary[]> {
    return searchUnits(Object.values((await this.readIndex()).units), query);
  }

  /** Units whose id, name or short name contain every word of `text` (case and diacritics ignored). */
  async search(text: string, query: Omit<UnitQuery, 'text'> = {}): Promise<UnitSummary[]> {
    return this.list({ ...query, text });
  }

  async summary(id: string): Promise<UnitSummary | undefined> {
    return (await this.readIndex()).units[id];
  }

  /** The unit that issued the plan, when the directory records one. */
  async ownerOfPlan(planId: string): Promise<Unit | undefined> {
    const owner = Object.values((await this.readIndex()).units).find((u) => u.plans.includes(planId));
    return owner ? this.unit(owner.id) : undefined;
  }

  /** Plan id → owning unit id, for every plan the directory records. */
  async planOwners(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const u of Object.values((await this.readIndex()).units)) for (const p of u.plans) out[p] ??= u.id;
    return out;
  }

  async communesOf(provinceId: string): Promise<Unit[]> {
    const ids = (await this.list({ parentId: provinceId, tier: 'commune' })).map((u) => u.id);
    return (await pool(ids, 16, (id) => this.unit(id))).filter((u): u is Unit => u !== undefined);
  }

  async ancestorsOf(unit: Unit): Promise<Unit[]> {
    const out: Unit[] = [];
    for (let id = unit.parentId; id && out.length < 5 && !out.some((u) => u.id === id); ) {
      const parent = await this.unit(id);
      if (!parent) break;
      out.push(parent);
      id = parent.parentId;
    }
    return out;
  }

  async allUnits(): Promise<Unit[]> {
    const ids = Object.keys((await this.readIndex()).units).sort();
    return (await pool(ids, 16, (id) => this.unit(id))).filter((u): u is Unit => u !== undefined);
  }

  /** Every role the editor holds, listed or through a province admin role. */
  async unitsOfEditor(email: string): Promise<EditorGrant[]> {
    return grantsOf(email, Object.values((await this.readIndex()).units));
  }

  async canAct(email: string, unitId: string, action: UnitAction): Promise<boolean> {
    return canActOn(await this.unitsOfEditor(email), unitId, action);
  }

  /** The unit's change log, oldest first. */
  async history(unitId: string): Promise<ChangeLogEntry[]> {
    const keys = await this.store.list(directoryKeys.logPrefix(unitId));
    const entries = await pool(keys, 16, async (k) => (await readJsonDocument(this.store, k, (j) => j as ChangeLogEntry))?.value);
    return entries.filter((e): e is ChangeLogEntry => e !== undefined).sort((a, b) => a.revision - b.revision);
  }

  /** Whether the samples were seeded, and how many units the index and the store hold. */
  async status(): Promise<{ seeded: boolean; indexed: number; stored: number }> {
    const [seeded, index, keys] = await Promise.all([this.store.head(directoryKeys.seeded), this.readIndex(), this.store.list(directoryKeys.unitsPrefix)]);
    return { seeded: Boolean(seeded), indexed: Object.keys(index.units).length, stored: keys.length };
  }

  // ——— Writing ———

  private async who(by: string, unit: Unit | null | undefined): Promise<string> {
    const editor = unit?.editors.find((e) => e.email === by.toLowerCase());
    return editor ? `${editor.name} (${editor.email})` : by;
  }

  /**
   * Writes one unit document by compare-and-swap and appends its log entry. `unit` null deletes
   * (a tombstone keeps the revision count). Throws UnitConflictError when the stored revision is
   * not `expectedRevision` (0: the unit must not exist yet).
   */
  private async commit(
    unitId: string,
    unit: Unit | null,
    options: { expectedRevision: number; by: string; at: string; action: ChangeAction; importId?: string; note?: string },
  ): Promise<{ revision: number; before: Unit | null }> {
    let before: Unit | null = null;
    let revision = 0;
    let conflict: UnitRecord | undefined;
    // A new unit (the usual case of a big import) is one conditional write; an existing or
    // deleted one goes through the read and compare-and-swap below.
    const created =
      options.expectedRevision === 0 &&
      (await this.store
        .put(directoryKeys.unit(unitId), JSON.stringify({ revision: 1, updatedAt: options.at, updatedBy: options.by, unit }, null, 2), { contentType: JSON_TYPE, ifNoneMatch: '*' })
        .then(() => true)
        .catch((err: unknown) => {
          if (err instanceof PreconditionFailedError) return false;
          throw err;
        }));
    if (created) revision = 1;
    else {
      await updateJsonDocument(this.store, directoryKeys.unit(unitId), parseRecord, (current) => {
        const live = current?.unit ? current : undefined;
        const currentRevision = live ? current!.revision : 0;
        if (currentRevision !== options.expectedRevision) {
          conflict = current;
          throw new Error('conflict');
        }
        before = current?.unit ?? null;
        revision = (current?.revision ?? 0) + 1;
        return { revision, updatedAt: options.at, updatedBy: options.by, unit };
      }).catch(async (err: unknown) => {
        if (!conflict) throw err;
        const c = conflict;
        throw new UnitConflictError(unitId, c.unit?.name ?? unit?.name ?? unitId, options.expectedRevision, {
          revision: c.revision,
          updatedAt: c.updatedAt,
          updatedBy: c.updatedBy,
          who: await this.who(c.updatedBy, c.unit),
          deleted: c.unit === null,
        });
      });
    }
    const entry: ChangeLogEntry = {
      unitId,
      revision,
      at: options.at,
      by: options.by,
      action: options.action,
      ...(options.importId ? { importId: options.importId } : {}),
      ...(options.note ? { note: options.note } : {}),
      before,
      after: unit,
    };
    try {
      await this.store.put(directoryKeys.log(unitId, revision), JSON.stringify(entry, null, 2), { contentType: JSON_TYPE, ifNoneMatch: '*' });
    } catch (err) {
      // The revision was just won by this writer, so its log key is free; a retry of this very write may already have put it.
      if (!(err instanceof PreconditionFailedError)) throw err;
    }
    return { revision, before };
  }

  /** Applies summaries (or removals) to the index, by compare-and-swap. */
  private async reindex(changes: { id: string; summary?: UnitSummary }[]): Promise<void> {
    if (changes.length === 0) return;
    await updateJsonDocument(this.store, directoryKeys.index, parseIndex, (current) => {
      const units = { ...(current?.units ?? {}) };
      for (const c of changes) {
        if (c.summary) {
          // A slower writer must not put back an older summary.
          if (!units[c.id] || units[c.id]!.revision <= c.summary.revision) units[c.id] = c.summary;
        } else delete units[c.id];
      }
      return { version: 1 as const, units };
    });
  }

  private async checkAgainstDirectory(unit: Unit): Promise<PlanProblem[]> {
    const index = await this.readIndex();
    const parent = unit.parentId ? index.units[unit.parentId] : undefined;
    const problems = directoryProblems(unit, {
      ...(parent ? { parent } : {}),
      ownerOfPlan: (planId) => {
        const owner = Object.values(index.units).find((u) => u.id !== unit.id && u.plans.includes(planId));
        return owner ? { id: owner.id, name: owner.name } : undefined;
      },
    });
    return toPlanProblems(problems);
  }

  /**
   * Saves a unit (new with `expectedRevision: 0`). Refused with UnitValidationError when it
   * does not pass its checks, UnitConflictError when someone saved it after `expectedRevision`.
   */
  async save(input: UnitInput, options: Actor & { expectedRevision: number; note?: string }): Promise<StoredUnit> {
    const checked = validateUnit(input);
    if (!checked.ok) throw new UnitValidationError(String((input as { id?: unknown }).id ?? ''), checked.problems);
    const unit = checked.unit;
    const outside = await this.checkAgainstDirectory(unit);
    if (outside.length) throw new UnitValidationError(unit.id, outside);
    const at = (options.at ?? this.now()).toISOString();
    const by = options.by.trim().toLowerCase();
    const { revision } = await this.commit(unit.id, unit, { expectedRevision: options.expectedRevision, by, at, action: options.expectedRevision === 0 ? 'create' : 'update', ...(options.note ? { note: options.note } : {}) });
    const meta = { revision, updatedAt: at, updatedBy: by };
    await this.reindex([{ id: unit.id, summary: summarize(unit, meta) }]);
    return { unit, ...meta };
  }

  /** Deletes a unit (its log stays). Refused while it owns plans or has units under it. */
  async remove(unitId: string, options: Actor & { expectedRevision: number }): Promise<void> {
    const current = await this.get(unitId);
    if (!current) throw new UnitNotFoundError(unitId);
    if (current.unit.plans.length) throw new UnitValidationError(unitId, [{ path: 'plans', message: `đơn vị còn là đơn vị ban hành của kế hoạch ${current.unit.plans.join(', ')}; hãy chuyển kế hoạch cho đơn vị khác trước` }]);
    const children = await this.list({ parentId: unitId });
    if (children.length) throw new UnitValidationError(unitId, [{ path: '', message: `còn ${children.length} đơn vị trực thuộc; hãy xóa hoặc chuyển các đơn vị đó trước` }]);
    const at = (options.at ?? this.now()).toISOString();
    await this.commit(unitId, null, { expectedRevision: options.expectedRevision, by: options.by.trim().toLowerCase(), at, action: 'delete' });
    await this.reindex([{ id: unitId }]);
  }

  /** Records that `unitId` issued the plan (one owner per plan). */
  async assignPlan(planId: string, unitId: string, actor: Actor): Promise<StoredUnit> {
    const current = await this.get(unitId);
    if (!current) throw new UnitNotFoundError(unitId);
    if (current.unit.plans.includes(planId)) return current;
    return this.save({ ...current.unit, plans: [...current.unit.plans, planId] }, { ...actor, expectedRevision: current.revision, note: `ghi nhận kế hoạch ${planId}` });
  }

  /** Rebuilds the index from the unit documents (after a crash between a save and its index update). */
  async rebuildIndex(): Promise<number> {
    const keys = await this.store.list(directoryKeys.unitsPrefix);
    const records = await pool(keys, 16, async (k) => (await readJsonDocument(this.store, k, parseRecord))?.value);
    const units: Record<string, UnitSummary> = {};
    for (const r of records) if (r?.unit) units[r.unit.id] = summarize(r.unit, r);
    await updateJsonDocument(this.store, directoryKeys.index, parseIndex, () => ({ version: 1 as const, units }));
    return Object.keys(units).length;
  }

  // ——— Seeding ———

  /**
   * Seeds the sample units into an empty directory, once: a second call (or a second process)
   * changes nothing. A seed cut short is completed on the next call; a directory that already
   * holds other units is left alone.
   */
  async seed(units: readonly Unit[], actor: Actor = { by: 'hệ thống (dữ liệu mẫu)' }): Promise<{ created: string[]; skipped?: 'seeded' | 'notEmpty' }> {
    if (await this.store.head(directoryKeys.seeded)) return { created: [], skipped: 'seeded' };
    const existing = (await this.store.list(directoryKeys.unitsPrefix)).map((k) => k.slice(directoryKeys.unitsPrefix.length, -'.json'.length));
    const sampleIds = new Set(units.map((u) => u.id));
    if (existing.some((id) => !sampleIds.has(id))) {
      await this.markSeeded(actor, 0);
      return { created: [], skipped: 'notEmpty' };
    }
    const at = (actor.at ?? this.now()).toISOString();
    const created: string[] = [];
    const summaries: { id: string; summary: UnitSummary }[] = [];
    await pool(units, 8, async (unit) => {
      try {
        const { revision } = await this.commit(unit.id, unit, { expectedRevision: 0, by: actor.by, at, action: 'seed' });
        created.push(unit.id);
        summaries.push({ id: unit.id, summary: summarize(unit, { revision, updatedAt: at, updatedBy: actor.by }) });
      } catch (err) {
        if (!(err instanceof UnitConflictError)) throw err;
        const current = await this.get(unit.id);
        if (current) summaries.push({ id: unit.id, summary: summarize(current.unit, current) });
      }
    });
    await this.reindex(summaries);
    await this.markSeeded(actor, created.length);
    return { created: created.sort() };
  }

  private async markSeeded(actor: Actor, count: number): Promise<void> {
    const body = JSON.stringify({ at: (actor.at ?? this.now()).toISOString(), by: actor.by, units: count });
    await this.store.put(directoryKeys.seeded, body, { contentType: JSON_TYPE, ifNoneMatch: '*' }).catch((err: unknown) => {
      if (!(err instanceof PreconditionFailedError)) throw err;
    });
  }

  // ——— Import, undo ———

  /** What importing the sheet would change; nothing is written. */
  async previewImport(kind: ImportKind, sheet: Sheet, options: { refuse?: (unitId: string) => string | undefined } = {}): Promise<ImportPlan> {
    const index = await this.readIndex();
    const ids = [...new Set(sheet.rows.slice(1).flatMap((r) => r.map((c) => String(c ?? '').trim())).filter((v) => index.units[v]))];
    const current = new Map<string, { unit: Unit; revision: number }>();
    await pool(ids, 16, async (id) => {
      const found = await this.get(id);
      if (found) current.set(id, { unit: found.unit, revision: found.revision });
    });
    return planImport(kind, sheet, {
      current,
      summary: (id) => index.units[id],
      ownerOfPlan: (planId) => {
        const owner = Object.values(index.units).find((u) => u.plans.includes(planId));
        return owner ? { id: owner.id, name: owner.name } : undefined;
      },
      ...(options.refuse ? { refuse: options.refuse } : {}),
    });
  }

  /**
   * Applies a plan without problems, unit by unit on the revisions it was planned against.
   * When a unit changed since the preview, the units already written are put back and the
   * import is refused. Returns the record an undo needs.
   */
  async applyImport(plan: ImportPlan, actor: Actor & { file?: string }): Promise<ImportRecord> {
    if (plan.problems.length) throw new ImportRefusedError(`Tệp còn ${plan.problems.length} lỗi; chưa nhập gì. Sửa các lỗi rồi nhập lại.`);
    const at = (actor.at ?? this.now()).toISOString();
    const by = actor.by.trim().toLowerCase();
    const id = `${at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').toLowerCase()}-${randomBytes(3).toString('hex')}`;
    const record: ImportRecord = {
      id,
      kind: plan.kind,
      ...(actor.file ? { file: actor.file } : {}),
      at,
      by,
      status: 'applying',
      units: plan.changes.map((c) => ({ unitId: c.unitId, name: c.name, action: c.action, fromRevision: c.expectedRevision })),
    };
    await this.store.put(directoryKeys.importRecord(id), JSON.stringify(record, null, 2), { contentType: JSON_TYPE, ifNoneMatch: '*' });
    const written: { change: UnitChange; revision: number }[] = [];
    let failure: unknown;
    await pool(plan.changes, 16, async (change) => {
      if (failure) return;
      try {
        const { revision } = await this.commit(change.unitId, change.after, { expectedRevision: change.expectedRevision, by, at, action: 'import', importId: id });
        written.push({ change, revision });
      } catch (err) {
        failure ??= err;
      }
    });
    if (failure) {
      // Put back what this import wrote, then refuse it as a whole.
      await pool(written, 16, ({ change, revision }) =>
        this.commit(change.unitId, change.before ?? null, { expectedRevision: revision, by, at, action: 'undo', importId: id, note: 'nhập không trọn vẹn, đã trả lại như trước' }).catch(() => undefined),
      );
      await this.store.put(directoryKeys.importRecord(id), JSON.stringify({ ...record, status: 'failed' }, null, 2), { contentType: JSON_TYPE });
      throw failure instanceof UnitConflictError ? new ImportRefusedError(`${failure.message}\nKhông đơn vị nào bị thay đổi bởi lần nhập này; hãy xem trước lại rồi nhập.`) : failure;
    }
    await this.reindex(written.map(({ change, revision }) => ({ id: change.unitId, summary: summarize(change.after, { revision, updatedAt: at, updatedBy: by }) })));
    const toRevision = new Map(written.map((w) => [w.change.unitId, w.revision]));
    const done: ImportRecord = { ...record, status: 'applied', units: record.units.map((u) => ({ ...u, toRevision: toRevision.get(u.unitId)! })) };
    await this.store.put(directoryKeys.importRecord(id), JSON.stringify(done, null, 2), { contentType: JSON_TYPE });
    return done;
  }

  async importRecord(id: string): Promise<ImportRecord | undefined> {
    if (!/^[a-z0-9-]+$/.test(id)) return undefined;
    const rec = (await readJsonDocument(this.store, directoryKeys.importRecord(id), (j) => j as ImportRecord))?.value;
    if (!rec) return undefined;
    const undone = (await readJsonDocument(this.store, directoryKeys.importUndo(id), (j) => j as { at: string; by: string }))?.value;
    return undone ? { ...rec, undone } : rec;
  }

  /** Imports, newest first. */
  async imports(): Promise<ImportRecord[]> {
    const ids = (await this.store.list(directoryKeys.importsPrefix)).filter((k) => !k.endsWith('.undo.json')).map((k) => k.slice(directoryKeys.importsPrefix.length, -'.json'.length));
    const records = await pool(ids, 16, (id) => this.importRecord(id));
    return records.filter((r): r is ImportRecord => r !== undefined).sort((a, b) => b.at.localeCompare(a.at));
  }

  /**
   * Undoes an applied import: every unit it changed goes back to its revision before the import
   * (a new revision, logged as an undo). Refused, with nothing written, when a unit was changed
   * again after the import or the import was already undone.
   */
  async undoImport(importId: string, actor: Actor): Promise<{ restored: string[] }> {
    const rec = await this.importRecord(importId);
    if (!rec) throw new ImportRefusedError(`Không có lần nhập mã "${importId}". Xem: campaign units import --history`);
    if (rec.undone) throw new ImportRefusedError(`Lần nhập ${importId} đã được hoàn tác lúc ${vnTimeLabel(rec.undone.at)} bởi ${rec.undone.by}.`);
    if (rec.status !== 'applied') throw new ImportRefusedError(`Lần nhập ${importId} không được áp dụng (trạng thái: ${rec.status === 'failed' ? 'đã trả lại' : 'đang nhập'}); không có gì để hoàn tác.`);
    const currents = await pool(rec.units, 16, async (u) => ({ u, current: await this.record(u.unitId) }));
    const moved: string[] = [];
    for (const { u, current } of currents) {
      if (current?.record.revision !== u.toRevision) {
        const r = current?.record;
        moved.push(`“${u.name}” đã được ${r ? `${await this.who(r.updatedBy, r.unit)} thay đổi lúc ${vnTimeLabel(r.updatedAt)} (phiên bản ${r.revision})` : 'xóa'} sau lần nhập này`);
      }
    }
    if (moved.length) throw new ImportRefusedError(`Không hoàn tác được lần nhập ${importId}; chưa thay đổi gì:\n${moved.map((m) => `  - ${m}`).join('\n')}`);
    const at = (actor.at ?? this.now()).toISOString();
    const by = actor.by.trim().toLowerCase();
    try {
      await this.store.put(directoryKeys.importUndo(importId), JSON.stringify({ at, by }), { contentType: JSON_TYPE, ifNoneMatch: '*' });
    } catch (err) {
      if (err instanceof PreconditionFailedError) throw new ImportRefusedError(`Lần nhập ${importId} vừa được hoàn tác bởi người khác.`);
      throw err;
    }
    const index: { id: string; summary?: UnitSummary }[] = [];
    await pool(rec.units, 16, async (u) => {
      const entry = (await readJsonDocument(this.store, directoryKeys.log(u.unitId, u.toRevision!), (j) => j as ChangeLogEntry))?.value;
      const before = entry ? entry.before : null;
      const { revision } = await this.commit(u.unitId, before, { expectedRevision: u.toRevision!, by, at, action: 'undo', importId });
      index.push(before ? { id: u.unitId, summary: summarize(before, { revision, updatedAt: at, updatedBy: by }) } : { id: u.unitId });
    });
    await this.reindex(index);
    return { restored: rec.units.map((u) => u.unitId) };
  }
}

/** A read-only directory over units held in memory (the samples read from files). */
export class MemoryDirectory implements DirectoryReader {
  private readonly byId: Map<string, Unit>;
  constructor(readonly units: readonly Unit[]) {
    this.byId = new Map(units.map((u) => [u.id, u]));
  }
  async unit(id: string) {
    return this.byId.get(id);
  }
  async ownerOfPlan(planId: string) {
    return this.units.find((u) => u.plans.includes(planId));
  }
  async communesOf(provinceId: string) {
    return this.units.filter((u) => u.tier === 'commune' && u.parentId === provinceId);
  }
  async ancestorsOf(unit: Unit) {
    const out: Unit[] = [];
    for (let p = unit.parentId ? this.byId.get(unit.parentId) : undefined; p && out.length < 5; p = p.parentId ? this.byId.get(p.parentId) : undefined) out.push(p);
    return out;
  }
  async allUnits() {
    return [...this.units];
  }
}

/** The sample units shipped under data/directory/ (every file, checked together); DataFileError when any is invalid. */
export async function loadSampleUnits(dir: string = SAMPLE_DIRECTORY_DIR): Promise<Unit[]> {
  const files = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort().map((n) => path.join(dir, n));
  const bad: FileProblems[] = [];
  const units: Unit[] = [];
  for (const file of files) {
    const parsed = parseDirectoryFile(await readFile(file, 'utf8'));
    if (!parsed.ok) bad.push({ file, problems: parsed.problems });
    else units.push(...parsed.units);
  }
  const ids = new Set<string>();
  const owners = new Map<string, string>();
  for (const u of units) {
    if (ids.has(u.id)) bad.push({ file: dir, problems: [{ path: u.id, message: `mã đơn vị "${u.id}" có ở hai tệp mẫu` }] });
    ids.add(u.id);
    for (const p of u.plans) {
      if (owners.has(p)) bad.push({ file: dir, problems: [{ path: u.id, message: `kế hoạch "${p}" đã thuộc đơn vị ${owners.get(p)}` }] });
      owners.set(p, u.id);
    }
  }
  if (bad.length) throw new DataFileError(bad);
  return units;
}

/** Seeds the shipped samples into the store's directory when it is empty (npm start, the test setup). */
export async function seedSampleDirectory(store: ObjectStore, dir?: string): Promise<{ created: string[]; skipped?: 'seeded' | 'notEmpty' }> {
  return new DirectoryStore(store).seed(await loadSampleUnits(dir));
}

let processDirectory: DirectoryReader | undefined;

/** Sets the directory this process's callers use when they pass none (the web server sets the store's). */
export function useProcessDirectory(directory: DirectoryReader | undefined): void {
  processDirectory = directory;
}

let samples: Promise<MemoryDirectory> | undefined;

/** The process's directory; without one (unit tests, an offline render), the shipped samples, read-only. */
export async function processDirectoryOrSamples(): Promise<{ directory: DirectoryReader; samples: boolean }> {
  if (processDirectory) return { directory: processDirectory, samples: false };
  samples ??= loadSampleUnits().then((u) => new MemoryDirectory(u));
  return { directory: await samples, samples: true };
}
