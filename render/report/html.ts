/** The report as a standalone HTML page (same content as the DOCX), from `templates/report/report.html.hbs`. */
import path from 'node:path';
import type { ReportModel } from '../../domain/report/compile.js';
import { loadTemplateFolder } from '../template-folder.js';

export const REPORT_TEMPLATE_DIR = path.join(import.meta.dirname, '..', '..', 'templates', 'report');

/** The report's templates (the HTML page and the progress infographic), strict like every template folder. */
export const reportTemplates = loadTemplateFolder(REPORT_TEMPLATE_DIR, {
  suffix: '.hbs',
  helpers: { inc: (n: number) => n + 1, half: (n: number) => n / 2 },
});

/** The report as an HTML document (text escaped by Handlebars). */
export function renderReportHtml(model: ReportModel): string {
  return reportTemplates.render('report.html.hbs', model);
}
