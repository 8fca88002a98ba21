/**
 * A station's own page for its administrators (`/units/:id/stations/:stationId`): the station's
 * intro and outro (MP3, WAV or OGG, checked with ffprobe; a refused file is named with what is
 * wrong and nothing stored changes) and the speech rate and pitch of its synthetic voice. The
 * save is conditional on the revision the page was opened at, as every directory change is.
 */
import type { Context, Hono } from 'hono';
import { parseNumber } from '../../domain/directory/import.js';
import { JINGLE_MAX_BYTES, JINGLE_MAX_SECONDS, jingleSeconds, jingleSlotLabels, type JingleSlot } from '../../domain/directory/jingle.js';
import { stationKindLabels, type Station } from '../../domain/directory/schema.js';
import { broadcastSystemLabels } from '../../domain/localities.js';
import { capitalize } from '../../domain/text/case.js';
import { UnitConflictError, UnitValidationError, type StoredUnit } from '../../infra/directory-store.js';
import { changeStationAudio, JingleRefusedError, type StationAudioChange } from '../../infra/station-jingle.js';
import { STATION_AUDIO_MAX_BYTES } from '../request-body.js';
import type { DashContext, DashEnv } from './context.js';
import { requirePage, requirePost, type SubjectOf } from './guard.js';
import { renderDash } from './render.js';

type Ctx = Context<DashEnv>;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLOTS: JingleSlot[] = ['intro', 'outro'];

const manage: SubjectOf = async (c, access) => {
  const id = c.req.param('id') ?? '';
  if (!ID.test(id) || !access.unit(id)) return undefined;
  return { what: 'việc sửa trạm truyền thanh của đơn vị này', unitId: id, need: 'manage' };
};

function notFound(c: Ctx, ctx: DashContext) {
  return renderDash(c, ctx, 'dashboard/problem', 'Không tìm thấy trạm', { heading: 'Không tìm thấy trạm', text: 'Không có trạm hoặc cụm loa với mã này trong đơn vị.', back: { href: '/units', label: 'Về danh bạ đơn vị' } }, 404);
}

async function stationOf(c: Ctx, ctx: DashContext): Promise<{ stored: StoredUnit; station: Station } | undefined> {
  const stored = await ctx.directory.get(c.req.param('id') ?? '');
  const station = stored?.unit.broadcast?.stations.find((s) => s.id === c.req.param('stationId'));
  return stored && station ? { stored, station } : undefined;
}

const seconds = jingleSeconds;

function page(c: Ctx, ctx: DashContext, found: { stored: StoredUnit; station: Station }, state: { errors?: string[]; conflict?: string; rate?: string; pitch?: string } = {}, status: 200 | 400 | 409 = 200) {
  const { stored, station } = found;
  const unit = stored.unit;
  const title = `Sửa trạm: ${station.name}`;
  // The browser's title is the station's name alone (the heading says what the page does).
  return renderDash(c, ctx, 'dashboard/station-form', station.name, {
    heading: title,
    unit: { id: unit.id, name: unit.name, href: `/units/${unit.id}` },
    action: `/units/${unit.id}/stations/${station.id}`,
    revision: stored.revision,
    station: { name: station.name, kind: capitalize(stationKindLabels[station.kind]), system: capitalize(broadcastSystemLabels[station.system]), ip: station.system === 'ip' },
    rate: state.rate ?? (station.tts?.rate !== undefined ? String(station.tts.rate).replace('.', ',') : ''),
    pitch: state.pitch ?? (station.tts?.pitch !== undefined ? String(station.tts.pitch).replace('.', ',') : ''),
    jingles: SLOTS.map((slot) => ({
      slot,
      label: capitalize(jingleSlotLabels[slot]),
      what: jingleSlotLabels[slot],
      current: station[slot] ? `${station[slot].file} (${seconds(station[slot].seconds)})` : '',
    })),
    limits: `Tệp MP3, WAV hoặc OGG, tối đa ${JINGLE_MAX_BYTES / 1024 / 1024} MB và ${JINGLE_MAX_SECONDS} giây. Nhạc hiệu được chỉnh cùng mức âm lượng với bản tin (−16 LUFS).`,
    errors: state.errors ?? [],
    conflict: state.conflict ?? '',
  }, status);
}

/** The rate or pitch field: empty (engine default), or a number within the schema's range. */
function numberField(raw: string, label: string, min: number, max: number, errors: string[]): number | undefined {
  if (!raw) return undefined;
  const n = parseNumber(raw);
  if (n === undefined) errors.push(`${label} “${raw}” không phải là số; ví dụ 1 hoặc 0,9.`);
  else if (n < min || n > max) errors.push(`${label} phải từ ${String(min).replace('.', ',')} đến ${max}; đang là ${raw}.`);
  else return n;
  return undefined;
}

export function stationRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  app.get('/units/:id/stations/:stationId', requirePage(ctx, { subject: manage }), async (c) => {
    const found = await stationOf(c, ctx);
    return found ? page(c, ctx, found) : notFound(c, ctx);
  });

  app.post('/units/:id/stations/:stationId', requirePost(ctx, { subject: manage, maxBytes: STATION_AUDIO_MAX_BYTES }), async (c) => {
    const found = await stationOf(c, ctx);
    if (!found) return notFound(c, ctx);
    const form = c.get('form');
    const rate = (form.one('rate') ?? '').trim();
    const pitch = (form.one('pitch') ?? '').trim();
    const errors: string[] = [];
    const change: StationAudioChange = {};
    const ip = found.station.system === 'ip';
    if (ip) {
      const r = numberField(rate, 'Tốc độ đọc', 0.5, 2, errors);
      const p = numberField(pitch, 'Cao độ giọng', -12, 12, errors);
      change.tts = { ...(r !== undefined ? { rate: r } : {}), ...(p !== undefined ? { pitch: p } : {}) };
    }
    for (const slot of SLOTS) {
      const file = form.file?.(slot);
      if (file && !ip) errors.push(`${found.station.name} là ${broadcastSystemLabels[found.station.system]}: chỉ hệ thống IP phát ${jingleSlotLabels[slot]} cùng tệp bản tin.`);
      else if (file) change[slot] = { name: file.name, bytes: file.bytes };
      else if (form.one(`remove-${slot}`) === 'yes') change[slot] = 'remove';
    }
    if (errors.length) return page(c, ctx, found, { errors, rate, pitch }, 400);
    try {
      await changeStationAudio(ctx.directory, ctx.deps.store, found.stored, found.station.id, change, { by: c.get('access').email, expectedRevision: Number(form.one('revision') ?? found.stored.revision) });
    } catch (err) {
      if (err instanceof JingleRefusedError) return page(c, ctx, found, { errors: err.problems.map((p) => p.message), rate, pitch }, 400);
      if (err instanceof UnitConflictError) return page(c, ctx, (await stationOf(c, ctx)) ?? found, { conflict: err.message }, 409);
      if (err instanceof UnitValidationError) return page(c, ctx, found, { errors: err.problems.map((p) => capitalize(p.message)), rate, pitch }, 400);
      throw err;
    }
    return c.redirect(`/units/${found.stored.unit.id}?ok=station`, 303);
  });
}
