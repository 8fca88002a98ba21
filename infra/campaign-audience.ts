/**
 * Who a campaign (or a bulletin series) reaches: the localities its loudspeaker scripts are
 * read out on and the media list its briefing goes to. By default both come from the directory,
 * from the unit that issued the plan — its own stations, or for a province's plan its
 * commune-tier units (all, or those chosen with `--units`), each on its own stations and in its
 * own name — and the owner's media list. Explicit files (`--localities-file`,
 * `--media-list-file`) still win. Shared by the client, the worker's activities and the CLI.
 */
import { chooseUnits, mediaListUnit, reachProvinceId, unitLocalities, unitMediaList } from '../domain/directory/audience.js';
import type { Locality } from '../domain/localities.js';
import type { MediaList } from '../domain/media-list.js';
import path from 'node:path';
import type { DirectoryReader } from './directory-store.js';
import { displayPath, loadLocalities, loadMediaList, REPO_ROOT } from './plan-store.js';

/**
 * The sample files every campaign used by default before the directory. Schedules synced then
 * still name them in their arguments; they mean "the default", which is now the directory.
 */
const FORMER_DEFAULTS = new Set([path.join(REPO_ROOT, 'data', 'localities', 'bac-kan-sample.yaml'), path.join(REPO_ROOT, 'data', 'media', 'thai-nguyen-sample.yaml')]);
const explicit = (file: string | undefined) => (file && !FORMER_DEFAULTS.has(path.resolve(REPO_ROOT, file)) ? file : undefined);

export interface AudienceRequest {
  planId: string;
  channels: readonly string[];
  /** 'all' or locality ids; checked against the resolved localities. */
  localities?: 'all' | readonly string[];
  localitiesFile?: string;
  mediaListFile?: string;
  /** Directory units to read out on (a province's communes); default: what the owner reaches. */
  units?: readonly string[];
}

export interface Audience {
  /** Every locality of the campaign's units (or file), before `localities` picks some. */
  localities: Locality[];
  /** The localities `localities` picks. */
  chosen: Locality[];
  media: MediaList;
  /** The directory units the localities come from ([] with a locality file). */
  units: string[];
  /** The directory unit whose media list is used. */
  mediaListUnit?: string;
  /** The plan's owning unit, when the directory records one. */
  ownerId?: string;
  /** Where the localities come from, for messages: a file or the owner's name. */
  source: string;
  problems: { field: string; message: string }[];
}

const emptyMedia = (owner: string): MediaList => ({ sample: false, owner, journalists: [] });

/** Resolves the audience; problems are collected (by request field), never thrown. */
export async function resolveAudience(request: AudienceRequest, directory: DirectoryReader): Promise<Audience> {
  const { localitiesFile, mediaListFile, ...rest } = request;
  const req: AudienceRequest = { ...rest, ...(explicit(localitiesFile) ? { localitiesFile } : {}), ...(explicit(mediaListFile) ? { mediaListFile } : {}) };
  const problems: Audience['problems'] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const needsStations = req.channels.includes('loudspeaker');
  const needsPress = req.channels.includes('pressBriefing');
  const owner = req.localitiesFile && req.mediaListFile ? undefined : await directory.ownerOfPlan(req.planId);
  const unowned = `kế hoạch ${req.planId} chưa gắn với đơn vị ban hành nào trong danh bạ; ghi mã kế hoạch vào cột “Kế hoạch ban hành” của đơn vị (campaign units import --kind units)`;

  let localities: Locality[] = [];
  let units: string[] = [];
  let source: string;
  if (req.localitiesFile) {
    source = displayPath(req.localitiesFile);
    if (req.units?.length) add('units', 'chọn đơn vị trong danh bạ (--units) hoặc dùng tệp danh sách đơn vị (--localities-file), không dùng cả hai');
    try {
      localities = (await loadLocalities(req.localitiesFile)).localities;
    } catch (err) {
      add('localities', (err as Error).message);
    }
  } else if (!owner) {
    source = 'danh bạ';
    if (needsStations || req.units?.length) add('units', `${unowned}, hoặc dùng --localities-file`);
  } else {
    source = owner.name;
    const provinceId = reachProvinceId(owner);
    const communes = provinceId ? await directory.communesOf(provinceId) : [];
    const chosen = chooseUnits(owner, communes, req.units);
    if (needsStations || req.units?.length) for (const p of chosen.problems) add('units', p);
    units = chosen.units.map((u) => u.id);
    localities = chosen.units.flatMap(unitLocalities);
  }
  const seen = new Set<string>();
  for (const l of localities) {
    if (seen.has(l.id)) add('localities', `mã trạm "${l.id}" lặp lại giữa hai đơn vị; hãy đổi mã một trạm`);
    seen.add(l.id);
  }

  let chosenLocalities = localities;
  if (req.localities && req.localities !== 'all') {
    const wanted = new Set(req.localities);
    for (const id of wanted) {
      if (!localities.some((l) => l.id === id)) {
        add('localities', req.localitiesFile ? `không có đơn vị "${id}" trong danh sách đơn vị` : `không có trạm "${id}" trong các đơn vị nhận bản tin (${source}); các trạm: ${localities.map((l) => l.id).join(', ') || '(chưa có)'}`);
      }
    }
    chosenLocalities = localities.filter((l) => wanted.has(l.id));
  }
  if (needsStations && problems.length === 0 && chosenLocalities.length === 0) add('localities', `không có trạm truyền thanh nào nhận bản tin (${source})`);

  let media: MediaList;
  let mediaUnit: string | undefined;
  if (req.mediaListFile) {
    try {
      media = await loadMediaList(req.mediaListFile);
    } catch (err) {
      add('mediaList', (err as Error).message);
      media = emptyMedia(displayPath(req.mediaListFile));
    }
  } else if (!owner) {
    media = emptyMedia('');
    if (needsPress) add('mediaList', `${unowned}, hoặc dùng --media-list-file`);
  } else {
    const keeper = mediaListUnit(owner, await directory.ancestorsOf(owner));
    media = keeper ? unitMediaList(keeper) : emptyMedia(owner.body ?? owner.name);
    mediaUnit = keeper?.id;
    if (!keeper && needsPress) add('mediaList', `“${owner.name}” chưa có danh sách phóng viên trong danh bạ; nhập bằng campaign units import --kind media, hoặc dùng --media-list-file`);
  }

  return {
    localities,
    chosen: chosenLocalities,
    media,
    units,
    ...(mediaUnit ? { mediaListUnit: mediaUnit } : {}),
    ...(owner ? { ownerId: owner.id } : {}),
    source,
    problems,
  };
}
