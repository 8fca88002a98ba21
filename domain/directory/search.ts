/**
 * Summaries of units for listing and search (kept in the directory's index so 3,000 units list
 * without reading 3,000 documents), and search that ignores case and diacritics:
 * "bac kan" finds "Phường Bắc Kạn". Pure.
 */
import type { CommuneKind, EditorRole, Unit, UnitTier } from './schema.js';

export interface UnitSummary {
  id: string;
  name: string;
  shortName: string;
  tier: UnitTier;
  kind?: CommuneKind;
  parentId?: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
  stations: number;
  journalists: number;
  editors: { email: string; role: EditorRole }[];
  plans: string[];
}

export function summarize(unit: Unit, meta: { revision: number; updatedAt: string; updatedBy: string }): UnitSummary {
  return {
    id: unit.id,
    name: unit.name,
    shortName: unit.shortName,
    tier: unit.tier,
    ...(unit.kind ? { kind: unit.kind } : {}),
    ...(unit.parentId ? { parentId: unit.parentId } : {}),
    revision: meta.revision,
    updatedAt: meta.updatedAt,
    updatedBy: meta.updatedBy,
    stations: unit.broadcast?.stations.length ?? 0,
    journalists: unit.mediaList?.journalists.length ?? 0,
    editors: unit.editors.map((e) => ({ email: e.email, role: e.role })),
    plans: [...unit.plans],
  };
}

/** Lower case without diacritics; đ → d. */
export function foldVietnamese(text: string): string {
  return text.replace(/[đĐ]/g, 'd').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export interface UnitQuery {
  /** Words that must all appear in the id, name or short name (case and diacritics ignored). */
  text?: string;
  tier?: UnitTier;
  parentId?: string;
}

/** The summaries matching the query, ordered by name (Vietnamese collation). */
export function searchUnits(units: readonly UnitSummary[], query: UnitQuery): UnitSummary[] {
  const words = foldVietnamese(query.text ?? '').split(/[^a-z0-9]+/).filter(Boolean);
  return units
    .filter((u) => (!query.tier || u.tier === query.tier) && (!query.parentId || u.parentId === query.parentId))
    .filter((u) => {
      if (words.length === 0) return true;
      const hay = foldVietnamese(`${u.id} ${u.name} ${u.shortName}`);
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id));
}
