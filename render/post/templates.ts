/**
 * The handlebars environment for the published site: templates and partials from
 * `templates/post/`, compiled once. Every value goes through `{{ }}` (HTML-escaped); no
 * template uses triple braces on text that came from input.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

const dir = path.join(import.meta.dirname, '..', '..', 'templates', 'post');
const hbs = Handlebars.create();
for (const file of readdirSync(path.join(dir, 'partials'))) {
  if (file.endsWith('.hbs')) hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(path.join(dir, 'partials', file), 'utf8'));
}
const cache = new Map<string, Handlebars.TemplateDelegate>();

/** Names of the site templates in `templates/post/`. */
export const SITE_TEMPLATES = { article: 'article.hbs', index: 'index.hbs', notFound: 'not-found.hbs', feed: 'feed.xml.hbs' } as const;

/** Renders one of the site templates with `data`. */
export function renderSiteTemplate(name: keyof typeof SITE_TEMPLATES, data: object): string {
  let t = cache.get(name);
  if (!t) {
    t = hbs.compile(readFileSync(path.join(dir, SITE_TEMPLATES[name]), 'utf8'), { strict: false });
    cache.set(name, t);
  }
  return t(data);
}
