/**
 * The one text cleaner: whatever a person typed or pasted becomes text that is safe to lay out,
 * to put into HTML, SVG or a mail header, and to read aloud. It removes what must never reach
 * any of them (C0/C1 controls, bidi embeddings/overrides/isolates, zero-width and other
 * invisible format characters, the soft hyphen, lone surrogates, noncharacters, private-use
 * planes), turns line-like characters into line breaks, normalises to NFC and collapses
 * whitespace. Emoji are removed on request (the shipped font has no emoji glyphs). Pure; never
 * throws.
 *
 * Removed characters are removed, not replaced by a space: what is left reads as the text looked
 * on the screen it was copied from, where those characters were invisible.
 */

export interface CleanTextOptions {
  /**
   * Remove emoji and pictographs with their modifiers, joiners, flags and keycaps (default
   * false). The legal marks ©, ® and ™ stay, and so does every other symbol that is not a
   * pictograph (§, №, °, …): they are text, and the shipped font draws them.
   */
  stripEmoji?: boolean;
  /** Keep line breaks (`\n`, one per line-like character) instead of turning them into spaces (default false). */
  keepNewlines?: boolean;
}

// CR LF and CR are one line break; VT and FF (what Word puts on the clipboard for a manual line
// or page break), NEL, LS and PS are line breaks too.
const LINE_BREAKS = /\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g;
// Every other C0/C1 control except tab and LF.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
// Soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space/non-joiner,
// LRM/RLM, bidi embeddings and overrides, word joiner and invisible operators, bidi isolates and
// the deprecated format characters, BOM, interlinear annotations and the noncharacters
// U+FFFE/U+FFFF. The zero-width joiner is handled apart (emoji sequences need it).
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Supplementary-plane noncharacters (U+nFFFE/U+nFFFF) and the private-use planes 15 and 16.
const ASTRAL_NONCHAR = /[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{F0000}-\u{10FFFF}]/gu;
// A zero-width joiner outside an emoji sequence ("👩🏽‍🏫" keeps its joiner: after a pictograph, a
// skin tone or a variation selector, before a pictograph): invisible noise.
const STRAY_ZWJ = /(?<![\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
const ZWJ = /\u200D/g;
/**
 * Pictographs and everything that only builds emoji: regional indicators (flags), skin tones,
 * the keycap mark, variation selectors 15/16 and tag characters. `Extended_Pictographic` also
 * holds ©, ® and ™, which are text (and in the font): they are kept.
 */
const EMOJI = /(?![\u00A9\u00AE\u2122])\p{Extended_Pictographic}|[\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u20E3\uFE0E\uFE0F\u{E0020}-\u{E007F}]/gu;
const SPACES = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** `text` without emoji and pictographs (©, ® and ™ stay). Whitespace is left as it is. */
export function stripEmoji(text: string): string {
  return text.replace(ZWJ, '').replace(EMOJI, '');
}

/**
 * Returns `input` cleaned (see the module comment). Non-string input becomes "". Whitespace runs
 * collapse to one space and the result is trimmed (each line, with `keepNewlines`).
 */
export function cleanText(input: unknown, options: CleanTextOptions = {}): string {
  if (typeof input !== 'string') return '';
  const { stripEmoji: dropEmoji = false, keepNewlines = false } = options;
  let s = input.replace(LONE_SURROGATE, '').replace(LINE_BREAKS, '\n').replace(CONTROLS, '').replace(ASTRAL_NONCHAR, '');
  s = dropEmoji ? stripEmoji(s) : s.replace(STRAY_ZWJ, '');
  s = s.replace(INVISIBLE, '').normalize('NFC');
  if (!keepNewlines) return s.replace(/\n/g, ' ').replace(SPACES, ' ').trim();
  return s
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trim())
    .join('\n')
    .trim();
}
