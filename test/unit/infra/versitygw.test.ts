import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { migrateS3rverData, resolveVersityGw, VersityGwNotFoundError } from '../../../infra/versitygw.js';

/** Writes one object the way s3rver 3 kept it on disk: `<key>._S3rver_object` plus its metadata file. */
function s3rverObject(root: string, bucket: string, key: string, body: string | Buffer, meta: Record<string, string>) {
  const file = path.join(root, bucket, ...key.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}._S3rver_object`, body);
  writeFileSync(`${file}._S3rver_metadata.json`, JSON.stringify(meta));
  writeFileSync(`${file}._S3rver_object.md5`, 'ignored');
}

describe('moving an earlier release\'s s3rver folder into the new store', () => {
  it('copies every object with its type, cache control and metadata, and keeps the old folder aside', async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'migrate-'));
    const old = path.join(data, 's3');
    s3rverObject(old, 'campaign-ops', 'campaigns/c1/v1/post/index.html', '<h1>Tri ân</h1>', {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'x-amz-meta-version': '1',
      'x-amz-meta-author': encodeURIComponent('Nguyễn Văn Á'),
    });
    s3rverObject(old, 'campaign-ops', 'site/media/ảnh.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), { 'content-type': 'image/png' });
    const store = new MemoryObjectStore();
    // Something the new store already has is not overwritten by the old copy.
    await store.put('site/manifest.json', '{"schemaVersion":2}', { contentType: 'application/json' });
    s3rverObject(old, 'campaign-ops', 'site/manifest.json', '{"schemaVersion":1}', { 'content-type': 'application/json' });

    const lines: string[] = [];
    expect(await migrateS3rverData(old, 'campaign-ops', store, (l) => lines.push(l))).toBe(2);
    const post = await store.get('campaigns/c1/v1/post/index.html');
    expect(post?.body.toString()).toBe('<h1>Tri ân</h1>');
    expect(post?.contentType).toBe('text/html; charset=utf-8');
    expect(post?.metadata).toEqual({ version: '1', author: 'Nguyễn Văn Á' });
    expect((await store.get('site/media/ảnh.png'))?.body).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect((await store.get('site/manifest.json'))?.body.toString()).toBe('{"schemaVersion":2}');
    expect(existsSync(old)).toBe(false);
    expect(readdirSync(data).some((d) => d.startsWith('s3.migrated-'))).toBe(true);
    expect(lines.join('\n')).toContain('Đã chuyển 2 đối tượng');
    // A second start finds nothing left to move.
    expect(await migrateS3rverData(old, 'campaign-ops', store, () => {})).toBeUndefined();
  });
});

describe('finding VersityGW', () => {
  it('refuses a VERSITYGW that is not an executable file and says every way to provide one', async () => {
    const err = await resolveVersityGw({ configured: '/nonexistent/versitygw', log: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VersityGwNotFoundError);
    const message = (err as Error).message;
    expect(message).toContain('VERSITYGW="/nonexistent/versitygw"');
    expect(message).toContain('go install github.com/versity/versitygw/cmd/versitygw@v1.8.0');
    expect(message).toContain('S3_ENDPOINT');
  });
});
