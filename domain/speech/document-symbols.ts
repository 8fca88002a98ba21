/**
 * Reading document numbers and symbols aloud: "Nghị quyết số 71-NQ/TW" → "Nghị quyết số bảy
 * mươi mốt của Bộ Chính trị", "Thông tư 39/2020/TT-BTTTT" → "Thông tư số ba mươi chín năm hai
 * nghìn không trăm hai mươi của Bộ Thông tin và Truyền thông". A symbol without its number
 * ("KH-UBND", "/KH-UBND") is read as the kind of document and its issuer. Pure.
 */
import { DOCUMENT_ISSUERS, DOCUMENT_TYPES, PARTY_CENTRAL_ISSUERS } from './abbreviations.js';
import type { Pass, Recorder } from './expansion.js';
import { numberToWords } from './number-words.js';

const CODE = String.raw`[A-ZĐ][A-Za-zĐđ]*\d*`;
const SYMBOL = new RegExp(
  String.raw`(?<![\p{L}\p{M}\p{N}/])(\d{1,5})?[ \t]?(?:\/[ \t]?(\d{4})[ \t]?)?([-/])\s?(${CODE})(?:[ \t]?[-/][ \t]?(${CODE}))?(?![\p{L}\p{M}\p{N}])`,
  'gu',
);
/** A symbol with no number at all: "KH-UBND", "TT-BTTTT". */
const BARE_SYMBOL = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}/-])([A-ZĐ][A-Za-zĐđ]*)-(${CODE})(?![\p{L}\p{M}\p{N}/-])`, 'gu');

/** How far back and ahead to look for the document type and an explicit issuer. */
const LOOK_BEHIND = 40;
const LOOK_AHEAD = 160;

interface ParsedSymbol {
  type?: string;
  issuer?: string;
}

function parseCodes(first: string, second: string | undefined): ParsedSymbol | undefined {
  const legislature = (code: string) => {
    const m = /^QH(\d{1,2})$/.exec(code);
    return m ? `Quốc hội khóa ${numberToWords(Number(m[1]))}` : undefined;
  };
  if (second === undefined) {
    const issuer = legislature(first);
    if (issuer) return { issuer };
    const type = DOCUMENT_TYPES[first];
    return type ? { type } : undefined;
  }
  const type = DOCUMENT_TYPES[first];
  if (!type) return undefined;
  const issuer = second === 'TW' ? (PARTY_CENTRAL_ISSUERS[first] ?? 'Trung ương Đảng') : (DOCUMENT_ISSUERS[second] ?? legislature(second));
  return issuer ? { type, issuer } : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Creates the pass. `symbolIssuers` maps a symbol as written ("62/KH-UBND") to its full issuer
 * ("Ủy ban nhân dân tỉnh Lạng Sơn"); `expandForComparison` expands abbreviations in the text after
 * a symbol so that "… của UBND tỉnh" counts as already naming the issuer.
 */
export function documentSymbolPass(
  symbolIssuers: Readonly<Record<string, string>>,
  expandForComparison: (text: string) => string,
): Pass {
  const issuerOverrides = new Map(Object.entries(symbolIssuers).map(([k, v]) => [k.replace(/\s+/g, ''), v]));
  const read = (
    text: string,
    record: Recorder,
    match: string,
    offset: number,
    num: string | undefined,
    year: string | undefined,
    parsed: ParsedSymbol,
  ): string => {
    const written = match.trim();
    const issuer = issuerOverrides.get(written.replace(/\s+/g, '')) ?? parsed.issuer;

    const before = text.slice(Math.max(0, offset - LOOK_BEHIND), offset).toLowerCase();
    const saysNumber = /(?:^|\s)số\s*:?\s*$/u.test(before);
    const saysType = parsed.type !== undefined && new RegExp(`${escapeRegExp(parsed.type.toLowerCase())}\\s*$`, 'u').test(before);
    let prefix: string;
    if (num === undefined) prefix = saysType || !parsed.type ? '' : `${parsed.type} `;
    else if (saysNumber) prefix = '';
    else if (saysType) prefix = 'số ';
    else prefix = parsed.type ? `${parsed.type} số ` : 'số ';

    const parts: string[] = [];
    if (num !== undefined) parts.push(numberToWords(Number(num)));
    if (year !== undefined) parts.push(`năm ${numberToWords(Number(year))}`);
    if (issuer) {
      const after = text.slice(offset + match.length, offset + match.length + LOOK_AHEAD);
      const clause = expandForComparison(after.split(/[;.\n]/u)[0] ?? '').toLowerCase();
      // An explicit "của <issuer>" in the same clause wins; do not say it twice.
      const earlier = expandForComparison(text.slice(Math.max(0, offset - LOOK_AHEAD), offset).split(/[;.\n]/u).pop() ?? '').toLowerCase();
      const names = (s: string) => [issuer, parsed.issuer].some((i) => i !== undefined && s.includes(`của ${i.toLowerCase()}`));
      // A full issuer given by the caller may also stand earlier as the subject: "UBND tỉnh X ban hành Kế hoạch số …".
      const subject = issuer !== parsed.issuer && earlier.includes(issuer.toLowerCase());
      const named = names(clause) || names(earlier) || subject;
      if (!named) parts.push(`của ${issuer}`);
    }
    const spoken = `${prefix}${parts.join(' ')}`.trim();
    const lead = match.startsWith(' ') ? ' ' : '';
    return lead + record(written, spoken, 'symbol');
  };
  return (text: string, record: Recorder) => {
    const numbered = text.replace(
      SYMBOL,
      (match, num: string | undefined, year: string | undefined, sep: string, first: string, second: string | undefined, offset: number) => {
        // A numberless symbol ("/KH-UBND") must be fully known, and a bare "-X" is not a symbol.
        if (num === undefined && (second === undefined || sep !== '/')) return match;
        const parsed = parseCodes(first, second);
        return parsed ? read(text, record, match, offset, num, year, parsed) : match;
      },
    );
    return numbered.replace(BARE_SYMBOL, (match, first: string, second: string, offset: number) => {
      const parsed = parseCodes(first, second);
      return parsed?.type && parsed.issuer ? read(numbered, record, match, offset, undefined, undefined, parsed) : match;
    });
  };
}
