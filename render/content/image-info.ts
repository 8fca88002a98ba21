/**
 * File extension and pixel size of an image from its content type and first bytes, without an
 * image library: PNG (IHDR), JPEG (SOF marker), WebP (VP8/VP8L/VP8X) and SVG (width/height or
 * viewBox of the root element). Used to give `<img>` its width and height.
 */

/** Image types the site and the briefings accept, with their file extension. */
export const IMAGE_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
} as const;

export type ImageContentType = keyof typeof IMAGE_TYPES;

/** Content type for a file extension we serve (inverse of IMAGE_TYPES; `jpeg` accepted). */
export function contentTypeForExtension(ext: string): ImageContentType | undefined {
  const e = ext.toLowerCase() === 'jpeg' ? 'jpg' : ext.toLowerCase();
  return (Object.entries(IMAGE_TYPES) as [ImageContentType, string][]).find(([, x]) => x === e)?.[0];
}

export interface ImageInfo {
  contentType: ImageContentType;
  ext: (typeof IMAGE_TYPES)[ImageContentType];
  width?: number;
  height?: number;
}

/** Undefined when the content type is not one we accept. */
export function imageInfo(contentType: string | undefined, body: Buffer): ImageInfo | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase() as ImageContentType;
  if (!(type in IMAGE_TYPES)) return undefined;
  const size = type === 'image/png' ? pngSize(body) : type === 'image/jpeg' ? jpegSize(body) : type === 'image/webp' ? webpSize(body) : svgSize(body);
  return { contentType: type, ext: IMAGE_TYPES[type], ...size };
}

type Size = { width: number; height: number } | Record<string, never>;

function pngSize(b: Buffer): Size {
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR') return {};
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function jpegSize(b: Buffer): Size {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return {};
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return {};
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return {};
}

function webpSize(b: Buffer): Size {
  if (b.length < 30 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return {};
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  return {};
}

function svgSize(b: Buffer): Size {
  const head = b.toString('utf8', 0, Math.min(b.length, 4096));
  const root = /<svg\b[^>]*>/i.exec(head)?.[0];
  if (!root) return {};
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1];
  const px = (v: string | undefined) => (v && /^\s*\d+(?:\.\d+)?\s*(?:px)?\s*$/.test(v) ? Math.round(parseFloat(v)) : undefined);
  const width = px(attr('width'));
  const height = px(attr('height'));
  if (width && height) return { width, height };
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box && box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0) return { width: Math.round(box[2]!), height: Math.round(box[3]!) };
  return {};
}
