/**
 * The handlebars environment for loudspeaker scripts: an isolated instance rendering plain text
 * (no HTML escaping: the output is read aloud, and every field is sanitised before it gets here),
 * in strict mode so a misspelt field fails instead of vanishing. Templates and partials live in
 * templates/loudspeaker; a hash of their sources versions the output.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';

/** Folder holding the loudspeaker templates. */
export const TEMPLATE_DIR = resolve(import.meta.dirname, '..', '..', 'templates', 'loudspeaker');
const PARTIAL_DIR = join(TEMPLATE_DIR, 'partials');
const SUFFIX = '.txt.hbs';

/** The main script template's file name. */
export const SCRIPT_TEMPLATE = 'script.txt.hbs';

const hbs = Handlebars.create();

function sourcesOf(dir: string): [string, string][] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(SUFFIX))
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

const partials = sourcesOf(PARTIAL_DIR);
for (const [file, source] of partials) hbs.registerPartial(file.slice(0, -SUFFIX.length), source);
const templates = new Map(sourcesOf(TEMPLATE_DIR));

/** Hash of every template and partial source: changes whenever any of them changes. */
export const TEMPLATE_SOURCE_VERSION = createHash('sha256')
  .update(JSON.stringify([...templates, ...partials]))
  .digest('hex')
  .slice(0, 16);

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Renders a template file (e.g. "script.txt.hbs") as plain text. */
export function renderTextTemplate(file: string, view: object): string {
  let fn = compiled.get(file);
  if (!fn) {
    const source = templates.get(file);
    if (source === undefined) throw new Error(`Không tìm thấy tệp mẫu ${join(TEMPLATE_DIR, file)}`);
    fn = hbs.compile(source, { strict: true, noEscape: true });
    compiled.set(file, fn);
  }
  return fn(view);
}
