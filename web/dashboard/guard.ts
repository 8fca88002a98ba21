/**
 * Route guards. Pages need a session (otherwise 303 to the sign-in page, remembering where the
 * editor was going), JSON needs a session (otherwise 401), and every POST additionally needs a
 * same-origin request and the session's CSRF value.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createSession, csrfMatchesSession, originAllowed, readSession, SESSION_TTL_MS, type Session } from './auth.js';
import { resolveAccess, type AccessView } from './access.js';
import type { DashContext, DashEnv } from './context.js';
import type { Editor } from './editors.js';
import { renderDash } from './render.js';
import { isSessionRevoked, revokeSession } from './session-store.js';
import { bodyProblemInfo, readForm, type BodyProblem } from '../request-body.js';

export const SESSION_COOKIE = 'campaign_session';

/**
 * The signed-in person of a request: a valid cookie, not signed out, for an address that is
 * still a platform account or an editor listed on a unit of the directory.
 */
export async function currentSession(ctx: DashContext, c: Context): Promise<{ session: Session; editor: Editor; access: AccessView } | undefined> {
  const session = readSession(ctx.secret, getCookie(c, SESSION_COOKIE, ctx.secure ? 'host' : undefined), ctx.now());
  if (!session) return undefined;
  const [access, revoked] = await Promise.all([resolveAccess(ctx.deps.editors, ctx.directory, session.email), isSessionRevoked(ctx.deps.store, session)]);
  if (!access || revoked) return undefined;
  return { session, editor: access.account, access };
}

/** What a route is about: the unit whose work it is, and how a refusal names it. */
export interface Subject {
  /** e.g. "kế hoạch này", "chiến dịch này", "lịch này", "báo cáo này". */
  what: string;
  /** The unit the plan, campaign, schedule or report belongs to (undefined: none in the directory). */
  unitId: string | undefined;
  /** `work` (default): the unit's editors, leaders and admins; `manage`: its admins (or the province's). */
  need?: 'work' | 'manage';
}

/** Finds the subject of a request; a Response ends the request (e.g. 404), undefined means nothing to check. */
export type SubjectOf = (c: Context<DashEnv>, access: AccessView) => Promise<Subject | Response | undefined>;

export interface GuardOptions {
  subject?: SubjectOf;
  /** The largest form this POST reads (default FORM_MAX_BYTES; uploads: UPLOAD_MAX_BYTES). */
  maxBytes?: number;
}

/** Whether the person may act on the subject. */
export function allows(access: AccessView, subject: Subject): boolean {
  if (subject.need === 'manage') return subject.unitId ? access.mayManage(subject.unitId) : access.platformAdmin;
  return access.mayUnit(subject.unitId);
}

/** The Vietnamese explanation of a refusal: what the person lacks, with unit names. */
export function refusalText(access: AccessView, subject: Subject): string {
  const What = subject.what.charAt(0).toUpperCase() + subject.what.slice(1);
  const mine = access.myUnits();
  const works = mine.length ? `bạn làm việc cho ${mine.join(', ')}` : 'tài khoản của bạn chưa thuộc đơn vị nào';
  if (!subject.unitId) {
    return subject.need === 'manage'
      ? `Chỉ quản trị viên nền tảng mới thêm được đơn vị cấp tỉnh hoặc thành phố; ${works}.`
      : `${What} chưa gắn với đơn vị nào trong danh bạ, nên chỉ quản trị viên nền tảng xem được; ${works}.`;
  }
  const unit = access.unitName(subject.unitId);
  const role = subject.need === 'manage' ? `vai trò quản trị của ${unit} (hoặc của tỉnh, thành phố chứa đơn vị này)` : `vai trò biên tập viên, lãnh đạo hoặc quản trị của ${unit}`;
  return `Tài khoản ${access.email} không có quyền với ${subject.what}: ${subject.what} thuộc ${unit}, còn ${works}. Cần ${role}; hãy nhờ quản trị viên của ${unit} mời bạn vào đơn vị.`;
}

/** The 403 page of a refused route. */
export function deniedPage(ctx: DashContext, c: Context, access: AccessView, subject: Subject) {
  const heading = 'Không có quyền truy cập';
  return renderDash(c, ctx, 'dashboard/problem', heading, { heading, text: refusalText(access, subject) }, 403);
}

async function checkSubject(ctx: DashContext, c: Context<DashEnv>, access: AccessView, options: GuardOptions, json = false): Promise<Response | undefined> {
  if (!options.subject) return undefined;
  const subject = await options.subject(c, access);
  if (!subject || subject instanceof Response) return subject;
  if (allows(access, subject)) return undefined;
  if (json) return c.json({ error: refusalText(access, subject) }, 403);
  return deniedPage(ctx, c, access, subject);
}

function remember(c: Context<DashEnv>, found: { session: Session; editor: Editor; access: AccessView }) {
  c.set('session', found.session);
  c.set('editor', found.editor);
  c.set('access', found.access);
}

/** Sets the session cookie for a freshly signed-in address. */
export function startSession(ctx: DashContext, c: Context, email: string): Session {
  const { session, cookie } = createSession(ctx.secret, email, ctx.now());
  setCookie(c, SESSION_COOKIE, cookie, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
    ...(ctx.secure ? { secure: true, prefix: 'host' as const } : {}),
  });
  return session;
}

/** Signs the session out on the server (a copied cookie stops working too) and clears the cookie. */
export async function endSession(ctx: DashContext, c: Context, session: Session): Promise<void> {
  await revokeSession(ctx.deps.store, session, ctx.now());
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', ...(ctx.secure ? { secure: true, prefix: 'host' as const } : {}) });
}

function signInUrl(c: Context): string {
  const url = new URL(c.req.url);
  return `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`;
}

/** GET pages and files: a session or a 303 to the sign-in page; with a subject, the right to it or 403. */
export function requirePage(ctx: DashContext, options: GuardOptions = {}): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    const found = await currentSession(ctx, c);
    if (!found) {
      c.header('Cache-Control', 'no-store');
      return c.redirect(signInUrl(c), 303);
    }
    remember(c, found);
    const refused = await checkSubject(ctx, c, found.access, options);
    if (refused) return refused;
    await next();
  };
}

/** JSON endpoints: a session or 401; with a subject, the right to it or 403. */
export function requireJson(ctx: DashContext, options: GuardOptions = {}): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    const found = await currentSession(ctx, c);
    if (!found) {
      c.header('Cache-Control', 'no-store');
      return c.json({ error: 'Cần đăng nhập.' }, 401);
    }
    remember(c, found);
    c.header('Cache-Control', 'no-store');
    const refused = await checkSubject(ctx, c, found.access, options, true);
    if (refused) return refused;
    await next();
  };
}

/** Refusal of a form that is too large, malformed or of another content type (400/413). */
export function formProblem(ctx: DashContext, c: Context, problem: BodyProblem) {
  const p = bodyProblemInfo(problem, c.req.path);
  return renderDash(c, ctx, 'dashboard/problem', p.title, { heading: p.title, text: p.text }, p.status);
}

/** Refusal of a POST that is cross-origin or lacks the right CSRF value. */
export function forbidden(ctx: DashContext, c: Context) {
  return renderDash(c, ctx, 'dashboard/problem', 'Yêu cầu bị từ chối', {
    heading: 'Yêu cầu bị từ chối',
    text: 'Biểu mẫu không mang mã bảo vệ hợp lệ hoặc được gửi từ trang khác. Hãy mở lại trang trên bảng điều khiển và thử lại.',
  }, 403);
}

/**
 * POST actions: a session (else 303 to sign-in), a same-origin request, a readable form within
 * the limit (else 400/413), the session's CSRF value (else 403) and, with a subject, the right
 * to it (else 403). The body is read only once the session and origin are known good.
 */
export function requirePost(ctx: DashContext, options: GuardOptions = {}): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    const found = await currentSession(ctx, c);
    if (!found) return c.redirect('/sign-in', 303);
    remember(c, found);
    if (!originAllowed(c.req.header('Origin'), ctx.deps.endpoints.publicBaseUrl, c.req.url)) return forbidden(ctx, c);
    const read = await readForm(c, options.maxBytes);
    if ('problem' in read) return formProblem(ctx, c, read.problem);
    if (!csrfMatchesSession(ctx.secret, found.session, read.form.one('csrf'))) return forbidden(ctx, c);
    c.set('form', read.form);
    const refused = await checkSubject(ctx, c, found.access, options);
    if (refused) return refused;
    await next();
  };
}
