/**
 * Reads the text of an issued plan from the file it arrives as: plain text, Word (.docx, with
 * mammoth), PDF (its text layer with pdftotext; a scan without one page by page through pdftoppm
 * and tesseract) or an image (tesseract). OCR uses tesseract's Vietnamese model (-l vie).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';

const run = promisify(execFile);

/** How the text was obtained. */
export type TextSource = 'text' | 'docx' | 'pdf-text' | 'pdf-ocr' | 'image-ocr';

export interface ReadText {
  text: string;
  source: TextSource;
  /** Pages read by OCR, when OCR was used. */
  pages?: number;
}

/** A file that cannot be read, with a message for the person at the terminal (Vietnamese). */
export class DocumentReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentReadError';
  }
}

export const SUPPORTED_EXTENSIONS = ['.txt', '.docx', '.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'];

async function tool(cmd: string, args: string[], pkg: string, timeout = 120_000): Promise<string> {
  try {
    // One thread per tesseract: its OpenMP threads only slow it down; pages run side by side instead.
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const { stdout } = await run(cmd, args, { maxBuffer: 64 * 1024 * 1024, timeout, encoding: 'utf8', env });
    return stdout;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new DocumentReadError(`Thiếu chương trình ${cmd}; hãy cài gói ${pkg} (sudo apt-get install -y ${pkg}).`);
    throw new DocumentReadError(`${cmd} không đọc được tệp: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** OCR of one image file with tesseract's Vietnamese model. */
export async function ocrImage(file: string): Promise<string> {
  return tool('tesseract', [file, 'stdout', '-l', 'vie', '--psm', '4'], 'tesseract-ocr-vie');
}

function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Pages read by OCR at the same time (one tesseract per core of a 2-core machine). */
const OCR_PARALLEL = 2;

/** Letters per page below which a PDF page is taken to be a scan without a text layer. */
const MIN_LETTERS_PER_PAGE = 40;

export async function readDocumentText(bytes: Buffer, filename: string): Promise<ReadText> {
  const ext = path.extname(filename).toLowerCase();
  if (ext === '.txt') return { text: decodeText(bytes), source: 'text' };
  if (ext === '.docx') {
    try {
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      return { text: value, source: 'docx' };
    } catch (err) {
      throw new DocumentReadError(`Không đọc được tệp Word ${filename}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    throw new DocumentReadError(`Không nhận dạng được loại tệp "${ext || filename}". Hãy dùng tệp .txt, .docx, .pdf hoặc ảnh .png/.jpg.`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'plan-import-'));
  try {
    const file = path.join(dir, `input${ext}`);
    await writeFile(file, bytes);
    if (ext !== '.pdf') return { text: await ocrImage(file), source: 'image-ocr', pages: 1 };
    const info = await tool('pdfinfo', [file], 'poppler-utils');
    const pages = Number(/Pages:\s+(\d+)/u.exec(info)?.[1] ?? '1');
    const layer = await tool('pdftotext', ['-enc', 'UTF-8', file, '-'], 'poppler-utils');
    const letters = (layer.match(/\p{L}/gu) ?? []).length;
    if (letters >= MIN_LETTERS_PER_PAGE * pages) return { text: layer.replace(/\f/gu, '\n'), source: 'pdf-text' };
    // A scan: every page to an image, then OCR, in page order.
    await tool('pdftoppm', ['-r', '300', '-gray', '-png', file, path.join(dir, 'page')], 'poppler-utils', 300_000);
    const images = (await readdir(dir)).filter((f) => /^page-\d+\.png$/u.test(f)).sort((a, b) => Number(/\d+/u.exec(a)?.[0]) - Number(/\d+/u.exec(b)?.[0]));
    const texts: string[] = new Array<string>(images.length).fill('');
    let next = 0;
    const worker = async () => {
      while (next < images.length) {
        const i = next++;
        texts[i] = await ocrImage(path.join(dir, images[i]!));
      }
    };
    await Promise.all(Array.from({ length: Math.min(OCR_PARALLEL, images.length) }, worker));
    return { text: texts.join('\n'), source: 'pdf-ocr', pages: images.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
