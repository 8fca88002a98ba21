/**
 * A short workflow that exercises the worker, the object store and SMTP. An optional durable
 * timer before the work lets tests prove that a waiting workflow survives restarts.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';

const { writeProbeObject, sendProbeEmail } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout: '10 seconds',
  retry: { maximumAttempts: 5 },
});

export interface SelfCheckInput {
  probeId: string;
  recipient: string;
  /** Text of the probe object (defaults to a short Vietnamese line). */
  content?: string;
  /** Seconds to wait on a durable timer before doing the work. */
  delaySeconds?: number;
}

export interface SelfCheckResult {
  objectKey: string;
  bytes: number;
  messageId: string;
}

export async function selfCheckWorkflow(input: SelfCheckInput): Promise<SelfCheckResult> {
  if (input.delaySeconds && input.delaySeconds > 0) await sleep(input.delaySeconds * 1000);
  const object = await writeProbeObject({ probeId: input.probeId, recipient: input.recipient, content: input.content });
  const mail = await sendProbeEmail({ probeId: input.probeId, recipient: input.recipient });
  return { objectKey: object.key, bytes: object.bytes, messageId: mail.messageId };
}
