/**
 * A content brief: everything a channel renderer needs to produce one draft, derived from a
 * plan, (optionally) one of its tasks, and an occasion. Pure data, small enough to travel
 * through Temporal. Renderers (infographic, loudspeaker script, web post, briefing) take a
 * brief and never read plan files themselves.
 */
import { formatVnDayMonth, isIsoDate } from './dates.js';
import type { Bound } from './plan/vocabulary.js';
import type { BulletinPriority } from './speech/priority.js';

export interface BriefFigure {
  /** Id of the plan target the figure comes from, when it does. */
  targetId?: string;
  /** The number as shown, e.g. 100 or 70. */
  value: number;
  /** 'percent' shows "70%"; 'count' shows "01"; 'perYear' shows "01/năm". */
  unit: 'percent' | 'count' | 'perYear';
  /** Short label under the figure, e.g. "cán bộ làm công tác truyền thông được bồi dưỡng". */
  label: string;
  /**
   * How the plan bounds the number, when it does: "Tối thiểu 70%" is atLeast. Absent: exact.
   * Every channel shows it in words ("tối thiểu 70%"), see `boundWords` in domain/plan/bounds.ts.
   */
  bound?: Exclude<Bound, 'exact'>;
  /** True when the plan states the number as an aim ("Phấn đấu 100%"). */
  aim?: boolean;
  /** Period the figure belongs to: "2026–2030", or one year "2025" (shown "năm 2025"). */
  period?: string;
}

export interface ContentBrief {
  planId: string;
  /** e.g. "62/KH-UBND" */
  planSymbol: string;
  planTitle: string;
  /** e.g. "Nghị quyết số 71-NQ/TW" */
  resolution: string;
  /** e.g. "Ủy ban nhân dân tỉnh Lạng Sơn" */
  issuer: string;
  /** Short form for tight layouts, e.g. "UBND tỉnh Lạng Sơn" */
  issuerShort: string;
  /** The task the brief is about; with several, the first (primary) one. */
  taskId?: string;
  /** Every task the brief covers, when it covers more than one (the first is `taskId`). */
  taskIds?: string[];
  /** e.g. "II.4", or "II.1, II.3" for several tasks. */
  taskNumber?: string;
  taskTitle?: string;
  /**
   * Lead body of the task (or of the plan when no task); absent when the plan names none, and
   * then no channel names one.
   */
  leadBody?: string;
  occasionId: string;
  occasionName: string;
  /** ISO date (yyyy-mm-dd) of the occasion in Asia/Ho_Chi_Minh. */
  occasionDate: string;
  headline: string;
  /** 2–5 short sentences that every channel repeats. */
  keyMessages: string[];
  figures: BriefFigure[];
  /** Longer body text for posts and scripts (paragraphs). */
  body: string[];
  tags: string[];
  /** How loudspeakers play it (Thông tư 39/2020); absent: a normal bulletin. Corrections are emergencies. */
  priority?: BulletinPriority;
  /** Set for an urgent correction (đính chính): what it corrects and on whose authority. */
  correction?: { claim: string; source: string; sourceUrl?: string };
}

/**
 * The occasion as channels name it: "Ngày Nhà giáo Việt Nam 20/11" (the annual day added unless
 * the name already holds it; nothing added when the date is no real ISO date).
 */
export function occasionLabel(brief: Pick<ContentBrief, 'occasionName' | 'occasionDate'>): string {
  if (!isIsoDate(brief.occasionDate)) return brief.occasionName;
  const when = formatVnDayMonth(brief.occasionDate);
  return brief.occasionName.includes(when) ? brief.occasionName : `${brief.occasionName} ${when}`;
}
