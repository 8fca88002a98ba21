/**
 * Route guards. Pages need a session (otherwise 303 to the sign-in page, remembering where the
 * editor was going), JSON needs a session (otherwise 401), and every POST additionally needs a
 * same-origin request and the session's CSRF value.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createSession, csrfMatchesSession, originAllowed, readSession, SESSION_TTL_MS, type Session } from './auth.js';
import type { DashContext, DashEnv } from './context.js';
import { findEditor, type Editor } from './editors.js';
import { renderDash } from './render.js';
import { isSessionRevoked, revokeSession } from './session-store.js';
import { bodyProblemInfo, readForm, type BodyProblem } from '../request-body.js';

export const SESSION_COOKIE = 'campaign_session';

/**
 * The signed-in person of a request: a valid cookie, not signed out, for an address still in
 * the editor list.
 */
export async function currentSession(ctx: DashContext, c: Context): Promise<{ session: Session; editor: Editor } | undefined> {
  const session = readSession(ctx.secret, getCookie(c, SESSION_COOKIE, ctx.secure ? 'host' : undefined), ctx.now());
  const editor = session && findEditor(ctx.deps.editors, session.email);
  if (!session || !editor) return undefined;
  if (await isSessionRevoked(ctx.deps.store, session)) return undefined;
  return { session, editor };
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

/** GET pages and files: a session or a 303 to the sign-in page. */
export function requirePage(ctx: DashContext): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    const found = await currentSession(ctx, c);
    if (!found) {
      c.header('Cache-Control', 'no-store');
      return c.redirect(signInUrl(c), 303);
    }
    c.set('session', found.session);
    c.set('editor', found.editor);
    await next();
  };
}

/** JSON endpoints: a session or 401. */
export function requireJson(ctx: DashContext): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    const found = await currentSession(ctx, c);
    if (!found) {
      c.header('Cache-Control', 'no-store');
      return c.json({ error: 'Cần đăng nhập.' }, 401);
    }
    c.set('session', found.session);
    c.set('editor', found.editor);
    await next();
  };
}

/** Refusal of a form that is too large, malformed or of another content type (400/413). */
export function formProblem(ctx: DashContext, c: Context, problem: BodyProblem) {
  const p = bodyProblemInfo(problem);
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
 * the limit (else 400/413) and the session's CSRF value (else 403). The body is read only once
 * the session and origin are known good.
 */
export function requirePost(ctx: DashContext): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    const found = await currentSession(ctx, c);
    if (!found) return c.redirect('/sign-in', 303);
    c.set('session', found.session);
    c.set('editor', found.editor);
    if (!originAllowed(c.req.header('Origin'), ctx.deps.endpoints.publicBaseUrl, c.req.url)) return forbidden(ctx, c);
    const read = await readForm(c);
    if ('problem' in read) return formProblem(ctx, c, read.problem);
    if (!csrfMatchesSession(ctx.secret, found.session, read.form.one('csrf'))) return forbidden(ctx, c);
    c.set('form', read.form);
    await next();
  };
}
