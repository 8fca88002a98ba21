/**
 * Draft previews (the web post, the press briefing) are shown in sandboxed frames: their
 * documents have an opaque origin, so any request they make — for an image, say — is
 * cross-site and carries no session cookie (the dashboard answers it with a redirect to
 * sign-in). Before a preview document is served, every image it names by a plain file name is
 * read from the preview's own folder, shrunk to a preview size and embedded as a data: URI, so
 * the frame needs no request at all. The same headers serve every draft file: scripts never
 * run, nothing is fetched but embedded data.
 */
import type { StoredObject } from '../infra/object-store.js';
import sharp from '../render/sharp.js';

/** The frames are at most about 1,000 px wide; a wider image only makes the page heavier. */
export const PREVIEW_IMAGE_WIDTH = 960;
/** An image still larger than this after shrinking is left out rather than embedded. */
export const MAX_EMBEDDED_BYTES = 1_500_000;

/** `<img … src="name.png"`: a plain file name in the document's own folder (no path, no scheme). */
const IMG_SRC = /(<img\b[^>]*?\ssrc=")([a-z0-9][a-z0-9._-]{0,120})(")/gi;
const EMBEDDABLE = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** Headers of every draft file served to a preview frame or opened from a draft page. */
export function draftFileHeaders(contentType: string | undefined): Record<string, string> {
  return {
    'Content-Type': contentType ?? 'application/octet-stream',
    'Content-Security-Policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; sandbox; frame-ancestors 'self'",
    // Only the product's own pages may frame a draft.
    'X-Frame-Options': 'SAMEORIGIN',
  };
}

/** The image as a data: URI of preview size, or undefined when it is not an image we embed. */
async function dataUri(obj: StoredObject | undefined): Promise<string | undefined> {
  const type = obj?.contentType?.split(';')[0]?.trim().toLowerCase();
  if (!obj || !type || !EMBEDDABLE.has(type)) return undefined;
  try {
    const small = await sharp(obj.body).resize({ width: PREVIEW_IMAGE_WIDTH, withoutEnlargement: true }).webp({ quality: 85 }).toBuffer();
    return small.length <= MAX_EMBEDDED_BYTES ? `data:image/webp;base64,${small.toString('base64')}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The preview document with each image of its own folder embedded. `read(name)` returns the
 * file `name` of the document's folder; names that are not an embeddable image stay as they are.
 */
export async function embedPreviewImages(html: string, read: (name: string) => Promise<StoredObject | undefined>): Promise<string> {
  const names = [...new Set([...html.matchAll(IMG_SRC)].map((m) => m[2]!))];
  if (!names.length) return html;
  const uris = new Map<string, string>();
  for (const name of names) {
    const uri = await dataUri(await read(name).catch(() => undefined));
    if (uri) uris.set(name, uri);
  }
  return html.replace(IMG_SRC, (all, before: string, name: string, after: string) => (uris.has(name) ? `${before}${uris.get(name)}${after}` : all));
}

/**
 * A stored draft file as a preview frame gets it: HTML with its images embedded, anything
 * else unchanged. `key` is the file's key in the store.
 */
export async function previewBody(obj: StoredObject, read: (key: string) => Promise<StoredObject | undefined>): Promise<Uint8Array<ArrayBuffer>> {
  if (!obj.contentType?.toLowerCase().startsWith('text/html')) return new Uint8Array(obj.body);
  const folder = obj.key.slice(0, obj.key.lastIndexOf('/') + 1);
  const html = await embedPreviewImages(obj.body.toString('utf8'), (name) => read(`${folder}${name}`));
  return new Uint8Array(Buffer.from(html, 'utf8'));
}
