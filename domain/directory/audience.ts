/**
 * What a campaign reaches through the directory: the stations of the units it is read out on
 * (as the locality list the campaign workflow consumes) and the media list of its owner. A
 * province or city plan reaches its commune-tier units, a department's plan the communes of its
 * province the editor chooses, a commune's plan only its own stations. Pure.
 */
import type { Locality } from '../localities.js';
import type { MediaList } from '../media-list.js';
import type { Unit } from './schema.js';

/** The locality id of a station: its unit's id and its own, so ids never collide across units. */
export function localityId(unitId: string, stationId: string): string {
  return `${unitId}-${stationId}`;
}

/** The stations of a unit as localities: each named for its unit (the people addressed), on the unit's on-air name. */
export function unitLocalities(unit: Unit): Locality[] {
  if (!unit.broadcast || !unit.kind) return [];
  const { broadcast, kind } = unit;
  return broadcast.stations.map((s) => ({
    id: localityId(unit.id, s.id),
    name: unit.name,
    tier: kind,
    station: broadcast.name,
    slots: s.slots,
    operator: s.operator,
    unitId: unit.id,
    cluster: s.name,
    system: s.system,
    ...(s.tts ? { tts: s.tts } : {}),
    ...(s.intro ? { intro: s.intro.key } : {}),
    ...(s.outro ? { outro: s.outro.key } : {}),
  }));
}

/** The unit's media list in the shape briefings use (empty when it keeps none). */
export function unitMediaList(unit: Unit): MediaList {
  return {
    sample: unit.sample ?? false,
    owner: unit.body ?? unit.name,
    ...(unit.mediaList?.pressContact ? { pressContact: unit.mediaList.pressContact } : {}),
    journalists: unit.mediaList?.journalists ?? [],
  };
}

const isTop = (u: Unit) => u.tier === 'province' || u.tier === 'city';

/** The province or city whose commune-tier units a plan of `owner` may reach; undefined for a commune's own plan. */
export function reachProvinceId(owner: Unit): string | undefined {
  if (isTop(owner)) return owner.id;
  if (owner.tier === 'department') return owner.parentId;
  return undefined;
}

export interface ChosenUnits {
  units: Unit[];
  problems: string[];
}

/**
 * The units a campaign of `owner`'s plan is read out on. `communes` are the commune-tier units
 * of `reachProvinceId(owner)` (ignored for a commune owner). Without `chosen`: a province's or
 * city's communes that have stations, a commune itself, nobody for a department (it must choose).
 */
export function chooseUnits(owner: Unit, communes: readonly Unit[], chosen?: readonly string[]): ChosenUnits {
  const reachable = owner.tier === 'commune' ? [owner] : communes.filter((u) => u.tier === 'commune' && u.parentId === reachProvinceId(owner));
  if (!chosen || chosen.length === 0) {
    if (owner.tier === 'department') return { units: [], problems: [`kế hoạch của “${owner.name}” không tự phát trên đài truyền thanh nào; hãy chọn các xã, phường cần phát (--units)`] };
    const units = reachable.filter((u) => (u.broadcast?.stations.length ?? 0) > 0);
    return { units, problems: units.length ? [] : [`“${owner.name}” và các đơn vị trực thuộc chưa có trạm truyền thanh nào trong danh bạ`] };
  }
  const problems: string[] = [];
  const units: Unit[] = [];
  for (const id of new Set(chosen)) {
    const unit = reachable.find((u) => u.id === id);
    if (!unit) {
      problems.push(
        owner.tier === 'commune'
          ? `kế hoạch của “${owner.name}” chỉ phát trên hệ thống truyền thanh của chính đơn vị; "${id}" không thuộc phạm vi kế hoạch`
          : `"${id}" không phải xã, phường, đặc khu của ${owner.tier === 'department' ? 'tỉnh, thành phố của đơn vị ban hành' : `“${owner.name}”`}; chọn trong: ${reachable.map((u) => u.id).join(', ') || '(chưa có)'}`,
      );
      continue;
    }
    if (!unit.broadcast?.stations.length) problems.push(`“${unit.name}” chưa có trạm truyền thanh nào trong danh bạ`);
    else units.push(unit);
  }
  return { units, problems };
}

/** The media list a campaign of `owner`'s plan briefs: the owner's, else the nearest ancestor's that keeps one. */
export function mediaListUnit(owner: Unit, ancestors: readonly Unit[]): Unit | undefined {
  return [owner, ...ancestors].find((u) => (u.mediaList?.journalists.length ?? 0) > 0);
}
