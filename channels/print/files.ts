/** The print files of a brief (poster A3, A1, pano 3:1) and their preview page; one home for the draft and the CLI. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ContentBrief } from '../../domain/brief.js';
import { escapeXml } from '../../render/sanitize.js';
import { BLEED_MM, PRINT_SIZES, PrintTextTooLongError, renderPrintPdf, type PrintFormat } from '../../render/print/poster.js';
import type { ChannelFile } from '../qa-set/files.js';

export const PRINT_FORMATS: readonly PrintFormat[] = ['a3', 'a1', 'pano'];
export const printFileName = (f: PrintFormat) => (f === 'pano' ? 'pano-3x1.pdf' : `ap-phich-${f}.pdf`);

/** The thumbnail of a print file beside it: `ap-phich-a3.pdf` → `ap-phich-a3.png`. */
export const printThumbnailName = (pdfName: string) => pdfName.replace(/\.pdf$/, '.png');

/** Long side of a thumbnail, in pixels: enough to read the headline on the approval page. */
const THUMBNAIL_PX = 900;

/**
 * The first page of `pdf` as a PNG, drawn by poppler's pdftoppm from the print file itself (so
 * the approver sees exactly what goes to the print shop, bleed included). Undefined when
 * pdftoppm is not installed: the preview then lists the files without pictures and says why.
 */
export async function pdfThumbnail(pdf: Buffer, pdftoppm = 'pdftoppm'): Promise<Buffer | undefined> {
  const dir = await mkdtemp(path.join(tmpdir(), 'print-thumb-'));
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf);
    await promisify(execFile)(pdftoppm, ['-png', '-singlefile', '-scale-to', String(THUMBNAIL_PX), path.join(dir, 'in.pdf'), path.join(dir, 'out')]);
    return await readFile(path.join(dir, 'out.png'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function printFiles(brief: ContentBrief): Promise<{ files: ChannelFile[]; summary: string; problems: string[] }> {
  const pdfs: (ChannelFile & { body: Buffer; label: string; thumbnail?: string })[] = [];
  const problems: string[] = [];
  for (const f of PRINT_FORMATS) {
    try {
      pdfs.push({ name: printFileName(f), body: renderPrintPdf(brief, f), contentType: 'application/pdf', what: `${PRINT_SIZES[f].label}, lề xén ${BLEED_MM} mm, chữ dạng vector`, label: PRINT_SIZES[f].label });
    } catch (err) {
      if (err instanceof PrintTextTooLongError) problems.push(`${PRINT_SIZES[f].label}: ${err.message}`);
      else throw err;
    }
  }
  const thumbnails: ChannelFile[] = [];
  for (const pdf of pdfs) {
    const png = await pdfThumbnail(pdf.body);
    if (!png) continue;
    pdf.thumbnail = printThumbnailName(pdf.name);
    thumbnails.push({ name: pdf.thumbnail, body: png, contentType: 'image/png', what: `ảnh xem trước của ${pdf.label}` });
  }
  const kb = (b: Buffer) => `${Math.round((b.length / 1024) * 10) / 10} KB`;
  const items = pdfs
    .map((f) => {
      const picture = f.thumbnail ? `<img src="${escapeXml(f.thumbnail)}" alt="${escapeXml(`${f.label}: ${brief.headline}`)}">` : '';
      return `<figure>${picture}<figcaption><a href="${escapeXml(f.name)}">${escapeXml(f.what)}</a> — ${escapeXml(f.name)} (${kb(f.body)})</figcaption></figure>`;
    })
    .join('\n');
  const noPictures = pdfs.length > 0 && thumbnails.length === 0 ? '<p>Chưa có ảnh xem trước: máy chủ thiếu công cụ pdftoppm (gói poppler-utils). Hãy mở tệp PDF để xem.</p>\n' : '';
  const preview: ChannelFile = {
    name: 'preview.html',
    body: `<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>Bản in: ${escapeXml(brief.headline)}</title>\n<style>body{font-family:"Be Vietnam Pro","Noto Sans",system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}figure{margin:0 0 1.5rem}img{display:block;max-width:100%;max-height:32rem;height:auto;border:1px solid #ccc;background:#fff}figcaption{margin-top:0.4rem}</style>\n</head>\n<body>\n<h1>Bản in: ${escapeXml(brief.headline)}</h1>\n<p>Ảnh dưới đây được vẽ từ chính tệp in, kể cả lề xén ${BLEED_MM} mm quanh mép.</p>\n${noPictures}${items}\n${problems.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}\n</body>\n</html>\n`,
    contentType: 'text/html; charset=utf-8',
    what: 'trang xem trước (HTML)',
  };
  return {
    files: [...pdfs.map(({ label: _label, thumbnail: _thumbnail, ...file }) => file), ...thumbnails, preview],
    summary: `${pdfs.length} tệp PDF in ấn (áp phích A3, A1, pano 3:1; lề xén ${BLEED_MM} mm)`,
    problems,
  };
}
