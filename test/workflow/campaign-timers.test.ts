/**
 * Every timer path of the campaign and bulletin workflows, with mocked activities on a local
 * Temporal server: reminder, escalation, expiry, request changes → a new version, the two-step
 * rule, rejection, cancellation, and publishing at its time. The durations are the inputs' own
 * (a reminder after `reminderAfterMs`), shortened to seconds: this machine has no time-skipping
 * test server, so the timers really run, only shorter.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import type { ApprovalRequestInput } from '../../activities/campaign/approval.js';
import type { Activities } from '../../activities/index.js';
import type { CampaignInput, CampaignState, DecisionInput, DraftSummary } from '../../domain/campaign/types.js';
import type { BulletinSeriesInput } from '../../domain/schedules/bulletin.js';
import type { BulletinRunResult } from '../../workflows/bulletin.js';
import { CampaignStatus } from '../../domain/search-attributes.js';
import { recordHistory } from '../support/histories.js';
import { mockWorker, TEST_EDITOR, testCampaignInput, useWorkflowEnv } from '../support/workflow-env.js';

const workflowEnv = useWorkflowEnv();

let seq = 0;
const uniqueId = (what: string) => `campaign-wf-${what}-${process.pid}-${++seq}`;
const EDITOR = TEST_EDITOR;
const BOSS = 'truong-phong@example.org';
const LEADER = 'lanh-dao@example.org';

const campaignInput = (id: string, extra: Partial<CampaignInput> = {}): CampaignInput =>
  // Publish as soon as approved unless a test says otherwise.
  testCampaignInput(id, { publishAt: new Date(Date.now() - 1_000).toISOString(), ...extra });

/** Mocked activities that record what the workflow asked for. */
function recorder() {
  const asks: Pick<ApprovalRequestInput, 'kind' | 'approvers' | 'version' | 'step'>[] = [];
  const published: { channel: string; version: number; at: number }[] = [];
  const revised: number[] = [];
  const draft = (channel: DraftSummary['channel'], v: number): DraftSummary => ({ channel, keys: [`campaigns/x/v${v}/${channel}`], summary: `${channel} v${v}`, problems: [] });
  const activities: Partial<Activities> = {
    // As the real activity does with --publish-at: every channel at that time.
    prepareCampaign: async (i) => ({
      title: 'Ngày Nhà giáo Việt Nam 20/11',
      briefKey: 'campaigns/x/v1/brief.json',
      localityCount: 0,
      recipientCount: 0,
      schedule: Object.fromEntries(i.channels.map((c) => [c, i.publishAt!])),
      loudspeakerRepeatDaily: false,
    }),
    appendAudit: async () => undefined,
    draftInfographics: async (i) => draft('infographic', i.version),
    draftPost: async (i) => draft('webPortal', i.version),
    reviseBrief: async (i) => {
      revised.push(i.version);
      return { briefKey: `campaigns/x/v${i.version}/brief.json` };
    },
    sendApprovalRequests: async (i) => {
      asks.push({ kind: i.kind, approvers: i.approvers, version: i.version, step: i.step });
      return { sent: i.approvers.length, skipped: 0 };
    },
    publishInfographics: async (i) => {
      published.push({ channel: 'infographic', version: i.version, at: Date.now() });
      return { summary: 'đã đăng', keys: [] };
    },
    publishCampaignPost: async (i) => {
      published.push({ channel: 'webPortal', version: i.version, at: Date.now() });
      return { url: 'http://localhost/site/posts/x/', slug: 'x' };
    },
  };
  return { asks, published, revised, activities };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function run(activities: Partial<Activities>, input: CampaignInput, drive: (h: ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>) => Promise<void>) {
  const { taskQueue, worker } = (await mockWorker(workflowEnv(), activities)) as { taskQueue: string; worker: Worker };
  return worker.runUntil(async () => {
    const handle = await workflowEnv().client.workflow.start('campaignWorkflow', { taskQueue, workflowId: input.campaignId, args: [input] });
    await drive(handle);
    return (await handle.result()) as CampaignState;
  });
}

const stateOf = (h: { query: (q: string) => Promise<unknown> }) => h.query('status') as Promise<CampaignState>;
const awaiting = (h: { query: (q: string) => Promise<unknown> }, version: number, step = 1) =>
  waitFor(`approval of v${version} step ${step}`, async () => {
    const s = await stateOf(h);
    return s.status === 'awaitingApproval' && s.version === version && s.step === step ? s : undefined;
  });
const decide = (h: { executeUpdate: (u: string, o: { args: unknown[] }) => Promise<unknown> }, d: Partial<DecisionInput> & Pick<DecisionInput, 'approver' | 'decision'>) =>
  h.executeUpdate('decide', { args: [{ version: 1, step: 1, at: new Date().toISOString(), ...d }] });
/** The workflow's own words when it refuses a decision (the update's failure cause). */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (err: { cause?: { message?: string }; message?: string }) => err.cause?.message ?? err.message ?? String(err),
  );

describe('campaign workflow timers', () => {
  it('reminds after the reminder time, escalates after the escalation time, and the escalated approver may approve', async () => {
    const r = recorder();
    const state = await run(r.activities, campaignInput(uniqueId('remind'), { reminderAfterMs: 1_500, escalateAfterMs: 3_000, escalateTo: [BOSS] }), async (h) => {
      await awaiting(h, 1);
      await waitFor('escalation', async () => (r.asks.some((a) => a.kind === 'escalation') ? true : undefined));
      // Before the escalation only the editor could decide; now the head of office can.
      await decide(h, { approver: BOSS, decision: 'approve' });
    });
    expect(r.asks.map((a) => [a.kind, a.approvers])).toEqual([
      ['request', [EDITOR]],
      ['reminder', [EDITOR]],
      ['escalation', [BOSS]],
    ]);
    expect(state.status).toBe('published');
    expect(state.events.map((e) => e.kind)).toEqual(['started', 'drafted', 'approvalRequested', 'reminder', 'escalation', 'approve', 'published', 'published', 'closed']);
    expect(r.published.map((p) => p.channel).sort()).toEqual(['infographic', 'webPortal']);
  });

  it('refuses a decision from someone who is not (yet) an approver', async () => {
    const r = recorder();
    await run(r.activities, campaignInput(uniqueId('outsider'), { escalateTo: [BOSS] }), async (h) => {
      await awaiting(h, 1);
      expect(await refusal(decide(h, { approver: BOSS, decision: 'approve' }))).toMatch(/không phải người duyệt/);
      await decide(h, { approver: EDITOR, decision: 'approve' });
    });
    expect(r.asks.map((a) => a.kind)).toEqual(['request']);
  });

  it('expires at the deadline without a decision, publishing nothing', async () => {
    const r = recorder();
    const state = await run(r.activities, campaignInput(uniqueId('expire'), { decideBy: new Date(Date.now() + 2_500).toISOString() }), async (h) => {
      await awaiting(h, 1);
    });
    expect(state.status).toBe('expired');
    expect(state.events.at(-1)?.kind).toBe('expired');
    expect(r.published).toEqual([]);
  });

  it('request changes drafts version 2, refuses decisions on version 1, then publishes version 2', async () => {
    const r = recorder();
    const state = await run(r.activities, campaignInput(uniqueId('changes')), async (h) => {
      await awaiting(h, 1);
      expect(await refusal(decide(h, { approver: EDITOR, decision: 'requestChanges' }))).toMatch(/nhận xét/);
      await decide(h, { approver: EDITOR, decision: 'requestChanges', comment: 'Sửa tiêu đề', edits: { headline: 'Tri ân thầy cô' } });
      // Asked for once drafted and its request sent (the version number moves before the re-draft).
      await waitFor('the request for version 2', async () => {
        const s = await stateOf(h);
        return s.version === 2 && s.events.filter((e) => e.kind === 'approvalRequested').length === 2 ? s : undefined;
      });
      expect(await refusal(decide(h, { approver: EDITOR, decision: 'approve', version: 1 }))).toMatch(/Phiên bản 1 đã cũ/);
      await decide(h, { approver: EDITOR, decision: 'approve', version: 2 });
    });
    expect(r.revised).toEqual([2]);
    expect(r.asks.map((a) => a.version)).toEqual([1, 2]);
    expect(state.version).toBe(2);
    expect(state.drafts.map((d) => d.summary)).toEqual(['infographic v2', 'webPortal v2']);
    expect(r.published.every((p) => p.version === 2)).toBe(true);
  });

  it('with a leader, needs the editor then the leader: neither can take the other\'s step', async () => {
    const r = recorder();
    const state = await run(r.activities, campaignInput(uniqueId('two-step'), { leaders: [LEADER] }), async (h) => {
      await awaiting(h, 1, 1);
      expect(await refusal(decide(h, { approver: LEADER, decision: 'approve', step: 1 }))).toMatch(/không phải người duyệt/);
      await decide(h, { approver: EDITOR, decision: 'approve', step: 1 });
      await awaiting(h, 1, 2);
      expect(await refusal(decide(h, { approver: EDITOR, decision: 'approve', step: 2 }))).toMatch(/không phải người duyệt/);
      expect(r.published).toEqual([]);
      await decide(h, { approver: LEADER, decision: 'approve', step: 2 });
    });
    expect(r.asks.map((a) => [a.step, a.approvers])).toEqual([
      [1, [EDITOR]],
      [2, [LEADER]],
    ]);
    expect(state.status).toBe('published');
  });

  it('a rejection closes the campaign with every channel skipped', async () => {
    const r = recorder();
    const state = await run(r.activities, campaignInput(uniqueId('reject')), async (h) => {
      await awaiting(h, 1);
      await decide(h, { approver: EDITOR, decision: 'reject', comment: 'Không phù hợp' });
    });
    expect(state.status).toBe('rejected');
    expect(state.channels.map((c) => c.state)).toEqual(['skipped', 'skipped']);
    expect(r.published).toEqual([]);
  });

  it('cancelled while a channel waits for its time: nothing more is published', async () => {
    const r = recorder();
    const publishAt = new Date(Date.now() + 60_000).toISOString();
    const state = await run(r.activities, campaignInput(uniqueId('cancel'), { publishAt }), async (h) => {
      await awaiting(h, 1);
      await decide(h, { approver: EDITOR, decision: 'approve' });
      await waitFor('channels scheduled', async () => ((await stateOf(h)).channels.every((c) => c.state === 'scheduled') ? true : undefined));
      await h.cancel();
    });
    expect(state.status).toBe('cancelled');
    expect(state.channels.map((c) => c.state)).toEqual(['skipped', 'skipped']);
    expect(r.published).toEqual([]);
  });

  it('publishes each channel at its time, not before', async () => {
    const r = recorder();
    const publishAt = Date.now() + 4_000;
    const state = await run(r.activities, campaignInput(uniqueId('on-time'), { publishAt: new Date(publishAt).toISOString() }), async (h) => {
      await awaiting(h, 1);
      await decide(h, { approver: EDITOR, decision: 'approve' });
    });
    expect(state.status).toBe('published');
    expect(r.published).toHaveLength(2);
    for (const p of r.published) expect(p.at).toBeGreaterThanOrEqual(publishAt);
  });
});

describe('campaign press briefing timing', () => {
  /** Activities for a post and a briefing, each at its own time from `schedule`. */
  function pressDesk(schedule: Record<string, string>) {
    const sent: { postUrl?: string; embargoUntil?: string; at: number }[] = [];
    const posted: number[] = [];
    const draft = (channel: DraftSummary['channel']): DraftSummary => ({ channel, keys: [`campaigns/x/v1/${channel}`], summary: channel, problems: [] });
    const activities: Partial<Activities> = {
      prepareCampaign: async () => ({ title: 'Ngày Nhà giáo Việt Nam 20/11', briefKey: 'b', localityCount: 0, recipientCount: 3, schedule, loudspeakerRepeatDaily: false }),
      appendAudit: async () => undefined,
      draftInfographics: async () => draft('infographic'),
      draftPost: async () => draft('webPortal'),
      draftBriefing: async () => draft('pressBriefing'),
      sendApprovalRequests: async (i) => ({ sent: i.approvers.length, skipped: 0 }),
      publishCampaignPost: async () => {
        // The post takes a moment: a briefing due at the same time must wait for its link.
        await new Promise((r) => setTimeout(r, 1_500));
        posted.push(Date.now());
        return { url: 'http://localhost/site/posts/tri-an-thay-co/', slug: 'tri-an-thay-co' };
      },
      sendCampaignBriefings: async (i) => {
        sent.push({ postUrl: i.postUrl, embargoUntil: i.embargoUntil, at: Date.now() });
        return { summary: 'đã gửi 3 nhà báo', sent: 3, failed: 0 };
      },
    };
    return { activities, sent, posted };
  }
  const approveNow = async (h: Parameters<Parameters<typeof run>[2]>[0]) => {
    await awaiting(h, 1);
    await decide(h, { approver: EDITOR, decision: 'approve' });
  };

  it('a briefing due with the post waits for it and links it', async () => {
    const now = new Date(Date.now() - 1_000).toISOString();
    const desk = pressDesk({ webPortal: now, pressBriefing: now });
    const state = await run(desk.activities, campaignInput(uniqueId('press-link'), { channels: ['webPortal', 'pressBriefing'], publishAt: undefined }), approveNow);
    expect(state.status).toBe('published');
    expect(desk.sent).toHaveLength(1);
    expect(desk.sent[0]).toMatchObject({ postUrl: 'http://localhost/site/posts/tri-an-thay-co/' });
    expect(desk.sent[0]!.embargoUntil).toBeUndefined();
    expect(desk.sent[0]!.at).toBeGreaterThanOrEqual(desk.posted[0]!);
  });

  it('a briefing due before the post goes out at its time under embargo until the post', async () => {
    const postAt = new Date(Date.now() + 5_000).toISOString();
    const desk = pressDesk({ webPortal: postAt, pressBriefing: new Date(Date.now() - 1_000).toISOString() });
    const state = await run(desk.activities, campaignInput(uniqueId('press-embargo'), { channels: ['webPortal', 'pressBriefing'], publishAt: undefined }), approveNow);
    expect(state.status).toBe('published');
    expect(desk.sent).toEqual([expect.objectContaining({ postUrl: undefined, embargoUntil: postAt })]);
    // The journalists had it before the post was out.
    expect(desk.sent[0]!.at).toBeLessThan(desk.posted[0]!);
  });
});

describe('bulletin workflow timers', () => {
  const series = (extra: Partial<BulletinSeriesInput> = {}): BulletinSeriesInput => ({
    seriesId: `sched-wf-${process.pid}-${++seq}-bulletin`,
    planId: 'phuong-bac-kan-2026',
    taskId: 'pbk-thong-tin-co-so',
    brief: {} as BulletinSeriesInput['brief'],
    pool: ['Thông điệp một.', 'Thông điệp hai.'],
    approvers: [EDITOR],
    localities: 'all',
    localitiesFile: 'data/localities.yaml',
    decideWithinMs: 3 * 3600_000,
    ...extra,
  });
  const bulletinActivities = (published: number[], drafted: number[] = [], revised: number[] = []): Partial<Activities> => ({
    prepareBulletinRun: async () => ({ messageIndex: 0, message: 'Thông điệp một.', day: '2026-12-02', briefKey: 'campaigns/b/v1/brief.json', localityCount: 2, reused: false }),
    appendAudit: async () => undefined,
    recordBulletinRun: async () => undefined,
    draftScriptsBatch: async (i) => {
      drafted.push(i.version);
      return { count: 2, seconds: 120, sampleKeys: ['k'], problems: [] };
    },
    reviseBrief: async (i) => {
      revised.push(i.version);
      return { briefKey: `campaigns/b/v${i.version}/brief.json` };
    },
    sendApprovalRequests: async (i) => ({ sent: i.approvers.length, skipped: 0 }),
    bulletinPublishDay: async () => '2026-12-02',
    publishScriptsBatch: async (i) => {
      published.push(i.version);
      return { localities: 2, bulletins: 2 };
    },
  });

  async function runBulletin(
    input: BulletinSeriesInput,
    published: number[],
    drive: (h: { query: (q: string) => Promise<unknown>; executeUpdate: (u: string, o: { args: unknown[] }) => Promise<unknown> }) => Promise<void>,
    history?: string,
    activities: Partial<Activities> = bulletinActivities(published),
  ) {
    const { taskQueue, worker } = await mockWorker(workflowEnv(), activities);
    const workflowId = `${input.seriesId}-run`;
    const result = await worker.runUntil(async () => {
      const handle = await workflowEnv().client.workflow.start('bulletinWorkflow', { taskQueue, workflowId, args: [input] });
      await drive(handle);
      return (await handle.result()) as BulletinRunResult;
    });
    if (history) await recordHistory(workflowEnv().client, workflowId, history);
    return { result, status: (await workflowEnv().client.workflow.getHandle(workflowId).describe()).typedSearchAttributes.get(CampaignStatus) };
  }

  it('a run that needs approval expires after its decision window, broadcasting nothing', async () => {
    const published: number[] = [];
    const { result, status } = await runBulletin(series({ decideWithinMs: 2_000 }), published, async (h) => {
      await awaiting(h as never, 1);
    });
    expect(result.status).toBe('expired');
    expect(status).toBe('expired');
    expect(published).toEqual([]);
  });

  it('an approved run broadcasts once to every locality', async () => {
    const published: number[] = [];
    const { result, status } = await runBulletin(
      series(),
      published,
      async (h) => {
        await awaiting(h as never, 1);
        await decide(h, { approver: EDITOR, decision: 'approve' });
      },
      'bulletin-approved',
    );
    expect(result).toMatchObject({ status: 'published', bulletins: 2, localities: 2 });
    // Lists filtered by status find bulletin runs too.
    expect(status).toBe('published');
    expect(published).toHaveLength(1);
  });

  it('a pre-approved run publishes without asking anyone', async () => {
    const published: number[] = [];
    const { result } = await runBulletin(series({ preApprovedBy: EDITOR }), published, async () => undefined);
    expect(result.status).toBe('published');
    expect(published).toHaveLength(1);
  });
  it('request changes drafts version 2 and broadcasts it once approved; version 1 can no longer be decided', async () => {
    const published: number[] = [];
    const drafted: number[] = [];
    const revised: number[] = [];
    const { result } = await runBulletin(
      series(),
      published,
      async (h) => {
        await awaiting(h as never, 1);
        await decide(h, { approver: EDITOR, decision: 'requestChanges', comment: 'Đọc chậm hơn', edits: { headline: 'Giữ gìn vệ sinh' } });
        // Version 2 is asked for once it is drafted and its request sent (the version number
        // moves before the re-draft starts).
        await waitFor('the request for version 2', async () => {
          const s = await stateOf(h as never);
          return s.version === 2 && s.events.filter((e) => e.kind === 'approvalRequested').length === 2 ? s : undefined;
        });
        expect(await refusal(decide(h, { approver: EDITOR, decision: 'approve', version: 1 }))).toMatch(/Phiên bản 1 đã cũ/);
        await decide(h, { approver: EDITOR, decision: 'approve', version: 2 });
      },
      undefined,
      bulletinActivities(published, drafted, revised),
    );
    expect(result.status).toBe('published');
    expect(revised).toEqual([2]);
    expect(drafted).toEqual([1, 2]);
    expect(published).toEqual([2]);
  });

  it('while version 2 is being revised the run says "drafting", never "awaiting approval" of a version not yet drafted', async () => {
    const published: number[] = [];
    let release = () => {};
    const revising = new Promise<void>((resolve) => (release = resolve));
    let revisingStarted = false;
    const activities = {
      ...bulletinActivities(published),
      reviseBrief: async (i: { version: number }) => {
        revisingStarted = true;
        await revising;
        return { briefKey: `campaigns/b/v${i.version}/brief.json` };
      },
    } as Partial<Activities>;
    const seen: { status: string; version: number }[] = [];
    const { result } = await runBulletin(
      series(),
      published,
      async (h) => {
        await awaiting(h as never, 1);
        await decide(h, { approver: EDITOR, decision: 'requestChanges', comment: 'Ngắn hơn' });
        await waitFor('the revision to start', async () => (revisingStarted ? true : undefined));
        const s = await stateOf(h as never);
        seen.push({ status: s.status, version: s.version });
        release();
        await awaiting(h as never, 2);
        await decide(h, { approver: EDITOR, decision: 'approve', version: 2 });
      },
      undefined,
      activities,
    );
    expect(seen).toEqual([{ status: 'drafting', version: 2 }]);
    expect(result.status).toBe('published');
    expect(published).toEqual([2]);
  });

  it('the decision window counts from the run\'s start: a second version not decided in time expires', async () => {
    const published: number[] = [];
    const { result, status } = await runBulletin(series({ decideWithinMs: 4_000 }), published, async (h) => {
      await awaiting(h as never, 1);
      await decide(h, { approver: EDITOR, decision: 'requestChanges', comment: 'Thêm giờ phát' });
      await awaiting(h as never, 2);
    });
    expect(result.status).toBe('expired');
    expect(status).toBe('expired');
    expect(published).toEqual([]);
  });

  it('a rejected run broadcasts nothing and says so', async () => {
    const published: number[] = [];
    const { result, status } = await runBulletin(series(), published, async (h) => {
      await awaiting(h as never, 1);
      await decide(h, { approver: EDITOR, decision: 'reject', comment: 'Trùng thông báo của phường' });
    });
    expect(result).toMatchObject({ status: 'rejected', bulletins: 0 });
    expect(status).toBe('rejected');
    expect(published).toEqual([]);
  });
});
