/** The report as a standalone HTML page (same content as the DOCX), from `templates/report/report.html.hbs`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { ReportModel } from '../../domain/report/compile.js';

export const REPORT_TEMPLATE_DIR = path.join(import.meta.dirname, '..', '..', 'templates', 'report');

const hbs = Handlebars.create();
hbs.registerHelper('inc', (n: number) => n + 1);
const template = hbs.compile(readFileSync(path.join(REPORT_TEMPLATE_DIR, 'report.html.hbs'), 'utf8'), { strict: false });

/** The report as an HTML document (text escaped by Handlebars). */
export function renderReportHtml(model: ReportModel): string {
  return template(model);
}
