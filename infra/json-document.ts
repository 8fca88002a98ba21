/**
 * JSON documents that several workflows or editors update (the site manifest, a locality's
 * daily rundown, a bulletin series' rotation): every change is a compare-and-swap on the
 * object's ETag. A lost race is retried from a fresh read; nothing is overwritten silently.
 */
import type { ObjectStore } from './object-store.js';
import { PreconditionFailedError } from './object-store.js';

/** The stored document does not parse or does not match its schema. */
export class DocumentCorruptError extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`${key}: ${detail}`);
    this.name = 'DocumentCorruptError';
  }
}

export interface JsonDocument<T> {
  value: T;
  etag?: string;
}

export type Parse<T> = (json: unknown) => T;

const JSON_TYPE = 'application/json; charset=utf-8';

/** Reads and checks a document; undefined when it does not exist. */
export async function readJsonDocument<T>(store: ObjectStore, key: string, parse: Parse<T>): Promise<JsonDocument<T> | undefined> {
  const obj = await store.get(key);
  if (!obj) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(obj.body.toString('utf8'));
  } catch {
    throw new DocumentCorruptError(key, 'is not valid JSON');
  }
  try {
    return { value: parse(json), etag: obj.etag };
  } catch (err) {
    throw new DocumentCorruptError(key, `does not match its schema: ${(err as Error).message}`);
  }
}

export interface UpdateOptions {
  /** Extra put options (cache control, metadata) for every write. */
  cacheControl?: string;
  /** How many lost races before giving up (each retry re-reads). */
  attempts?: number;
}

/**
 * Applies `update` to the current document (undefined when there is none) and writes the
 * result only if nobody changed the document meanwhile; on a lost race, reads again and
 * re-applies. `update` returns the new value, or `undefined` to leave the document as it is.
 * Returns the document as it stands after the call.
 */
export async function updateJsonDocument<T>(
  store: ObjectStore,
  key: string,
  parse: Parse<T>,
  update: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  options: UpdateOptions = {},
): Promise<T | undefined> {
  const attempts = options.attempts ?? 30;
  for (let attempt = 1; ; attempt++) {
    const current = await readJsonDocument(store, key, parse);
    const next = await update(current?.value);
    if (next === undefined) return current?.value;
    try {
      await store.put(key, JSON.stringify(next, null, 2), {
        contentType: JSON_TYPE,
        ...(options.cacheControl ? { cacheControl: options.cacheControl } : {}),
        ...(current ? { ifMatch: current.etag } : { ifNoneMatch: '*' as const }),
      });
      return next;
    } catch (err) {
      if (!(err instanceof PreconditionFailedError) || attempt >= attempts) throw err;
      // Someone else wrote first: back off a little (jittered, growing) and start from their version.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * attempt)));
    }
  }
}
