/**
 * Object storage as the product sees it: a bucket of keyed blobs with small string metadata,
 * ETags, and conditional writes (`ifMatch`, `ifNoneMatch: '*'`), so a document several
 * workflows update is changed by compare-and-swap, never by read-modify-write and hope.
 * The S3 implementation lives in `infra/s3.ts`; unit tests may use `MemoryObjectStore`.
 */
import { createHash } from 'node:crypto';

export interface PutOptions {
  contentType: string;
  /** Small string metadata (S3 user metadata). Keys lower-case ASCII; values are URI-encoded by the S3 store. */
  metadata?: Record<string, string>;
  cacheControl?: string;
  /** Write only when the object's current ETag is this one (else PreconditionFailedError). */
  ifMatch?: string;
  /** `'*'`: write only when no object has this key yet (else PreconditionFailedError). */
  ifNoneMatch?: '*';
}

export interface StoredObject {
  key: string;
  body: Buffer;
  contentType?: string;
  metadata: Record<string, string>;
  /** Changes whenever the object is rewritten; what `ifMatch` compares against. */
  etag?: string;
}

export interface PutResult {
  etag?: string;
}

export interface ObjectStore {
  put(key: string, body: Buffer | string, options: PutOptions): Promise<PutResult>;
  /** Returns undefined when the key does not exist. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Metadata only; undefined when missing. */
  head(key: string): Promise<Omit<StoredObject, 'body'> & { size: number } | undefined>;
  /** Every key under a prefix, sorted. */
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
}

/** A conditional write lost: the object changed (or appeared) since it was read. */
export class PreconditionFailedError extends Error {
  constructor(readonly key: string) {
    super(`${key} changed since it was read (conditional write refused)`);
    this.name = 'PreconditionFailedError';
  }
}

/** In-memory store for unit tests of code that only needs the interface; honours conditional writes. */
export class MemoryObjectStore implements ObjectStore {
  readonly objects = new Map<string, StoredObject>();
  private writes = 0;

  async put(key: string, body: Buffer | string, options: PutOptions): Promise<PutResult> {
    const current = this.objects.get(key);
    if (options.ifNoneMatch === '*' && current) throw new PreconditionFailedError(key);
    if (options.ifMatch !== undefined && current?.etag !== options.ifMatch) throw new PreconditionFailedError(key);
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
    this.writes += 1;
    const etag = `"${createHash('md5').update(bytes).update(String(this.writes)).digest('hex')}"`;
    this.objects.set(key, { key, body: bytes, contentType: options.contentType, metadata: { ...(options.metadata ?? {}) }, etag });
    return { etag };
  }

  async get(key: string): Promise<StoredObject | undefined> {
    return this.objects.get(key);
  }

  async head(key: string) {
    const o = this.objects.get(key);
    return o ? { key, contentType: o.contentType, metadata: o.metadata, size: o.body.length, etag: o.etag } : undefined;
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }
}
