/**
 * The people a campaign's emails and pages may name: the platform accounts (EDITORS_FILE) and
 * the editors listed on the campaign's unit in the directory (the unit recorded at its start,
 * else its plan's owner). Shared by the approval emails (worker) and the approval pages (web).
 */
import type { Editor } from '../web/dashboard/editors.js';
import { DirectoryStore } from './directory-store.js';
import type { ObjectStore } from './object-store.js';
import { recordedCampaignInput } from './campaign-record.js';

export async function campaignPeople(store: ObjectStore, campaignId: string, fileEditors: readonly Editor[] = []): Promise<Editor[]> {
  const input = await recordedCampaignInput(store, campaignId);
  if (!input?.planId) return [...fileEditors];
  const directory = new DirectoryStore(store);
  const unit = input.ownerUnit ? await directory.unit(input.ownerUnit) : await directory.ownerOfPlan(input.planId);
  const out = [...fileEditors];
  for (const e of unit?.editors ?? []) if (!out.some((x) => x.email === e.email)) out.push({ name: e.name, email: e.email, role: e.role === 'leader' ? 'leader' : 'editor' });
  return out;
}
