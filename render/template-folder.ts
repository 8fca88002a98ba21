/**
 * A folder of handlebars templates with a `partials/` subfolder, loaded once into an isolated
 * handlebars instance: compiled lazily in strict mode (a misspelt field fails instead of
 * vanishing) and cached, with a hash of every source so outputs can carry a template version.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Handlebars from 'handlebars';

export interface TemplateFolder {
  /** Renders one template file of the folder (e.g. "poster.svg.hbs") with a view model. */
  render(file: string, view: object): string;
  /** Hash of every template and partial source: changes whenever any of them changes. */
  sourceVersion: string;
}

/**
 * Loads `dir/*<suffix>` as templates and `dir/partials/*<suffix>` as partials (named without the
 * suffix) into `hbs`. `noEscape` turns off handlebars' HTML escaping (for plain text output).
 */
export function loadTemplateFolder(hbs: typeof Handlebars, dir: string, suffix: string, options: { noEscape: boolean }): TemplateFolder {
  const sourcesOf = (folder: string): [string, string][] =>
    readdirSync(folder)
      .filter((f) => f.endsWith(suffix))
      .sort()
      .map((f) => [f, readFileSync(join(folder, f), 'utf8')]);
  const partials = sourcesOf(join(dir, 'partials'));
  for (const [file, source] of partials) hbs.registerPartial(file.slice(0, -suffix.length), source);
  const templates = new Map(sourcesOf(dir));
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return {
    sourceVersion: createHash('sha256')
      .update(JSON.stringify([...templates, ...partials]))
      .digest('hex')
      .slice(0, 16),
    render(file, view) {
      let fn = compiled.get(file);
      if (!fn) {
        const source = templates.get(file);
        if (source === undefined) throw new Error(`Không tìm thấy tệp mẫu ${join(dir, file)}`);
        fn = hbs.compile(source, { strict: true, noEscape: options.noEscape });
        compiled.set(file, fn);
      }
      return fn(view);
    },
  };
}
