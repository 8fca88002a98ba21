/**
 * The templates of the published site (`templates/post/`, partials included), strict like every
 * template folder (render/template-folder.ts). Every value goes through `{{ }}` (HTML-escaped);
 * no template uses triple braces on text that came from input.
 */
import path from 'node:path';
import { loadTemplateFolder } from '../template-folder.js';

const folder = loadTemplateFolder(path.join(import.meta.dirname, '..', '..', 'templates', 'post'), { suffix: '.hbs' });

/** Names of the site templates in `templates/post/`. */
export const SITE_TEMPLATES = { article: 'article.hbs', index: 'index.hbs', notFound: 'not-found.hbs', feed: 'feed.xml.hbs' } as const;

/** Renders one of the site templates with `data`. */
export function renderSiteTemplate(name: keyof typeof SITE_TEMPLATES, data: object): string {
  return folder.render(SITE_TEMPLATES[name], data);
}
