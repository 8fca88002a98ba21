/**
 * A worker that dies in the middle of an activity (SIGKILL, power cut) stops heartbeating and
 * never completes it. The server must then give the activity to another worker after the
 * heartbeat timeout (10 s), not after the start-to-close timeout (5 or 10 minutes): a campaign,
 * a bulletin run and a report each carry on within seconds. The first attempt of each activity
 * here behaves like a dead worker (no heartbeat, no result); the second one answers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Context } from '@temporalio/activity';
import type { CampaignInput, CampaignState, DraftSummary } from '../../domain/campaign/types.js';
import type { BulletinSeriesInput } from '../../domain/schedules/bulletin.js';
import { startCampaign } from '../../infra/campaign-client.js';
import { mockWorker, testCampaignInput, useWorkflowEnv } from '../support/workflow-env.js';

const workflowEnv = useWorkflowEnv();
// Registered after the server's hooks, so it runs before the teardown (after-hooks run in reverse).
afterAll(() => release());

/** Attempts that play dead are released at the end, so the worker can shut down. */
let release: () => void = () => {};
const dead = new Promise<never>((_, reject) => {
  release = () => reject(new Error('released'));
});
dead.catch(() => undefined);

/** The activity's first attempt never answers nor heartbeats (its worker is gone); later attempts run `then`. */
function diesOnFirstAttempt<A extends unknown[], R>(then: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    // Ends only when the worker shuts down (it cancels what still runs) or the file is done.
    if (Context.current().info.attempt === 1) return Promise.race([dead, Context.current().cancelled]);
    return then(...args);
  };
}

/**
 * Activity types whose earlier attempt the server timed out for lack of heartbeats (a retried
 * activity's started event carries its attempt number and the last attempt's failure).
 */
async function heartbeatTimeouts(workflowId: string): Promise<string[]> {
  const history = await workflowEnv().client.workflow.getHandle(workflowId).fetchHistory();
  const types = new Map<string, string>();
  const out: string[] = [];
  for (const e of history.events ?? []) {
    if (e.activityTaskScheduledEventAttributes) types.set(String(e.eventId), e.activityTaskScheduledEventAttributes.activityType?.name ?? '');
    const started = e.activityTaskStartedEventAttributes;
    // TIMEOUT_TYPE_HEARTBEAT = 4
    if (started && (started.attempt ?? 1) > 1 && Number(started.lastFailure?.timeoutFailureInfo?.timeoutType) === 4) {
      out.push(types.get(String(started.scheduledEventId)) ?? '');
    }
  }
  return out.sort();
}

const input: CampaignInput = testCampaignInput('campaign-worker-death', { channels: ['infographic', 'loudspeaker'] });

describe('a worker that dies mid-activity', () => {
  it('a campaign gets its drafts and approval mail from another attempt after the heartbeat timeout', async () => {
    const drafts: DraftSummary = { channel: 'infographic', keys: ['k'], summary: '4 mẫu infographic', problems: [] };
    let mailed: () => void = () => {};
    const approvalMailSent = new Promise<void>((resolve) => (mailed = resolve));
    const { taskQueue, worker } = await mockWorker(workflowEnv(), {
      prepareCampaign: async () => ({ title: 'Ngày Nhà giáo Việt Nam 20/11', briefKey: 'b', localityCount: 2, recipientCount: 0, schedule: {}, loudspeakerRepeatDaily: false }),
      appendAudit: async () => undefined,
      draftInfographics: diesOnFirstAttempt(async () => drafts),
      draftScriptsBatch: diesOnFirstAttempt(async () => ({ count: 2, seconds: 120, sampleKeys: ['s'], problems: [] })),
      sendApprovalRequests: diesOnFirstAttempt(async () => {
        mailed();
        return { sent: 1, skipped: 0 };
      }),
    });
    await worker.runUntil(async () => {
      await startCampaign(workflowEnv().client, taskQueue, input);
      const handle = workflowEnv().client.workflow.getHandle(input.campaignId);
      let state: CampaignState | undefined;
      for (let i = 0; i < 600 && state?.status !== 'awaitingApproval'; i++) {
        state = await handle.query<CampaignState>('status');
        if (state.status !== 'awaitingApproval') await new Promise((r) => setTimeout(r, 100));
      }
      expect(state?.status).toBe('awaitingApproval');
      expect(state?.channels.map((c) => [c.channel, c.state])).toEqual([
        ['infographic', 'drafted'],
        ['loudspeaker', 'drafted'],
      ]);
      await approvalMailSent;
      for (let i = 0; i < 50 && (await heartbeatTimeouts(input.campaignId)).length < 3; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await heartbeatTimeouts(input.campaignId)).toEqual(['draftInfographics', 'draftScriptsBatch', 'sendApprovalRequests']);
      await handle.cancel();
    });
  }, 120_000);

  it('a bulletin run and a report carry on after the heartbeat timeout', async () => {
    const { taskQueue, worker } = await mockWorker(workflowEnv(), {
      prepareBulletinRun: diesOnFirstAttempt(async () => ({ messageIndex: 0, message: 'Giữ gìn vệ sinh môi trường.', day: '2026-03-03', briefKey: 'b', localityCount: 3, reused: false })),
      appendAudit: async () => undefined,
      recordBulletinRun: async () => undefined,
      draftScriptsBatch: async () => ({ count: 3, seconds: 90, sampleKeys: ['s'], problems: [] }),
      sendApprovalRequests: async () => ({ sent: 1, skipped: 0 }),
      gatherReportEvidence: diesOnFirstAttempt(async () => ({ evidenceKey: 'e', items: 0 })),
      renderReportFiles: async () => ({ files: { docx: 'd', html: 'h', png: 'p', evidence: 'e' }, summary: [], planRef: '62/KH-UBND' }),
    });
    const series = { seriesId: 'hb-series', planId: 'p', taskId: 't', approvers: ['a@example.org'], pool: ['x'], localities: 'all', localitiesFile: 'l', decideWithinMs: 3600_000 } as unknown as BulletinSeriesInput;
    await worker.runUntil(async () => {
      const bulletin = await workflowEnv().client.workflow.start('bulletinWorkflow', { taskQueue, workflowId: 'bulletin-worker-death', args: [series] });
      const report = await workflowEnv().client.workflow.start('reportWorkflow', {
        taskQueue,
        workflowId: 'report-worker-death',
        args: [{ planId: 'phuong-bac-kan-2026', period: { from: '2026-01-01', to: '2026-06-04', start: '2025-12-31T17:00:00.000Z', end: '2026-06-04T16:59:59.999Z' }, reportTo: [], email: false }],
      });
      expect(await report.result()).toMatchObject({ planId: 'phuong-bac-kan-2026', planRef: '62/KH-UBND' });
      let state: CampaignState | undefined;
      for (let i = 0; i < 600 && state?.status !== 'awaitingApproval'; i++) {
        state = await bulletin.query<CampaignState>('status');
        if (state.status !== 'awaitingApproval') await new Promise((r) => setTimeout(r, 100));
      }
      expect(state?.status).toBe('awaitingApproval');
      expect(await heartbeatTimeouts('bulletin-worker-death')).toEqual(['prepareBulletinRun']);
      expect(await heartbeatTimeouts('report-worker-death')).toEqual(['gatherReportEvidence']);
      await bulletin.cancel();
    });
  }, 120_000);
});
