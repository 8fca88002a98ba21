/**
 * Who may do what for which unit: an editor's roles per unit (biên tập viên, lãnh đạo, quản
 * trị) and the actions each role allows. A province's or city's admin acts for its departments
 * and commune-tier units too; editors and leaders act only where they are listed. Pure, so the
 * dashboard's route checks and the CLI share it.
 */
import type { EditorRole, Unit } from './schema.js';

/** What an editor may ask for on a unit. */
export const UnitAction = {
  /** Start a campaign and edit its drafts. */
  startCampaign: 'startCampaign',
  /** Approve a draft (first step of the two-person rule). */
  approve: 'approve',
  /** Approve as the leader (second step). */
  approveAsLeader: 'approveAsLeader',
  /** Change the unit's directory entry: stations, portal, media list, editors; import and undo. */
  manageUnit: 'manageUnit',
} as const;
export type UnitAction = (typeof UnitAction)[keyof typeof UnitAction];

export const unitActionLabels: Record<UnitAction, string> = {
  startCampaign: 'khởi tạo chiến dịch, sửa bản nháp',
  approve: 'phê duyệt bản nháp',
  approveAsLeader: 'phê duyệt bước hai (lãnh đạo)',
  manageUnit: 'quản lý danh bạ của đơn vị',
};

export const roleActions: Record<EditorRole, readonly UnitAction[]> = {
  editor: ['startCampaign', 'approve'],
  leader: ['startCampaign', 'approve', 'approveAsLeader'],
  admin: ['startCampaign', 'approve', 'manageUnit'],
};

/** One role an editor holds on one unit; `via` names the province whose admin role reaches it. */
export interface EditorGrant {
  unitId: string;
  role: EditorRole;
  via?: string;
}

type UnitForAccess = Pick<Unit, 'id' | 'tier' | 'parentId'> & { editors: readonly { email: string; role: EditorRole }[] };

/** Every unit the editor holds a role on, listed or through a province admin role. */
export function unitsOfEditor(email: string, units: readonly UnitForAccess[]): EditorGrant[] {
  const who = email.trim().toLowerCase();
  const grants: EditorGrant[] = [];
  for (const u of units) for (const e of u.editors) if (e.email === who) grants.push({ unitId: u.id, role: e.role });
  const adminOf = new Set(grants.filter((g) => g.role === 'admin').map((g) => g.unitId));
  const top = new Set(units.filter((u) => u.tier === 'province' || u.tier === 'city').map((u) => u.id));
  for (const u of units) {
    if (u.parentId && top.has(u.parentId) && adminOf.has(u.parentId) && !grants.some((g) => g.unitId === u.id && g.role === 'admin')) {
      grants.push({ unitId: u.id, role: 'admin', via: u.parentId });
    }
  }
  return grants;
}

/** Whether the editor's grants allow `action` on `unitId`. */
export function canAct(grants: readonly EditorGrant[], unitId: string, action: UnitAction): boolean {
  return grants.some((g) => g.unitId === unitId && roleActions[g.role].includes(action));
}

/**
 * Why the second-step leaders of a campaign cannot be accepted: each must hold the leader role
 * on the plan's issuing unit (so one person cannot approve both steps under two addresses of
 * convenience, and nobody outside the unit signs for it). Empty when all are fine.
 */
export function leaderProblems(owner: Pick<Unit, 'name' | 'editors'> | undefined, leaders: readonly string[]): string[] {
  const wanted = [...new Set(leaders.map((l) => l.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return [];
  if (!owner) return ['kế hoạch chưa gắn với đơn vị ban hành nào trong danh bạ, nên chưa xác định được lãnh đạo duyệt bước hai; hãy ghi kế hoạch vào đơn vị ban hành trước'];
  const leadersOfUnit = owner.editors.filter((e) => e.role === 'leader');
  const known = leadersOfUnit.map((e) => `${e.name} (${e.email})`).join(', ');
  return wanted
    .filter((l) => !leadersOfUnit.some((e) => e.email === l))
    .map((l) => `${l} không phải lãnh đạo của ${owner.name}; bước hai cần người có vai trò lãnh đạo của đơn vị ban hành kế hoạch (${known ? `lãnh đạo của đơn vị: ${known}` : 'đơn vị chưa có lãnh đạo nào trong danh bạ'})`);
}
