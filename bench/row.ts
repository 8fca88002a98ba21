/** One line of the bench table. */
export interface Row {
  /** What was measured, e.g. "poster 1080×1350 → PNG, median (ms)". */
  name: string;
  value: string;
  /** The target, as text (e.g. "≤ 30"). */
  target?: string;
  /** Whether the value meets the target (undefined when there is no target). */
  ok?: boolean;
}

/** Median and percentile of a list of numbers (does not modify the input). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}
