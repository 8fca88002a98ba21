/**
 * The templates of the published site (`channels/web-portal/templates/`, partials included), strict like every
 * template folder (render/template-folder.ts). Every value goes through `{{ }}` (HTML-escaped);
 * no template uses triple braces on text that came from input.
 */
import path from 'node:path';
import { loadTemplateFolder } from '../../../render/template-folder.js';

const folder = loadTemplateFolder(path.join(import.meta.dirname, '..', 'templates'), { suffix: '.hbs' });

/** Names of the site templates in `channels/web-portal/templates/`. */
export const SITE_TEMPLATES = { article: 'article.hbs', index: 'index.hbs', notFound: 'not-found.hbs', feed: 'feed.xml.hbs' } as const;

/** Renders one of the site templates with `data`. */
export function renderSiteTemplate(name: keyof typeof SITE_TEMPLATES, data: object): string {
  return folder.render(SITE_TEMPLATES[name], data);
}
