/**
 * Spreadsheet files for the directory's import and export: CSV (UTF-8, with or without a
 * byte-order mark) and XLSX (read-excel-file, write-excel-file). The rows go to and come from
 * the pure import in domain/directory/import.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { parseCsv, writeCsv, type Cell, type Sheet } from '../domain/directory/table.js';

export type SheetFormat = 'csv' | 'xlsx';

/** A file that is not a readable spreadsheet (the message says why, in Vietnamese). */
export class SheetFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetFileError';
  }
}

export function formatOf(file: string): SheetFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' || ext === '.txt' ? 'csv' : ext === '.xlsx' ? 'xlsx' : undefined;
}

/** Reads the first sheet of an XLSX workbook. */
export async function xlsxSheet(bytes: Buffer): Promise<Sheet> {
  try {
    return { rows: (await readSheet(bytes)) as Cell[][] };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'XLS_FILE_NOT_SUPPORTED') throw new SheetFileError('tệp Excel 97–2003 (.xls) chưa đọc được; hãy lưu lại dạng .xlsx hoặc .csv');
    throw new SheetFileError(`không đọc được tệp Excel (.xlsx): ${(err as Error).message}`);
  }
}

/** Reads a CSV or XLSX file (by its extension). */
export async function readSheetFile(file: string): Promise<Sheet> {
  const format = formatOf(file);
  if (!format) throw new SheetFileError(`“${path.basename(file)}” không phải tệp .csv hoặc .xlsx`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SheetFileError(code === 'ENOENT' ? `không tìm thấy tệp ${file}` : `không đọc được tệp ${file} (${code ?? String(err)})`);
  }
  if (format === 'xlsx') return xlsxSheet(bytes);
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw new SheetFileError('tệp CSV không phải mã UTF-8; trong Excel hãy lưu dạng “CSV UTF-8 (Comma delimited)”');
  return parseCsv(text);
}

/** The rows as an XLSX workbook of one sheet, header row bold and frozen. */
export async function xlsxBytes(rows: readonly (readonly string[])[], sheetName: string): Promise<Buffer> {
  const data = rows.map((r, i) => r.map((value) => (i === 0 ? { value, fontWeight: 'bold' as const } : { value })));
  const widths = (rows[0] ?? []).map((_, j) => ({ width: Math.min(60, Math.max(10, ...rows.slice(0, 200).map((r) => (r[j] ?? '').length + 2))) }));
  return writeXlsxFile(data, { sheet: sheetName.slice(0, 31), columns: widths, stickyRowsCount: 1 }).toBuffer();
}

/** Writes rows as CSV or XLSX (by the file's extension). */
export async function writeSheetFile(file: string, rows: readonly (readonly string[])[], sheetName: string): Promise<void> {
  const format = formatOf(file);
  if (!format) throw new SheetFileError(`“${path.basename(file)}” phải có đuôi .csv hoặc .xlsx`);
  await writeFile(file, format === 'csv' ? writeCsv(rows) : await xlsxBytes(rows, sheetName));
}
