/**
 * Human wording for parts of a plan (symbol, dates, timeframe, targets), shared by the CLI and
 * the brief builder. Pure.
 */
import { formatDayMonth, formatVnDate } from '../dates.js';
import { formatFigureValue } from '../numbers.js';
import { withBound } from './bounds.js';
import type { Paragraph, Plan, Target, Timeframe } from './schema.js';
import { channelLabels, type Channel } from './vocabulary.js';

/** "62/KH-UBND", or "…/KH-UBND" when the copy leaves the number blank (as in "Số: /KH-UBND"). */
export function planSymbol(plan: Pick<Plan, 'number' | 'symbol'>): string {
  return plan.number === null ? `…/${plan.symbol}` : `${plan.number}/${plan.symbol}`;
}

/** "26/02/2026", or "năm 2026 (chưa ghi ngày)". */
export function planIssueDate(plan: Pick<Plan, 'issued'>): string {
  if (plan.issued.date) return formatVnDate(plan.issued.date);
  return plan.issued.year === null ? 'chưa ghi ngày' : `năm ${plan.issued.year} (chưa ghi ngày)`;
}

/** "Nghị quyết số 71-NQ/TW". */
export function resolutionName(plan: Pick<Plan, 'resolution'>): string {
  return `${plan.resolution.kind} số ${plan.resolution.number}`;
}

/** The resolution's subject for headlines, e.g. "đột phá phát triển giáo dục và đào tạo". */
export function resolutionTheme(plan: Pick<Plan, 'resolution'>): string {
  return plan.resolution.theme ?? plan.resolution.title.replace(/^về\s+/i, '');
}

/** "Thường xuyên", "Hằng năm (10/6, 10/12)", "Từ 01/03/2026 đến 31/12/2026", "Các ngày 20/11/2026". */
export function formatTimeframe(tf: Timeframe): string {
  switch (tf.kind) {
    case 'ongoing':
      return 'Thường xuyên';
    case 'yearly':
      return tf.dates.length > 0 ? `Hằng năm (${tf.dates.map((d) => formatDayMonth(d.day, d.month)).join(', ')})` : 'Hằng năm';
    case 'range':
      return `${tf.tentative ? 'Dự kiến từ' : 'Từ'} ${formatVnDate(tf.from)} đến ${formatVnDate(tf.to)}`;
    case 'dates':
      return `${tf.tentative ? 'Dự kiến các' : 'Các'} ngày ${tf.dates.map(formatVnDate).join(', ')}`;
    case 'afterEvent':
      return tf.asWritten ?? `Sau khi ${tf.event}`;
    case 'unstated':
      return 'Văn bản không nêu';
  }
}

/** Vietnamese names of channels, separated by semicolons (labels may contain commas). */
export function formatChannels(channels: readonly Channel[]): string {
  return channels.map((c) => channelLabels[c]).join('; ');
}

/** A description paragraph as plain text (bullet items joined after the lead-in). */
export function paragraphText(p: Paragraph): string {
  return typeof p === 'string' ? p : `${p.text} ${p.items.join('; ')}`;
}

/** A target together with the period it belongs to. */
export interface TargetWithPeriod extends Target {
  period: { from: number; to: number; label: string };
}

/** Every target of the plan, in document order, with its period. */
export function allTargets(plan: Pick<Plan, 'objectives'>): TargetWithPeriod[] {
  return plan.objectives.periods.flatMap((p) => p.targets.map((t) => ({ ...t, period: p.period })));
}

/** "70%", "tối thiểu 70%", "01/năm", "phấn đấu 100%": a measure's value as shown to people. */
export function formatMeasureValue(m: NonNullable<Target['measure']>): string {
  return withBound(m, formatFigureValue({ value: m.value, unit: m.metric }));
}
