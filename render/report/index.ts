/** Renderers of the periodic report: editable DOCX, HTML page and progress infographic (PNG). */
export { renderReportDocx } from './docx.js';
export { renderReportHtml, REPORT_TEMPLATE_DIR } from './html.js';
export { renderProgressPng, renderProgressSvg } from './progress.js';
