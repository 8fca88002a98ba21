/** The print files of a brief (poster A3, A1, pano 3:1) and their preview page; one home for the draft and the CLI. */
import type { ContentBrief } from '../../domain/brief.js';
import { escapeXml } from '../../render/sanitize.js';
import { BLEED_MM, PRINT_SIZES, PrintTextTooLongError, renderPrintPdf, type PrintFormat } from '../../render/print/poster.js';
import type { ChannelFile } from '../qa-set/files.js';

export const PRINT_FORMATS: readonly PrintFormat[] = ['a3', 'a1', 'pano'];
export const printFileName = (f: PrintFormat) => (f === 'pano' ? 'pano-3x1.pdf' : `ap-phich-${f}.pdf`);

export async function printFiles(brief: ContentBrief): Promise<{ files: ChannelFile[]; summary: string; problems: string[] }> {
  const files: ChannelFile[] = [];
  const problems: string[] = [];
  for (const f of PRINT_FORMATS) {
    try {
      files.push({ name: printFileName(f), body: renderPrintPdf(brief, f), contentType: 'application/pdf', what: `${PRINT_SIZES[f].label}, lề xén ${BLEED_MM} mm, chữ dạng vector` });
    } catch (err) {
      if (err instanceof PrintTextTooLongError) problems.push(`${PRINT_SIZES[f].label}: ${err.message}`);
      else throw err;
    }
  }
  const rows = files.map((f) => `<li>${escapeXml(f.what)} — ${escapeXml(f.name)} (${Math.round((f.body.length / 1024) * 10) / 10} KB)</li>`).join('\n');
  files.push({
    name: 'preview.html',
    body: `<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>Bản in: ${escapeXml(brief.headline)}</title>\n<style>body{font-family:"Be Vietnam Pro","Noto Sans",system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}</style>\n</head>\n<body>\n<h1>Bản in: ${escapeXml(brief.headline)}</h1>\n<ul>\n${rows}\n</ul>\n${problems.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}\n</body>\n</html>\n`,
    contentType: 'text/html; charset=utf-8',
    what: 'trang xem trước (HTML)',
  });
  return { files, summary: `${files.length - 1} tệp PDF in ấn (áp phích A3, A1, pano 3:1; lề xén ${BLEED_MM} mm)`, problems };
}
