/** Activities of the workflows schedules start: bulletin runs and occasion campaign starts. */
import type { ActivityDeps } from '../deps.js';
import { createBulletinActivities } from './bulletin.js';
import { createOccasionActivities } from './occasion.js';

export function createScheduleActivities(deps: ActivityDeps) {
  return { ...createBulletinActivities(deps), ...createOccasionActivities(deps) };
}
export type { BulletinRunRecord, PreparedBulletinRun } from './bulletin.js';
export { bulletinKeys } from './keys.js';
