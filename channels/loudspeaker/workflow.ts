/** Loudspeaker scripts in the campaign workflow: drafted and published in batches of localities. */
import { broadcastDays } from '../../domain/campaign/schedule.js';
import type { ChannelWorkflowStep } from '../workflow-step.js';

/** Scripts are drafted and published in batches so 1,000+ localities stay small in history. */
export const LOCALITY_BATCH = 100;

export const loudspeakerStep: ChannelWorkflowStep = {
  draft(ctx, { drafting }) {
    const batches = Math.ceil(ctx.localityCount / LOCALITY_BATCH);
    return Promise.all(
      Array.from({ length: batches }, (_, batch) => drafting.draftScriptsBatch({ campaignId: ctx.campaignId, version: ctx.version, briefKey: ctx.briefKey, batch, batchSize: LOCALITY_BATCH })),
    ).then((parts) => {
      const seconds = parts.reduce((s, p) => s + p.seconds, 0);
      return {
        channel: 'loudspeaker' as const,
        keys: parts.flatMap((p) => p.sampleKeys).slice(0, 3),
        summary: `${parts.reduce((s, p) => s + p.count, 0)} kịch bản, tổng ${Math.round(seconds / 60)} phút đọc`,
        problems: parts.flatMap((p) => p.problems),
      };
    });
  },
  async publish(ctx, { mail }) {
    const batches = Math.ceil(ctx.localityCount / LOCALITY_BATCH);
    const days = broadcastDays(ctx.at, ctx.occasionDate, ctx.repeatDaily);
    const parts = await Promise.all(
      Array.from({ length: batches }, (_, batch) => mail.publishScriptsBatch({ campaignId: ctx.campaignId, version: ctx.version, batch, batchSize: LOCALITY_BATCH, days })),
    );
    return `${parts.reduce((s, p) => s + p.bulletins, 0)} bản tin tới ${parts.reduce((s, p) => s + p.localities, 0)} đơn vị`;
  },
};
