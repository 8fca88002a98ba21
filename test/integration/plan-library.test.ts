/**
 * The plan library on the real object store, with the worker: two saves from the same version
 * (one wins, the other is refused in Vietnamese, nothing lost), and a campaign keeps the
 * version it started with — a version saved after it started does not reach its drafts.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { keys } from '../../activities/campaign/keys.js';
import type { ContentBrief } from '../../domain/brief.js';
import type { CampaignState } from '../../domain/campaign/types.js';
import { cancelCampaign, resolveCampaignInput, startCampaign } from '../../infra/campaign-client.js';
import { PlanConflictError, PlanLibrary } from '../../infra/plan-library.js';
import { PLANS_DIR } from '../../infra/plan-store.js';
import { startProduct, waitFor } from '../support/campaign.js';

const shared = inject('endpoints');
const OCCASION = 'ngay-nha-giao-20-11';

/** A copy of the Bắc Kạn sample under a fresh id, so the shared store's samples stay as they are. */
async function samplePlan(id: string): Promise<Record<string, unknown>> {
  const data = parse(await readFile(path.join(PLANS_DIR, 'phuong-bac-kan-2026.yaml'), 'utf8')) as Record<string, unknown>;
  return { ...data, id };
}

/** The same plan with other key messages everywhere (plan and tasks). */
function withMessages(data: Record<string, unknown>, message: string): Record<string, unknown> {
  return { ...data, keyMessages: [message], tasks: (data.tasks as Record<string, unknown>[]).map((t) => ({ ...t, keyMessages: [message] })) };
}

describe('plan library on the real store', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let library: PlanLibrary;
  const started: string[] = [];
  beforeAll(async () => {
    product = await startProduct(shared, 'plan-library');
    library = new PlanLibrary(product.store);
  });
  afterAll(async () => {
    for (const id of started) await cancelCampaign(product.client, id).catch(() => undefined);
    await product?.stop();
  });

  it('holds the shipped plans seeded on first start', async () => {
    expect((await library.ensureSeeded()).skipped).toBe('seeded');
    const ids = (await library.list()).map((s) => s.plan.id);
    expect(ids).toEqual(expect.arrayContaining(['lang-son-62-kh-ubnd-2026', 'phuong-bac-kan-2026', 'quang-ngai-2026']));
  });

  it('two editors saving the same version: one version is written, the other is refused in Vietnamese and nothing is merged', async () => {
    const id = `it-xung-dot-${randomUUID().slice(0, 8)}`;
    const base = await samplePlan(id);
    await library.save(base, { by: 'bientap.vhxh@example.org', expectedVersion: 0 });
    // Two processes, each with its own view of the store.
    const [a, b] = await Promise.allSettled([
      new PlanLibrary(product.store).save({ ...base, title: 'Bản của biên tập viên A' }, { by: 'a@example.org', expectedVersion: 1 }),
      new PlanLibrary(product.store).save({ ...base, title: 'Bản của biên tập viên B' }, { by: 'b@example.org', expectedVersion: 1 }),
    ]);
    const won = [a, b].filter((r) => r.status === 'fulfilled');
    const lost = [a, b].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(PlanConflictError);
    expect((lost[0]!.reason as Error).message).toMatch(/^Không lưu được: kế hoạch “it-xung-dot-[0-9a-f]+” đã được [ab]@example\.org lưu thành phiên bản 2 lúc .+, sau phiên bản 1 mà bạn bắt đầu sửa\. Thay đổi của bạn chưa được lưu/);
    const history = await library.history(id);
    expect(history.map((h) => h.version)).toEqual([1, 2]);
    const winner = history[1]!.by === 'a@example.org' ? 'Bản của biên tập viên A' : 'Bản của biên tập viên B';
    expect((await library.get(id)).plan.title).toBe(winner);
    expect((await library.get(id, 1)).plan.title).toBe(base.title);
  });

  it('a campaign drafts from the version it started with, even when a new version is saved before its drafts are made', async () => {
    const id = `it-phien-ban-${randomUUID().slice(0, 8)}`;
    const v1 = withMessages(await samplePlan(id), 'Thông điệp của phiên bản một');
    await library.save(v1, { by: 'bientap.vhxh@example.org', expectedVersion: 0 });
    const request = { planId: id, occasionId: OCCASION, channels: ['webPortal'], approvers: ['bientap.vhxh@example.org'], forceNew: true };
    const first = await resolveCampaignInput(request, new Date(), { plans: library });
    expect(first.planVersion).toBe(1);

    // The plan is edited after the campaign was asked for, before its worker reads the plan.
    const v2 = await library.save(withMessages(v1, 'Thông điệp của phiên bản hai'), { by: 'lanhdao.ubnd@example.org', expectedVersion: 1 });
    expect(v2.version).toBe(2);
    expect(v2.changes).toEqual(expect.arrayContaining(['Sửa thông điệp chính']));
    await startCampaign(product.client, product.taskQueue, first);
    started.push(first.campaignId);

    const status = (cid: string) => product.client.workflow.getHandle(cid).query<CampaignState>('status');
    await waitFor(async () => ((await status(first.campaignId)).status === 'awaitingApproval' ? true : undefined), 120_000, 'first campaign drafted');
    const brief1 = JSON.parse((await product.store.get(keys.brief(first.campaignId, 1)))!.body.toString('utf8')) as ContentBrief;
    expect(brief1.keyMessages.join(' ')).toContain('Thông điệp của phiên bản một');
    expect(brief1.keyMessages.join(' ')).not.toContain('phiên bản hai');
    const post1 = (await product.store.get(keys.post(first.campaignId, 1)))!.body.toString('utf8');
    expect(post1).toContain('Thông điệp của phiên bản một');
    expect(post1).not.toContain('phiên bản hai');
    const recorded = JSON.parse((await product.store.get(keys.input(first.campaignId)))!.body.toString('utf8')) as { planVersion?: number };
    expect(recorded.planVersion).toBe(1);

    // A campaign started now takes the current version.
    const second = await resolveCampaignInput(request, new Date(), { plans: library });
    expect(second.planVersion).toBe(2);
    await startCampaign(product.client, product.taskQueue, second);
    started.push(second.campaignId);
    await waitFor(async () => ((await status(second.campaignId)).status === 'awaitingApproval' ? true : undefined), 120_000, 'second campaign drafted');
    const brief2 = JSON.parse((await product.store.get(keys.brief(second.campaignId, 1)))!.body.toString('utf8')) as ContentBrief;
    expect(brief2.keyMessages.join(' ')).toContain('Thông điệp của phiên bản hai');
  });
});
