/**
 * Handlebars templates of the press briefing (`templates/briefing/`), compiled once. The HTML
 * email and the unsubscribe page escape every value; the plain-text alternative is compiled
 * with `noEscape` because it is not markup (its values are cleaned of control characters first).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

const dir = path.join(import.meta.dirname, '..', '..', 'templates', 'briefing');
const hbs = Handlebars.create();
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);

const FILES = {
  html: { file: 'email.html.hbs', noEscape: false },
  text: { file: 'email.txt.hbs', noEscape: true },
  unsubscribePage: { file: 'unsubscribe-page.hbs', noEscape: false },
} as const;

const cache = new Map<string, Handlebars.TemplateDelegate>();

/** Renders one briefing template. */
export function renderBriefingTemplate(name: keyof typeof FILES, data: object): string {
  let t = cache.get(name);
  if (!t) {
    const { file, noEscape } = FILES[name];
    t = hbs.compile(readFileSync(path.join(dir, file), 'utf8'), { strict: false, noEscape });
    cache.set(name, t);
  }
  return t(data);
}
