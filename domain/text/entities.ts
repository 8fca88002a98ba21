/**
 * HTML character references in pasted text ("Gi&aacute;o d&#7909;c", "GD&amp;ĐT", "&#x1EBF;")
 * decoded to the characters they stand for, before anything reads the text. Named references
 * cover Latin-1, the Vietnamese letters HTML names (ă, đ, ĩ, ũ) and common punctuation; any
 * letter is reachable by a numeric reference. Unknown names are left as written. Pure.
 */

/** Named references and their code points (names are case-sensitive, as in HTML). */
const NAMED: Readonly<Record<string, number>> = {
  amp: 0x26, lt: 0x3C, gt: 0x3E, quot: 0x22, apos: 0x27,
  excl: 0x21, num: 0x23, percnt: 0x25, lpar: 0x28, rpar: 0x29, ast: 0x2A, plus: 0x2B, comma: 0x2C,
  period: 0x2E, sol: 0x2F, colon: 0x3A, semi: 0x3B, equals: 0x3D, quest: 0x3F, commat: 0x40,
  lowbar: 0x5F, hyphen: 0x2010, dash: 0x2010,
  nbsp: 0x00A0, iexcl: 0x00A1, cent: 0x00A2, pound: 0x00A3, curren: 0x00A4, yen: 0x00A5,
  brvbar: 0x00A6, sect: 0x00A7, uml: 0x00A8, copy: 0x00A9, ordf: 0x00AA, laquo: 0x00AB,
  not: 0x00AC, shy: 0x00AD, reg: 0x00AE, macr: 0x00AF, deg: 0x00B0, plusmn: 0x00B1, sup2: 0x00B2,
  sup3: 0x00B3, acute: 0x00B4, micro: 0x00B5, para: 0x00B6, middot: 0x00B7, cedil: 0x00B8,
  sup1: 0x00B9, ordm: 0x00BA, raquo: 0x00BB, frac14: 0x00BC, frac12: 0x00BD, frac34: 0x00BE,
  iquest: 0x00BF, Agrave: 0x00C0, Aacute: 0x00C1, Acirc: 0x00C2, Atilde: 0x00C3, Auml: 0x00C4,
  Aring: 0x00C5, AElig: 0x00C6, Ccedil: 0x00C7, Egrave: 0x00C8, Eacute: 0x00C9, Ecirc: 0x00CA,
  Euml: 0x00CB, Igrave: 0x00CC, Iacute: 0x00CD, Icirc: 0x00CE, Iuml: 0x00CF, ETH: 0x00D0,
  Ntilde: 0x00D1, Ograve: 0x00D2, Oacute: 0x00D3, Ocirc: 0x00D4, Otilde: 0x00D5, Ouml: 0x00D6,
  times: 0x00D7, Oslash: 0x00D8, Ugrave: 0x00D9, Uacute: 0x00DA, Ucirc: 0x00DB, Uuml: 0x00DC,
  Yacute: 0x00DD, THORN: 0x00DE, szlig: 0x00DF, agrave: 0x00E0, aacute: 0x00E1, acirc: 0x00E2,
  atilde: 0x00E3, auml: 0x00E4, aring: 0x00E5, aelig: 0x00E6, ccedil: 0x00E7, egrave: 0x00E8,
  eacute: 0x00E9, ecirc: 0x00EA, euml: 0x00EB, igrave: 0x00EC, iacute: 0x00ED, icirc: 0x00EE,
  iuml: 0x00EF, eth: 0x00F0, ntilde: 0x00F1, ograve: 0x00F2, oacute: 0x00F3, ocirc: 0x00F4,
  otilde: 0x00F5, ouml: 0x00F6, divide: 0x00F7, oslash: 0x00F8, ugrave: 0x00F9, uacute: 0x00FA,
  ucirc: 0x00FB, uuml: 0x00FC, yacute: 0x00FD, thorn: 0x00FE, yuml: 0x00FF, Abreve: 0x0102,
  abreve: 0x0103, Dstrok: 0x0110, dstrok: 0x0111, Itilde: 0x0128, itilde: 0x0129, Utilde: 0x0168,
  utilde: 0x0169, ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201A,
  ldquo: 0x201C, rdquo: 0x201D, bdquo: 0x201E, hellip: 0x2026, bull: 0x2022, prime: 0x2032,
  lsaquo: 0x2039, rsaquo: 0x203A, euro: 0x20AC, trade: 0x2122, minus: 0x2212, ensp: 0x2002,
  emsp: 0x2003, thinsp: 0x2009,
};
/** Upper-case spellings HTML also accepts. */
const UPPER: Readonly<Record<string, number>> = { AMP: 0x26, LT: 0x3C, GT: 0x3E, QUOT: 0x22 };

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function fromCode(code: number): string {
  // NUL, surrogates and out-of-range code points stand for nothing readable.
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '';
  return String.fromCodePoint(code);
}

function decodeOnce(text: string): string {
  return text.replace(REFERENCE, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      const code = Object.hasOwn(NAMED, name) ? NAMED[name] : Object.hasOwn(UPPER, name) ? UPPER[name] : undefined;
      return code === undefined ? m : fromCode(code);
    }
    return fromCode(dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16));
  });
}

/**
 * Decodes HTML character references. Twice at most: text pasted from a page that was escaped
 * twice ("&amp;aacute;") still reads as the letter, and nothing loops.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  const once = decodeOnce(text);
  return once.includes('&') ? decodeOnce(once) : once;
}
