/**
 * A campaign's input as the worker recorded it before its first approval (plan, version, unit,
 * tasks, audience). Pages and access checks read it without asking Temporal. Undefined when the
 * record is missing or unreadable (a campaign still being prepared, or started before it existed).
 */
import { keys } from '../activities/campaign/keys.js';
import type { CampaignInput } from '../domain/campaign/types.js';
import type { ObjectStore } from './object-store.js';

export async function recordedCampaignInput(store: ObjectStore, campaignId: string): Promise<Partial<CampaignInput> | undefined> {
  const stored = await store.get(keys.input(campaignId)).catch(() => undefined);
  if (!stored) return undefined;
  try {
    const input = JSON.parse(stored.body.toString('utf8')) as unknown;
    return input && typeof input === 'object' ? (input as Partial<CampaignInput>) : undefined;
  } catch {
    return undefined;
  }
}
