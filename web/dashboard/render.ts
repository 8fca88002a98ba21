/**
 * Renders a dashboard page inside the shared layout: adds the navigation and the sign-out form
 * when someone is signed in, a per-response nonce for the one inline script, a strict Content
 * Security Policy and `no-store` (pages show personal work queues).
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { renderPage } from '../views.js';
import { csrfForSession, type Session } from './auth.js';
import type { AccessView } from './access.js';
import type { DashContext } from './context.js';
import { editorRoleLabels, type Editor } from './editors.js';

/** The dashboard's main navigation, in order. */
export const NAV_LINKS: { href: string; label: string }[] = [
  { href: '/', label: 'Trang chủ' },
  { href: '/calendar', label: 'Lịch sự kiện' },
  { href: '/plans', label: 'Kế hoạch' },
  { href: '/campaigns', label: 'Chiến dịch' },
  { href: '/campaigns/new', label: 'Khởi tạo chiến dịch' },
  { href: '/schedules', label: 'Lịch định kỳ' },
  { href: '/reports', label: 'Báo cáo' },
  { href: '/units', label: 'Danh bạ đơn vị' },
];

function currentHref(path: string): string | undefined {
  const matches = NAV_LINKS.filter((l) => (l.href === '/' ? path === '/' : path === l.href || path.startsWith(`${l.href}/`)));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/** Renders `templates/web/<name>.hbs` as a dashboard page with the given status. */
export function renderDash(c: Context, ctx: DashContext, name: string, title: string, data: Record<string, unknown> = {}, status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 413 | 500 | 503 = 200) {
  const session = c.get('session') as Session | undefined;
  const editor = c.get('editor') as Editor | undefined;
  const access = c.get('access') as AccessView | undefined;
  const nonce = randomBytes(16).toString('base64');
  const current = currentHref(c.req.path);
  const dash = {
    nonce,
    ...(session && editor
      ? {
          user: { name: editor.name, email: editor.email, role: access?.roleLabel ?? editorRoleLabels[editor.role] },
          csrf: csrfForSession(ctx.secret, session),
          nav: NAV_LINKS.map((l) => ({ ...l, current: l.href === current })),
        }
      : {}),
  };
  c.header('Cache-Control', 'no-store');
  // Forms post to their own origin; with `no-referrer` browsers would send `Origin: null` and
  // the same-origin check could not tell our forms from anyone else's. Nothing leaves the site.
  c.header('Referrer-Policy', 'same-origin');
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  );
  return c.html(renderPage(name, title, { ...data, dash }), status);
}
