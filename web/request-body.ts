/**
 * Request bodies, read late and never beyond a limit.
 *
 * `limitBodies()` runs for every request of the server: a body that announces (Content-Length)
 * more than the limit is refused with 413 before anything is read, and any other body is
 * wrapped in a lazy stream that counts bytes as a route reads them and fails past the limit.
 * Nothing is read up front, so a route can refuse a bad token before it looks at the body.
 * (hono's own `bodyLimit` reads the whole body, up to the limit, before the route runs.)
 *
 * `readForm(c)` is how routes read a form: only urlencoded or multipart bodies, strict UTF-8 and
 * percent-decoding; a problem (too large, malformed, another content type) comes back as a
 * value for the route to answer with `bodyProblemPage`, never as an exception.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { JINGLE_MAX_BYTES } from '../domain/directory/jingle.js';
import { formatVnNumber } from '../domain/numbers.js';
import { renderPage } from './views.js';

/** The largest form any route accepts (no route takes uploads). A full approval form with
 * every field at its maximum, all in percent-encoded Vietnamese, stays under 40 KB. */
export const FORM_MAX_BYTES = 64 * 1024;

/** The largest spreadsheet upload (directory imports, `/units/…/import`): a province's stations fit many times over. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** A station's intro and outro (`/units/…/stations/…`): two files of at most JINGLE_MAX_BYTES and the form. */
export const STATION_AUDIO_MAX_BYTES = 2 * JINGLE_MAX_BYTES + 256 * 1024;

/** Paths whose POST may carry an upload, and so the larger limit. */
export function uploadPath(path: string): boolean {
  return /^\/units\/[a-z0-9-]{1,100}\/import$/.test(path) || stationAudioPath(path);
}

const stationAudioPath = (path: string) => /^\/units\/[a-z0-9-]{1,100}\/stations\/[a-z0-9-]{1,100}$/.test(path);

/** The body limit of an upload path. */
function uploadLimit(path: string): number {
  return stationAudioPath(path) ? STATION_AUDIO_MAX_BYTES : UPLOAD_MAX_BYTES;
}

/** An uploaded file of a multipart form. */
export interface UploadedFile {
  name: string;
  type: string;
  bytes: Buffer;
}

/** A parsed urlencoded or multipart form (repeated names kept as lists; files by name). */
export interface Form {
  one(name: string): string | undefined;
  many(name: string): string[];
  /** The first non-empty file under this name (multipart forms only). */
  file?(name: string): UploadedFile | undefined;
}

export type BodyProblem = 'tooLarge' | 'malformed' | 'unsupportedType';

/** Raised by the limited stream once a route reads past the limit. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

const problems: Record<BodyProblem, { status: 400 | 413; title: string; text: string }> = {
  tooLarge: {
    status: 413,
    title: 'Nội dung gửi lên quá lớn',
    text: `Biểu mẫu vượt quá giới hạn ${FORM_MAX_BYTES / 1024} KB nên không được xử lý. Hãy rút gọn nội dung (nhận xét, thông điệp) rồi gửi lại.`,
  },
  malformed: {
    status: 400,
    title: 'Biểu mẫu không đọc được',
    text: 'Nội dung gửi lên bị lỗi mã hóa nên không được xử lý. Hãy mở lại trang và gửi biểu mẫu bằng nút trên trang.',
  },
  unsupportedType: {
    status: 400,
    title: 'Biểu mẫu không đúng định dạng',
    text: 'Máy chủ chỉ nhận biểu mẫu gửi từ các trang của hệ thống. Hãy mở lại trang và gửi biểu mẫu bằng nút trên trang.',
  },
};

/** "8,3 MB". */
function megabytes(bytes: number): string {
  return `${formatVnNumber(bytes / 1024 / 1024, 1)} MB`;
}

/** What "too large" means on `path`: the limit that applied there, and what to do. */
function tooLargeText(path: string): string {
  if (stationAudioPath(path)) {
    return `Các tệp âm thanh gửi cùng biểu mẫu vượt quá giới hạn ${megabytes(STATION_AUDIO_MAX_BYTES)} nên không được xử lý; mỗi tệp mở đầu, kết thúc tối đa ${megabytes(JINGLE_MAX_BYTES)}. Hãy chọn tệp nhỏ hơn rồi gửi lại.`;
  }
  if (uploadPath(path) || path === '/plans/upload') {
    return `Tệp tải lên vượt quá giới hạn ${megabytes(UPLOAD_MAX_BYTES)} nên không được xử lý. Hãy chọn tệp nhỏ hơn (hoặc tách thành nhiều tệp) rồi gửi lại.`;
  }
  return problems.tooLarge.text;
}

/** Status, heading and text of a body problem on `path`, for routes that render it in their own look. */
export function bodyProblemInfo(problem: BodyProblem, path = ''): { status: 400 | 413; title: string; text: string } {
  return problem === 'tooLarge' ? { ...problems.tooLarge, text: tooLargeText(path) } : problems[problem];
}

/** The plain Vietnamese page for a body problem (400 or 413). */
export function bodyProblemPage(c: Context, problem: BodyProblem): Response {
  const p = bodyProblemInfo(problem, c.req.path);
  c.header('Cache-Control', 'no-store');
  return c.html(renderPage('request-problem', p.title, p), p.status);
}

/** A stream that passes `source` through as it is read, and errors once more than `max` bytes came. */
function limitedStream(source: ReadableStream<Uint8Array>, max: number): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let size = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= source.getReader();
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        size += value.byteLength;
        if (size > max) {
          // Stop reading; the server discards (or cuts off) the rest after answering.
          reader.releaseLock();
          controller.error(new BodyTooLargeError(max));
          return;
        }
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader ? reader.cancel(reason) : source.cancel(reason);
      },
    },
    // Nothing is pulled until a route reads.
    { highWaterMark: 0 },
  );
}

function declaredLength(c: Context): number | undefined {
  if (c.req.header('transfer-encoding')) return undefined;
  const raw = c.req.header('content-length');
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

/**
 * Every request body of the server limited to `maxBytes`, counted as it is read. `larger` may
 * raise the limit for a few paths (a plan document upload, a whole plan's review form).
 */
export function limitBodies(maxBytes = FORM_MAX_BYTES, larger: (path: string) => number | undefined = () => undefined): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') {
      // Unit imports may be larger; a route with its own limit (plan upload) says itself what is too
      // large. Nothing past the limit is read either way.
      const raised = larger(c.req.path);
      const max = raised ?? (uploadPath(c.req.path) ? Math.max(maxBytes, uploadLimit(c.req.path)) : maxBytes);
      const declared = declaredLength(c);
      if (declared !== undefined && declared > max && raised === undefined) return bodyProblemPage(c, 'tooLarge');
      const body = c.req.raw.body;
      if (body) c.req.raw = new Request(c.req.raw, { body: limitedStream(body, max), duplex: 'half' } as RequestInit);
    }
    await next();
  };
}

/** Reads a body stream to the end, or stops as soon as it passes `max` bytes. */
async function readAtMost(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array | 'tooLarge'> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step: Awaited<ReturnType<typeof reader.read>>;
    try {
      step = await reader.read();
    } catch (err) {
      if (err instanceof BodyTooLargeError) return 'tooLarge';
      throw err;
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > max) {
      reader.releaseLock();
      return 'tooLarge';
    }
    chunks.push(step.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const plus = /\+/g;

/** `application/x-www-form-urlencoded`, strictly: invalid UTF-8 or a broken `%` escape is malformed. */
function parseUrlencoded(bytes: Uint8Array): [string, string][] | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  const pairs: [string, string][] = [];
  try {
    for (const part of text.split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      pairs.push([decodeURIComponent(name.replace(plus, ' ')), decodeURIComponent(value.replace(plus, ' '))]);
    }
  } catch {
    return undefined;
  }
  return pairs;
}

async function parseMultipart(bytes: Uint8Array, contentType: string): Promise<{ pairs: [string, string][]; files: [string, UploadedFile][] } | undefined> {
  try {
    const data = await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData();
    const pairs: [string, string][] = [];
    const blobs: [string, File][] = [];
    data.forEach((value, name) => {
      if (typeof value === 'string') pairs.push([name, value]);
      else if (value.size > 0) blobs.push([name, value]);
    });
    const files: [string, UploadedFile][] = [];
    for (const [name, f] of blobs) files.push([name, { name: f.name, type: f.type, bytes: Buffer.from(await f.arrayBuffer()) }]);
    return { pairs, files };
  } catch {
    return undefined;
  }
}

function formOf(pairs: [string, string][], files: [string, UploadedFile][] = []): Form {
  const many = (name: string) => pairs.filter(([k]) => k === name).map(([, v]) => v);
  return { one: (name) => many(name)[0], many, file: (name) => files.find(([k]) => k === name)?.[1] };
}

const read = new WeakMap<object, Promise<{ form: Form } | { problem: BodyProblem }>>();

/**
 * The request's form, read at most once per request. A request without a body is an empty form;
 * a body of another content type, a malformed one or one past `maxBytes` is a problem.
 */
export function readForm(c: Context, maxBytes = FORM_MAX_BYTES): Promise<{ form: Form } | { problem: BodyProblem }> {
  let found = read.get(c.req);
  if (!found) {
    found = readFormOnce(c, maxBytes);
    read.set(c.req, found);
  }
  return found;
}

async function readFormOnce(c: Context, maxBytes: number): Promise<{ form: Form } | { problem: BodyProblem }> {
  const body = c.req.raw.body;
  if (!body) return { form: formOf([]) };
  const declared = declaredLength(c);
  if (declared !== undefined && declared > maxBytes) return { problem: 'tooLarge' };
  const contentType = c.req.header('content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded' && mediaType !== 'multipart/form-data') {
    if (declared === 0 && !mediaType) return { form: formOf([]) };
    return { problem: 'unsupportedType' };
  }
  const bytes = await readAtMost(body, maxBytes);
  if (bytes === 'tooLarge') return { problem: 'tooLarge' };
  if (mediaType === 'multipart/form-data') {
    const parts = await parseMultipart(bytes, contentType);
    return parts ? { form: formOf(parts.pairs, parts.files) } : { problem: 'malformed' };
  }
  const pairs = parseUrlencoded(bytes);
  return pairs ? { form: formOf(pairs) } : { problem: 'malformed' };
}

/**
 * A multipart form with its files (the plan document upload), read at most once and never past
 * `maxBytes`. Problems come back as values, as with `readForm`.
 */
export async function readUpload(c: Context, maxBytes: number): Promise<{ form: Form; files: Map<string, UploadedFile> } | { problem: BodyProblem }> {
  const body = c.req.raw.body;
  const contentType = c.req.header('content-type') ?? '';
  if (contentType.split(';')[0]!.trim().toLowerCase() !== 'multipart/form-data') return { problem: body ? 'unsupportedType' : 'malformed' };
  if (!body) return { problem: 'malformed' };
  const declared = declaredLength(c);
  if (declared !== undefined && declared > maxBytes) return { problem: 'tooLarge' };
  const bytes = await readAtMost(body, maxBytes);
  if (bytes === 'tooLarge') return { problem: 'tooLarge' };
  try {
    const data = await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData();
    const pairs: [string, string][] = [];
    const files = new Map<string, UploadedFile>();
    for (const [name, value] of data.entries()) {
      if (typeof value === 'string') pairs.push([name, value]);
      else if (!files.has(name)) files.set(name, { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
    }
    return { form: formOf(pairs), files };
  } catch {
    return { problem: 'malformed' };
  }
}
