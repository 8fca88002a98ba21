/**
 * Every activity of the product, built from its dependencies. The worker registers the result;
 * workflows only import the type (`import type { Activities }`).
 */
import type { ActivityDeps } from './deps.js';
import { createApprovalActivities } from './campaign/approval.js';
import { createInfographicChannelActivities } from '../channels/infographic/activities.js';
import { createLoudspeakerActivities } from '../channels/loudspeaker/activities.js';
import { createPressBriefingActivities } from '../channels/press-briefing/activities.js';
import { createWebPortalActivities } from '../channels/web-portal/activities.js';
import { createPrepareActivities } from './campaign/prepare.js';
import { createSelfCheckActivities } from './self-check.js';
import { createScheduleActivities } from './schedules/index.js';
import { createReportActivities } from './report/index.js';
import { createChannelModuleActivities } from '../channels/activities.js';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createSelfCheckActivities(deps),
    ...createPrepareActivities(deps),
    ...createApprovalActivities(deps),
    // The first four channels' own activities (their names are in running campaigns' histories).
    ...createInfographicChannelActivities(deps),
    ...createWebPortalActivities(deps),
    ...createPressBriefingActivities(deps),
    ...createLoudspeakerActivities(deps),
    ...createScheduleActivities(deps),
    ...createReportActivities(deps),
    ...createChannelModuleActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './deps.js';
