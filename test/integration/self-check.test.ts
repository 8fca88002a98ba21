import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { S3ObjectStore } from '../../infra/s3.js';
import { waitForEmails } from '../support/mailbox.js';
import { connectClient, startTestWorker } from '../support/temporal.js';

const endpoints = inject('endpoints');
const taskQueue = `it-self-check-${randomUUID().slice(0, 8)}`;

describe('a real workflow through the real worker, object store and SMTP', () => {
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let temporal: Awaited<ReturnType<typeof connectClient>>;

  beforeAll(async () => {
    worker = await startTestWorker(endpoints, taskQueue);
    temporal = await connectClient(endpoints);
  });
  afterAll(async () => {
    await worker?.stop();
    await temporal?.close();
  });

  it('writes an object to S3 and sends an email, both readable afterwards', async () => {
    const probeId = `probe-${randomUUID().slice(0, 8)}`;
    const recipient = `${probeId}@example.org`;
    // Large enough that a streamed upload with checksum framing would be visibly corrupt.
    const content = `Kế hoạch số 62/KH-UBND — Ngày Nhà giáo Việt Nam 20/11.\n`.repeat(2_000);

    const result = await temporal.client.workflow.execute('selfCheckWorkflow', {
      taskQueue,
      workflowId: probeId,
      args: [{ probeId, recipient, content }],
    });

    const stored = await S3ObjectStore.fromSettings(endpoints.s3).get(result.objectKey);
    expect(stored).toBeDefined();
    expect(stored!.body.equals(Buffer.from(content, 'utf8'))).toBe(true);
    expect(stored!.metadata.probe).toBe(probeId);

    const [mail, ...rest] = await waitForEmails(endpoints, recipient);
    expect(rest).toHaveLength(0);
    expect(mail!.subject).toBe(`Kiểm tra hệ thống ${probeId}`);
    expect(mail!.text?.trim()).toBe(`Thư kiểm tra ${probeId}: máy chủ thư hoạt động.`);
    expect(mail!.messageId).toBe(result.messageId);
  });
});
