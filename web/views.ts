/**
 * Server-rendered pages: handlebars templates from `templates/web/`, compiled once, rendered
 * inside a shared layout. Handlebars escapes every `{{value}}` for HTML.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

const dir = path.join(import.meta.dirname, '..', 'templates', 'web');
const hbs = Handlebars.create();
const cache = new Map<string, Handlebars.TemplateDelegate>();

for (const file of readdirSync(path.join(dir, 'partials'))) {
  if (file.endsWith('.hbs')) hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(path.join(dir, 'partials', file), 'utf8'));
}
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);

function template(name: string): Handlebars.TemplateDelegate {
  let t = cache.get(name);
  if (!t) {
    t = hbs.compile(readFileSync(path.join(dir, `${name}.hbs`), 'utf8'), { strict: false });
    cache.set(name, t);
  }
  return t;
}

/** Renders `templates/web/<name>.hbs` inside the layout with the given page title. */
export function renderPage(name: string, title: string, data: Record<string, unknown> = {}): string {
  const body = template(name)(data);
  return template('layout')({ title, body, ...data });
}
