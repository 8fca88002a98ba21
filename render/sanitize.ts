/**
 * Makes arbitrary text safe to lay out and to place inside SVG: removes characters that are
 * invalid in XML or invisible-but-harmful (control, bidi and format characters, lone
 * surrogates, noncharacters), optionally removes emoji (the shipped font has no emoji glyphs),
 * NFC-normalises, and collapses whitespace. `escapeXml` escapes for text and attribute content.
 */

export interface SanitizeOptions {
  /** Remove emoji and their modifiers (default true: the shipped font cannot draw them). */
  stripEmoji?: boolean;
  /** Keep line breaks (`\n`) instead of turning them into spaces (default false). */
  keepNewlines?: boolean;
}

// Tab, LF, CR, LS, PS and NEL become a space; every other C0/C1 control is removed.
const LINE_LIKE = /[\t\n\r\u0085\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
// Bidi marks, embeddings, overrides and isolates; ALM; zero-width and invisible format
// characters; BOM; interlinear annotation; XML-invalid noncharacters U+FFFE/U+FFFF.
const FORMAT = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF\u00AD]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Supplementary-plane noncharacters (U+nFFFE/U+nFFFF) and private-use planes.
const ASTRAL_NONCHAR = /[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{F0000}-\u{10FFFF}]/gu;
const EMOJI =
  /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u20E3\uFE0E\uFE0F\u{E0020}-\u{E007F}]/gu;
const SPACES = /[ \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * Returns `input` cleaned for rendering. Never throws; non-string input becomes "".
 * Whitespace runs collapse to one space and the result is trimmed.
 */
export function sanitizeText(input: unknown, options: SanitizeOptions = {}): string {
  if (typeof input !== 'string') return '';
  const { stripEmoji = true, keepNewlines = false } = options;
  let s = input.replace(LONE_SURROGATE, '');
  if (keepNewlines) s = s.replace(/\r\n?/g, '\n');
  s = s.replace(keepNewlines ? /[\t\u0085\u2028\u2029]/g : LINE_LIKE, ' ');
  s = s.replace(CONTROLS, '');
  s = s.replace(FORMAT, '').replace(ASTRAL_NONCHAR, '');
  if (stripEmoji) s = s.replace(EMOJI, '');
  s = s.normalize('NFC');
  if (keepNewlines) {
    return s
      .split('\n')
      .map((l) => l.replace(SPACES, ' ').trim())
      .join('\n')
      .trim();
  }
  return s.replace(SPACES, ' ').trim();
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes `& < > " '` for XML text or attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** Sanitizes then escapes: the one call to use for untrusted text going into SVG. */
export function safeSvgText(input: unknown, options?: SanitizeOptions): string {
  return escapeXml(sanitizeText(input, options));
}
