/**
 * Health of every dependency, shared by the web server's `/healthz` and `campaign doctor`.
 * Each check has a short timeout and reports state, address, version and a short detail.
 */
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import type { Connection } from '@temporalio/client';
import type { Endpoints } from './config.js';
import { DirectoryStore } from './directory-store.js';
import { PlanLibrary } from './plan-library.js';
import { createS3Client, S3ObjectStore } from './s3.js';
import { smtpGreeting } from './smtp.js';
import { connectTemporal } from './temporal-connection.js';

export type HealthState = 'up' | 'down';

export interface HealthCheck {
  service: 'temporal' | 'worker' | 'objectStore' | 'smtp' | 'directory' | 'plans' | 'web' | 'speech' | 'social';
  address: string;
  state: HealthState;
  version?: string;
  detail?: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: quá ${ms} ms không trả lời`)), ms);
    }),
  ]);
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);

/** Temporal frontend and the worker's pollers on the product's task queue. */
async function checkTemporalAndWorker(endpoints: Endpoints, timeoutMs: number): Promise<HealthCheck[]> {
  const temporal: HealthCheck = { service: 'temporal', address: endpoints.temporalAddress, state: 'down' };
  const worker: HealthCheck = { service: 'worker', address: `hàng đợi ${endpoints.taskQueue}`, state: 'down' };
  let connection: Connection | undefined;
  try {
    connection = await withTimeout(connectTemporal(endpoints, { connectTimeout: timeoutMs }), timeoutMs, 'Temporal');
    const info = await withTimeout(connection.workflowService.getSystemInfo({}), timeoutMs, 'Temporal');
    await withTimeout(connection.workflowService.describeNamespace({ namespace: endpoints.temporalNamespace }), timeoutMs, 'Temporal');
    temporal.state = 'up';
    temporal.version = info.serverVersion ?? undefined;
    temporal.detail = `namespace ${endpoints.temporalNamespace}`;
    const queue = await withTimeout(
      connection.workflowService.describeTaskQueue({
        namespace: endpoints.temporalNamespace,
        taskQueue: { name: endpoints.taskQueue, kind: 1 },
        taskQueueType: 1, // workflow task queue
      }),
      timeoutMs,
      'Temporal',
    );
    const now = Date.now();
    const live = (queue.pollers ?? []).filter((p) => {
      const seconds = Number(p.lastAccessTime?.seconds ?? 0);
      return now - seconds * 1000 < 90_000;
    });
    if (live.length > 0) {
      worker.state = 'up';
      worker.detail = `${live.length} tiến trình: ${live.map((p) => p.identity).join(', ')}`;
    } else {
      worker.detail = 'không có worker nào đang nhận việc trên hàng đợi này';
    }
  } catch (err) {
    temporal.detail = message(err);
    worker.detail = 'không kiểm tra được vì Temporal không trả lời';
  } finally {
    await connection?.close().catch(() => undefined);
  }
  return [temporal, worker];
}

async function checkObjectStore(endpoints: Endpoints, timeoutMs: number): Promise<HealthCheck> {
  const check: HealthCheck = { service: 'objectStore', address: `${endpoints.s3.endpoint} (bucket ${endpoints.s3.bucket})`, state: 'down' };
  const client = createS3Client(endpoints.s3);
  try {
    await withTimeout(client.send(new HeadBucketCommand({ Bucket: endpoints.s3.bucket })), timeoutMs, 'S3');
    check.state = 'up';
    const res = await withTimeout(fetch(endpoints.s3.endpoint, { method: 'HEAD' }), timeoutMs, 'S3').catch(() => undefined);
    check.version = res?.headers.get('server') ?? undefined;
  } catch (err) {
    check.detail = (err as { name?: string }).name === 'NotFound' ? `bucket ${endpoints.s3.bucket} không tồn tại` : message(err);
  } finally {
    client.destroy();
  }
  return check;
}

async function checkSmtp(endpoints: Endpoints, timeoutMs: number): Promise<HealthCheck> {
  const url = new URL(endpoints.smtpUrl);
  const check: HealthCheck = { service: 'smtp', address: `${url.protocol}//${url.host}`, state: 'down' };
  try {
    check.version = await smtpGreeting(endpoints.smtpUrl, timeoutMs);
    check.state = 'up';
  } catch (err) {
    check.detail = message(err);
  }
  return check;
}

/** The directory of units in the object store: readable, and seeded (or filled) at least once. */
export async function checkDirectory(endpoints: Endpoints, timeoutMs = 3_000): Promise<HealthCheck> {
  const check: HealthCheck = { service: 'directory', address: `directory/ (bucket ${endpoints.s3.bucket})`, state: 'down' };
  const store = S3ObjectStore.fromSettings(endpoints.s3);
  try {
    const directory = new DirectoryStore(store);
    const [status, owners] = await withTimeout(Promise.all([directory.status(), directory.planOwners()]), timeoutMs, 'Danh bạ');
    if (!status.seeded && status.indexed === 0) {
      check.detail = 'danh bạ trống: chưa khởi tạo dữ liệu mẫu (chạy npm start một lần) và chưa nhập đơn vị nào (campaign units import)';
    } else if (status.indexed === 0) {
      check.detail = 'chỉ mục danh bạ trống hoặc hỏng; chạy campaign units list --reindex';
    } else {
      check.state = 'up';
      check.detail = `${status.indexed} đơn vị, ${Object.keys(owners).length} kế hoạch có đơn vị ban hành`;
    }
  } catch (err) {
    check.detail = `không đọc được danh bạ: ${message(err)}`;
  } finally {
    store.client.destroy();
  }
  return check;
}

/** The plan library in the object store: seeded, and the current version of every plan valid. Reads only. */
export async function checkPlanLibrary(endpoints: Endpoints, timeoutMs = 5_000): Promise<HealthCheck> {
  const check: HealthCheck = { service: 'plans', address: `library/plans/ (bucket ${endpoints.s3.bucket})`, state: 'down' };
  const store = S3ObjectStore.fromSettings(endpoints.s3);
  try {
    const status = await withTimeout(new PlanLibrary(store, { samplesDir: null }).status(), timeoutMs, 'Kho kế hoạch');
    if (status.plans === 0) check.detail = status.seeded ? 'kho kế hoạch trống' : 'kho kế hoạch trống: chưa khởi tạo các kế hoạch mẫu (chạy npm start một lần)';
    else if (status.problems.length) check.detail = `${status.problems.length} kế hoạch không đọc được: ${status.problems.join('; ').slice(0, 300)}`;
    else {
      check.state = 'up';
      check.detail = `${status.plans} kế hoạch, ${status.versions} phiên bản`;
    }
  } catch (err) {
    check.detail = `không đọc được kho kế hoạch: ${message(err)}`;
  } finally {
    store.client.destroy();
  }
  return check;
}

/** Checks Temporal, the worker, the object store and SMTP concurrently. */
export async function checkDependencies(endpoints: Endpoints, timeoutMs = 3_000): Promise<HealthCheck[]> {
  const [temporalAndWorker, objectStore, smtp] = await Promise.all([
    checkTemporalAndWorker(endpoints, timeoutMs),
    checkObjectStore(endpoints, timeoutMs),
    checkSmtp(endpoints, timeoutMs),
  ]);
  return [...temporalAndWorker, objectStore, smtp];
}

export const serviceLabels: Record<HealthCheck['service'], string> = {
  temporal: 'Temporal',
  worker: 'Worker',
  objectStore: 'Kho đối tượng (S3)',
  smtp: 'Máy chủ thư (SMTP)',
  directory: 'Danh bạ đơn vị',
  plans: 'Kho kế hoạch',
  web: 'Máy chủ web',
  speech: 'Giọng đọc (bản tin âm thanh)',
  social: 'Tài khoản mạng xã hội',
};
