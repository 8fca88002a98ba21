/** Object keys of a report's files: `reports/<planId>/<from>_<to>/…`. */
import { reportPrefix, type ReportPeriod } from '../../domain/report/period.js';

export function reportKeys(planId: string, period: Pick<ReportPeriod, 'from' | 'to'>) {
  const base = reportPrefix(planId, period);
  return {
    evidence: `${base}evidence.json`,
    model: `${base}model.json`,
    docx: `${base}report.docx`,
    html: `${base}report.html`,
    png: `${base}report.png`,
  };
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
