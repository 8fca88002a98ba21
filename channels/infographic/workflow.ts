/** The infographic in the campaign workflow: drafted first (the others embed it), then published as public media. */
import type { ChannelWorkflowStep } from '../workflow-step.js';

export const infographicStep: ChannelWorkflowStep = {
  draft: (ctx, { drafting }) => drafting.draftInfographics({ campaignId: ctx.campaignId, version: ctx.version, briefKey: ctx.briefKey }),
  async publish(ctx, { mail }) {
    return (await mail.publishInfographics({ campaignId: ctx.campaignId, version: ctx.version })).summary;
  },
};
