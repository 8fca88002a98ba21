/**
 * What the web server needs from running campaigns: their status (a workflow query) and a way
 * to deliver a decision (a workflow update whose validator re-checks version, step and
 * approver). Backed by a Temporal client; unit tests may pass their own implementation.
 */
import { Client, Connection, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { CampaignState, DecisionInput } from '../domain/campaign/types.js';
import type { Endpoints } from './config.js';

export interface CampaignGateway {
  status(workflowId: string): Promise<CampaignState | undefined>;
  decide(workflowId: string, decision: DecisionInput): Promise<{ ok: true } | { ok: false; message: string }>;
}

/** Connects lazily (the web server starts before Temporal may be reachable) and reuses the connection. */
export function temporalGateway(endpoints: Endpoints): CampaignGateway & { client(): Promise<Client>; close(): Promise<void> } {
  let client: Promise<Client> | undefined;
  const get = () => {
    client ??= Connection.connect({ address: endpoints.temporalAddress }).then(
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
      try {
        await (await get()).workflow.getHandle(workflowId).executeUpdate('decide', { args: [decision] });
        return { ok: true };
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError) return { ok: false, message: err.cause?.message ?? err.message };
        if (err instanceof WorkflowNotFoundError) return { ok: false, message: 'Chiến dịch không còn chạy.' };
        throw err;
      }
    },
    async close() {
      if (client) await (await client).connection.close();
    },
  };
}
