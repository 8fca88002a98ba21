/**
 * Registry of infographic templates: canvas size, output pixels, the handlebars file, and
 * every text box (position, width, line and size bounds, weight, alignment, whether the text
 * may be cut with an ellipsis). Decorations in the SVG files are placed from the same numbers
 * (`geo`, and the laid-out boxes), so text never runs over them.
 */
import type { ListBoxSpec, TextBoxSpec } from '../../../render/layout.js';

/** Single-text fields a template can show. */
export const TEXT_FIELDS = [
  'issuer',
  'occasion',
  'date',
  'dayMonth',
  'headline',
  'targetsTitle',
  'footerResolution',
  'footerPlan',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Box spec without its field name (the registry key names it). */
export type BoxSpec = Omit<TextBoxSpec, 'field'>;

/** Rows of numeric targets (the "targets" template). Box y values are relative to the row top. */
export interface FigureRowsSpec {
  maxFigures: number;
  /** Region the rows are centred in. */
  top: number;
  height: number;
  rowHeight: number;
  rowGap: number;
  card: { x: number; width: number };
  value: BoxSpec;
  /** The bound in words above the number ("TỐI THIỂU"), when the plan states one. */
  bound: BoxSpec;
  /** Where the number goes under a bound (`value` moved down and a little smaller). */
  valueBounded: BoxSpec;
  label: BoxSpec;
  period: BoxSpec;
  /** Small caption drawn instead of a bar for counts ("CHỈ TIÊU HẰNG NĂM"). */
  tag: BoxSpec;
  bar: { x: number; y: number; width: number; height: number };
}

export interface InfographicTemplate {
  name: string;
  /** What an editor would call it (Vietnamese). */
  title: string;
  /** Handlebars file under channels/infographic/templates/. */
  file: string;
  /** Design canvas (SVG user units). */
  width: number;
  height: number;
  /** Output pixels (equal to the canvas unless the template is a print variant). */
  pixelWidth: number;
  pixelHeight: number;
  boxes: Partial<Record<TextField, BoxSpec>>;
  keyMessages?: Omit<ListBoxSpec, 'field'>;
  figures?: FigureRowsSpec;
  /** Decoration geometry the SVG uses (band heights, panel edges…). */
  geo: Record<string, number>;
}

const HEADER = { headerHeight: 190, emblemX: 110, emblemY: 95, emblemR: 58 };

function footerBoxes(top: number, x: number, width: number): Pick<InfographicTemplate['boxes'], 'footerResolution' | 'footerPlan'> {
  return {
    footerResolution: {
      x, y: top + 24, width, height: 42, maxLines: 1, maxSize: 28, minSize: 20,
      weight: 700, align: 'middle', valign: 'middle', ellipsis: true, lineHeight: 1.3,
    },
    footerPlan: {
      x, y: top + 70, width, height: 36, maxLines: 1, maxSize: 23, minSize: 17,
      weight: 400, align: 'middle', valign: 'middle', ellipsis: true, lineHeight: 1.3,
    },
  };
}

function headerIssuer(x: number, width: number, maxSize: number): BoxSpec {
  return {
    x, y: 40, width, height: 110, maxLines: 2, maxSize, minSize: 20, lineHeight: 1.3,
    weight: 700, uppercase: true, letterSpacing: 0.02, valign: 'middle', ellipsis: true, balance: true,
  };
}

/** Occasion poster, 4:5 (social feed / screen) or A3 proportions for print. */
function poster(name: string, title: string, height: number, pixelWidth: number, pixelHeight: number): InfographicTemplate {
  const extra = height - 1350;
  const headlineTop = 496;
  const headlineHeight = 300 + Math.round(extra * 0.5);
  const footerTop = height - 130;
  const panelTop = headlineTop + headlineHeight + 34;
  const panelBottom = footerTop - 34;
  const big = extra > 0 ? 1.12 : 1;
  return {
    name, title, file: 'poster.svg.hbs', width: 1080, height, pixelWidth, pixelHeight,
    boxes: {
      issuer: headerIssuer(196, 824, 32),
      occasion: {
        x: 80, y: 230, width: 920, height: 128, maxLines: 2, maxSize: 54, minSize: 34, lineHeight: 1.18,
        weight: 800, uppercase: true, align: 'middle', valign: 'middle',
      },
      date: {
        x: 200, y: 376, width: 680, height: 60, maxLines: 1, maxSize: 30, minSize: 22, lineHeight: 1.4,
        weight: 600, align: 'middle', valign: 'middle',
      },
      headline: {
        x: 70, y: headlineTop, width: 940, height: headlineHeight, maxLines: extra > 0 ? 5 : 4,
        maxSize: Math.round(66 * big), minSize: 40, lineHeight: 1.2,
        weight: 800, align: 'middle', valign: 'middle', balance: true,
      },
      ...footerBoxes(footerTop, 80, 920),
    },
    keyMessages: {
      x: 160, y: panelTop + 30, width: 800, height: panelBottom - panelTop - 60,
      maxItems: 4, maxLines: 3, maxSize: Math.round(32 * big), minSize: 22, lineHeight: 1.32, itemGap: 0.6,
      weight: 400, valign: 'middle',
    },
    geo: { ...HEADER, ornamentY: 470, ornamentR: 20, panelTop, panelBottom, panelX: 60, panelWidth: 960, panelPad: 30, markerX: 114, footerTop },
  };
}

const social: InfographicTemplate = {
  name: 'social', title: 'Thẻ mạng xã hội vuông', file: 'social.svg.hbs',
  width: 1080, height: 1080, pixelWidth: 1080, pixelHeight: 1080,
  boxes: {
    issuer: { ...headerIssuer(170, 850, 28), y: 28, height: 96 },
    occasion: {
      x: 80, y: 176, width: 920, height: 104, maxLines: 2, maxSize: 44, minSize: 30, lineHeight: 1.18,
      weight: 800, uppercase: true, align: 'middle', valign: 'middle',
    },
    date: {
      x: 240, y: 284, width: 600, height: 50, maxLines: 1, maxSize: 26, minSize: 20, lineHeight: 1.4,
      weight: 600, align: 'middle', valign: 'middle',
    },
    headline: {
      x: 70, y: 382, width: 940, height: 248, maxLines: 4, maxSize: 58, minSize: 36, lineHeight: 1.2,
      weight: 800, align: 'middle', valign: 'middle', balance: true,
    },
    ...footerBoxes(950, 80, 920),
  },
  keyMessages: {
    x: 150, y: 676, width: 820, height: 220, maxItems: 3, maxLines: 2, maxSize: 28, minSize: 20,
    lineHeight: 1.3, itemGap: 0.55, weight: 400, valign: 'middle',
  },
  geo: { headerHeight: 150, emblemX: 92, emblemY: 76, emblemR: 48, ornamentY: 356, ornamentR: 14, panelTop: 650, panelBottom: 922, panelX: 60, panelWidth: 960, panelPad: 24, markerX: 106, footerTop: 950 },
};

const eboard: InfographicTemplate = {
  name: 'eboard', title: 'Trình chiếu bảng tin điện tử (ngang)', file: 'eboard.svg.hbs',
  width: 1920, height: 1080, pixelWidth: 1920, pixelHeight: 1080,
  boxes: {
    issuer: { ...headerIssuer(196, 460, 26), y: 66, height: 100 },
    occasion: {
      x: 64, y: 244, width: 572, height: 206, maxLines: 3, maxSize: 58, minSize: 36, lineHeight: 1.15,
      weight: 800, uppercase: true, valign: 'bottom', balance: true,
    },
    dayMonth: {
      x: 60, y: 462, width: 580, height: 190, maxLines: 1, maxSize: 168, minSize: 96, lineHeight: 1.1,
      weight: 800, valign: 'middle',
    },
    date: {
      x: 92, y: 676, width: 520, height: 58, maxLines: 1, maxSize: 30, minSize: 22, lineHeight: 1.4,
      weight: 600, valign: 'middle',
    },
    headline: {
      x: 800, y: 96, width: 1040, height: 360, maxLines: 4, maxSize: 74, minSize: 44, lineHeight: 1.18,
      weight: 800, valign: 'middle', balance: true,
    },
    footerResolution: {
      x: 64, y: 890, width: 572, height: 44, maxLines: 1, maxSize: 28, minSize: 20, lineHeight: 1.3,
      weight: 700, valign: 'middle', ellipsis: true,
    },
    footerPlan: {
      x: 64, y: 936, width: 572, height: 76, maxLines: 2, maxSize: 23, minSize: 17, lineHeight: 1.3,
      weight: 400, valign: 'top', ellipsis: true, balance: true,
    },
  },
  keyMessages: {
    x: 870, y: 540, width: 960, height: 440, maxItems: 4, maxLines: 2, maxSize: 36, minSize: 24,
    lineHeight: 1.3, itemGap: 0.6, weight: 400, valign: 'middle',
  },
  geo: { panelWidth: 700, emblemX: 120, emblemY: 116, emblemR: 62, ruleY: 206, footerRuleY: 866, accentY: 488, markerX: 824 },
};

const targets: InfographicTemplate = {
  name: 'targets', title: 'Infographic chỉ tiêu của Kế hoạch', file: 'targets.svg.hbs',
  width: 1080, height: 1350, pixelWidth: 1080, pixelHeight: 1350,
  boxes: {
    issuer: headerIssuer(196, 824, 32),
    targetsTitle: {
      x: 80, y: 222, width: 920, height: 52, maxLines: 1, maxSize: 36, minSize: 24, lineHeight: 1.3,
      weight: 800, uppercase: true, letterSpacing: 0.03, align: 'middle', valign: 'middle', ellipsis: true,
    },
    headline: {
      x: 80, y: 290, width: 920, height: 168, maxLines: 3, maxSize: 46, minSize: 30, lineHeight: 1.2,
      weight: 700, align: 'middle', valign: 'middle', balance: true,
    },
    ...footerBoxes(1220, 80, 920),
  },
  figures: {
    maxFigures: 4, top: 500, height: 692, rowHeight: 160, rowGap: 17,
    card: { x: 60, width: 960 },
    value: { x: 88, y: 30, width: 250, height: 100, maxLines: 1, maxSize: 82, minSize: 40, lineHeight: 1.2, weight: 800, align: 'middle', valign: 'middle' },
    bound: { x: 88, y: 16, width: 250, height: 34, maxLines: 1, maxSize: 22, minSize: 14, lineHeight: 1.3, weight: 700, uppercase: true, letterSpacing: 0.05, align: 'middle', valign: 'middle' },
    valueBounded: { x: 88, y: 50, width: 250, height: 92, maxLines: 1, maxSize: 72, minSize: 36, lineHeight: 1.2, weight: 800, align: 'middle', valign: 'middle' },
    label: { x: 372, y: 16, width: 610, height: 96, maxLines: 3, maxSize: 28, minSize: 19, lineHeight: 1.22, weight: 600, valign: 'middle', ellipsis: true },
    period: { x: 860, y: 114, width: 122, height: 34, maxLines: 1, maxSize: 20, minSize: 15, lineHeight: 1.3, weight: 600, align: 'end', valign: 'middle', ellipsis: true },
    tag: { x: 372, y: 114, width: 470, height: 34, maxLines: 1, maxSize: 19, minSize: 15, lineHeight: 1.3, weight: 700, uppercase: true, letterSpacing: 0.06, valign: 'middle', ellipsis: true },
    bar: { x: 372, y: 124, width: 470, height: 16 },
  },
  geo: { ...HEADER, ornamentY: 478, ornamentR: 18, footerTop: 1220 },
};

const TEMPLATES: readonly InfographicTemplate[] = [
  poster('poster', 'Áp phích sự kiện (1080×1350)', 1350, 1080, 1350),
  // A3 portrait at 150 dpi: the 1080-wide design stretched to A3 proportions, rendered at ×1.624.
  poster('poster-a3', 'Áp phích in A3 (150 dpi)', 1527, 1754, 2480),
  social,
  eboard,
  targets,
];

/** Names of every registered template. */
export const TEMPLATE_NAMES: readonly string[] = TEMPLATES.map((t) => t.name);

/** Thrown for a template name that is not registered. */
export class UnknownTemplateError extends Error {
  override readonly name = 'UnknownTemplateError';
  constructor(readonly template: string) {
    super(`Không có mẫu infographic "${template}". Các mẫu hiện có: ${TEMPLATE_NAMES.join(', ')}`);
  }
}

/** The registered template with this name; throws `UnknownTemplateError` otherwise. */
export function getTemplate(name: string): InfographicTemplate {
  const t = TEMPLATES.find((x) => x.name === name);
  if (!t) throw new UnknownTemplateError(name);
  return t;
}
