/**
 * Figures as Vietnamese documents write them: "100%", "01" (counts below ten get a leading
 * zero), "01/năm"; thousands with dots, decimals with a comma.
 */
import type { BriefFigure } from '../../domain/brief.js';

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
