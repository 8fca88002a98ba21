/**
 * Route guards. Pages need a session (otherwise 303 to the sign-in page, remembering where the
 * editor was going), JSON needs a session (otherwise 401), and every POST additionally needs a
 * same-origin request and the session's CSRF value.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { createSession, csrfMatchesSession, originAllowed, readSession, SESSION_TTL_MS, type Session } from './auth.js';
import type { DashContext, DashEnv, Form } from './context.js';
import { findEditor, type Editor } from './editors.js';
import { renderDash } from './render.js';

export const SESSION_COOKIE = 'campaign_session';

/** The signed-in person of a request: a valid cookie for an address still in the editor list. */
export function currentSession(ctx: DashContext, c: Context): { session: Session; editor: Editor } | undefined {
  const session = readSession(ctx.secret, getCookie(c, SESSION_COOKIE, ctx.secure ? 'host' : undefined), ctx.now());
  const editor = session && findEditor(ctx.deps.editors, session.email);
  return session && editor ? { session, editor } : undefined;
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

export function endSession(ctx: DashContext, c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', ...(ctx.secure ? { secure: true, prefix: 'host' as const } : {}) });
}

/** Reads the request's form once (Hono caches the parsed body). */
export async function readForm(c: Context): Promise<Form> {
  let body: Record<string, unknown> = {};
  try {
    body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch {
    body = {};
  }
  const list = (name: string): string[] => {
    const v = body[name];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
  };
  return { one: (name) => list(name)[0], many: list };
}

function signInUrl(c: Context): string {
  const url = new URL(c.req.url);
  return `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`;
}

/** GET pages and files: a session or a 303 to the sign-in page. */
export function requirePage(ctx: DashContext): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    const found = currentSession(ctx, c);
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
    const found = currentSession(ctx, c);
    if (!found) {
      c.header('Cache-Control', 'no-store');
      return c.json({ error: 'Cần đăng nhập.' }, 401);
    }
    c.set('session', found.session);
    c.set('editor', found.editor);
    await next();
  };
}

/** A small body limit for every dashboard POST (forms are short). */
export const FORM_LIMIT = bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text('Biểu mẫu quá lớn.', 413) });

/** Refusal of a POST that is cross-origin or lacks the right CSRF value. */
export function forbidden(ctx: DashContext, c: Context) {
  return renderDash(c, ctx, 'dashboard/problem', 'Yêu cầu bị từ chối', {
    heading: 'Yêu cầu bị từ chối',
    text: 'Biểu mẫu không mang mã bảo vệ hợp lệ hoặc được gửi từ trang khác. Hãy mở lại trang trên bảng điều khiển và thử lại.',
  }, 403);
}

/** POST actions: a session (else 303 to sign-in), a same-origin request and the session's CSRF value (else 403). */
export function requirePost(ctx: DashContext): MiddlewareHandler<DashEnv> {
  const check: MiddlewareHandler<DashEnv> = async (c, next) => {
    const found = currentSession(ctx, c);
    if (!found) return c.redirect('/sign-in', 303);
    c.set('session', found.session);
    c.set('editor', found.editor);
    if (!originAllowed(c.req.header('Origin'), ctx.deps.endpoints.publicBaseUrl, c.req.url)) return forbidden(ctx, c);
    const form = await readForm(c);
    if (!csrfMatchesSession(ctx.secret, found.session, form.one('csrf'))) return forbidden(ctx, c);
    c.set('form', form);
    await next();
  };
  return async (c, next) => {
    const limited = await FORM_LIMIT(c, async () => {
      const refused = await check(c, next);
      if (refused) c.res = refused;
    });
    if (limited) return limited;
  };
}
