/** Figures as posts and briefings list them (the number itself: domain/numbers.ts). */
import type { BriefFigure } from '../../domain/brief.js';
import { periodPhrase, withBound } from '../../domain/plan/bounds.js';
import { formatFigureValue } from '../../domain/numbers.js';

/** A figure as posts and briefings list it: "tối thiểu 70%" in bold, its label, "giai đoạn 2026–2030" or "năm 2025". */
export function figureView(f: BriefFigure): { value: string; label: string; period?: string } {
  return { value: withBound(f, formatFigureValue(f)), label: f.label, ...(f.period ? { period: periodPhrase(f.period) } : {}) };
}
