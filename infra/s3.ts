/**
 * Object storage over the S3 API: the client factory and the ObjectStore implementation, with
 * ETags and conditional writes (If-Match / If-None-Match, answered 412 when the race is lost).
 * The embedded server is in `infra/versitygw.ts`.
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Endpoints } from './config.js';
import { PreconditionFailedError, type ObjectStore, type PutOptions, type PutResult, type StoredObject } from './object-store.js';

export type S3Settings = Endpoints['s3'];

export function createS3Client(s3: S3Settings): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    maxAttempts: 3,
  });
}

function isPreconditionFailed(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'PreconditionFailed' || e?.$metadata?.httpStatusCode === 412;
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

/** S3 user metadata must be ASCII: values are URI-encoded on the way in and decoded on the way out. */
const encodeMeta = (m: Record<string, string> = {}) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k.toLowerCase(), encodeURIComponent(v)]));
const decodeMeta = (m: Record<string, string> = {}) =>
  Object.fromEntries(
    Object.entries(m).map(([k, v]) => {
      try {
        return [k, decodeURIComponent(v)];
      } catch {
        return [k, v];
      }
    }),
  );

export class S3ObjectStore implements ObjectStore {
  constructor(
    readonly client: S3Client,
    readonly bucket: string,
  ) {}

  static fromSettings(s3: S3Settings): S3ObjectStore {
    return new S3ObjectStore(createS3Client(s3), s3.bucket);
  }

  async put(key: string, body: Buffer | string, options: PutOptions): Promise<PutResult> {
    try {
      const out = await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
          ContentType: options.contentType,
          CacheControl: options.cacheControl,
          Metadata: encodeMeta(options.metadata),
          IfMatch: options.ifMatch,
          IfNoneMatch: options.ifNoneMatch,
        }),
      );
      return { etag: out.ETag };
    } catch (err) {
      if ((options.ifMatch !== undefined || options.ifNoneMatch !== undefined) && isPreconditionFailed(err)) throw new PreconditionFailedError(key);
      throw err;
    }
  }

  async get(key: string): Promise<StoredObject | undefined> {
    let out;
    try {
      out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
    const bytes = await out.Body!.transformToByteArray();
    return { key, body: Buffer.from(bytes), contentType: out.ContentType, metadata: decodeMeta(out.Metadata), etag: out.ETag };
  }

  async head(key: string) {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, contentType: out.ContentType, metadata: decodeMeta(out.Metadata), size: out.ContentLength ?? 0, etag: out.ETag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

/** Creates the bucket when it does not exist yet. */
export async function ensureBucket(client: S3Client, bucket: string): Promise<'exists' | 'created'> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return 'exists';
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return 'created';
}
