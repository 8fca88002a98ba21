/** What the report workflow is asked for: by a schedule (period computed when it runs) or on demand. */
import type { DayMonth, ReportPeriod } from './period.js';

export interface ReportRequest {
  planId: string;
  /** The reporting duty (recipients, tasks covered); default: the plan's first dated or periodic duty. */
  dutyId?: string;
  /** On demand: the period. Scheduled runs leave it out and give `schedule`. */
  period?: ReportPeriod;
  /** Scheduled runs: due dates and lead days, from which each run computes its period. */
  schedule?: { dueDates: DayMonth[]; leadDays: number };
  /** Addresses the report is emailed to for review (the lead body's contact). */
  reportTo: string[];
  /** False: store the files but send no email. */
  email: boolean;
  /** Folder of plan files (default: the repository's plans/). */
  plansDir?: string;
}

/** Sample address used when neither the plan nor the editor names the lead body's contact. */
export const DEFAULT_REPORT_TO = 'bao-cao.co-quan-chu-tri@example.org';
