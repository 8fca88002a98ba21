/**
 * `corrections`: an urgent correction (đính chính) of a shipped plan on the real services, as an
 * editor starts it (the seeded directory's stations and media list, every correction channel:
 * loudspeakers as an emergency bulletin, web post, press briefing, social pack), approved by its
 * one approver through the emailed link: approval POST → every channel published, p50 and p95
 * over N corrections one after another (`--corrections=`, default 5), each with its own text.
 */
import type { CampaignState } from '../domain/campaign/types.js';
import { startCampaign } from '../infra/campaign-client.js';
import { resolveCorrectionInput } from '../infra/correction-client.js';
import { DirectoryStore } from '../infra/directory-store.js';
import { formFields, postDecision } from '../test/support/campaign.js';
import { waitForApprovalLink } from '../chaos/campaigns.js';
import { loadavg } from 'node:os';
import { numberFlag } from './flags.js';
import { percentile, type Row } from './row.js';
import { benchEnv } from './services.js';

export async function benchCorrections(): Promise<Row[]> {
  const n = numberFlag('corrections', 5);
  const env = await benchEnv();
  await env.addWorker();
  const directory = new DirectoryStore(env.store);
  const tag = Date.now().toString(36);
  const latencies: number[] = [];
  const slowest: string[] = [];
  let channels = '';
  for (let i = 0; i < n; i++) {
    const approver = `dinh-chinh-${tag}-${i}@example.org`;
    const input = await resolveCorrectionInput(
      {
        planId: 'phuong-bac-kan-2026',
        headline: 'Không thu phí học thêm bắt buộc',
        // A new text every run, as every real correction is: nothing of its audio is in the segment cache.
        claim: `Từ ngày ${i + 1} tháng 12, học sinh phải đóng phí học thêm bắt buộc tại trường`,
        facts: ['Ủy ban nhân dân phường không ban hành quy định thu phí học thêm bắt buộc', 'Việc dạy thêm, học thêm thực hiện theo Thông tư số 29/2024/TT-BGDĐT'],
        source: 'Ủy ban nhân dân phường Bắc Kạn',
        approver,
      },
      new Date(),
      { directory },
    );
    await startCampaign(env.client, env.endpoints.taskQueue, input);
    const link = await waitForApprovalLink(env, approver, Date.now() + 300_000);
    const page = await (await fetch(link)).text();
    const pressed = Date.now();
    const res = await postDecision(link, { ...formFields(page), decision: 'approve' });
    if (res.status !== 200) throw new Error(`approval POST answered ${res.status}`);
    const final = (await env.client.workflow.getHandle(input.campaignId).result()) as CampaignState;
    if (final.status !== 'published') throw new Error(`correction ended ${final.status}`);
    const last = Math.max(...final.channels.map((c) => Date.parse(c.publishedAt ?? '')));
    if (!Number.isFinite(last)) throw new Error('a channel of the correction has no publish time');
    latencies.push(last - pressed);
    slowest.push(final.channels.find((c) => Date.parse(c.publishedAt ?? '') === last)!.channel);
    channels = final.channels.map((c) => c.channel).join(', ');
  }
  await env.stopWorkers();
  const s = (ms: number) => (ms / 1000).toFixed(1);
  return [
    { name: `corrections: load average (1 min) at the end, 2 cores (for information)`, value: loadavg()[0]!.toFixed(1) },
    { name: `correction (${channels}): approval POST → every channel published, p50 over N = ${n} (s)`, value: s(percentile(latencies, 50)) },
    { name: `correction: approval POST → every channel published, p95 over N = ${n} (s; below 20 runs the slowest)`, value: s(percentile(latencies, 95)) },
    { name: 'correction: each run in order, with the channel published last (s, for information)', value: latencies.map((l, i) => `${s(l)} ${slowest[i]}`).join(' / ') },
  ];
}
