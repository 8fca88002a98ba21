/**
 * Temporal search attributes the product registers and sets, so campaigns can be found by
 * plan, occasion, year and status (from the CLI and in the Temporal Web UI).
 * Safe to import from workflow code.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CampaignPlan = defineSearchAttributeKey('CampaignPlan', SearchAttributeType.KEYWORD);
export const CampaignOccasion = defineSearchAttributeKey('CampaignOccasion', SearchAttributeType.KEYWORD);
export const CampaignStatus = defineSearchAttributeKey('CampaignStatus', SearchAttributeType.KEYWORD);
export const CampaignYear = defineSearchAttributeKey('CampaignYear', SearchAttributeType.INT);

/** Name → type as the `temporal server start-dev --search-attribute` flag spells it. */
export const searchAttributeFlags: Record<string, 'Keyword' | 'Int'> = {
  CampaignPlan: 'Keyword',
  CampaignOccasion: 'Keyword',
  CampaignStatus: 'Keyword',
  CampaignYear: 'Int',
};
