/**
 * Long activities tell Temporal they are alive: per item in their loops, and every 2 s from the
 * worker's keep-alive while a single long step runs. Without it a worker's death is noticed
 * only when the start-to-close timeout (minutes) has passed.
 */
import path from 'node:path';
import type { Context } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { Transporter } from 'nodemailer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLoudspeakerActivities } from '../../../channels/loudspeaker/activities.js';
import { keys } from '../../../activities/campaign/keys.js';
import { KEEP_ALIVE_MS, heartbeat, keepAliveInterceptor } from '../../../activities/heartbeat.js';
import { endpointsFromConfig, parseConfig } from '../../../infra/config.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { loadLocalities, REPO_ROOT } from '../../../infra/plan-store.js';
import { bacKanTeachersDay } from '../../fixtures/channels/briefs.js';

const parsed = parseConfig({ PUBLIC_BASE_URL: 'https://tin.example.org' });
if (!parsed.ok) throw new Error('config');
const endpoints = endpointsFromConfig(parsed.config, 'k'.repeat(32));
const mailer = { sent: 0, async sendMail() { this.sent += 1; return {}; }, close() {} };

const campaignId = 'campaign-bac-kan-heartbeat';

async function storeWithCampaign() {
  const store = new MemoryObjectStore();
  const { localities } = await loadLocalities(path.join(REPO_ROOT, 'test', 'fixtures', 'data', 'localities-file.yaml'));
  await store.put(keys.localities(campaignId), JSON.stringify(localities), { contentType: 'application/json' });
  await store.put(keys.brief(campaignId, 1), JSON.stringify(bacKanTeachersDay), { contentType: 'application/json' });
  return { store, count: localities.length };
}

describe('activities heartbeat in their loops', () => {
  it('drafting loudspeaker scripts heartbeats before each locality of the batch', async () => {
    const { store, count } = await storeWithCampaign();
    const env = new MockActivityEnvironment();
    const beats: unknown[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d));
    const drafts = createLoudspeakerActivities({ store, mailer: mailer as unknown as Transporter, endpoints });
    const r: { count: number } = await env.run(drafts.draftScriptsBatch, { campaignId, version: 1, briefKey: keys.brief(campaignId, 1), batch: 0, batchSize: 100 });
    expect(r.count).toBe(count);
    expect(beats).toEqual(Array.from({ length: count }, (_, done) => ({ done, total: count })));
  });

  it('publishing scripts heartbeats before each station', async () => {
    const { store, count } = await storeWithCampaign();
    const deps = { store, mailer: mailer as unknown as Transporter, endpoints };
    await createLoudspeakerActivities(deps).draftScriptsBatch({ campaignId, version: 1, briefKey: keys.brief(campaignId, 1), batch: 0, batchSize: 100 });
    const env = new MockActivityEnvironment();
    const beats: unknown[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d));
    const r: { bulletins: number } = await env.run(createLoudspeakerActivities(deps).publishScriptsBatch, { campaignId, version: 1, batch: 0, batchSize: 100, days: ['2026-11-19'] });
    expect(r.bulletins).toBe(count);
    expect(beats).toEqual(Array.from({ length: count }, (_, done) => ({ done, total: count })));
  });
});

describe('the worker’s keep-alive', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('heartbeats while one long step runs, repeating the last progress, and stops when the activity ends', async () => {
    vi.useFakeTimers();
    const beats: unknown[] = [];
    const ctx = { heartbeat: (d: unknown) => beats.push(d) } as unknown as Context;
    const inbound = keepAliveInterceptor()(ctx).inbound!;
    let finish: (v: string) => void = () => {};
    const step = new Promise<string>((resolve) => (finish = resolve));
    const running = inbound.execute!({ args: [], headers: {} }, () => step);

    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS * 3);
    expect(beats).toHaveLength(3);
    finish('done');
    expect(await running).toBe('done');
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS * 3);
    expect(beats).toHaveLength(3);
  });

  it('repeats the progress the activity last reported', async () => {
    vi.useFakeTimers();
    const env = new MockActivityEnvironment();
    const beats: unknown[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d));
    const inbound = keepAliveInterceptor()(env.context).inbound!;
    const activity = async () => {
      heartbeat({ done: 7, total: 10 });
      await new Promise((r) => setTimeout(r, KEEP_ALIVE_MS * 2 + 1));
      return 'ok';
    };
    const out = env.run(() => inbound.execute!({ args: [], headers: {} }, () => activity()));
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS * 3);
    expect(await out).toBe('ok');
    expect(beats).toEqual([{ done: 7, total: 10 }, { done: 7, total: 10 }, { done: 7, total: 10 }]);
  });
});
