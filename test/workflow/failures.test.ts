/**
 * A workflow whose activity fails for good (an invalid input, a text that cannot fit) ends as
 * failed, with the activity's Vietnamese reason where people look: the status query (CLI
 * `campaign status`, dashboard), the CampaignStatus search attribute and listing (`campaign
 * list`), and the workflow's failure (what `campaign report` and the reports page print).
 */
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it, vi } from 'vitest';
import type { Command } from '../../cli/command.js';
import { campaignListCommand, campaignStatusCommand } from '../../cli/commands/campaign.js';
import type { CampaignInput, CampaignState } from '../../domain/campaign/types.js';
import type { BulletinSeriesInput } from '../../domain/schedules/bulletin.js';
import { CampaignStatus } from '../../domain/search-attributes.js';
import { campaignStatus, listCampaigns, startCampaign } from '../../infra/campaign-client.js';
import { recordHistory } from '../support/histories.js';
import { mockWorker, testCampaignInput, useWorkflowEnv } from '../support/workflow-env.js';

const workflowEnv = useWorkflowEnv();

const TOO_LONG = 'Tiêu đề “Tuổi trẻ phường Bắc Kạn chung tay xây dựng nông thôn mới” dài 72 ký tự, không vừa khung infographic (tối đa 60 ký tự).';

const campaignInput = (id: string): CampaignInput => testCampaignInput(id, { decideBy: '2026-11-20T16:59:59.000Z' });

const prepared = { title: 'Ngày Nhà giáo Việt Nam 20/11', briefKey: 'campaigns/x/v1/brief.json', localityCount: 2, recipientCount: 0, schedule: {}, loudspeakerRepeatDaily: false };

/** Runs a CLI command against the test server; returns what it printed. */
async function cli(command: Command, argv: string[]): Promise<string> {
  const saved = { TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS, APPROVAL_SECRET: process.env.APPROVAL_SECRET };
  process.env.TEMPORAL_ADDRESS = workflowEnv().address;
  process.env.APPROVAL_SECRET = 'workflow-test-secret-0123456789abcdef';
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    expect(await command.run(argv)).toBe(0);
  } finally {
    write.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return out;
}

/** Waits (bounded) until the listing shows the campaign with a status the search attribute set. */
async function listedStatus(id: string, status: string) {
  for (let i = 0; i < 100; i++) {
    const row = (await listCampaigns(workflowEnv().client, {}, { reasons: true })).find((r) => r.campaignId === id);
    if (row?.status === status) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  return (await listCampaigns(workflowEnv().client, {}, { reasons: true })).find((r) => r.campaignId === id);
}

describe('campaign whose activity fails for good', () => {
  it('shows "failed" with the reason when a draft cannot be made', async () => {
    const { taskQueue, worker } = await mockWorker(workflowEnv(), {
      prepareCampaign: async () => prepared,
      appendAudit: async () => undefined,
      draftInfographics: async () => {
        throw ApplicationFailure.nonRetryable(TOO_LONG, 'ContentInputError');
      },
    });
    const id = 'campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026';
    await worker.runUntil(async () => {
      await startCampaign(workflowEnv().client, taskQueue, campaignInput(id));
      const handle = workflowEnv().client.workflow.getHandle(id);
      const outcome = await handle.result().then(() => undefined, (err: unknown) => err);
      expect(outcome).toBeInstanceOf(WorkflowFailedError);
      expect((outcome as WorkflowFailedError).cause?.message).toContain(TOO_LONG);

      const state = await handle.query<CampaignState>('status');
      expect(state.status).toBe('failed');
      expect(state.events.at(-1)).toMatchObject({ kind: 'failed' });
      expect(state.events.at(-1)!.text).toContain(TOO_LONG);

      const found = await campaignStatus(workflowEnv().client, id);
      expect(found?.state.status).toBe('failed');
      expect(found?.failure).toContain(TOO_LONG);

      expect((await handle.describe()).typedSearchAttributes.get(CampaignStatus)).toBe('failed');

      const row = await listedStatus(id, 'failed');
      expect(row).toMatchObject({ status: 'failed', workflowStatus: 'FAILED' });
      expect(row?.failure).toContain(TOO_LONG);
      expect((await listCampaigns(workflowEnv().client, { status: 'failed' })).map((r) => r.campaignId)).toContain(id);
      expect((await listCampaigns(workflowEnv().client, { status: 'drafting' })).map((r) => r.campaignId)).not.toContain(id);

      // What an editor reads in `campaign status` and `campaign list`.
      const status = await cli(campaignStatusCommand, [id]);
      expect(status).toMatch(/Trạng thái: Lỗi/);
      expect(status).toContain(`Lý do lỗi: Lỗi khi soạn infographic: ${TOO_LONG}`);
      const list = await cli(campaignListCommand, []);
      expect(list).toMatch(new RegExp(`${id} .*Lỗi`));
      expect(list).toContain(`${id}: Lỗi khi soạn infographic: ${TOO_LONG}`);
    });
    await recordHistory(workflowEnv().client, id, 'campaign-failed');
  });

  it('shows "failed" with the reason when the request is refused while preparing', async () => {
    const invalid = 'Kế hoạch phuong-bac-kan-2026 không có nhiệm vụ "nv-99".';
    const { taskQueue, worker } = await mockWorker(workflowEnv(), {
      prepareCampaign: async () => {
        throw ApplicationFailure.nonRetryable(invalid, 'InvalidCampaign');
      },
      appendAudit: async () => undefined,
    });
    const id = 'campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026-r1';
    await worker.runUntil(async () => {
      await startCampaign(workflowEnv().client, taskQueue, campaignInput(id));
      await workflowEnv().client.workflow.getHandle(id).result().catch(() => undefined);
      const found = await campaignStatus(workflowEnv().client, id);
      expect(found?.state.status).toBe('failed');
      expect(found?.failure).toContain(invalid);
      expect((await workflowEnv().client.workflow.getHandle(id).describe()).typedSearchAttributes.get(CampaignStatus)).toBe('failed');
    });
    expect((await listedStatus(id, 'failed'))?.status).toBe('failed');
  });
});

describe('bulletin run whose activity fails for good', () => {
  it('ends failed with the reason in its status and its run record', async () => {
    const records: Record<string, unknown>[] = [];
    const { taskQueue, worker } = await mockWorker(workflowEnv(), {
      prepareBulletinRun: async () => ({ messageIndex: 0, message: 'Giữ gìn vệ sinh môi trường.', day: '2026-03-03', briefKey: 'b', localityCount: 3, reused: false }),
      appendAudit: async () => undefined,
      recordBulletinRun: async (input) => {
        records.push(input.patch);
      },
      draftScriptsBatch: async () => {
        throw ApplicationFailure.nonRetryable('Kịch bản cho phường Bắc Kạn dài 6 phút, vượt khung giờ 5 phút.', 'ScriptTooLong');
      },
    });
    const series = { seriesId: 'bt-series', planId: 'p', taskId: 't', approvers: ['a@example.org'], pool: ['x'], localities: 'all', localitiesFile: 'l', decideWithinMs: 3600_000 } as unknown as BulletinSeriesInput;
    await worker.runUntil(async () => {
      const handle = await workflowEnv().client.workflow.start('bulletinWorkflow', { taskQueue, workflowId: 'bulletin-failure', args: [series] });
      const outcome = await handle.result().then(() => undefined, (err: unknown) => err);
      expect((outcome as WorkflowFailedError).cause?.message).toContain('vượt khung giờ 5 phút');
      const state = await handle.query<CampaignState>('status');
      expect(state.status).toBe('failed');
      expect(state.events.at(-1)!.text).toContain('vượt khung giờ 5 phút');
    });
    expect(records.at(-1)).toMatchObject({ status: 'failed' });
    expect(String(records.at(-1)!.failure)).toContain('vượt khung giờ 5 phút');
  });
});

describe('report whose activity fails for good', () => {
  it('fails with the activity’s reason, not "Activity task failed"', async () => {
    const { taskQueue, worker } = await mockWorker(workflowEnv(), {
      gatherReportEvidence: async () => {
        throw ApplicationFailure.nonRetryable('Kế hoạch phuong-bac-kan-2026 không có nhiệm vụ báo cáo "bc-9".', 'InvalidDuty');
      },
    });
    await worker.runUntil(async () => {
      const handle = await workflowEnv().client.workflow.start('reportWorkflow', {
        taskQueue,
        workflowId: 'report-failure',
        args: [{ planId: 'phuong-bac-kan-2026', period: { from: '2026-01-01', to: '2026-06-04', start: '2025-12-31T17:00:00.000Z', end: '2026-06-04T16:59:59.999Z' }, reportTo: [], email: false }],
      });
      const outcome = await handle.result().then(() => undefined, (err: unknown) => err);
      expect(outcome).toBeInstanceOf(WorkflowFailedError);
      expect((outcome as WorkflowFailedError).cause?.message).toContain('không có nhiệm vụ báo cáo "bc-9"');
    });
  });
});
