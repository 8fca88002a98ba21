/**
 * The object-store contract the product relies on, run against the real store the suite uses:
 * the embedded VersityGW by default, or any S3 service given with S3_ENDPOINT (AWS S3, MinIO,
 * Ceph; see the README). Every key lives under a fresh prefix, removed at the end.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { updateJsonDocument } from '../../infra/json-document.js';
import { PreconditionFailedError } from '../../infra/object-store.js';
import { S3ObjectStore } from '../../infra/s3.js';

const endpoints = inject('endpoints');

describe('object-store contract on the real store', () => {
  const store = S3ObjectStore.fromSettings(endpoints.s3);
  const root = `conformance-${randomUUID().slice(0, 8)}/`;
  afterAll(async () => {
    for (const key of await store.list(root)) await store.delete(key).catch(() => undefined);
  });

  it('puts, gets and heads an object with its type, cache control and Vietnamese metadata', async () => {
    const key = `${root}tài liệu/Kế hoạch số 62.json`;
    const put = await store.put(key, '{"tên":"Ủy ban nhân dân"}', { contentType: 'application/json; charset=utf-8', metadata: { author: 'Nguyễn Thị Ánh', version: '2' } });
    expect(put.etag).toMatch(/^".+"$/);
    const got = await store.get(key);
    expect(got?.body.toString('utf8')).toBe('{"tên":"Ủy ban nhân dân"}');
    expect(got?.contentType).toBe('application/json; charset=utf-8');
    expect(got?.metadata).toEqual({ author: 'Nguyễn Thị Ánh', version: '2' });
    expect(got?.etag).toBe(put.etag);
    const head = await store.head(key);
    expect(head).toMatchObject({ size: Buffer.byteLength('{"tên":"Ủy ban nhân dân"}'), contentType: 'application/json; charset=utf-8', etag: put.etag });
    expect(await store.get(`${root}không có`)).toBeUndefined();
    expect(await store.head(`${root}không có`)).toBeUndefined();
  });

  it('lists by prefix across pages, sorted, and deletes', async () => {
    const keys = Array.from({ length: 1_005 }, (_, i) => `${root}list/${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((k) => store.put(k, 'x', { contentType: 'text/plain' })));
    await store.put(`${root}listing-not-under-list`, 'x', { contentType: 'text/plain' });
    // More than one page of ListObjectsV2 (1,000 keys a page).
    expect(await store.list(`${root}list/`)).toEqual(keys);
    await store.delete(keys[0]!);
    await store.delete(`${root}list/never-existed`);
    expect((await store.list(`${root}list/`))[0]).toBe(keys[1]);
  });

  it('keeps large bodies and streamed uploads intact with the SDK default checksums', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
    await store.put(`${root}big.bin`, big, { contentType: 'application/octet-stream' });
    expect((await store.get(`${root}big.bin`))?.body.equals(big)).toBe(true);
    // A stream of unknown chunking, as a video or audio upload would be.
    await store.client.send(
      new PutObjectCommand({ Bucket: endpoints.s3.bucket, Key: `${root}streamed.bin`, Body: Readable.from([big.subarray(0, 3_000_001), big.subarray(3_000_001)]), ContentLength: big.length }),
    );
    expect((await store.get(`${root}streamed.bin`))?.body.equals(big)).toBe(true);
  });

  it('refuses a conditional write that lost its race: If-None-Match on an existing key, If-Match on a stale ETag', async () => {
    const key = `${root}doc.json`;
    const first = await store.put(key, '1', { contentType: 'application/json', ifNoneMatch: '*' });
    await expect(store.put(key, '2', { contentType: 'application/json', ifNoneMatch: '*' })).rejects.toBeInstanceOf(PreconditionFailedError);
    const second = await store.put(key, '2', { contentType: 'application/json', ifMatch: first.etag });
    await expect(store.put(key, '3', { contentType: 'application/json', ifMatch: first.etag })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await store.get(key))?.body.toString()).toBe('2');
    expect((await store.get(key))?.etag).toBe(second.etag);
  });

  it('twenty writers adding to one document at once lose no update', async () => {
    const key = `${root}counter.json`;
    const writers = Array.from({ length: 20 }, (_, i) => `writer-${i}`);
    await Promise.all(writers.map((w) => updateJsonDocument(store, key, (j) => j as string[], (cur) => [...(cur ?? []), w])));
    const final = JSON.parse((await store.get(key))!.body.toString('utf8')) as string[];
    expect(final.sort()).toEqual([...writers].sort());
  });

  it('a reader never sees an object half rewritten', async () => {
    const key = `${root}rewritten.json`;
    const doc = (n: number) => JSON.stringify({ n, pad: 'đ'.repeat(200_000 + n) });
    await store.put(key, doc(0), { contentType: 'application/json' });
    let stop = false;
    const bad: string[] = [];
    const reader = (async () => {
      let reads = 0;
      while (!stop || reads < 5) {
        const body = (await store.get(key))!.body.toString('utf8');
        reads += 1;
        try {
          JSON.parse(body);
        } catch {
          bad.push(`${body.length} bytes`);
        }
      }
      return reads;
    })();
    for (let n = 1; n <= 15; n++) await store.put(key, doc(n), { contentType: 'application/json' });
    stop = true;
    expect(await reader).toBeGreaterThanOrEqual(5);
    expect(bad).toEqual([]);
  });
});
