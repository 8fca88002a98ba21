/**
 * Figures as Vietnamese documents write them: "100%", "01" (counts below ten get a leading
 * zero), "01/năm"; thousands with dots, decimals with a comma.
 */
import type { BriefFigure } from '../../domain/brief.js';
import { periodPhrase, withBound } from '../../domain/plan/bounds.js';

/** The number of a figure as shown, e.g. "70%", "01", "01/năm". */
export function formatFigureValue(figure: Pick<BriefFigure, 'value' | 'unit'>): string {
  const n = figure.value;
  const plain = Number.isInteger(n) && n >= 0 && n < 10 ? `0${n}` : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  switch (figure.unit) {
    case 'percent':
      return `${n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
    case 'perYear':
      return `${plain}/năm`;
    default:
      return plain;
  }
}

/** A figure as posts and briefings list it: "tối thiểu 70%" in bold, its label, "giai đoạn 2026–2030" or "năm 2025". */
export function figureView(f: BriefFigure): { value: string; label: string; period?: string } {
  return { value: withBound(f, formatFigureValue(f)), label: f.label, ...(f.period ? { period: periodPhrase(f.period) } : {}) };
}
