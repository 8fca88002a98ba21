/**
 * Plan intake and editing on the dashboard:
 *
 * - `GET/POST /plans/upload`: an issued plan (.docx, .pdf, .txt, or a scanned page .png/.jpg)
 *   is read by `importPlanDocument`; the draft, its source text and the provenance of every
 *   field are kept in the object store (`library/drafts/`), and the editor goes to its review.
 * - `GET/POST /plans/review/:draft`: the source text beside a form of the extracted plan, with
 *   what was restored, guessed or missing highlighted on both sides and the plan checks'
 *   problems beside each field. Saving creates a version in the plan library, owned by a unit
 *   the editor belongs to (recorded in the directory too).
 * - `GET/POST /plans/:id/edit`: the same form for a plan in the library; a save made from an
 *   older version than the current one is refused with who saved meanwhile, the typed values
 *   kept in the form.
 */
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { FieldFlag } from '../../domain/intake/extract.js';
import { fieldLabel, provenanceLabels, reviewItems } from '../../domain/intake/review.js';
import type { PlanProblem } from '../../domain/plan/yaml-source.js';
import { DirectoryStore, UnitValidationError, vnTimeLabel } from '../../infra/directory-store.js';
import { importPlanDocument } from '../../infra/intake/import.js';
import { DocumentReadError, SUPPORTED_EXTENSIONS } from '../../infra/intake/readers.js';
import { readJsonDocument } from '../../infra/json-document.js';
import { checkPlanData, PlanConflictError, PlanLibrary, planVersionActionLabels, PlanValidationError } from '../../infra/plan-library.js';
import { readForm, readUpload, type BodyProblem, type Form } from '../request-body.js';
import { csrfMatchesSession, originAllowed } from './auth.js';
import type { DashContext, DashEnv } from './context.js';
import { currentSession, forbidden, formProblem, requirePage } from './guard.js';
import { applyPlanForm, planFormSections } from './plan-form.js';
import { renderDash } from './render.js';

/** The largest plan document accepted (a scanned page or a long Word file). */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** The largest review form (a whole plan, every field percent-encoded Vietnamese). */
export const REVIEW_FORM_MAX_BYTES = 2 * 1024 * 1024;

/** Request body limits of the routes here, for the server's `limitBodies`. */
export function planBodyLimit(path: string): number | undefined {
  if (path === '/plans/upload') return UPLOAD_MAX_BYTES + 64 * 1024;
  if (/^\/plans\/review\/[a-z0-9-]+$/u.test(path) || /^\/plans\/[a-z0-9-]+\/edit$/u.test(path)) return REVIEW_FORM_MAX_BYTES;
  return undefined;
}

type Json = Record<string, unknown>;

/** An imported document waiting for review. */
interface PlanDraftRecord {
  id: string;
  at: string;
  by: string;
  fileName: string;
  source: string;
  sourceText: string;
  /** The text the plan was read from (restored when the source lost its marks); flag offsets point here. */
  text: string;
  restoration: { applied: boolean; changedWords: number; uncertainWords: number };
  flags: FieldFlag[];
  data: Json;
  /** Set once saved. */
  saved?: { planId: string; version: number };
}

const draftKey = (id: string) => `library/drafts/${id}.json`;
const DRAFT_ID = /^[a-z0-9]{8,40}$/u;
const PLAN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

const sourceLabels: Record<string, string> = {
  text: 'tệp văn bản (.txt)',
  docx: 'tệp Word (.docx)',
  'pdf-text': 'tệp PDF có lớp chữ',
  'pdf-ocr': 'tệp PDF bản quét (nhận dạng chữ OCR)',
  'image-ocr': 'ảnh chụp, bản quét (nhận dạng chữ OCR)',
};

/** The source text cut into plain and highlighted pieces (the spans the flags point at). */
function sourcePieces(text: string, flags: readonly FieldFlag[]): { text: string; cls?: string; title?: string }[] {
  const spans = flags
    .filter((f) => f.start !== undefined && f.end !== undefined && f.end > f.start && (f.provenance === 'restored' || f.provenance === 'guessed' || (f.uncertainWords?.length ?? 0) > 0))
    .map((f) => ({ start: f.start!, end: f.end!, cls: (f.uncertainWords?.length ?? 0) > 0 ? 'p-uncertain' : f.provenance === 'guessed' ? 'p-guessed' : 'p-restored', title: `${provenanceLabels[f.provenance]}${f.uncertainWords?.length ? `; từ chưa chắc chắn: ${f.uncertainWords.join(', ')}` : ''}` }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { text: string; cls?: string; title?: string }[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: text.slice(s.start, s.end), cls: s.cls, title: s.title });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Units the editor may own a plan for (any role), by name. */
async function editorUnits(directory: DirectoryStore, email: string): Promise<{ id: string; name: string }[]> {
  const grants = await directory.unitsOfEditor(email);
  const ids = [...new Set(grants.map((g) => g.unitId))];
  const out: { id: string; name: string }[] = [];
  for (const id of ids) {
    const s = await directory.summary(id);
    if (s) out.push({ id, name: s.name });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** POST with a session, same origin, a readable body within `maxBytes` and the CSRF value. */
async function checkPost<T extends { form: Form }>(
  ctx: DashContext,
  c: Context<DashEnv>,
  read: () => Promise<T | { problem: BodyProblem }>,
  onProblem: (problem: BodyProblem) => Response | Promise<Response> | undefined = () => undefined,
): Promise<Response | T> {
  const found = await currentSession(ctx, c);
  if (!found) return c.redirect('/sign-in', 303);
  c.set('session', found.session);
  c.set('editor', found.editor);
  if (!originAllowed(c.req.header('Origin'), ctx.deps.endpoints.publicBaseUrl, c.req.url)) return forbidden(ctx, c);
  const body = await read();
  if ('problem' in body) return (await onProblem(body.problem)) ?? formProblem(ctx, c, body.problem);
  if (!csrfMatchesSession(ctx.secret, found.session, body.form.one('csrf'))) return forbidden(ctx, c);
  return body;
}

interface ReviewView {
  mode: 'draft' | 'edit';
  action: string;
  data: Json;
  isNew: boolean;
  expectedVersion: number;
  flags: FieldFlag[];
  problems: PlanProblem[];
  draft?: PlanDraftRecord;
  unitId?: string;
  conflict?: string;
  notice?: string;
  existing?: { version: number; at: string; by: string };
}

export function planReviewRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  const library = () => new PlanLibrary(ctx.deps.store, { now: ctx.now });
  const directory = () => new DirectoryStore(ctx.deps.store, { now: ctx.now });

  const uploadPage = async (c: Context<DashEnv>, error?: string, status: 200 | 400 | 413 = 200) => {
    const units = await editorUnits(directory(), c.get('editor').email);
    return renderDash(c, ctx, 'dashboard/plan-upload', 'Nhập kế hoạch từ văn bản', {
      error,
      accept: SUPPORTED_EXTENSIONS.join(','),
      maxMb: UPLOAD_MAX_BYTES / 1024 / 1024,
      noUnits: units.length === 0,
    }, status);
  };

  app.get('/plans/upload', requirePage(ctx), (c) => uploadPage(c));

  app.post('/plans/upload', async (c) => {
    // A file past the limit gets its own message (the form's protection value cannot be read
    // from a body that is not read); nothing is done with it.
    const checked = await checkPost(ctx, c, () => readUpload(c, UPLOAD_MAX_BYTES + 64 * 1024), (problem) =>
      problem === 'tooLarge' ? uploadPage(c, `Tệp gửi lên lớn hơn ${UPLOAD_MAX_BYTES / 1024 / 1024} MB nên chưa được đọc. Hãy gửi bản nhẹ hơn (ví dụ chỉ các trang của kế hoạch, ảnh quét 200 dpi).`, 413) : undefined,
    );
    if (checked instanceof Response) return checked;
    const file = checked.files.get('document');
    if (!file || file.bytes.length === 0 || !file.name) return uploadPage(c, 'Chưa chọn tệp văn bản kế hoạch. Hãy chọn tệp .docx, .pdf, .txt hoặc ảnh bản quét (.png, .jpg).', 400);
    if (file.bytes.length > UPLOAD_MAX_BYTES) return uploadPage(c, `Tệp “${file.name}” lớn hơn ${UPLOAD_MAX_BYTES / 1024 / 1024} MB. Hãy gửi bản nhẹ hơn (ví dụ chỉ các trang của kế hoạch, ảnh quét 200 dpi).`, 413);
    const ext = /\.[^.]+$/u.exec(file.name.toLowerCase())?.[0] ?? '';
    if (!SUPPORTED_EXTENSIONS.includes(ext)) return uploadPage(c, `Không đọc được tệp “${file.name}”: chỉ nhận tệp ${SUPPORTED_EXTENSIONS.join(', ')}.`, 400);
    let result;
    try {
      result = await importPlanDocument(file.bytes, file.name);
    } catch (err) {
      if (err instanceof DocumentReadError) return uploadPage(c, `Không đọc được tệp “${file.name}”: ${err.message}`, 400);
      throw err;
    }
    const id = `${ctx.now().getTime().toString(36)}${randomBytes(5).toString('hex')}`;
    const draft: PlanDraftRecord = {
      id,
      at: ctx.now().toISOString(),
      by: c.get('editor').email,
      fileName: file.name,
      source: result.source,
      sourceText: result.sourceText,
      text: result.text,
      restoration: result.restoration,
      flags: result.flags,
      data: result.draft.plan,
    };
    await ctx.deps.store.put(draftKey(id), JSON.stringify(draft), { contentType: 'application/json; charset=utf-8', ifNoneMatch: '*' });
    return c.redirect(`/plans/review/${id}`, 303);
  });

  async function readDraft(id: string): Promise<PlanDraftRecord | undefined> {
    if (!DRAFT_ID.test(id)) return undefined;
    return (await readJsonDocument(ctx.deps.store, draftKey(id), (j) => j as PlanDraftRecord))?.value;
  }

  const notFound = (c: Context<DashEnv>, what: string) =>
    renderDash(c, ctx, 'dashboard/problem', `Không tìm thấy ${what}`, { heading: `Không tìm thấy ${what}`, text: `Không có ${what} với mã này.`, back: { href: '/plans', label: 'Về danh sách kế hoạch' } }, 404);

  async function review(c: Context<DashEnv>, v: ReviewView, status: 200 | 400 | 409 = 200) {
    const units = await editorUnits(directory(), c.get('editor').email);
    const planId = String(v.data.id ?? '');
    const owner = PLAN_ID.test(planId) ? await directory().ownerOfPlan(planId) : undefined;
    const unitId = v.unitId ?? owner?.id ?? units[0]?.id;
    const { sections, unplaced, unplacedFlags } = planFormSections(v.data, { isNew: v.isNew, flags: v.flags, problems: v.problems });
    const fieldErrors = sections.flatMap((s) => s.groups.flatMap((g) => g.fields.filter((f) => f.errors.length).map((f) => ({ href: `#${f.id}`, message: `${g.heading} — ${f.label}: ${f.errors.join('; ')}` }))));
    const summary = [...fieldErrors, ...unplaced.map((p) => ({ href: '#plan-form', message: `${p.path ? fieldLabel(p.path, v.data) : 'Kế hoạch'}: ${p.message}` }))];
    const flagged = reviewItems(v.flags, v.data).map((r) => ({ label: r.label, provenance: provenanceLabels[r.provenance], cls: `p-${r.provenance}`, note: r.note }));
    return renderDash(c, ctx, 'dashboard/plan-review', v.mode === 'draft' ? 'Xem lại kế hoạch nhập từ văn bản' : `Sửa kế hoạch ${planId}`, {
      mode: v.mode,
      isDraft: v.mode === 'draft',
      action: v.action,
      planId,
      title: String(v.data.title ?? ''),
      expectedVersion: v.expectedVersion,
      nextVersion: v.expectedVersion + 1,
      existing: v.existing ? { ...v.existing, when: vnTimeLabel(v.existing.at) } : undefined,
      conflict: v.conflict,
      notice: v.notice,
      summary,
      flagged,
      unplacedFlags: unplacedFlags.length,
      sections,
      units: units.map((u) => ({ ...u, selected: u.id === unitId })),
      noUnits: units.length === 0,
      ownerName: owner?.name,
      ...(v.draft
        ? {
            draft: {
              fileName: v.draft.fileName,
              source: sourceLabels[v.draft.source] ?? v.draft.source,
              restored: v.draft.restoration.applied,
              changedWords: v.draft.restoration.changedWords,
              uncertainWords: v.draft.restoration.uncertainWords,
              pieces: sourcePieces(v.draft.text, v.draft.flags),
              original: v.draft.restoration.applied ? v.draft.sourceText : undefined,
            },
          }
        : {}),
    }, status);
  }

  /** Where a draft would be saved: a new plan, or the next version of the plan with its id. */
  async function target(planId: string): Promise<{ expectedVersion: number; existing?: ReviewView['existing'] }> {
    if (!PLAN_ID.test(planId)) return { expectedVersion: 0 };
    const lib = library();
    const latest = await lib.latestVersion(planId);
    if (!latest) return { expectedVersion: 0 };
    const rec = await lib.record(planId, latest);
    return { expectedVersion: latest, ...(rec ? { existing: { version: latest, at: rec.at, by: rec.by } } : {}) };
  }

  app.get('/plans/review/:draft', requirePage(ctx), async (c) => {
    const draft = await readDraft(c.req.param('draft'));
    if (!draft) return notFound(c, 'bản nhập');
    if (draft.saved) return c.redirect(`/plans/${draft.saved.planId}?saved=${draft.saved.version}`, 303);
    const checked = checkPlanData(draft.data);
    const t = await target(String(draft.data.id ?? ''));
    return review(c, { mode: 'draft', action: `/plans/review/${draft.id}`, data: draft.data, isNew: true, flags: draft.flags, problems: checked.ok ? [] : checked.problems, draft, ...t });
  });

  /** Validates and saves the posted form; re-renders it with the problems otherwise. */
  async function save(c: Context<DashEnv>, form: Form, base: Json, v: Omit<ReviewView, 'data' | 'problems' | 'expectedVersion'> & { sourceFile?: string }) {
    const data = applyPlanForm(base, form, { isNew: v.isNew });
    const expectedVersion = Number(form.one('expectedVersion') ?? '0');
    const unitId = form.one('unit') ?? '';
    const editor = c.get('editor');
    const units = await editorUnits(directory(), editor.email);
    const problems: PlanProblem[] = [];
    const checked = checkPlanData(data);
    if (!checked.ok) problems.push(...checked.problems);
    const unitProblem = !units.some((u) => u.id === unitId) ? (units.length ? 'Hãy chọn đơn vị ban hành trong các đơn vị của bạn.' : 'Bạn chưa thuộc đơn vị nào trong danh bạ nên chưa lưu được kế hoạch; hãy nhờ quản trị viên thêm bạn vào đơn vị.') : undefined;
    const again = (extra: Partial<ReviewView>, status: 400 | 409) =>
      review(c, { ...v, data, problems, expectedVersion: Number.isFinite(expectedVersion) ? expectedVersion : 0, unitId, ...extra }, status);
    if (unitProblem) return again({ conflict: unitProblem }, 400);
    if (problems.length) return again({}, 400);
    const planId = String(data.id);
    const owner = await directory().ownerOfPlan(planId);
    if (owner && owner.id !== unitId) {
      return again({ conflict: `Kế hoạch “${planId}” thuộc ${owner.name}; phiên bản mới phải do đơn vị đó lưu. Hãy chọn ${owner.name} (nếu bạn thuộc đơn vị này) hoặc đặt mã kế hoạch khác.` }, 409);
    }
    let saved;
    try {
      saved = await library().save(data, { by: editor.email, expectedVersion, ownerUnitId: unitId, action: v.mode === 'draft' ? 'import' : 'save', ...(v.sourceFile ? { sourceFile: v.sourceFile } : {}) });
    } catch (err) {
      if (err instanceof PlanConflictError) {
        const t = await target(planId);
        return again({ conflict: err.message, ...(t.existing ? { existing: t.existing } : {}) }, 409);
      }
      if (err instanceof PlanValidationError) return again({}, 400);
      throw err;
    }
    if (!owner) {
      try {
        await directory().assignPlan(planId, unitId, { by: editor.email });
      } catch (err) {
        if (!(err instanceof UnitValidationError)) throw err;
      }
    }
    return { saved };
  }

  app.post('/plans/review/:draft', async (c) => {
    const checked = await checkPost(ctx, c, () => readForm(c, REVIEW_FORM_MAX_BYTES));
    if (checked instanceof Response) return checked;
    const draft = await readDraft(c.req.param('draft'));
    if (!draft) return notFound(c, 'bản nhập');
    const result = await save(c, checked.form, draft.data, { mode: 'draft', action: `/plans/review/${draft.id}`, isNew: true, flags: draft.flags, draft, sourceFile: draft.fileName });
    if (result instanceof Response) return result;
    await ctx.deps.store.put(draftKey(draft.id), JSON.stringify({ ...draft, saved: { planId: result.saved.plan.id, version: result.saved.version } }), { contentType: 'application/json; charset=utf-8' });
    return c.redirect(`/plans/${result.saved.plan.id}?saved=${result.saved.version}`, 303);
  });

  app.get('/plans/:id/edit', requirePage(ctx), async (c) => {
    const id = c.req.param('id');
    if (!PLAN_ID.test(id)) return notFound(c, 'kế hoạch');
    const lib = library();
    const found = await lib.data(id);
    if (!found) return notFound(c, 'kế hoạch');
    const rec = await lib.record(id, found.version);
    const checked = checkPlanData(found.data);
    return review(c, {
      mode: 'edit',
      action: `/plans/${id}/edit`,
      data: found.data,
      isNew: false,
      expectedVersion: found.version,
      flags: [],
      problems: checked.ok ? [] : checked.problems,
      ...(rec ? { existing: { version: found.version, at: rec.at, by: rec.by } } : {}),
    });
  });

  app.post('/plans/:id/edit', async (c) => {
    const checked = await checkPost(ctx, c, () => readForm(c, REVIEW_FORM_MAX_BYTES));
    if (checked instanceof Response) return checked;
    const id = c.req.param('id');
    if (!PLAN_ID.test(id)) return notFound(c, 'kế hoạch');
    const lib = library();
    // The form is applied to the version the editor started from, never to a newer one.
    const startedFrom = Number(checked.form.one('expectedVersion') ?? '0');
    const base = await lib.data(id, Number.isInteger(startedFrom) && startedFrom > 0 ? startedFrom : undefined).catch(() => undefined);
    if (!base) return notFound(c, 'kế hoạch');
    const result = await save(c, checked.form, { ...base.data, id }, { mode: 'edit', action: `/plans/${id}/edit`, isNew: false, flags: [] });
    if (result instanceof Response) return result;
    return c.redirect(`/plans/${id}?saved=${result.saved.version}`, 303);
  });

  /** The version list of a plan (who, when, what changed). */
  app.get('/plans/:id/versions', requirePage(ctx), async (c) => {
    const id = c.req.param('id');
    if (!PLAN_ID.test(id)) return notFound(c, 'kế hoạch');
    const history = await library().history(id);
    if (!history.length) return notFound(c, 'kế hoạch');
    return renderDash(c, ctx, 'dashboard/plan-versions', `Các phiên bản kế hoạch ${id}`, {
      planId: id,
      versions: history.reverse().map((h) => ({ version: h.version, when: vnTimeLabel(h.at), by: h.by, action: planVersionActionLabels[h.action], changes: h.changes, sourceFile: h.sourceFile })),
    });
  });
}
