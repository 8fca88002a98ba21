/**
 * The workflows the worker runs. Workflow code is deterministic: it imports activity types
 * only, and the worker's bundler refuses Node built-ins imported here.
 */
export { selfCheckWorkflow } from './self-check.js';
export type { SelfCheckInput, SelfCheckResult } from './self-check.js';
export { campaignWorkflow, decideUpdate, statusQuery } from './campaign.js';
export { bulletinWorkflow, occasionCampaignWorkflow } from './bulletin.js';
export { reportWorkflow } from './report.js';
