/**
 * Spreadsheet rows as the directory's import and export see them: CSV text read and written
 * here (RFC 4180 quoting, a UTF-8 byte-order mark so Excel shows Vietnamese, comma, semicolon
 * or tab separators), XLSX read and written by infra with the same row shape. Pure.
 */

/** One cell as a spreadsheet gives it. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A sheet: its rows, the first one the header. */
export interface Sheet {
  rows: Cell[][];
}

/** Reads CSV text (BOM, CRLF and quoted cells with line breaks allowed); the separator is guessed from the header. */
export function parseCsv(text: string): Sheet {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: countOutsideQuotes(firstLine, d) }));
  const sep = counts.sort((a, b) => b.n - a.n)[0]!.n > 0 ? counts[0]!.d : ',';
  const rows: Cell[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i += 1;
    } else if (ch === sep) {
      row.push(cell);
      cell = '';
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return { rows };
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === d) n += 1;
  }
  return n;
}

/** Writes rows as CSV with a byte-order mark and CRLF line ends (what Excel opens as UTF-8). */
export function writeCsv(rows: readonly (readonly Cell[])[]): string {
  const quote = (c: Cell) => {
    const s = cellText(c);
    return /[",;\r\n\t]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** A cell as trimmed text ('' for an empty cell); numbers as written, dates as dd/mm/yyyy. */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return `${String(c.getUTCDate()).padStart(2, '0')}/${String(c.getUTCMonth() + 1).padStart(2, '0')}/${c.getUTCFullYear()}`;
  return String(c).normalize('NFC').trim();
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
