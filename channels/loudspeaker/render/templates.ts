/**
 * The templates of loudspeaker scripts (channels/loudspeaker/templates): plain text (no HTML escaping:
 * the output is read aloud, and every field is cleaned before it gets here), strict like every
 * template folder (render/template-folder.ts); a hash of their sources versions the output.
 */
import { resolve } from 'node:path';
import { loadTemplateFolder } from '../../../render/template-folder.js';

/** Folder holding the loudspeaker templates. */
export const TEMPLATE_DIR = resolve(import.meta.dirname, '..', 'templates');

/** The main script template's file name. */
export const SCRIPT_TEMPLATE = 'script.txt.hbs';

const folder = loadTemplateFolder(TEMPLATE_DIR, { suffix: '.txt.hbs', plainText: true });

/** Hash of every template and partial source: changes whenever any of them changes. */
export const TEMPLATE_SOURCE_VERSION = folder.sourceVersion;

/** Renders a template file (e.g. "script.txt.hbs") as plain text. */
export function renderTextTemplate(file: string, view: object): string {
  return folder.render(file, view);
}
