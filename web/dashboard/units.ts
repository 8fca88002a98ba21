/**
 * The directory on the dashboard (`/units`): list and search units (server-side, paginated, so
 * 3,321 units stay fast), a unit's page (stations, media list, editors, plans, change log,
 * imports), creating and editing a unit (per-field messages; a clear conflict message when two
 * people saved at once), importing stations, the media list or editors from CSV or XLSX with a
 * preview before anything is written, undoing an import, exporting, and inviting an editor
 * (added to the unit with a role, then emailed a sign-in link). Viewing is for the unit's
 * people; changing is for its administrators, the province's, or the platform's.
 */
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { exportRows, formatImportProblem, formatSlots, importKindLabels, type ImportKind, type ImportPlan } from '../../domain/directory/import.js';
import { communeKindLabels, editorRoleLabels as unitRoleLabels, stationKindLabels, unitTierLabels, type EditorRole, type Unit, type UnitInput, type UnitTier } from '../../domain/directory/schema.js';
import { parseCsv, writeCsv, type Sheet } from '../../domain/directory/table.js';
import { isEmailAddress, normalizeEmail } from '../../domain/email.js';
import { broadcastSystemLabels } from '../../domain/localities.js';
import { capitalize } from '../../domain/text/case.js';
import { changeActionLabels, ImportRefusedError, UnitConflictError, UnitValidationError, vnTimeLabel, type StoredUnit } from '../../infra/directory-store.js';
import { formatOf, SheetFileError, xlsxBytes, xlsxSheet } from '../../infra/directory-files.js';
import { UPLOAD_MAX_BYTES } from '../request-body.js';
import type { AccessView } from './access.js';
import type { DashContext, DashEnv } from './context.js';
import { plansOrProblem, splitList } from './data.js';
import { requirePage, requirePost, type Subject, type SubjectOf } from './guard.js';
import { renderDash } from './render.js';
import { sendSignInLink } from './sign-in.js';

type Ctx = Context<DashEnv>;

const UNIT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Units per page of the list. */
export const UNITS_PAGE_SIZE = 50;
/** What the dashboard imports per unit (new units are created with the form). */
const DASHBOARD_IMPORT_KINDS: ImportKind[] = ['stations', 'media', 'editors'];
const TIERS = Object.keys(unitTierLabels) as UnitTier[];
const ROLES = Object.keys(unitRoleLabels) as EditorRole[];

const tierLabel = (u: Pick<Unit, 'tier' | 'kind'>) => capitalize(u.kind ? communeKindLabels[u.kind] : unitTierLabels[u.tier]);

const notices: Record<string, string> = {
  created: 'Đã thêm đơn vị vào danh bạ.',
  saved: 'Đã lưu thay đổi của đơn vị.',
  imported: 'Đã nhập tệp. Có thể hoàn tác lần nhập ở mục “Các lần nhập” bên dưới.',
  undone: 'Đã hoàn tác lần nhập; các đơn vị trở về như trước lần nhập đó.',
  invited: 'Đã thêm người vào đơn vị và gửi thư có liên kết đăng nhập.',
  station: 'Đã lưu nhạc hiệu và giọng đọc của trạm.',
};

/** The unit of the route's `:id`; undefined (the route answers 404) when there is none. */
function unitOfParam(need: 'work' | 'manage'): SubjectOf {
  return async (c, access) => {
    const id = c.req.param('id') ?? '';
    if (!UNIT_ID.test(id) || !access.unit(id)) return undefined;
    return { what: need === 'manage' ? 'việc sửa danh bạ của đơn vị này' : 'trang đơn vị này', unitId: id, need };
  };
}

/** Creating a unit: under a province the person administers, or a province by a platform administrator. */
const creation: SubjectOf = async (c) => {
  const form = c.get('form') as { one(n: string): string | undefined } | undefined;
  const parent = (form ? form.one('parentId') : c.req.query('parent'))?.trim() || undefined;
  const subject: Subject = { what: 'việc thêm đơn vị', unitId: parent, need: 'manage' };
  return subject;
};

function notFound(c: Ctx, ctx: DashContext) {
  return renderDash(c, ctx, 'dashboard/problem', 'Không tìm thấy đơn vị', { heading: 'Không tìm thấy đơn vị', text: 'Không có đơn vị với mã này trong danh bạ.', back: { href: '/units', label: 'Về danh bạ đơn vị' } }, 404);
}

// ——— The unit form ———

interface UnitFormValues {
  id: string;
  name: string;
  shortName: string;
  tier: string;
  kind: string;
  parentId: string;
  body: string;
  portalTitle: string;
  portalUrl: string;
  portalSection: string;
  plans: string;
  revision: string;
}

const FORM_FIELDS = ['id', 'name', 'shortName', 'tier', 'kind', 'parentId', 'body', 'portalTitle', 'portalUrl', 'portalSection', 'plans'] as const;

function valuesOf(unit: Unit | undefined, revision: number, parentId = ''): UnitFormValues {
  return {
    id: unit?.id ?? '',
    name: unit?.name ?? '',
    shortName: unit?.shortName ?? '',
    tier: unit?.tier ?? (parentId ? 'commune' : 'province'),
    kind: unit?.kind ?? '',
    parentId: unit?.parentId ?? parentId,
    body: unit?.body ?? '',
    portalTitle: unit?.portal?.title ?? '',
    portalUrl: unit?.portal?.baseUrl ?? '',
    portalSection: unit?.portal?.section ?? '',
    plans: unit?.plans.join(', ') ?? '',
    revision: String(revision),
  };
}

function postedValues(form: { one(n: string): string | undefined }): UnitFormValues {
  const v = (n: string) => (form.one(n) ?? '').trim();
  return { id: v('id'), name: v('name'), shortName: v('shortName'), tier: v('tier'), kind: v('kind'), parentId: v('parentId'), body: v('body'), portalTitle: v('portalTitle'), portalUrl: v('portalUrl'), portalSection: v('portalSection'), plans: v('plans'), revision: v('revision') };
}

/** The unit the form describes, over the stored one (stations, media list and editors stay). */
function unitFromValues(v: UnitFormValues, base: Unit | undefined): UnitInput {
  const portal = v.portalTitle || v.portalUrl || v.portalSection ? { title: v.portalTitle, baseUrl: v.portalUrl, ...(v.portalSection ? { section: v.portalSection } : {}) } : undefined;
  const { portal: _p, kind: _k, parentId: _pa, body: _b, ...rest } = base ?? ({} as Partial<Unit>);
  return {
    ...rest,
    id: base?.id ?? v.id,
    name: v.name,
    shortName: v.shortName,
    tier: v.tier as UnitTier,
    ...(v.kind ? { kind: v.kind as Unit['kind'] } : {}),
    ...(v.parentId ? { parentId: v.parentId } : {}),
    ...(v.body ? { body: v.body } : {}),
    ...(portal ? { portal } : {}),
    plans: splitList(v.plans),
    editors: base?.editors ?? [],
  } as UnitInput;
}

/** A problem's path ("portal.baseUrl", "plans[0]") to the form field it belongs beside. */
function fieldOf(path: string): string {
  if (path.startsWith('portal.baseUrl')) return 'portalUrl';
  if (path.startsWith('portal.section')) return 'portalSection';
  if (path.startsWith('portal')) return 'portalTitle';
  const head = path.split(/[.[]/)[0] ?? '';
  return (FORM_FIELDS as readonly string[]).includes(head) ? head : 'form';
}

export function unitRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  const ofUnit = { subject: unitOfParam('work') };
  const manage = { subject: unitOfParam('manage') };

  app.get('/units', requirePage(ctx), async (c) => {
    const access = c.get('access');
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const all = await ctx.directory.list(q ? { text: q } : {});
    const pages = Math.max(1, Math.ceil(all.length / UNITS_PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const shown = all.slice((page - 1) * UNITS_PAGE_SIZE, page * UNITS_PAGE_SIZE);
    const link = (p: number) => `/units?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;
    return renderDash(c, ctx, 'dashboard/units', 'Danh bạ đơn vị', {
      q,
      total: all.length,
      page,
      pages,
      from: all.length ? (page - 1) * UNITS_PAGE_SIZE + 1 : 0,
      to: (page - 1) * UNITS_PAGE_SIZE + shown.length,
      prev: page > 1 ? link(page - 1) : '',
      next: page < pages ? link(page + 1) : '',
      canCreateProvince: access.platformAdmin,
      units: shown.map((u) => ({
        id: u.id,
        href: `/units/${u.id}`,
        name: u.name,
        tier: tierLabel(u),
        parent: u.parentId ? access.unitName(u.parentId) : '',
        stations: u.stations,
        journalists: u.journalists,
        editors: u.editors.length,
        mine: access.mayUnit(u.id),
      })),
    });
  });

  // ——— Create, edit ———

  async function unitForm(c: Ctx, state: { mode: 'new' | 'edit'; values: UnitFormValues; stored?: StoredUnit; errors?: Record<string, string[]>; conflict?: string }, status: 200 | 400 | 409 = 200) {
    const access = c.get('access');
    const v = state.values;
    const errors = state.errors ?? {};
    const err = (id: string) => (errors[id] ? { id: `${id}-error`, messages: errors[id] } : undefined);
    const parent = v.parentId ? access.unit(v.parentId) : undefined;
    const title = state.mode === 'new' ? (v.parentId ? `Thêm đơn vị trực thuộc ${access.unitName(v.parentId)}` : 'Thêm tỉnh, thành phố') : `Sửa đơn vị: ${state.stored?.unit.name ?? v.name}`;
    return renderDash(c, ctx, 'dashboard/unit-form', title, {
      title,
      isNew: state.mode === 'new',
      action: state.mode === 'new' ? '/units/new' : `/units/${state.stored!.unit.id}/edit`,
      back: state.mode === 'new' ? (v.parentId ? `/units/${v.parentId}` : '/units') : `/units/${state.stored!.unit.id}`,
      v,
      parentName: parent?.name ?? '',
      conflict: state.conflict ?? '',
      tiers: TIERS.filter((t) => (v.parentId ? t === 'department' || t === 'commune' : t === 'province' || t === 'city')).map((t) => ({ value: t, label: capitalize(unitTierLabels[t]), selected: t === v.tier })),
      kinds: [{ value: '', label: '(không phải đơn vị cấp xã)', selected: !v.kind }, ...Object.entries(communeKindLabels).map(([value, label]) => ({ value, label: capitalize(label), selected: value === v.kind }))],
      errors: Object.fromEntries([...FORM_FIELDS, 'form'].map((f) => [f, err(f)])),
      summary: Object.entries(errors).flatMap(([field, messages]) => messages.map((message) => ({ href: `#${field === 'form' ? 'unit-form' : field}`, message }))),
    }, status);
  }

  /** Problems only the form sees: required fields, and plans that are not in the plan files. */
  async function formProblems(v: UnitFormValues, isNew: boolean): Promise<Record<string, string[]>> {
    const errors: Record<string, string[]> = {};
    const add = (f: string, m: string) => (errors[f] ??= []).push(m);
    if (isNew && !UNIT_ID.test(v.id)) add('id', v.id ? 'Mã đơn vị chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ “xa-ba-be”.' : 'Nhập mã đơn vị, ví dụ “xa-ba-be”.');
    if (!v.name) add('name', 'Nhập tên đơn vị, ví dụ “Xã Ba Bể”.');
    if (!v.shortName) add('shortName', 'Nhập tên ngắn, ví dụ “Ba Bể”.');
    if (!TIERS.includes(v.tier as UnitTier)) add('tier', 'Chọn cấp của đơn vị.');
    if (v.tier === 'commune' && !v.kind) add('kind', 'Đơn vị cấp xã cần chọn loại: xã, phường hoặc đặc khu.');
    if (v.portalUrl && !/^https?:\/\/[^\s/]+(?:\/\S*)?$/.test(v.portalUrl)) add('portalUrl', 'Địa chỉ trang phải bắt đầu bằng http:// hoặc https://, ví dụ “https://xababe.example.org”.');
    if ((v.portalUrl || v.portalSection) && !v.portalTitle) add('portalTitle', 'Nhập tên trang thông tin điện tử.');
    if (v.portalTitle && !v.portalUrl) add('portalUrl', 'Nhập địa chỉ trang thông tin điện tử.');
    const planIds = splitList(v.plans);
    if (planIds.length) {
      const { plans } = await plansOrProblem();
      for (const id of planIds) if (!plans.some((p) => p.id === id)) add('plans', `Không có kế hoạch mã “${id}” trong các kế hoạch của hệ thống.`);
    }
    return errors;
  }

  async function saveFromForm(c: Ctx, mode: 'new' | 'edit', stored: StoredUnit | undefined) {
    const v = postedValues(c.get('form'));
    if (mode === 'edit') {
      v.id = stored!.unit.id;
      v.parentId = stored!.unit.parentId ?? '';
    }
    const errors = await formProblems(v, mode === 'new');
    if (Object.keys(errors).length) return unitForm(c, { mode, values: v, stored, errors }, 400);
    const expectedRevision = mode === 'new' ? 0 : Number(v.revision);
    try {
      const saved = await ctx.directory.save(unitFromValues(v, stored?.unit), { by: c.get('access').email, expectedRevision });
      return c.redirect(`/units/${saved.unit.id}?ok=${mode === 'new' ? 'created' : 'saved'}`, 303);
    } catch (err) {
      if (err instanceof UnitConflictError) return unitForm(c, { mode, values: v, stored: mode === 'edit' ? ((await ctx.directory.get(v.id)) ?? stored) : undefined, conflict: err.message }, 409);
      if (err instanceof UnitValidationError) {
        const found: Record<string, string[]> = {};
        for (const p of err.problems) (found[fieldOf(p.path)] ??= []).push(capitalize(p.message));
        return unitForm(c, { mode, values: v, stored, errors: found }, 400);
      }
      throw err;
    }
  }

  app.get('/units/new', requirePage(ctx, { subject: creation }), async (c) => {
    const parent = (c.req.query('parent') ?? '').trim();
    if (parent && !c.get('access').unit(parent)) return notFound(c, ctx);
    return unitForm(c, { mode: 'new', values: valuesOf(undefined, 0, parent) });
  });

  app.post('/units/new', requirePost(ctx, { subject: creation }), (c) => saveFromForm(c, 'new', undefined));

  app.get('/units/:id/edit', requirePage(ctx, manage), async (c) => {
    const stored = await ctx.directory.get(c.req.param('id'));
    if (!stored) return notFound(c, ctx);
    return unitForm(c, { mode: 'edit', values: valuesOf(stored.unit, stored.revision), stored });
  });

  app.post('/units/:id/edit', requirePost(ctx, manage), async (c) => {
    const stored = await ctx.directory.get(c.req.param('id'));
    if (!stored) return notFound(c, ctx);
    return saveFromForm(c, 'edit', stored);
  });

  // ——— The unit's page ———

  app.get('/units/:id', requirePage(ctx, ofUnit), async (c) => {
    const access = c.get('access');
    const stored = await ctx.directory.get(c.req.param('id'));
    if (!stored) return notFound(c, ctx);
    const { unit } = stored;
    const manages = access.mayManage(unit.id);
    const [{ plans }, history, imports, children] = await Promise.all([plansOrProblem(), ctx.directory.history(unit.id), ctx.directory.imports(), ctx.directory.list({ parentId: unit.id })]);
    const ok = c.req.query('ok');
    return renderDash(c, ctx, 'dashboard/unit', unit.name, {
      notice: ok ? (notices[ok] ?? '') : '',
      u: {
        id: unit.id,
        name: unit.name,
        shortName: unit.shortName,
        tier: tierLabel(unit),
        parent: unit.parentId ? { href: `/units/${unit.parentId}`, name: access.unitName(unit.parentId) } : undefined,
        body: unit.body ?? '',
        portal: unit.portal ? { title: unit.portal.title, url: unit.portal.baseUrl, section: unit.portal.section ?? '' } : undefined,
        revision: stored.revision,
        updated: `${vnTimeLabel(stored.updatedAt)}, bởi ${stored.updatedBy}`,
      },
      manages,
      canAddChild: manages && (unit.tier === 'province' || unit.tier === 'city'),
      plans: unit.plans.map((id) => {
        const plan = plans.find((p) => p.id === id);
        return { label: plan ? plan.title : id, href: access.mayPlan(id) ? `/plans/${id}` : '' };
      }),
      broadcast: unit.broadcast
        ? {
            name: unit.broadcast.name,
            stations: unit.broadcast.stations.map((s) => ({ name: s.name, href: manages ? `/units/${unit.id}/stations/${s.id}` : '', kind: capitalize(stationKindLabels[s.kind]), area: s.area ?? '', system: `${capitalize(broadcastSystemLabels[s.system])}${s.intro || s.outro ? `; nhạc hiệu: ${[s.intro && `mở đầu “${s.intro.file}”`, s.outro && `kết thúc “${s.outro.file}”`].filter(Boolean).join(', ')}` : ''}`, slots: formatSlots(s.slots), operator: `${s.operator.name}, ${s.operator.phone}, ${s.operator.email}` })),
          }
        : undefined,
      media: {
        contact: unit.mediaList?.pressContact ? `${unit.mediaList.pressContact.name} (${unit.mediaList.pressContact.email})` : '',
        journalists: (unit.mediaList?.journalists ?? []).map((j) => ({ name: j.name, outlet: j.outlet, email: j.email, beats: j.beats.join(', ') })),
      },
      editors: unit.editors.map((e) => ({ name: e.name, email: e.email, role: capitalize(unitRoleLabels[e.role]), office: e.office ?? '' })),
      children: children.map((u) => ({ href: `/units/${u.id}`, name: u.name, tier: tierLabel(u), stations: u.stations })),
      history: [...history].reverse().slice(0, 50).map((h) => ({ revision: h.revision, at: vnTimeLabel(h.at), by: h.by, action: `${capitalize(changeActionLabels[h.action])}${h.note ? ` — ${h.note}` : ''}` })),
      imports: imports
        .filter((r) => r.units.some((x) => x.unitId === unit.id))
        .slice(0, 20)
        .map((r) => ({
          id: r.id,
          at: vnTimeLabel(r.at),
          by: r.by,
          kind: capitalize(importKindLabels[r.kind]),
          file: r.file ?? '',
          units: r.units.length,
          status: r.undone ? `Đã hoàn tác lúc ${vnTimeLabel(r.undone.at)}` : r.status === 'applied' ? 'Đã nhập' : r.status === 'failed' ? 'Đã trả lại' : 'Đang nhập',
          undo: manages && r.status === 'applied' && !r.undone ? `/units/${unit.id}/imports/${r.id}/undo` : '',
        })),
      exports: DASHBOARD_IMPORT_KINDS.map((k) => ({ label: capitalize(importKindLabels[k]), csv: `/units/${unit.id}/export?kind=${k}&format=csv`, xlsx: `/units/${unit.id}/export?kind=${k}&format=xlsx` })),
      importKinds: DASHBOARD_IMPORT_KINDS.map((k) => ({ href: `/units/${unit.id}/import?kind=${k}`, label: capitalize(importKindLabels[k]) })),
      invite: { roles: ROLES.map((r) => ({ value: r, label: capitalize(unitRoleLabels[r]), selected: r === 'editor' })), revision: stored.revision },
    });
  });

  app.get('/units/:id/export', requirePage(ctx, ofUnit), async (c) => {
    const stored = await ctx.directory.get(c.req.param('id'));
    if (!stored) return notFound(c, ctx);
    const kind = c.req.query('kind') as ImportKind;
    if (!DASHBOARD_IMPORT_KINDS.includes(kind)) return notFound(c, ctx);
    // A province's file covers its units too, as `campaign units export --unit` does.
    const children = await Promise.all((await ctx.directory.list({ parentId: stored.unit.id })).map((u) => ctx.directory.unit(u.id)));
    const rows = exportRows(kind, [stored.unit, ...children.filter((u): u is Unit => u !== undefined)]);
    const name = `${stored.unit.id}-${kind}`;
    if (c.req.query('format') === 'xlsx') {
      return c.body(new Uint8Array(await xlsxBytes(rows, importKindLabels[kind])), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="${name}.xlsx"`,
        'Cache-Control': 'private, no-store',
      });
    }
    return c.body(`\uFEFF${writeCsv(rows)}`, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"`, 'Cache-Control': 'private, no-store' });
  });

  // ——— Import: upload, preview, apply, undo ———

  const uploadKey = (id: string) => `directory/uploads/${id}.json`;

  async function importPage(c: Ctx, unit: Unit, state: { kind: ImportKind; plan?: ImportPlan; upload?: string; file?: string; error?: string }, status: 200 | 400 | 409 = 200) {
    const plan = state.plan;
    const changes = plan?.changes ?? [];
    return renderDash(c, ctx, 'dashboard/unit-import', `Nhập ${importKindLabels[state.kind]}: ${unit.name}`, {
      unit: { id: unit.id, name: unit.name, href: `/units/${unit.id}` },
      kind: state.kind,
      kindLabel: importKindLabels[state.kind],
      kinds: DASHBOARD_IMPORT_KINDS.map((k) => ({ value: k, label: capitalize(importKindLabels[k]), selected: k === state.kind })),
      template: { csv: `/units/${unit.id}/export?kind=${state.kind}&format=csv`, xlsx: `/units/${unit.id}/export?kind=${state.kind}&format=xlsx` },
      error: state.error ?? '',
      preview: plan
        ? {
            file: state.file ?? '',
            rows: plan.rows,
            problems: plan.problems.map((p) => ({ row: p.row, column: p.column ? `${p.column}${p.letter ? ` (${p.letter})` : ''}` : '', message: capitalize(p.message), text: formatImportProblem(p) })),
            changes: changes.map((ch) => ({ name: ch.name, action: ch.action === 'create' ? 'Thêm mới' : 'Sửa', added: ch.added, changed: ch.changed, removed: ch.removed })),
            counts: {
              added: changes.reduce((n, ch) => n + ch.added.length, 0),
              changed: changes.reduce((n, ch) => n + ch.changed.length, 0),
              removed: changes.reduce((n, ch) => n + ch.removed.length, 0),
            },
            unchanged: plan.unchanged.length,
            canApply: plan.problems.length === 0 && changes.length > 0,
            upload: state.upload ?? '',
          }
        : undefined,
    }, status);
  }

  /** The import plan of a sheet, refusing rows of units the person does not administer. */
  function preview(access: AccessView, kind: ImportKind, sheet: Sheet) {
    return ctx.directory.previewImport(kind, sheet, {
      refuse: (unitId) => (access.mayManage(unitId) ? undefined : `bạn không phải quản trị viên của ${access.unitName(unitId)}; chỉ nhập được cho đơn vị mình quản trị`),
    });
  }

  app.get('/units/:id/import', requirePage(ctx, manage), async (c) => {
    const stored = await ctx.directory.get(c.req.param('id'));
    if (!stored) return notFound(c, ctx);
    const kind = (DASHBOARD_IMPORT_KINDS as string[]).includes(c.req.query('kind') ?? '') ? (c.req.query('kind') as ImportKind) : 'stations';
    return importPage(c, stored.unit, { kind });
  });

  app.post('/units/:id/import', requirePost(ctx, { ...manage, maxBytes: UPLOAD_MAX_BYTES }), async (c) => {
    const stored = await ctx.directory.get(c.req.param('id'));
    if (!stored) return notFound(c, ctx);
    const access = c.get('access');
    const form = c.get('form');
    const kind = form.one('kind') as ImportKind;
    if (!DASHBOARD_IMPORT_KINDS.includes(kind)) return importPage(c, stored.unit, { kind: 'stations', error: 'Chọn loại dữ liệu cần nhập.' }, 400);
    const upload = form.one('upload') ?? '';
    if (form.one('mode') === 'apply') {
      // Apply re-plans the stored upload against the directory as it is now.
      if (!/^[a-z0-9]{32}$/.test(upload)) return importPage(c, stored.unit, { kind, error: 'Không còn tệp đã xem trước; hãy chọn tệp và xem trước lại.' }, 400);
      const saved = await ctx.deps.store.get(uploadKey(upload));
      if (!saved) return importPage(c, stored.unit, { kind, error: 'Không còn tệp đã xem trước; hãy chọn tệp và xem trước lại.' }, 400);
      const { sheet, file, by } = JSON.parse(saved.body.toString('utf8')) as { sheet: Sheet; file: string; by: string };
      if (by !== access.email) return importPage(c, stored.unit, { kind, error: 'Tệp này do người khác tải lên; hãy chọn tệp và xem trước lại.' }, 400);
      const plan = await preview(access, kind, sheet);
      if (plan.problems.length || plan.changes.length === 0) return importPage(c, stored.unit, { kind, plan, upload, file }, plan.problems.length ? 400 : 200);
      try {
        await ctx.directory.applyImport(plan, { by: access.email, file });
      } catch (err) {
        if (err instanceof ImportRefusedError) return importPage(c, stored.unit, { kind, plan, upload, file, error: err.message }, 409);
        throw err;
      }
      await ctx.deps.store.delete(uploadKey(upload)).catch(() => undefined);
      return c.redirect(`/units/${stored.unit.id}?ok=imported`, 303);
    }
    const f = form.file?.('file');
    if (!f) return importPage(c, stored.unit, { kind, error: 'Chọn tệp CSV hoặc Excel (.xlsx) cần nhập.' }, 400);
    const format = formatOf(f.name);
    let sheet: Sheet;
    try {
      if (format === 'xlsx') sheet = await xlsxSheet(f.bytes);
      else if (format === 'csv') {
        const text = f.bytes.toString('utf8');
        if (text.includes('\uFFFD')) throw new SheetFileError('tệp CSV không phải mã UTF-8; trong Excel hãy lưu dạng “CSV UTF-8 (Comma delimited)”');
        sheet = parseCsv(text);
      } else throw new SheetFileError(`“${f.name}” không phải tệp .csv hoặc .xlsx`);
    } catch (err) {
      if (err instanceof SheetFileError) return importPage(c, stored.unit, { kind, error: `Không đọc được tệp: ${err.message}.` }, 400);
      throw err;
    }
    const plan = await preview(access, kind, sheet);
    const id = randomBytes(16).toString('hex');
    await ctx.deps.store.put(uploadKey(id), JSON.stringify({ sheet, file: f.name, by: access.email, at: ctx.now().toISOString() }), { contentType: 'application/json' });
    return importPage(c, stored.unit, { kind, plan, upload: id, file: f.name }, plan.problems.length ? 400 : 200);
  });

  app.post('/units/:id/imports/:importId/undo', requirePost(ctx, manage), async (c) => {
    const id = c.req.param('id');
    const importId = c.req.param('importId');
    const access = c.get('access');
    const rec = await ctx.directory.importRecord(importId);
    if (!rec || !rec.units.some((u) => u.unitId === id)) return notFound(c, ctx);
    const outside = rec.units.filter((u) => !access.mayManage(u.unitId));
    if (outside.length) {
      const heading = 'Không có quyền truy cập';
      return renderDash(c, ctx, 'dashboard/problem', heading, { heading, text: `Lần nhập này còn thay đổi ${outside.map((u) => u.name).join(', ')}, nơi bạn không phải quản trị viên; hãy nhờ quản trị viên của tỉnh hoàn tác.`, back: { href: `/units/${id}`, label: 'Về trang đơn vị' } }, 403);
    }
    try {
      await ctx.directory.undoImport(importId, { by: access.email });
    } catch (err) {
      if (!(err instanceof ImportRefusedError)) throw err;
      const heading = 'Chưa hoàn tác được';
      return renderDash(c, ctx, 'dashboard/problem', heading, { heading, text: err.message, back: { href: `/units/${id}`, label: 'Về trang đơn vị' } }, 409);
    }
    return c.redirect(`/units/${id}?ok=undone`, 303);
  });

  // ——— Invite ———

  app.post('/units/:id/invite', requirePost(ctx, manage), async (c) => {
    const stored = await ctx.directory.get(c.req.param('id'));
    if (!stored) return notFound(c, ctx);
    const form = c.get('form');
    const email = normalizeEmail(form.one('email') ?? '');
    const name = (form.one('name') ?? '').trim();
    const role = form.one('role') as EditorRole;
    const office = (form.one('office') ?? '').trim();
    const problems: string[] = [];
    if (!isEmailAddress(email)) problems.push('Nhập địa chỉ email công vụ đầy đủ của người được mời, ví dụ ten@example.org.');
    if (!name) problems.push('Nhập họ tên người được mời.');
    if (!ROLES.includes(role)) problems.push('Chọn vai trò: biên tập viên, lãnh đạo hoặc quản trị.');
    if (stored.unit.editors.some((e) => e.email === email)) problems.push(`${email} đã có trong đơn vị; sửa vai trò bằng cách nhập lại danh sách biên tập viên.`);
    const back = { href: `/units/${stored.unit.id}`, label: 'Về trang đơn vị' };
    if (problems.length) return renderDash(c, ctx, 'dashboard/problem', 'Chưa mời được', { heading: 'Chưa mời được', text: problems.join(' '), back }, 400);
    try {
      await ctx.directory.save(
        { ...stored.unit, editors: [...stored.unit.editors, { email, name, role, ...(office ? { office } : {}) }] },
        { by: c.get('access').email, expectedRevision: Number(form.one('revision') ?? stored.revision), note: `mời ${name} (${email}) làm ${unitRoleLabels[role]}` },
      );
    } catch (err) {
      if (err instanceof UnitConflictError) return renderDash(c, ctx, 'dashboard/problem', 'Chưa mời được', { heading: 'Chưa mời được', text: err.message, back }, 409);
      if (err instanceof UnitValidationError) return renderDash(c, ctx, 'dashboard/problem', 'Chưa mời được', { heading: 'Chưa mời được', text: err.problems.map((p) => capitalize(p.message)).join('. '), back }, 400);
      throw err;
    }
    const access = c.get('access');
    // The unit that lets the inviter manage this one: the unit itself, or its province.
    const through = access.grants.find((g) => !g.via && (g.unitId === stored.unit.id || g.unitId === stored.unit.parentId));
    await sendSignInLink(ctx, email, name, '/', {
      by: c.get('editor')?.name ?? access.email,
      byEmail: access.email,
      byUnit: through ? access.unitName(through.unitId) : access.platformAdmin ? 'quản trị nền tảng' : (access.myUnits()[0] ?? 'quản trị nền tảng'),
      unit: stored.unit.name,
      role: unitRoleLabels[role],
    });
    return c.redirect(`/units/${stored.unit.id}?ok=invited`, 303);
  });
}
