/**
 * Text going into SVG: cleaned by the one text cleaner (domain/text/clean.ts) with emoji removed
 * (the shipped font has no emoji glyphs), then XML-escaped. `escapeXml` escapes for text and
 * attribute content.
 */
import { cleanText } from '../domain/text/clean.js';

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

/** Text the shipped font can lay out: cleaned, emoji removed, one line. */
export function fontText(input: unknown): string {
  return cleanText(input, { stripEmoji: true });
}

/** Cleans (emoji removed) then escapes: the one call to use for untrusted text going into SVG. */
export function safeSvgText(input: unknown): string {
  return escapeXml(fontText(input));
}
