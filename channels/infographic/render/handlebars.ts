/**
 * The handlebars environment for SVG templates: an isolated instance with SVG-safe helpers
 * (XML escaping, Vietnamese dates/numbers/percent, small arithmetic for geometry) and the
 * partials under channels/infographic/templates/partials. Compiled templates are cached, and a source
 * version (hash of every template and partial file) feeds the content hash.
 */
import { resolve } from 'node:path';
import Handlebars from 'handlebars';
import { loadTemplateFolder } from '../../../render/template-folder.js';
import { formatVnDate, formatVnLongDate, isIsoDate } from '../../../domain/dates.js';
import { formatVnNumber, formatVnPercent } from '../../../domain/numbers.js';
import { capitalize } from '../../../domain/text/case.js';
import type { LaidOutText } from '../../../render/layout.js';
import { escapeXml, fontText, safeSvgText } from '../../../render/sanitize.js';

/** Folder holding the infographic templates. */
export const TEMPLATE_DIR = resolve(import.meta.dirname, '..', 'templates');
const SUFFIX = '.svg.hbs';

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);
const safe = (s: string) => new Handlebars.SafeString(s);

/** A date in words or as dd/mm/yyyy; text that is no real ISO date is shown as it is. */
const date = (v: unknown, format: (iso: string) => string) => {
  const text = fontText(str(v));
  return safe(escapeXml(isIsoDate(text) ? format(text) : text));
};

const helpers: Record<string, Handlebars.HelperDelegate> = {
  /** Text for SVG: sanitized and XML-escaped (never rely on handlebars' HTML escaping). */
  t: (v: unknown) => safe(safeSvgText(str(v))),
  /** One laid-out line as SVG `<text>`: coordinates from layout, text sanitized and XML-escaped. */
  textLine: (line: LaidOutText, fill: unknown) => {
    const n2 = (v: number) => String(Math.round(v * 100) / 100);
    const spacing = line.letterSpacing ? ` letter-spacing="${n2(line.letterSpacing)}"` : '';
    return safe(
      `<text x="${n2(line.anchorX)}" y="${n2(line.baseline)}" font-size="${n2(line.fontSize)}" font-weight="${line.weight}" ` +
        `text-anchor="${line.anchor}"${spacing} fill="${escapeXml(str(fill) || '#000000')}">${safeSvgText(line.text)}</text>\n`,
    );
  },
  /** Number with at most two decimals, for coordinates. */
  n: (v: unknown) => safe(String(Math.round(num(v) * 100) / 100)),
  add: (a: unknown, b: unknown) => num(a) + num(b),
  sub: (a: unknown, b: unknown) => num(a) - num(b),
  mul: (a: unknown, b: unknown) => num(a) * num(b),
  half: (a: unknown) => num(a) / 2,
  viDate: (v: unknown) => date(v, (iso) => capitalize(formatVnLongDate(iso))),
  viDateShort: (v: unknown) => date(v, formatVnDate),
  viNumber: (v: unknown) => safe(escapeXml(formatVnNumber(num(v)))),
  viPercent: (v: unknown) => safe(escapeXml(formatVnPercent(num(v)))),
  /** Points of a five-pointed star centred at (cx, cy) with outer radius r, point up. */
  starPoints: (cx: unknown, cy: unknown, r: unknown) => {
    const [x, y, R] = [num(cx), num(cy), num(r)];
    const inner = R * 0.382;
    const pts: string[] = [];
    for (let i = 0; i < 10; i++) {
      const rad = i % 2 === 0 ? R : inner;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      pts.push(`${(x + rad * Math.cos(a)).toFixed(2)},${(y + rad * Math.sin(a)).toFixed(2)}`);
    }
    return safe(pts.join(' '));
  },
};

const folder = loadTemplateFolder(TEMPLATE_DIR, { suffix: SUFFIX, helpers });

/** Hash of every template and partial source: changes whenever any of them changes. */
export const TEMPLATE_SOURCE_VERSION = folder.sourceVersion;

/** Renders a template file (e.g. "poster.svg.hbs") with a view model. */
export function renderTemplateFile(file: string, view: object): string {
  return folder.render(file, view);
}

/** Exposed for tests of the helpers. */
export const handlebars = folder.handlebars;
