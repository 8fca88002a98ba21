/**
 * The handlebars environment for loudspeaker scripts: an isolated instance rendering plain text
 * (no HTML escaping: the output is read aloud, and every field is sanitised before it gets here),
 * in strict mode so a misspelt field fails instead of vanishing. Templates and partials live in
 * templates/loudspeaker; a hash of their sources versions the output.
 */
import { resolve } from 'node:path';
import Handlebars from 'handlebars';
import { loadTemplateFolder } from '../template-folder.js';

/** Folder holding the loudspeaker templates. */
export const TEMPLATE_DIR = resolve(import.meta.dirname, '..', '..', 'templates', 'loudspeaker');
const SUFFIX = '.txt.hbs';

/** The main script template's file name. */
export const SCRIPT_TEMPLATE = 'script.txt.hbs';

const hbs = Handlebars.create();

const folder = loadTemplateFolder(hbs, TEMPLATE_DIR, SUFFIX, { noEscape: true });

/** Hash of every template and partial source: changes whenever any of them changes. */
export const TEMPLATE_SOURCE_VERSION = folder.sourceVersion;

/** Renders a template file (e.g. "script.txt.hbs") as plain text. */
export function renderTextTemplate(file: string, view: object): string {
  return folder.render(file, view);
}
