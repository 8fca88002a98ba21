/**
 * A campaign with every channel on, the modules listed out of registry order: the activities
 * the workflow schedules, in order — the infographic first and awaited; the web post, the
 * briefing and the script batches; then each module in the campaign's own order; at publish
 * time each channel in the campaign's order, the briefing and the modules after the post they
 * link. With RECORD_HISTORIES=1 the run is saved as test/histories/campaign-all-channels.pb,
 * which the replay test holds every later workflow change to.
 */
import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import type { Activities } from '../../activities/index.js';
import type { CampaignState, DraftSummary } from '../../domain/campaign/types.js';
import { recordHistory } from '../support/histories.js';
import { mockWorker, TEST_EDITOR, testCampaignInput, useWorkflowEnv } from '../support/workflow-env.js';

const workflowEnv = useWorkflowEnv();
const POST_URL = 'http://localhost/site/posts/ngay-nha-giao/';
const EventType = temporal.api.enums.v1.EventType;

describe('campaign with every channel', () => {
  it('schedules the channels’ activities in the fixed order and publishes every channel', async () => {
    const env = workflowEnv();
    const id = `campaign-all-channels-${process.pid}`;
    const channels = ['eBoard', 'infographic', 'social', 'webPortal', 'qaSet', 'pressBriefing', 'poster', 'loudspeaker'] as const;
    const past = new Date(Date.now() - 1000).toISOString();
    const draft = (channel: DraftSummary['channel']): DraftSummary => ({ channel, keys: [`campaigns/${id}/v1/${channel}`], summary: `${channel} v1`, problems: [] });
    const activities: Partial<Activities> = {
      prepareCampaign: async () => ({
        title: 'Ngày Nhà giáo Việt Nam 20/11',
        briefKey: `campaigns/${id}/v1/brief.json`,
        localityCount: 150,
        recipientCount: 2,
        schedule: Object.fromEntries(channels.map((c) => [c, past])),
        loudspeakerRepeatDaily: false,
      }),
      appendAudit: async () => undefined,
      draftInfographics: async () => ({ ...draft('infographic'), keys: [`campaigns/${id}/v1/infographic/social.png`] }),
      draftPost: async () => draft('webPortal'),
      draftBriefing: async () => draft('pressBriefing'),
      draftScriptsBatch: async (i) => ({ count: i.batch === 0 ? 100 : 50, seconds: 60, sampleKeys: [`campaigns/${id}/v1/loudspeaker/x${i.batch}.txt`], problems: [] }),
      draftChannel: async (i) => draft(i.channel as DraftSummary['channel']),
      sendApprovalRequests: async () => ({ sent: 1, skipped: 0 }),
      publishInfographics: async () => ({ summary: '4 tệp ảnh công khai', keys: [] }),
      publishCampaignPost: async () => ({ url: POST_URL, slug: 'ngay-nha-giao' }),
      sendCampaignBriefings: async () => ({ summary: 'gửi 2/2 phóng viên', sent: 2, failed: 0 }),
      publishScriptsBatch: async (i) => ({ localities: i.batch === 0 ? 100 : 50, bulletins: i.batch === 0 ? 100 : 50 }),
      publishChannel: async (i) => ({ detail: `${i.channel} đã đăng${i.postUrl ? ` (${i.postUrl})` : ''}`, keys: [] }),
    };
    const { taskQueue, worker } = await mockWorker(env, activities);
    const state = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('campaignWorkflow', { taskQueue, workflowId: id, args: [testCampaignInput(id, { channels: [...channels] })] });
      for (;;) {
        const s = (await handle.query('status')) as CampaignState;
        if (s.status === 'awaitingApproval') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await handle.executeUpdate('decide', { args: [{ version: 1, step: 1, approver: TEST_EDITOR, decision: 'approve', at: new Date().toISOString() }] });
      return (await handle.result()) as CampaignState;
    });

    await recordHistory(env.client, id, 'campaign-all-channels');
    const history = await env.client.workflow.getHandle(id).fetchHistory();
    const scheduled = (history.events ?? [])
      .filter((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
      .map((e) => {
        const a = e.activityTaskScheduledEventAttributes!;
        const arg = JSON.parse(Buffer.from(a.input!.payloads![0]!.data!).toString('utf8')) as { channel?: string; batch?: number };
        const name = a.activityType!.name!;
        return arg.channel !== undefined ? `${name}:${arg.channel}` : arg.batch !== undefined ? `${name}:${arg.batch}` : name;
      })
      .filter((n) => n !== 'appendAudit');
    expect(scheduled).toEqual([
      'prepareCampaign',
      'draftInfographics',
      'draftPost',
      'draftBriefing',
      'draftScriptsBatch:0',
      'draftScriptsBatch:1',
      'draftChannel:eBoard',
      'draftChannel:social',
      'draftChannel:qaSet',
      'draftChannel:poster',
      'sendApprovalRequests',
      // At publish time, in the campaign's order; the briefing and the modules wait for the post.
      'publishInfographics',
      'publishCampaignPost',
      'publishScriptsBatch:0',
      'publishScriptsBatch:1',
      'publishChannel:eBoard',
      'publishChannel:social',
      'publishChannel:qaSet',
      'sendCampaignBriefings',
      'publishChannel:poster',
    ]);
    expect(state.status).toBe('published');
    expect(state.channels.map((c) => [c.channel, c.state, c.detail])).toEqual([
      ['eBoard', 'published', `eBoard đã đăng (${POST_URL})`],
      ['infographic', 'published', '4 tệp ảnh công khai'],
      ['social', 'published', `social đã đăng (${POST_URL})`],
      ['webPortal', 'published', POST_URL],
      ['qaSet', 'published', `qaSet đã đăng (${POST_URL})`],
      ['pressBriefing', 'published', 'gửi 2/2 phóng viên'],
      ['poster', 'published', `poster đã đăng (${POST_URL})`],
      ['loudspeaker', 'published', '150 bản tin tới 150 đơn vị'],
    ]);
  });
});
