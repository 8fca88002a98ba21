/**
 * The web server's decisions against a real Temporal server: the same decision sent twice (a
 * retry after a lost answer, or the approver pressing again) is recorded once and answered as
 * recorded — also after the campaign has finished — while another decision is refused, and a
 * campaign that never existed is gone.
 */
import { describe, expect, it } from 'vitest';
import type { CampaignInput, CampaignState, DecisionInput } from '../../domain/campaign/types.js';
import { temporalGateway } from '../../infra/campaign-gateway.js';
import { startCampaign } from '../../infra/campaign-client.js';
import type { Endpoints } from '../../infra/config.js';
import { mockWorker, testCampaignInput, useWorkflowEnv } from '../support/workflow-env.js';

const workflowEnv = useWorkflowEnv();

const input: CampaignInput = testCampaignInput('campaign-decision-update', { channels: ['infographic'] });

describe('decisions sent to the campaign workflow', () => {
  it('the same decision twice is recorded once and answered as recorded, before and after the campaign ends', async () => {
    let published = 0;
    const { taskQueue, worker } = await mockWorker(workflowEnv(), {
      prepareCampaign: async () => ({ title: 'Ngày Nhà giáo Việt Nam 20/11', briefKey: 'b', localityCount: 0, recipientCount: 0, schedule: {}, loudspeakerRepeatDaily: false }),
      appendAudit: async () => undefined,
      draftInfographics: async () => ({ channel: 'infographic', keys: ['k'], summary: '4 mẫu infographic', problems: [] }),
      sendApprovalRequests: async () => ({ sent: 1, skipped: 0 }),
      publishInfographics: async () => {
        published += 1;
        return { summary: '4 tệp ảnh công khai', keys: [] };
      },
    });
    const gateway = temporalGateway({ temporalAddress: workflowEnv().address, temporalNamespace: workflowEnv().namespace ?? 'default' } as Endpoints);
    try {
      await worker.runUntil(async () => {
        await startCampaign(workflowEnv().client, taskQueue, input);
        const handle = workflowEnv().client.workflow.getHandle(input.campaignId);
        for (let i = 0; i < 300 && (await handle.query<CampaignState>('status')).status !== 'awaitingApproval'; i++) await new Promise((r) => setTimeout(r, 100));
        const d: DecisionInput = { version: 1, step: 1, approver: 'bien-tap@example.org', decision: 'approve', at: '2026-11-10T02:00:00.000Z', tokenHash: 'a'.repeat(64) };

        expect(await gateway.decide(input.campaignId, d)).toEqual({ ok: true });
        // Pressed again a minute later: the same decision, answered as recorded.
        expect(await gateway.decide(input.campaignId, { ...d, at: '2026-11-10T02:01:00.000Z' })).toEqual({ ok: true });
        const final = (await handle.result()) as CampaignState;
        expect(final.status).toBe('published');
        expect(final.decisions).toHaveLength(1);
        expect(published).toBe(1);

        // After the campaign ended: the recorded decision is still answered as recorded…
        expect(await gateway.decide(input.campaignId, d)).toEqual({ ok: true });
        // …another one is refused, and a campaign that never existed is gone.
        expect(await gateway.decide(input.campaignId, { ...d, decision: 'reject' })).toMatchObject({ ok: false, reason: 'refused' });
        expect(await gateway.decide('campaign-khong-co', d)).toMatchObject({ ok: false, reason: 'gone' });
      });
    } finally {
      await gateway.close();
    }
  }, 120_000);
});
