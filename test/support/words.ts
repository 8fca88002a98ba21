/**
 * What a person reads of a page or an email, and the internal names that must never be in it:
 * channel ids, brief field names, infographic template ids, decision ids, stored file names.
 */
export const INTERNAL_WORDS = /\b(?:webPortal|pressBriefing|loudspeaker|keyMessages|headline|social|poster|eboard|targets|approve|requestChanges|reject)\b|\.png\b/;

/** The text of an HTML document a person sees: no scripts, styles, tags or link addresses. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ');
}
