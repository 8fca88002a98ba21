/**
 * Sign-in by a one-time link. GET pages never change anything: the emailed link opens a page
 * with a "Đăng nhập" button (mail scanners fetch links), and only its POST spends the token and
 * sets the session cookie. Asking for a link shows the same neutral page whether or not the
 * address has an account, and sends mail only to accounts in the list.
 */
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import {
  checkSignInToken,
  csrfForSignIn,
  csrfMatchesSignIn,
  hashToken,
  issueSignInToken,
  markSignInTokenUsed,
  originAllowed,
  safeNext,
  SIGN_IN_TTL_MS,
  type SignInProblem,
} from './auth.js';
import type { DashContext, DashEnv } from './context.js';
import { resolveAccess } from './access.js';
import { currentSession, endSession, forbidden, formProblem, requirePost, startSession } from './guard.js';
import { renderDash } from './render.js';
import { takeFromLimit } from './session-store.js';
import { readForm } from '../request-body.js';
import { renderWebTemplate } from '../views.js';
import { isEmailAddress, normalizeEmail } from '../../domain/email.js';
import { sign, SigningPurpose, verify } from '../../domain/signing.js';
import { formatVnDateTime } from '../../domain/dates.js';

const FORM_COOKIE = 'campaign_signin';


const problems: Record<SignInProblem, { status: 404 | 409 | 410; heading: string; text: string }> = {
  unknown: { status: 404, heading: 'Liên kết đăng nhập không hợp lệ', text: 'Liên kết này không tồn tại hoặc đã bị sửa. Hãy mở đúng liên kết trong thư, hoặc xin một liên kết mới.' },
  expired: { status: 410, heading: 'Liên kết đăng nhập đã hết hạn', text: 'Mỗi liên kết chỉ dùng được trong 15 phút. Hãy xin một liên kết mới.' },
  used: { status: 409, heading: 'Liên kết đăng nhập đã được dùng', text: 'Mỗi liên kết chỉ dùng được một lần. Nếu chưa đăng nhập được, hãy xin một liên kết mới.' },
};

/** Sign-in links per address in one link lifetime, and requests per client address; kept in the store, so they hold across restarts. */
export const SIGN_IN_LIMITS = {
  perAddress: { max: 5, windowMs: SIGN_IN_TTL_MS },
  perClient: { max: 20, windowMs: SIGN_IN_TTL_MS },
} as const;

/** The client's address as the socket sees it (a proxy in front would need its own header rule). */
function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'không rõ';
}

function formCsrf(ctx: DashContext, nonce: string): string {
  return sign(ctx.secret, SigningPurpose.signInForm, nonce);
}

function formCsrfOk(ctx: DashContext, nonce: string | undefined, given: string | undefined): boolean {
  return !!nonce && verify(ctx.secret, SigningPurpose.signInForm, nonce, given);
}

export function signInRoutes(app: Hono<DashEnv>, ctx: DashContext): void {
  const logError = ctx.deps.logError ?? ((message: string, err: unknown) => process.stderr.write(`${message}: ${err instanceof Error ? err.message : String(err)}\n`));

  /** Counts the request against the client's and the address's limits; false when either is used up. */
  async function withinLimits(c: Context, email: string | undefined): Promise<boolean> {
    const now = ctx.now();
    if (!(await takeFromLimit(ctx.deps.store, `sign-in:client:${clientAddress(c)}`, SIGN_IN_LIMITS.perClient, now))) return false;
    return email === undefined || takeFromLimit(ctx.deps.store, `sign-in:address:${email}`, SIGN_IN_LIMITS.perAddress, now);
  }

  /** The form-bound value of the sign-in form: a random cookie and its MAC in a hidden field. */
  function formNonce(c: Context): string {
    let nonce = getCookie(c, FORM_COOKIE);
    if (!nonce || !/^[A-Za-z0-9_-]{22}$/.test(nonce)) {
      nonce = randomBytes(16).toString('base64url');
      setCookie(c, FORM_COOKIE, nonce, { httpOnly: true, sameSite: 'Lax', path: '/sign-in', maxAge: 3600, ...(ctx.secure ? { secure: true } : {}) });
    }
    return nonce;
  }

  function signInPage(c: Context, data: { next: string; email?: string; error?: string; notice?: string }, status: 200 | 400 = 200) {
    return renderDash(c, ctx, 'dashboard/sign-in', 'Đăng nhập', { email: '', ...data, formCsrf: formCsrf(ctx, formNonce(c)) }, status);
  }

  app.get('/sign-in', async (c) => {
    const next = safeNext(c.req.query('next'));
    if (await currentSession(ctx, c)) return c.redirect(next, 303);
    const notice = c.req.query('signed-out') !== undefined ? 'Bạn đã đăng xuất.' : undefined;
    return signInPage(c, { next, notice });
  });

  app.post('/sign-in', async (c) => {
    if (!originAllowed(c.req.header('Origin'), ctx.deps.endpoints.publicBaseUrl, c.req.url)) return forbidden(ctx, c);
    // Without the form's cookie the CSRF value cannot match: refused before the body is read.
    const nonce = getCookie(c, FORM_COOKIE);
    if (!nonce) return forbidden(ctx, c);
    const read = await readForm(c);
    if ('problem' in read) return formProblem(ctx, c, read.problem);
    const { form } = read;
    if (!formCsrfOk(ctx, nonce, form.one('csrf'))) return forbidden(ctx, c);
    const next = safeNext(form.one('next'));
    const typed = form.one('email') ?? '';
    const address = normalizeEmail(typed);
    if (!isEmailAddress(address)) return signInPage(c, { next, email: typed, error: 'Hãy nhập một địa chỉ email đầy đủ, ví dụ ten@example.org.' }, 400);
    const editor = (await resolveAccess(ctx.deps.editors, ctx.directory, address))?.account;
    // Unknown addresses count against the client too, so nobody can probe the list at speed.
    if ((await withinLimits(c, editor?.email)) && editor) {
      // Sent in the background so the answer takes the same time for known and unknown addresses.
      void sendLink(editor.email, editor.name, next).catch((err) => logError(`Không gửi được thư đăng nhập tới ${editor.email}`, err));
    }
    return renderDash(c, ctx, 'dashboard/sign-in-sent', 'Kiểm tra hộp thư', { email: address, mailUi: ctx.deps.endpoints.mailUi });
  });

  const sendLink = (email: string, name: string, next: string) => sendSignInLink(ctx, email, name, next);

  app.get('/sign-in/:token', async (c) => {
    const token = c.req.param('token');
    const checked = await checkSignInToken(ctx.deps.store, token, ctx.now());
    if ('problem' in checked) {
      const p = problems[checked.problem];
      return renderDash(c, ctx, 'dashboard/sign-in-problem', p.heading, p, p.status);
    }
    return renderDash(c, ctx, 'dashboard/sign-in-confirm', 'Xác nhận đăng nhập', {
      token,
      email: checked.record.email,
      csrf: csrfForSignIn(ctx.secret, checked.record.tokenHash),
    });
  });

  app.post('/sign-in/:token', async (c) => {
    const token = c.req.param('token');
    if (!originAllowed(c.req.header('Origin'), ctx.deps.endpoints.publicBaseUrl, c.req.url)) return forbidden(ctx, c);
    const checked = await checkSignInToken(ctx.deps.store, token, ctx.now());
    if ('problem' in checked) {
      const p = problems[checked.problem];
      return renderDash(c, ctx, 'dashboard/sign-in-problem', p.heading, p, p.status);
    }
    // Read only once the token is known good.
    const read = await readForm(c);
    if ('problem' in read) return formProblem(ctx, c, read.problem);
    if (!csrfMatchesSignIn(ctx.secret, hashToken(token), read.form.one('csrf'))) return forbidden(ctx, c);
    const editor = (await resolveAccess(ctx.deps.editors, ctx.directory, checked.record.email))?.account;
    if (!editor) {
      const heading = 'Tài khoản không còn hiệu lực';
      return renderDash(c, ctx, 'dashboard/sign-in-problem', heading, { heading, text: 'Địa chỉ này không còn là biên tập viên của đơn vị nào trong danh bạ. Hãy liên hệ người quản trị của đơn vị.' }, 403);
    }
    await markSignInTokenUsed(ctx.deps.store, checked.record, ctx.now());
    startSession(ctx, c, editor.email);
    return c.redirect(safeNext(checked.record.next), 303);
  });

  app.post('/sign-out', requirePost(ctx), async (c) => {
    await endSession(ctx, c, c.get('session'));
    return c.redirect('/sign-in?signed-out', 303);
  });
}

/** Emails a one-time sign-in link (sign-in requests and invitations share it). */
/** Who invited the person (an invitation rather than a requested sign-in). */
export interface Invitation {
  /** e.g. "Hà Văn Trị". */
  by: string;
  byEmail: string;
  /** The inviter's unit, e.g. "Tỉnh Lạng Sơn" (or "quản trị nền tảng"). */
  byUnit: string;
  /** The unit and role the person was added to, e.g. "Xã Hữu Lũng", "biên tập viên". */
  unit: string;
  role: string;
}

export async function sendSignInLink(ctx: DashContext, email: string, name: string, next: string, invitation?: Invitation): Promise<void> {
  const now = ctx.now();
  const token = await issueSignInToken(ctx.deps.store, email, now, next === '/' ? undefined : next);
  const data = {
    name,
    link: `${ctx.deps.endpoints.publicBaseUrl}/sign-in/${token}`,
    expires: formatVnDateTime(now.getTime() + SIGN_IN_TTL_MS),
    invitation,
  };
  await ctx.deps.mailer.sendMail({
    from: ctx.deps.endpoints.mailFrom,
    to: email,
    subject: invitation ? `Lời mời làm ${invitation.role} của ${invitation.unit} trên bảng điều khiển truyền thông` : 'Liên kết đăng nhập bảng điều khiển truyền thông',
    text: renderWebTemplate('dashboard/sign-in-email.txt.hbs', data),
    html: renderWebTemplate('dashboard/sign-in-email.html.hbs', data),
    headers: { 'X-Dashboard-Sign-In': '1' },
  });
}
