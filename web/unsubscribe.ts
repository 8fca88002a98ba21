/**
 * Unsubscribe from press briefings. `GET /unsubscribe/:token` only shows a confirmation page
 * with a POST button (mail scanners follow links; a GET never changes anything).
 * `POST /unsubscribe/:token` — the RFC 8058 one-click POST (`List-Unsubscribe=One-Click`) sent
 * by mail clients, or the confirmation form — verifies the token and writes the suppression
 * record. A forged or malformed token gets a 400 page and nothing is written.
 */
import { Hono, type Context } from 'hono';
import { suppress, isSuppressed } from '../activities/suppression.js';
import type { ObjectStore } from '../infra/object-store.js';
import { renderUnsubscribePage, verifyUnsubscribeToken } from '../channels/press-briefing/render/index.js';
import { bodyProblemPage, readForm } from './request-body.js';

export interface UnsubscribeDeps {
  store: ObjectStore;
  /** The secret tokens are signed with (`endpoints.approvalSecret`). */
  secret: string;
}

/** The unsubscribe routes, to mount with `app.route('/', unsubscribeRoutes({ store, secret }))`. */
export function unsubscribeRoutes({ store, secret }: UnsubscribeDeps): Hono {
  const app = new Hono();

  const page = (c: Context, html: string, status: 200 | 400 = 200) => {
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
    return c.html(html, status);
  };
  const invalid = (c: Context) => page(c, renderUnsubscribePage('invalid'), 400);

  app.get('/unsubscribe/:token', async (c) => {
    const token = c.req.param('token');
    const email = verifyUnsubscribeToken(token, secret);
    if (!email) return invalid(c);
    if (await isSuppressed(store, email)) return page(c, renderUnsubscribePage('already', { email }));
    return page(c, renderUnsubscribePage('confirm', { email, action: `/unsubscribe/${token}` }));
  });

  app.post('/unsubscribe/:token', async (c) => {
    const email = verifyUnsubscribeToken(c.req.param('token'), secret);
    if (!email) return invalid(c);
    // RFC 8058 clients post `List-Unsubscribe=One-Click`; our form posts `confirm=1`. The body
    // only tells the two apart in the record: the signed token is the authority, and a POST
    // without a body still unsubscribes. A body that is too large, malformed or not a form is
    // refused (400/413) and nothing is written.
    const read = await readForm(c);
    if ('problem' in read) {
      c.header('X-Robots-Tag', 'noindex');
      return bodyProblemPage(c, read.problem);
    }
    const fromForm = read.form.one('confirm') === '1';
    const fresh = await suppress(store, email, fromForm ? 'form' : 'one-click');
    return page(c, renderUnsubscribePage(fresh ? 'done' : 'already', { email }));
  });

  return app;
}
