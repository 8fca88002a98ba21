/**
 * Object storage as the product sees it: a bucket of keyed blobs with small string metadata.
 * The S3 implementation lives in `infra/s3.ts`; unit tests may use `MemoryObjectStore`.
 */
export interface PutOptions {
  contentType: string;
  /** Small string metadata (S3 user metadata). Keys lower-case ASCII; values are URI-encoded by the S3 store. */
  metadata?: Record<string, string>;
  cacheControl?: string;
}

export interface StoredObject {
  key: string;
  body: Buffer;
  contentType?: string;
  metadata: Record<string, string>;
}

export interface ObjectStore {
  put(key: string, body: Buffer | string, options: PutOptions): Promise<void>;
  /** Returns undefined when the key does not exist. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Metadata only; undefined when missing. */
  head(key: string): Promise<Omit<StoredObject, 'body'> & { size: number } | undefined>;
  /** Every key under a prefix, sorted. */
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
}

/** In-memory store for unit tests of code that only needs the interface. */
export class MemoryObjectStore implements ObjectStore {
  readonly objects = new Map<string, StoredObject>();

  async put(key: string, body: Buffer | string, options: PutOptions): Promise<void> {
    this.objects.set(key, {
      key,
      body: typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body),
      contentType: options.contentType,
      metadata: { ...(options.metadata ?? {}) },
    });
  }

  async get(key: string): Promise<StoredObject | undefined> {
    return this.objects.get(key);
  }

  async head(key: string) {
    const o = this.objects.get(key);
    return o ? { key, contentType: o.contentType, metadata: o.metadata, size: o.body.length } : undefined;
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }
}
