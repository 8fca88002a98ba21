/**
 * Turns a content brief into the sanitized texts an infographic shows. Fields with fallbacks
 * list their candidates longest first (e.g. the full issuer name, then the short one); layout
 * takes the first that fits.
 */
import type { BriefFigure, ContentBrief } from '../../../domain/brief.js';
import { boundWords, periodPhrase } from '../../../domain/plan/bounds.js';
import { formatVnDate, formatVnDayMonth, formatVnLongDate, isIsoDate } from '../../../domain/dates.js';
import { formatFigureValue } from '../../../domain/numbers.js';
import { capitalize } from '../../../domain/text/case.js';
import { fontHasGlyph } from '../../../render/fonts.js';
import { fontText } from '../../../render/sanitize.js';
import type { TextField } from './templates.js';

/** A figure ready to draw. */
export interface FigureContent {
  value: string;
  /** The bound in words, drawn above the number ("tối thiểu", "phấn đấu"); "" when exact. */
  bound: string;
  label: string;
  /** The period as given ("2026–2030", "2025"); "" when none. */
  period: string;
  /** What the card shows for the period, longest first ("Năm 2025", then "2025"). */
  periodShown: string[];
  /** 0–1 for percentages (bar fill); undefined for counts. */
  ratio: number | undefined;
  /** Caption drawn instead of a bar for counts. */
  tag: string;
}

export interface InfographicContent {
  /** Candidate texts per field, first preferred. */
  fields: Record<TextField, string[]>;
  keyMessages: string[];
  figures: FigureContent[];
}

/**
 * Sanitized text without characters the shipped font cannot draw (e.g. CJK or Arabic), which
 * would otherwise show as empty boxes on a poster.
 */
function clean(s: unknown): string {
  const text = fontText(s);
  if (/^[\u0020-\u007E\u00A0-\u024F\u1E00-\u1EFF]*$/.test(text)) return text; // Latin incl. Vietnamese
  return [...text].filter((ch) => fontHasGlyph(ch.codePointAt(0)!)).join('').replace(/ {2,}/g, ' ').trim();
}

/** A date written with `format`, or the cleaned text as it is when it is no real ISO date. */
function asDate(value: unknown, format: (date: string) => string): string {
  const text = clean(value);
  return isIsoDate(text) ? format(text) : text;
}

function figureContent(f: BriefFigure): FigureContent {
  const value = Number.isFinite(f.value) ? f.value : 0;
  const isPercent = f.unit === 'percent';
  const period = clean(f.period ?? '');
  return {
    value: formatFigureValue({ value, unit: f.unit }),
    bound: boundWords(f),
    label: clean(f.label),
    period,
    // A range needs no words on the card ("2026–2030"); one year alone says "Năm 2025".
    periodShown: /^\d{4}$/.test(period) ? [capitalize(periodPhrase(period)), period] : [period],
    ratio: isPercent ? Math.min(1, Math.max(0, value / 100)) : undefined,
    tag: f.unit === 'perYear' ? 'Chỉ tiêu hằng năm' : isPercent ? '' : 'Chỉ tiêu',
  };
}

/** The period named by the figures: "Mục tiêu giai đoạn 2026–2030", "Mục tiêu năm 2025". */
function targetsTitle(figures: FigureContent[]): string[] {
  const periods = [...new Set(figures.map((f) => f.period).filter(Boolean))];
  if (periods.length === 1) return [`Mục tiêu ${periodPhrase(periods[0]!)}`, `Mục tiêu ${periods[0]}`];
  return ['Mục tiêu của Kế hoạch'];
}

/** Extracts and sanitizes everything an infographic may show from a brief. */
export function infographicContent(brief: ContentBrief): InfographicContent {
  const issuer = clean(brief.issuer);
  const issuerShort = clean(brief.issuerShort) || issuer;
  const planSymbol = clean(brief.planSymbol);
  const resolution = clean(brief.resolution);
  const figures = (Array.isArray(brief.figures) ? brief.figures : []).map(figureContent);
  const planRef = planSymbol ? `Kế hoạch số ${planSymbol}` : '';
  return {
    fields: {
      issuer: [issuer, issuerShort].filter(Boolean),
      occasion: [clean(brief.occasionName)],
      date: [capitalize(asDate(brief.occasionDate, formatVnLongDate)), asDate(brief.occasionDate, formatVnDate)],
      dayMonth: [asDate(brief.occasionDate, formatVnDayMonth)],
      headline: [clean(brief.headline)],
      targetsTitle: targetsTitle(figures),
      footerResolution: resolution ? [`Thực hiện ${resolution}`, resolution] : [],
      footerPlan: planRef
        ? [`${planRef} của ${issuer}`, `${planRef} của ${issuerShort}`, planRef]
        : [issuer, issuerShort].filter(Boolean),
    },
    keyMessages: (Array.isArray(brief.keyMessages) ? brief.keyMessages : []).map(clean).filter(Boolean),
    figures,
  };
}
