/** JSON documents in the object store. */
import { ApplicationFailure } from '@temporalio/common';
import type { ObjectStore } from '../../infra/object-store.js';

export async function readJson<T>(store: ObjectStore, key: string): Promise<T> {
  const found = await store.get(key);
  if (!found) throw ApplicationFailure.nonRetryable(`Thiếu dữ liệu ${key} trong kho đối tượng.`, 'MissingObject');
  return JSON.parse(found.body.toString('utf8')) as T;
}

export async function writeJson(store: ObjectStore, key: string, value: unknown): Promise<void> {
  await store.put(key, JSON.stringify(value, null, 2), { contentType: 'application/json; charset=utf-8' });
}
