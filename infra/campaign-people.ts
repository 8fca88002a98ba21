/**
 * The people a campaign's emails and pages may name: the platform accounts (EDITORS_FILE) and
 * the editors listed on the campaign's unit in the directory (the unit recorded at its start,
 * else its plan's owner). Shared by the approval emails (worker) and the approval pages (web).
 */
import type { CampaignInput } from '../domain/campaign/types.js';
import type { Editor } from '../web/dashboard/editors.js';
import { DirectoryStore } from './directory-store.js';
import type { ObjectStore } from './object-store.js';

export async function campaignPeople(store: ObjectStore, campaignId: string, fileEditors: readonly Editor[] = []): Promise<Editor[]> {
  const stored = await store.get(`campaigns/${campaignId}/inputs/campaign.json`).catch(() => undefined);
  let input: Partial<CampaignInput> | undefined;
  try {
    input = stored ? (JSON.parse(stored.body.toString('utf8')) as Partial<CampaignInput>) : undefined;
  } catch {
    input = undefined;
  }
  if (!input?.planId) return [...fileEditors];
  const directory = new DirectoryStore(store);
  const unit = input.ownerUnit ? await directory.unit(input.ownerUnit) : await directory.ownerOfPlan(input.planId);
  const out = [...fileEditors];
  for (const e of unit?.editors ?? []) if (!out.some((x) => x.email === e.email)) out.push({ name: e.name, email: e.email, role: e.role === 'leader' ? 'leader' : 'editor' });
  return out;
}
