/**
 * Server-rendered pages and the sign-in emails: the templates of `templates/web/` (partials
 * included), strict like every template folder (render/template-folder.ts). Pages are rendered
 * inside a shared layout; handlebars escapes every `{{value}}` for HTML (plain-text emails,
 * `*.txt.hbs`, are not escaped).
 */
import path from 'node:path';
import { loadTemplateFolder } from '../render/template-folder.js';

const folder = loadTemplateFolder(path.join(import.meta.dirname, '..', 'templates', 'web'), {
  suffix: '.hbs',
  plainText: /\.txt\.hbs$/,
  helpers: { eq: (a: unknown, b: unknown) => a === b },
});

/** Renders `templates/web/<name>.hbs` inside the layout with the given page title. */
export function renderPage(name: string, title: string, data: Record<string, unknown> = {}): string {
  const body = folder.render(`${name}.hbs`, data);
  return folder.render('layout.hbs', { title, body, ...data });
}

/** Renders one template of `templates/web/` on its own, e.g. "dashboard/sign-in-email.txt.hbs". */
export function renderWebTemplate(file: string, data: object): string {
  return folder.render(file, data);
}
