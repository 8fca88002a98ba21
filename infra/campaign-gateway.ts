/**
 * What the web server needs from running campaigns: their status (a workflow query) and a way
 * to deliver a decision (a workflow update whose validator re-checks version, step and
 * approver). Backed by a Temporal client; unit tests may pass their own implementation.
 *
 * A decision is sent straight to the workflow, without asking for its status first (a query
 * needs the worker too, and under many approvals at once queries time out). Its update id is
 * derived from the decision itself, so sending it again — a retry here after a lost answer, or
 * the approver pressing again — returns the outcome of the first one instead of deciding twice.
 */
import { createHash } from 'node:crypto';
import { Client, isGrpcServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { CampaignState, DecisionInput } from '../domain/campaign/types.js';
import type { Endpoints } from './config.js';
import { connectTemporal } from './temporal-connection.js';

/** What became of a decision: recorded by the workflow, refused by it (its Vietnamese reason), or the campaign is gone. */
export type DecideResult = { ok: true } | { ok: false; reason: 'refused' | 'gone'; message: string };

export interface CampaignGateway {
  status(workflowId: string): Promise<CampaignState | undefined>;
  /** Throws only when the outcome is unknown (Temporal did not answer); sending the same decision again is safe. */
  decide(workflowId: string, decision: DecisionInput): Promise<DecideResult>;
}

/** The update id of a decision: the same for the same decision sent again (its time aside). */
export function decisionUpdateId(d: DecisionInput): string {
  const { version, step, approver, decision, comment, edits, tokenHash } = d;
  const canonical = JSON.stringify([version, step, approver.toLowerCase(), decision, comment ?? '', edits?.headline ?? '', edits?.keyMessages ?? [], tokenHash ?? '']);
  return `decision-${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}

// gRPC codes worth one more try with the same update id: DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, UNAVAILABLE.
const TRANSIENT = new Set([4, 8, 10, 14]);
const DECIDE_ATTEMPTS = 4;

function isTransient(err: unknown): boolean {
  const grpc = isGrpcServiceError(err) ? err : err instanceof Error && isGrpcServiceError(err.cause) ? err.cause : undefined;
  return grpc !== undefined && TRANSIENT.has(grpc.code);
}

/**
 * A decision sent to a campaign that has already ended: recorded when the final state holds
 * it (the first press was recorded, its answer lost, and the campaign went on to finish),
 * otherwise refused as no longer awaiting; gone when there is no such campaign at all.
 */
async function closedOutcome(client: Client, workflowId: string, d: DecisionInput): Promise<DecideResult> {
  const gone = { ok: false as const, reason: 'gone' as const, message: 'Chiến dịch không còn chạy.' };
  const handle = client.workflow.getHandle(workflowId);
  let described;
  try {
    described = await handle.describe();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return gone;
    throw err;
  }
  if (described.status.name === 'RUNNING') throw new Error('the campaign is running again; send the decision again');
  const final = described.status.name === 'COMPLETED' ? ((await handle.result().catch(() => undefined)) as CampaignState | undefined) : undefined;
  const same = (x: DecisionInput) => decisionUpdateId({ ...x, at: '' }) === decisionUpdateId({ ...d, at: '' });
  if (final?.decisions?.some(same)) return { ok: true };
  return { ok: false, reason: 'refused', message: 'Chiến dịch không còn chờ phê duyệt.' };
}

/** Connects lazily (the web server starts before Temporal may be reachable) and reuses the connection. */
export function temporalGateway(endpoints: Endpoints): CampaignGateway & { client(): Promise<Client>; close(): Promise<void> } {
  let client: Promise<Client> | undefined;
  const get = () => {
    client ??= connectTemporal(endpoints).then(
      (connection) => new Client({ connection, namespace: endpoints.temporalNamespace }),
      (err) => {
        client = undefined;
        throw err;
      },
    );
    return client;
  };
  return {
    client: get,
    async status(workflowId) {
      try {
        return await (await get()).workflow.getHandle(workflowId).query<CampaignState>('status');
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return undefined;
        throw err;
      }
    },
    async decide(workflowId, decision) {
      const updateId = decisionUpdateId(decision);
      for (let attempt = 1; ; attempt++) {
        try {
          await (await get()).workflow.getHandle(workflowId).executeUpdate('decide', { args: [decision], updateId });
          return { ok: true };
        } catch (err) {
          if (err instanceof WorkflowUpdateFailedError) return { ok: false, reason: 'refused', message: err.cause?.message ?? err.message };
          if (err instanceof WorkflowNotFoundError) return closedOutcome(await get(), workflowId, decision);
          if (!isTransient(err) || attempt >= DECIDE_ATTEMPTS) throw err;
          await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
        }
      }
    },
    async close() {
      if (client) await (await client).connection.close();
    },
  };
}
