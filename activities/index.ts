/**
 * Every activity of the product, built from its dependencies. The worker registers the result;
 * workflows only import the type (`import type { Activities }`).
 */
import type { ActivityDeps } from './deps.js';
import { createApprovalActivities } from './campaign/approval.js';
import { createBroadcastActivities } from './campaign/broadcast.js';
import { createChannelActivities } from './campaign/channels.js';
import { createDraftActivities } from './campaign/drafts.js';
import { createPrepareActivities } from './campaign/prepare.js';
import { createSelfCheckActivities } from './self-check.js';
import { createScheduleActivities } from './schedules/index.js';
import { createReportActivities } from './report/index.js';
import { createChannelModuleActivities } from '../channels/activities.js';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createSelfCheckActivities(deps),
    ...createPrepareActivities(deps),
    ...createDraftActivities(deps),
    ...createApprovalActivities(deps),
    ...createBroadcastActivities(deps),
    ...createChannelActivities(deps),
    ...createScheduleActivities(deps),
    ...createReportActivities(deps),
    ...createChannelModuleActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './deps.js';
