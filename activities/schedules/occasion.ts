/**
 * The activity behind an occasion schedule: finds the occasion's next instance and builds the
 * campaign input exactly as `campaign start` would (same validation, same campaign id), so the
 * workflow can start the campaign as a child.
 */
import { ApplicationFailure } from '@temporalio/common';
import { occasionsBetween } from '../../domain/calendar/index.js';
import type { CampaignInput } from '../../domain/campaign/types.js';
import { addDays, vnToday } from '../../domain/dates.js';
import type { OccasionStartInput } from '../../domain/schedules/occasion.js';
import { CampaignRequestError, resolveCampaignInput } from '../../infra/campaign-client.js';
import { DirectoryStore } from '../../infra/directory-store.js';
import { PlanLibrary } from '../../infra/plan-library.js';
import type { ActivityDeps } from '../deps.js';

/** Days past the planned start an instance is still looked for (a late or manual run). */
const SLACK_DAYS = 30;

export function createOccasionActivities({ store }: Pick<ActivityDeps, 'store'>) {
  const library = new PlanLibrary(store);
  return {
    /** The campaign to start for the occasion's next instance, or why there is none. */
    async resolveOccasionCampaign(input: { start: OccasionStartInput; at: string }): Promise<{ campaign?: CampaignInput; skipped?: string }> {
      const { start } = input;
      const now = new Date(input.at);
      let plan;
      try {
        plan = (await library.get(start.planId)).plan;
      } catch (err) {
        throw ApplicationFailure.nonRetryable((err as Error).message, 'InvalidPlan');
      }
      const today = vnToday(now);
      const next = occasionsBetween(today, addDays(today, start.startDaysBefore + SLACK_DAYS), [plan]).find((o) => o.occasionId === start.occasionId);
      if (!next) return { skipped: `Sự kiện ${start.occasionId} không diễn ra trong ${start.startDaysBefore + SLACK_DAYS} ngày tới; không khởi tạo chiến dịch.` };
      try {
        const campaign = await resolveCampaignInput(
          {
            planId: start.planId,
            occasionId: start.occasionId,
            date: next.date,
            taskIds: start.taskIds.filter((id) => plan.tasks.some((t) => t.id === id)),
            channels: start.channels,
            approvers: start.approvers,
            ...(start.localitiesFile ? { localitiesFile: start.localitiesFile } : {}),
            ...(start.mediaListFile ? { mediaListFile: start.mediaListFile } : {}),
            ...(start.units?.length ? { units: start.units } : {}),
            startedBy: `lịch ${start.scheduleId}`,
            ...(start.idPrefix ? { idPrefix: start.idPrefix } : {}),
          },
          now,
          { directory: new DirectoryStore(store), plans: library },
        );
        return { campaign };
      } catch (err) {
        if (err instanceof CampaignRequestError) throw ApplicationFailure.nonRetryable(err.message, 'InvalidCampaign');
        throw err;
      }
    },
  };
}
