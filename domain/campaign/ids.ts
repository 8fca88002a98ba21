/**
 * Campaign ids: derived from plan, occasion and year so the same campaign cannot be started
 * twice by accident; a deliberate new run gets a suffix.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `campaign-<plan>-<occasion>-<year>`. A staging set of schedules synced with an id prefix
 * (`--id-prefix it1-`) starts its campaigns under the same prefix
 * (`campaign-it1-<plan>-…`), so they never take the id of the real campaign of that occasion.
 */
export function campaignId(planId: string, occasionId: string, occasionDate: string, runSuffix?: string, idPrefix = ''): string {
  const year = occasionDate.slice(0, 4);
  const base = `campaign-${idPrefix}${planId}-${occasionId}-${year}`;
  return runSuffix ? `${base}-${runSuffix}` : base;
}

/** True for ids this product makes (used to validate anything that arrives in a URL or CLI). */
export function isCampaignId(id: string): boolean {
  return id.startsWith('campaign-') && id.length <= 200 && SLUG.test(id);
}

/** Object-store prefix of a campaign's drafts and records. */
export function campaignPrefix(id: string): string {
  return `campaigns/${id}`;
}
