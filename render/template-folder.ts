/**
 * The one way templates are set up: a folder of handlebars templates (subfolders included) with
 * an optional `partials/` subfolder, loaded into an isolated handlebars instance with its own
 * helpers, compiled lazily and cached, always in strict mode, with a hash of every source so
 * outputs can carry a template version.
 *
 * Strict mode: `{{field}}`, `{{a.b}}`, `{{#field}}…{{/field}}` and `{{^field}}` throw when the
 * field is missing from the view model, so a misspelt field fails loudly instead of rendering
 * empty. A field that may legitimately have no value must be present in the view model (as
 * `undefined`, `null`, `''` or `false`) and tested with `{{#if field}}` / `{{#unless field}}`
 * (helper arguments are not strict: `{{#if missing}}` is simply false, but `{{#if missing.x}}`
 * still fails because `missing` is). Errors name the template and the field.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';

export interface TemplateFolder {
  /** Renders one template of the folder by its path below the folder (e.g. "poster.svg.hbs", "dashboard/home.hbs"). */
  render(file: string, view: object): string;
  /** Hash of every template and partial source: changes whenever any of them changes. */
  sourceVersion: string;
  /** The folder's handlebars instance (for tests of its helpers). */
  handlebars: typeof Handlebars;
}

export interface TemplateFolderOptions {
  /** File name ending of templates and partials, e.g. ".svg.hbs" or ".hbs". */
  suffix: string;
  /** Helpers of this folder (besides the built-in ones). */
  helpers?: Record<string, Handlebars.HelperDelegate>;
  /**
   * Output is plain text, not markup: no HTML escaping. `true` for the whole folder, or a pattern
   * of the templates that are plain text (e.g. /\.txt\.hbs$/; their values are cleaned of control
   * characters before they get here). Partials are always compiled like the folder.
   */
  plainText?: boolean | RegExp;
}

/** A template could not be rendered: a field it names is missing from the view model, or a helper failed. */
export class TemplateRenderError extends Error {
  override readonly name = 'TemplateRenderError';
  constructor(
    /** The templates involved, outermost first, as paths below the templates folder (e.g. "web/layout.hbs", "web/partials/dash-nav.hbs") or, for a channel's own, from the repository root. */
    readonly templates: string[],
    /** The field that is missing, when that is the reason. */
    readonly field: string | undefined,
    /** What went wrong, without the template names. */
    readonly problem: string,
  ) {
    super(`Mẫu ${templates.join(', mẫu con ')}: ${problem}`);
  }

  /** The template that was rendered. */
  get template(): string {
    return this.templates[0]!;
  }
}

const REPO_ROOT = join(import.meta.dirname, '..');
const TEMPLATES_ROOT = join(REPO_ROOT, 'templates');

function filesBelow(dir: string, suffix: string, skip: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return path === skip ? [] : filesBelow(path, suffix, skip);
      return e.name.endsWith(suffix) ? [path] : [];
    })
    .sort();
}

/** Loads `dir` (templates below it, partials in `dir/partials`) into a fresh handlebars instance. */
export function loadTemplateFolder(dir: string, options: TemplateFolderOptions): TemplateFolder {
  const { suffix, helpers = {}, plainText = false } = options;
  const hbs = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
  const isPlain = (file: string) => (typeof plainText === 'boolean' ? plainText : plainText.test(file));
  // Shared templates are named below templates/ ("web/layout.hbs"); a channel's own, kept in
  // its folder, from the repository root ("channels/infographic/templates/poster.svg.hbs").
  const shown = (file: string) => {
    const inShared = relative(TEMPLATES_ROOT, join(dir, file));
    return (inShared.startsWith('..') ? relative(REPO_ROOT, join(dir, file)) : inShared).split('\\').join('/');
  };

  const partialsDir = join(dir, 'partials');
  const partials: [string, string][] = existsSync(partialsDir)
    ? readdirSync(partialsDir)
        .filter((f) => f.endsWith(suffix))
        .sort()
        .map((f) => [f, readFileSync(join(partialsDir, f), 'utf8')])
    : [];
  // Partials compiled here, once, strict and escaped like the folder (handlebars would otherwise
  // compile each with the options of whichever template happened to use it first).
  for (const [file, source] of partials) {
    const compiled = hbs.compile(source, { strict: true, noEscape: plainText === true });
    hbs.registerPartial(file.slice(0, -suffix.length), (context: unknown, opts?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, opts);
      } catch (err) {
        throw renderError(shown(`partials/${file}`), err);
      }
    });
  }
  const templates = new Map(filesBelow(dir, suffix, partialsDir).map((p) => [relative(dir, p).split('\\').join('/'), readFileSync(p, 'utf8')] as [string, string]));
  const compiled = new Map<string, HandlebarsTemplateDelegate>();

  return {
    sourceVersion: createHash('sha256')
      .update(JSON.stringify([...templates, ...partials]))
      .digest('hex')
      .slice(0, 16),
    handlebars: hbs,
    render(file, view) {
      let fn = compiled.get(file);
      if (!fn) {
        const source = templates.get(file);
        if (source === undefined) throw new Error(`Không tìm thấy tệp mẫu ${join(dir, file)}`);
        fn = hbs.compile(source, { strict: true, noEscape: isPlain(file) });
        compiled.set(file, fn);
      }
      try {
        return fn(view);
      } catch (err) {
        throw renderError(shown(file), err);
      }
    },
  };
}

/** Names `template` in the error (a missing field: `Mẫu web/dashboard/home.hbs: không có trường "titel" trong dữ liệu (dòng 3, cột 7).`). */
function renderError(template: string, err: unknown): TemplateRenderError {
  if (err instanceof TemplateRenderError) return new TemplateRenderError([template, ...err.templates], err.field, err.problem);
  const message = err instanceof Error ? err.message : String(err);
  const missing = /^"([^"]+)" not defined in .*? - (\d+):(\d+)/s.exec(message);
  if (missing) return new TemplateRenderError([template], missing[1], `không có trường "${missing[1]}" trong dữ liệu (dòng ${missing[2]}, cột ${missing[3]}).`);
  const parent = /Cannot read properties of (?:undefined|null) \(reading '([^']+)'\)/.exec(message);
  if (parent) return new TemplateRenderError([template], parent[1], `trường chứa "${parent[1]}" không có trong dữ liệu (${message}).`);
  return new TemplateRenderError([template], undefined, message);
}
