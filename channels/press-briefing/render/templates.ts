/**
 * Templates of the press briefing (`channels/press-briefing/templates/`), strict like every template folder
 * (render/template-folder.ts). The HTML email and the unsubscribe page escape every value; the
 * plain-text alternative is not markup and is not escaped (its values are cleaned of control
 * characters first).
 */
import path from 'node:path';
import { loadTemplateFolder } from '../../../render/template-folder.js';

const folder = loadTemplateFolder(path.join(import.meta.dirname, '..', 'templates'), {
  suffix: '.hbs',
  plainText: /\.txt\.hbs$/,
  helpers: { eq: (a: unknown, b: unknown) => a === b },
});

const FILES = { html: 'email.html.hbs', text: 'email.txt.hbs', unsubscribePage: 'unsubscribe-page.hbs' } as const;

/** Renders one briefing template. */
export function renderBriefingTemplate(name: keyof typeof FILES, data: object): string {
  return folder.render(FILES[name], data);
}
