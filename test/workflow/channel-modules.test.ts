/**
 * Channels without activities of their own (the Q&A set) run through the generic
 * `draftChannel` / `publishChannel` activities: drafted after the infographic with its key,
 * shown in the approval request, published at their time with the web post's address, and
 * listed as published. The four first channels keep their own activities. With
 * RECORD_HISTORIES=1 the run is saved as test/histories/campaign-channel-modules.pb.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activities } from '../../activities/index.js';
import type { ChannelDraftInput, ChannelPublishInput } from '../../channels/types.js';
import type { CampaignInput, CampaignState, DraftSummary } from '../../domain/campaign/types.js';
import { recordHistory } from '../support/histories.js';
import { mockWorker, startWorkflowEnv } from '../support/workflow-env.js';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await startWorkflowEnv();
}, 120_000);
afterAll(async () => {
  await env?.teardown();
});

const EDITOR = 'bien-tap@example.org';
const POST_URL = 'http://localhost/site/posts/ngay-nha-giao/';

describe('campaign with a channel module', () => {
  it('drafts the Q&A set through draftChannel after the infographic and publishes it through publishChannel with the post address', async () => {
    const id = `campaign-modules-${process.pid}`;
    const now = Date.now();
    // The post first, the Q&A set a few seconds later (its own time), as the schedule says.
    const schedule = { infographic: new Date(now - 1000).toISOString(), webPortal: new Date(now - 1000).toISOString(), qaSet: new Date(now + 3000).toISOString() };
    const drafted: ChannelDraftInput[] = [];
    const published: ChannelPublishInput[] = [];
    const approvals: string[][] = [];
    const draft = (channel: DraftSummary['channel'], v: number): DraftSummary => ({ channel, keys: [`campaigns/${id}/v${v}/${channel}`], summary: `${channel} v${v}`, problems: [] });
    const activities: Partial<Activities> = {
      prepareCampaign: async () => ({ title: 'Ngày Nhà giáo Việt Nam 20/11', briefKey: `campaigns/${id}/v1/brief.json`, localityCount: 0, recipientCount: 0, schedule, loudspeakerRepeatDaily: false }),
      appendAudit: async () => undefined,
      draftInfographics: async (i) => ({ ...draft('infographic', i.version), keys: [`campaigns/${id}/v1/infographic/social.png`] }),
      draftPost: async (i) => draft('webPortal', i.version),
      draftChannel: async (i) => {
        drafted.push(i);
        return { channel: 'qaSet', keys: [`campaigns/${id}/v1/qa/preview.html`], summary: '18 câu hỏi - đáp', problems: [] };
      },
      sendApprovalRequests: async (i) => {
        approvals.push(i.drafts);
        return { sent: 1, skipped: 0 };
      },
      publishInfographics: async () => ({ summary: 'đã đăng', keys: [] }),
      publishCampaignPost: async () => ({ url: POST_URL, slug: 'ngay-nha-giao' }),
      publishChannel: async (i) => {
        published.push(i);
        return { detail: '18 câu hỏi - đáp', keys: [] };
      },
    };
    const input: CampaignInput = {
      campaignId: id,
      planId: 'phuong-bac-kan-2026',
      occasionId: 'ngay-nha-giao-20-11',
      occasionDate: '2026-11-20',
      taskIds: [],
      channels: ['infographic', 'webPortal', 'qaSet'],
      localities: 'all',
      approvers: [EDITOR],
      escalateTo: [],
      leaders: [],
      reminderAfterMs: 24 * 3600_000,
      escalateAfterMs: 48 * 3600_000,
      tokenTtlMs: 72 * 3600_000,
      decideBy: new Date(now + 3 * 24 * 3600_000).toISOString(),
    };
    const { taskQueue, worker } = await mockWorker(env, activities);
    const state = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('campaignWorkflow', { taskQueue, workflowId: id, args: [input] });
      for (;;) {
        const s = (await handle.query('status')) as CampaignState;
        if (s.status === 'awaitingApproval') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await handle.executeUpdate('decide', { args: [{ version: 1, step: 1, approver: EDITOR, decision: 'approve', at: new Date().toISOString() }] });
      return (await handle.result()) as CampaignState;
    });
    expect(drafted).toEqual([{ channel: 'qaSet', campaignId: id, version: 1, briefKey: `campaigns/${id}/v1/brief.json`, infographicKey: `campaigns/${id}/v1/infographic/social.png` }]);
    expect(approvals[0]).toContain('qaSet: 18 câu hỏi - đáp');
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ channel: 'qaSet', campaignId: id, version: 1, postUrl: POST_URL });
    expect(state.status).toBe('published');
    expect(state.channels.map((c) => [c.channel, c.state, c.detail])).toEqual([
      ['infographic', 'published', 'đã đăng'],
      ['webPortal', 'published', POST_URL],
      ['qaSet', 'published', '18 câu hỏi - đáp'],
    ]);
    await recordHistory(env.client, id, 'campaign-channel-modules');
  });
});
