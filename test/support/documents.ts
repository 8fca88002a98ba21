/**
 * Test and bench documents made from a plan's text: a Word file (docx package), page images as a
 * scanner would give them (SVG text in the shipped Be Vietnam Pro font, rendered by sharp), and a
 * PDF holding only those page images (no text layer), as a scanned copy is.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import sharp from '../../render/sharp.js';

/** A .docx with one paragraph per non-empty line of `text`. */
export async function textToDocx(text: string): Promise<Buffer> {
  const paragraphs = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => new Paragraph({ children: [new TextRun({ text: l, font: 'Times New Roman', size: 28 })] }));
  const doc = new Document({ sections: [{ children: paragraphs }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

const escapeXml = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of line.split(/\s+/u).filter(Boolean)) {
    if (cur && cur.length + 1 + w.length > width) {
      out.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) out.push(cur);
  return out.length ? out : [''];
}

export interface PageOptions {
  /** Lines per page (default 48). */
  linesPerPage?: number;
  /** Characters per line before wrapping (default 86). */
  width?: number;
  /** Pixels per inch of the page image (default 200). */
  dpi?: number;
}

/** `text` laid out on A4 pages, each a grayscale PNG, as a scan at `dpi` would be. */
export async function textToPageImages(text: string, options: PageOptions = {}): Promise<Buffer[]> {
  const dpi = options.dpi ?? 200;
  const width = Math.round(8.27 * dpi);
  const height = Math.round(11.69 * dpi);
  const perPage = options.linesPerPage ?? 48;
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\t+/gu, '    ').trim())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1]!.trim() !== ''))
    .flatMap((l) => wrap(l, options.width ?? 86));
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  const lineHeight = Math.round((height - 2 * dpi) / perPage);
  // About 11 pt type, smaller when more lines must fit, never overlapping.
  const size = Math.min(Math.round(dpi * 0.15), Math.round(lineHeight * 0.62));
  return Promise.all(
    pages.map(async (page) => {
      const texts = page.map((l, i) => `<text x="${dpi}" y="${dpi + (i + 1) * lineHeight}" font-family="Be Vietnam Pro" font-size="${size}" fill="#111">${escapeXml(l)}</text>`).join('');
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${texts}</svg>`;
      return sharp(Buffer.from(svg)).grayscale().png().toBuffer();
    }),
  );
}

/** A PDF whose pages are only the given images (JPEG inside), without any text layer. */
export async function imagesToPdf(pngs: Buffer[]): Promise<Buffer> {
  const images = await Promise.all(
    pngs.map(async (png) => {
      const meta = await sharp(png).metadata();
      return { jpeg: await sharp(png).toColourspace('b-w').jpeg({ quality: 85 }).toBuffer(), width: meta.width ?? 1, height: meta.height ?? 1 };
    }),
  );
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    length += buf.length;
  };
  const object = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    for (const b of body) push(b);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n');
  const pageIds = images.map((_, i) => 3 + i * 3);
  object(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  object(2, [`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${images.length} >>`]);
  images.forEach((img, i) => {
    const [page, content, image] = [3 + i * 3, 4 + i * 3, 5 + i * 3];
    const w = 595;
    const h = Math.round((595 * img.height) / img.width);
    object(page, [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im${i} ${image} 0 R >> >> /Contents ${content} 0 R >>`]);
    const draw = `q ${w} 0 0 ${h} 0 0 cm /Im${i} Do Q`;
    object(content, [`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`]);
    object(image, [`<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${img.jpeg.length} >>\nstream\n`, img.jpeg, '\nendstream']);
  });
  const xref = length;
  const count = 3 + images.length * 3;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

/**
 * A PDF with a real text layer in the standard Helvetica font (so ASCII only): what a copy
 * printed to PDF without its Vietnamese marks looks like to pdftotext.
 */
export function asciiTextPdf(text: string): Buffer {
  const lines = text
    .split('\n')
    .map((l) => l.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, (c) => (c === 'đ' ? 'd' : 'D')).replace(/[^\x20-\x7e]/gu, ' '))
    .flatMap((l) => wrap(l, 95));
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += 50) pages.push(lines.slice(i, i + 50));
  const esc = (s: string) => s.replace(/[\\()]/gu, (c) => `\\${c}`);
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((page, i) => {
    const stream = `BT /F1 10 Tf 50 800 Td 14 TL ${page.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET`;
    objects[4 + i * 2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`;
    objects[5 + i * 2] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = out.length;
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
