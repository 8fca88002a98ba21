/**
 * A small PDF writer for print: pages with trim and bleed boxes, filled rectangles and text set
 * in the shipped Be Vietnam Pro fonts, embedded as subset TrueType (CIDFontType2, Identity-H)
 * with a ToUnicode map. Text stays vector and searchable; nothing is rasterised. Shaping and
 * kerning come from fontkit. Sizes are in PDF points (1/72 inch).
 */
import { deflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { fontPath, type FontWeight } from '../fonts.js';

export const MM = 72 / 25.4;

type Rgb = readonly [number, number, number];

/** "#a4161a" → [0.64, 0.09, 0.10]. */
export function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

interface TextOp {
  kind: 'text';
  weight: FontWeight;
  size: number;
  x: number;
  y: number;
  color: Rgb;
  glyphs: fontkit.Glyph[];
  adjust: number[];
}
interface RectOp {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  color: Rgb;
}
type Op = TextOp | RectOp;

const fonts = new Map<FontWeight, fontkit.Font>();
export function fontOf(weight: FontWeight): fontkit.Font {
  let f = fonts.get(weight);
  if (!f) {
    f = fontkit.openSync(fontPath(weight)) as fontkit.Font;
    fonts.set(weight, f);
  }
  return f;
}

/** Width of `text` at `size` points in the given weight (shaped, kerned). */
export function textWidth(text: string, weight: FontWeight, size: number): number {
  const font = fontOf(weight);
  const run = font.layout(text.normalize('NFC'));
  return (run.positions.reduce((s, p) => s + p.xAdvance, 0) * size) / font.unitsPerEm;
}

/** One page being drawn. Coordinates are from the trimmed page's top-left corner, in points. */
export class PdfPage {
  readonly ops: Op[] = [];
  constructor(
    readonly width: number,
    readonly height: number,
    readonly bleed: number,
  ) {}

  /** A filled rectangle; extend it past the trim edge by `bleed` to print to the edge. */
  rect(x: number, y: number, w: number, h: number, color: string): void {
    this.ops.push({ kind: 'rect', x, y, w, h, color: rgb(color) });
  }

  /** One line of text with its baseline at `y`; align left, center or right on `x`. */
  text(text: string, x: number, y: number, o: { size: number; weight: FontWeight; color: string; align?: 'left' | 'center' | 'right' }): void {
    const font = fontOf(o.weight);
    const run = font.layout(text.normalize('NFC'));
    const width = (run.positions.reduce((s, p) => s + p.xAdvance, 0) * o.size) / font.unitsPerEm;
    const left = o.align === 'center' ? x - width / 2 : o.align === 'right' ? x - width : x;
    // TJ adjustments (thousandths of the text size): the glyph's own width minus where shaping puts the next one.
    const adjust = run.glyphs.map((g, i) => ((g.advanceWidth - run.positions[i]!.xAdvance) * 1000) / font.unitsPerEm);
    this.ops.push({ kind: 'text', weight: o.weight, size: o.size, x: left, y, color: rgb(o.color), glyphs: run.glyphs, adjust });
  }
}

/** A document of pages; `render()` embeds the font subsets and writes the file. */
export class PdfDocument {
  private readonly pages: PdfPage[] = [];
  constructor(private readonly info: { title: string; author: string }) {}

  page(widthPt: number, heightPt: number, bleedPt: number): PdfPage {
    const p = new PdfPage(widthPt, heightPt, bleedPt);
    this.pages.push(p);
    return p;
  }

  render(): Buffer {
    const objects: (string | Buffer)[] = [];
    const add = (o: string | Buffer) => objects.push(o) as number; // 1-based object number
    const stream = (dict: string, data: Buffer, compress = true) => {
      const body = compress ? deflateSync(data) : data;
      return Buffer.concat([Buffer.from(`<< ${dict} /Length ${body.length}${compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream', 'latin1')]);
    };

    // Font subsets: every glyph used, per weight, renumbered.
    const weights = [...new Set(this.pages.flatMap((p) => p.ops.flatMap((o) => (o.kind === 'text' ? [o.weight] : []))))];
    const subsets = new Map<FontWeight, { map: Map<number, number>; obj: number; name: string }>();
    const fontObjs: number[] = [];
    weights.forEach((weight, i) => {
      const font = fontOf(weight);
      const subset = font.createSubset();
      // fontkit returns the glyph's id in the subset (its typings say otherwise).
      const include = (g: fontkit.Glyph) => subset.includeGlyph(g) as unknown as number;
      const map = new Map<number, number>();
      const glyphs = new Map<number, fontkit.Glyph>();
      map.set(0, include(font.getGlyph(0)));
      for (const p of this.pages) for (const o of p.ops) if (o.kind === 'text' && o.weight === weight) for (const g of o.glyphs) if (!map.has(g.id)) {
        map.set(g.id, include(g));
        glyphs.set(g.id, g);
      }
      const file = Buffer.from(subset.encode());
      const tag = `${String.fromCharCode(65 + i)}AAAA${String.fromCharCode(65 + ((weight / 100) % 26))}+`;
      const name = `${tag}${font.postscriptName}`;
      const scale = 1000 / font.unitsPerEm;
      const fontFile = add(stream(`/Length1 ${file.length}`, file));
      const b = font.bbox;
      const descriptor = add(
        `<< /Type /FontDescriptor /FontName /${name} /Flags 32 /FontBBox [${[b.minX, b.minY, b.maxX, b.maxY].map((v) => Math.round(v * scale)).join(' ')}] /ItalicAngle 0 /Ascent ${Math.round(font.ascent * scale)} /Descent ${Math.round(font.descent * scale)} /CapHeight ${Math.round(font.capHeight * scale)} /StemV 120 /FontFile2 ${fontFile} 0 R >>`,
      );
      const widths = [...glyphs.values()].map((g) => `${map.get(g.id)} [${Math.round(g.advanceWidth * scale)}]`).join(' ');
      const cid = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /W [${widths}] /CIDToGIDMap /Identity >>`);
      const hex4 = (n: number) => n.toString(16).padStart(4, '0');
      const utf16 = (cps: number[]) => [...String.fromCodePoint(...cps)].map((ch) => Buffer.from(ch, 'utf16le').swap16().toString('hex')).join('');
      const entries = [...glyphs.values()].filter((g) => g.codePoints.length > 0).map((g) => `<${hex4(map.get(g.id)!)}> <${utf16(g.codePoints)}>`);
      const chunks: string[] = [];
      for (let k = 0; k < entries.length; k += 100) chunks.push(`${Math.min(100, entries.length - k)} beginbfchar\n${entries.slice(k, k + 100).join('\n')}\nendbfchar`);
      const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n${chunks.join('\n')}\nendcmap CMapName currentdict /CMap defineresource pop end end`;
      const toUnicode = add(stream('', Buffer.from(cmap, 'latin1')));
      const type0 = add(`<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
      subsets.set(weight, { map, obj: type0, name: `F${i + 1}` });
      fontObjs.push(type0);
    });
    const fontRes = `<< ${[...subsets.values()].map((s) => `/${s.name} ${s.obj} 0 R`).join(' ')} >>`;

    const pagesObj = objects.length + 1 + this.pages.length * 2;
    const pageObjs: number[] = [];
    const n = (v: number) => (Math.round(v * 1000) / 1000).toString();
    for (const p of this.pages) {
      const W = p.width + 2 * p.bleed;
      const H = p.height + 2 * p.bleed;
      // Page space: origin at the bottom-left of the bleed box; ops are from the trim's top-left.
      const X = (x: number) => n(x + p.bleed);
      const Y = (y: number) => n(H - p.bleed - y);
      const lines: string[] = [];
      for (const o of p.ops) {
        const [r, g, b] = o.color.map(n);
        if (o.kind === 'rect') lines.push(`${r} ${g} ${b} rg ${X(o.x)} ${Y(o.y + o.h)} ${n(o.w)} ${n(o.h)} re f`);
        else {
          const s = subsets.get(o.weight)!;
          const tj = o.glyphs.map((gl, i) => `<${s.map.get(gl.id)!.toString(16).padStart(4, '0')}>${Math.abs(o.adjust[i]!) > 0.01 ? ` ${n(o.adjust[i]!)}` : ''}`).join(' ');
          lines.push(`BT ${r} ${g} ${b} rg /${s.name} ${n(o.size)} Tf ${X(o.x)} ${Y(o.y)} Td [${tj}] TJ ET`);
        }
      }
      const content = add(stream('', Buffer.from(lines.join('\n'), 'latin1')));
      const box = (x0: number, y0: number, x1: number, y1: number) => `[${[x0, y0, x1, y1].map(n).join(' ')}]`;
      pageObjs.push(
        add(
          `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox ${box(0, 0, W, H)} /BleedBox ${box(0, 0, W, H)} /TrimBox ${box(p.bleed, p.bleed, W - p.bleed, H - p.bleed)} /Resources << /Font ${fontRes} >> /Contents ${content} 0 R >>`,
        ),
      );
    }
    const pagesNo = add(`<< /Type /Pages /Kids [${pageObjs.map((o) => `${o} 0 R`).join(' ')}] /Count ${pageObjs.length} >>`);
    if (pagesNo !== pagesObj) throw new Error(`internal: pages object ${pagesNo} != ${pagesObj}`);
    const pdfString = (s: string) => `<FEFF${Buffer.from(s, 'utf16le').swap16().toString('hex')}>`;
    const info = add(`<< /Title ${pdfString(this.info.title)} /Author ${pdfString(this.info.author)} /Producer (campaign-ops) >>`);
    const catalog = add(`<< /Type /Catalog /Pages ${pagesNo} 0 R >>`);

    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    const offsets: number[] = [];
    let size = parts[0]!.length;
    objects.forEach((o, i) => {
      offsets.push(size);
      const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(o) ? o : Buffer.from(o, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
      parts.push(chunk);
      size += chunk.length;
    });
    const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
    parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${size}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }
}
