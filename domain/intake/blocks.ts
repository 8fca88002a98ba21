/**
 * Plan text → blocks: wrapped lines joined back into paragraphs, each with its kind (section
 * heading "I.", numbered item "1." / "2.1.", lettered item "a)", bullet "-" / "+", or plain) and
 * its place in the text. Pure.
 */

export type BlockKind = 'roman' | 'number' | 'letter' | 'bullet' | 'plus' | 'plain';

export interface Block {
  kind: BlockKind;
  /** The marker as written: "III", "2", "2.1", "a", "-", "+". */
  marker: string;
  /** The text after the marker, lines joined with single spaces. */
  text: string;
  /** Offsets of the whole block in the source text. */
  start: number;
  end: number;
  /** Every letter of the first line is uppercase ("KẾ HOẠCH", "I. MỤC TIÊU"). */
  upper: boolean;
}

/** "III. NHIỆM VỤ …", also as OCR reads it: "Ill.", "1II.", "II NHIỆM" (the caller numbers sections in order). */
const ROMAN = /^((?:X|IX|IV|V?I{0,3})|[IVXl1|]{1,4})(?:[.,]\s*|\s+)(.*)$/u;
const NUMBER = /^(\d{1,2}(?:\.\d{1,2})*)\.(?:\s+|(?=\p{L}))(.*)$/u;
const LETTER = /^([a-zđ])\)\s*(.*)$/u;
const BULLET = /^[-–•~]\s*(.*)$/u;
const PLUS = /^\+\s*(.*)$/u;
/** Lines that open a new block in the opening part of a plan, even after an unfinished line. */
const OPENERS = /^(?:Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị|Nơi nhận|Trên đây|Trong quá trình|Phân công|Gửi bản)/u;

/** Removes Markdown emphasis and stray markup a converted copy may carry ("**", "*…*", "_{…}"). */
export function cleanLine(line: string): string {
  return line
    .replace(/\*\*?/gu, '')
    .replace(/_\{([^}]*)\}/gu, '$1')
    .replace(/[\t\u00a0]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Whether the letters are (nearly all) capitals: OCR may leave one small letter in a heading ("KINH PHi"). */
function isUpper(text: string): boolean {
  const letters = [...text.replace(/[^\p{L}]/gu, '')];
  if (letters.length < 2) return false;
  const upper = letters.filter((c) => c === c.toLocaleUpperCase('vi')).length;
  return upper === letters.length || (letters.length >= 6 && upper / letters.length >= 0.85);
}

/** Splits the text into blocks. */
export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let offset = 0;
  let prevLine = '';
  let blank = false;
  for (const raw of text.split('\n')) {
    const start = offset;
    offset += raw.length + 1;
    const line = cleanLine(raw);
    if (line === '') {
      blank = true;
      continue;
    }
    const afterBlank = blank;
    blank = false;
    let kind: BlockKind = 'plain';
    let marker = '';
    let body = line;
    let m: RegExpExecArray | null;
    if ((m = ROMAN.exec(line)) && m[1] !== '' && isUpper(m[2] ?? '') && /\p{L}{2}/u.test(m[2] ?? '') && !/^\d+\.\d/u.test(line)) [kind, marker, body] = ['roman', m[1]!.replace(/[l1|]/gu, 'I'), m[2]!];
    else if ((m = NUMBER.exec(line))) [kind, marker, body] = ['number', m[1]!, m[2]!];
    else if ((m = LETTER.exec(line))) [kind, marker, body] = ['letter', m[1]!, m[2]!];
    else if ((m = PLUS.exec(line))) [kind, marker, body] = ['plus', '+', m[1]!];
    else if ((m = BULLET.exec(line))) [kind, marker, body] = ['bullet', '-', m[1]!];
    const upper = isUpper(line);
    const prevEnds = /[.;:!?]$/u.test(prevLine) || /[.;:]["”)]?$/u.test(prevLine);
    const startsUpper = /^\p{Lu}/u.test(body) || /^["“(]/u.test(body);
    const continues =
      current !== undefined &&
      kind === 'plain' &&
      !current.upper &&
      !upper &&
      !OPENERS.test(line) &&
      !(prevEnds && startsUpper) &&
      // A heading ("1. Mục đích", a task title) followed by a capitalised line: after a blank
      // line, or when the heading is short (a wrapped line runs close to the page width).
      !(startsUpper && (current.kind === 'number' || current.kind === 'letter') && (afterBlank || (current.text.length < 70 && !/,$/u.test(current.text))));
    if (continues && current) {
      current.text = `${current.text} ${body}`.replace(/(\S)- (\S)/gu, (all, a: string, b: string) => (/\d/u.test(a) ? `${a}-${b}` : all));
      current.end = start + raw.length;
    } else {
      current = { kind, marker, text: body, start, end: start + raw.length, upper };
      blocks.push(current);
    }
    prevLine = line;
  }
  return blocks;
}
