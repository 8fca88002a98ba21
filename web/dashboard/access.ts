/**
 * Who may sign in to the dashboard and what each person may see and do, from the directory:
 * an editor listed on a unit (roles biên tập viên, lãnh đạo, quản trị; a province's admin acts
 * for its units) sees and acts on that unit's plans, campaigns, schedules and reports. The
 * accounts of EDITORS_FILE are the platform's own (bootstrap): they act for every unit, and
 * those with role `admin` are platform administrators who may also create provinces and manage
 * every unit's directory entry.
 *
 * One view per request (`AccessView`), built from one read of the directory's index; every
 * route asks it through the guard (guard.ts), never by hand.
 */
import { canAct, unitsOfEditor, UnitAction, type EditorGrant } from '../../domain/directory/access.js';
import { editorRoleLabels as unitRoleLabels, type EditorRole as UnitRole } from '../../domain/directory/schema.js';
import type { UnitSummary } from '../../domain/directory/search.js';
import type { DirectoryStore } from '../../infra/directory-store.js';
import { editorRoleLabels, findEditor, type Editor } from './editors.js';

const roleRank: Record<UnitRole, number> = { editor: 0, leader: 1, admin: 2 };

/** A signed-in person's reach: every unit they hold a role on, and the plans those units issued. */
export class AccessView {
  private readonly byId: Map<string, UnitSummary>;
  private readonly owners = new Map<string, string>();

  constructor(
    readonly account: Editor,
    /** True for an EDITORS_FILE account (acts for every unit). */
    readonly platform: boolean,
    readonly grants: readonly EditorGrant[],
    units: readonly UnitSummary[],
  ) {
    this.byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) for (const p of u.plans) if (!this.owners.has(p)) this.owners.set(p, u.id);
  }

  get email(): string {
    return this.account.email;
  }

  get platformAdmin(): boolean {
    return this.platform && this.account.role === 'admin';
  }

  /** "Quản trị nền tảng", or "Biên tập viên · Phường Bắc Kạn" for a directory account. */
  get roleLabel(): string {
    if (this.platform) return editorRoleLabels[this.account.role];
    const first = this.grants.filter((g) => !g.via).sort((a, b) => roleRank[b.role] - roleRank[a.role])[0];
    if (!first) return '';
    const label = unitRoleLabels[first.role];
    return `${label.charAt(0).toUpperCase()}${label.slice(1)} · ${this.unitName(first.unitId)}`;
  }

  unitName(id: string | undefined): string {
    return (id && this.byId.get(id)?.name) || 'đơn vị chưa có trong danh bạ';
  }

  unit(id: string): UnitSummary | undefined {
    return this.byId.get(id);
  }

  /** The unit that issued the plan, per the directory. */
  ownerOf(planId: string | undefined): string | undefined {
    return planId ? this.owners.get(planId) : undefined;
  }

  /** May see and act on (start, cancel, pause, report) the unit's work. */
  mayUnit(unitId: string | undefined): boolean {
    if (this.platform) return true;
    return !!unitId && this.grants.some((g) => g.unitId === unitId);
  }

  mayPlan(planId: string | undefined): boolean {
    return this.platform || this.mayUnit(this.ownerOf(planId));
  }

  /** A campaign's unit: the one recorded at its start, else its plan's owner. */
  campaignUnit(c: { unitId?: string; planId?: string }): string | undefined {
    return c.unitId ?? this.ownerOf(c.planId);
  }

  mayCampaign(c: { unitId?: string; planId?: string }): boolean {
    return this.platform || this.mayUnit(this.campaignUnit(c));
  }

  /** May change the unit's directory entry (stations, media list, editors), import and invite. */
  mayManage(unitId: string): boolean {
    return this.platformAdmin || canAct(this.grants, unitId, UnitAction.manageUnit);
  }

  /** May create a unit under `parentId` (a province or city only by platform administrators). */
  mayCreateUnder(parentId: string | undefined): boolean {
    if (this.platformAdmin) return true;
    return !!parentId && this.mayManage(parentId);
  }

  /** Names of the units the person works for (listed roles), for messages. */
  myUnits(): string[] {
    return [...new Set(this.grants.filter((g) => !g.via).map((g) => this.unitName(g.unitId)))];
  }
}

/** The people a text may name, as accounts: the platform's and the editors of these units (first listing wins). */
export async function peopleOf(fileEditors: readonly Editor[], directory: DirectoryStore, unitIds: readonly (string | undefined)[]): Promise<Editor[]> {
  const units = await Promise.all([...new Set(unitIds.filter((u): u is string => !!u))].slice(0, 20).map((id) => directory.unit(id)));
  const out: Editor[] = [...fileEditors];
  for (const u of units) for (const e of u?.editors ?? []) if (!out.some((x) => x.email === e.email)) out.push({ name: e.name, email: e.email, role: e.role === 'leader' ? 'leader' : 'editor', unit: e.office ?? u!.name });
  return out;
}

/**
 * The person behind an address, with what they may reach: an EDITORS_FILE entry (platform
 * account), else an editor listed on some unit of the directory (named as the first unit lists
 * them). Undefined: the address may not sign in. One read of the directory's index.
 */
export async function resolveAccess(fileEditors: readonly Editor[], directory: DirectoryStore, address: string): Promise<AccessView | undefined> {
  const units = await directory.list();
  const fromFile = findEditor(fileEditors, address);
  if (fromFile) return new AccessView(fromFile, true, [], units);
  const who = address.trim().toLowerCase();
  const own = units.find((u) => u.editors.some((e) => e.email === who));
  if (!own) return undefined;
  const unit = await directory.unit(own.id);
  const listed = unit?.editors.find((e) => e.email === who);
  if (!unit || !listed) return undefined;
  const editor: Editor = { name: listed.name, email: who, role: listed.role === 'leader' ? 'leader' : 'editor', unit: unit.name };
  return new AccessView(editor, false, unitsOfEditor(who, units), units);
}
