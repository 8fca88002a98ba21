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

/**
 * Headers of every draft file served to a preview frame or opened from a draft page. A preview
 * that plays media (the short video) may load video and subtitles from its own origin and keeps
 * that origin (still sandboxed, no script): its players' requests then carry the session, and a
 * subtitle track is same-origin.
 */
export function draftFileHeaders(contentType: string | undefined, options: { media?: boolean } = {}): Record<string, string> {
  const policy = options.media
    ? "default-src 'none'; img-src data:; media-src 'self'; style-src 'unsafe-inline'; font-src data:; sandbox allow-same-origin; frame-ancestors 'self'"
    : "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; sandbox; frame-ancestors 'self'";
  return {
    'Content-Type': contentType ?? 'application/octet-stream',
    'Content-Security-Policy': policy,
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

/**
 * The byte range a `Range` header asks of a file of `size` bytes (one range; players seek with
 * it): undefined for the whole file (no header, or one we do not serve partly), 'unsatisfiable'
 * for a range past the end.
 */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (!m[1] && !m[2])) return undefined;
  let start: number;
  let end: number;
  if (!m[1]) {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
    if (m[2] && Number(m[2]) < start) return undefined;
  }
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** A draft file's body, status and headers for a request with `range` (206 for a part, with Accept-Ranges always). */
export function rangedBody(body: Uint8Array<ArrayBuffer>, range: string | undefined, headers: Record<string, string>): { body: Uint8Array<ArrayBuffer>; status: 200 | 206 | 416; headers: Record<string, string> } {
  const r = byteRange(range, body.length);
  if (r === undefined) return { body, status: 200, headers: { ...headers, 'Accept-Ranges': 'bytes' } };
  if (r === 'unsatisfiable') return { body: new Uint8Array(0), status: 416, headers: { 'Content-Range': `bytes */${body.length}`, 'Accept-Ranges': 'bytes' } };
  return { body: body.subarray(r.start, r.end + 1), status: 206, headers: { ...headers, 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${r.start}-${r.end}/${body.length}` } };
}
