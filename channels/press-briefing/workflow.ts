/** The press briefing in the campaign workflow: a preview drafted; at its time, one email per journalist. */
import { postPublished, postTime } from '../web-portal/workflow.js';
import type { ChannelWorkflowStep } from '../workflow-step.js';

export const pressBriefingStep: ChannelWorkflowStep = {
  draft: (ctx, { drafting }) => drafting.draftBriefing({ campaignId: ctx.campaignId, version: ctx.version, briefKey: ctx.briefKey, infographicKey: ctx.infographicKey }),
  async publish(ctx, { briefings }) {
    // A post due at the same time or earlier is linked from the briefing; one due later sets
    // the embargo (journalists may not publish before the post is out).
    const postAt = postTime(ctx);
    if (postAt && Date.parse(postAt) <= Date.parse(ctx.at)) await postPublished(ctx);
    const embargoUntil = postAt && Date.parse(postAt) > Date.parse(ctx.at) ? postAt : undefined;
    return (await briefings.sendCampaignBriefings({ campaignId: ctx.campaignId, version: ctx.version, postUrl: ctx.postUrl.value, embargoUntil })).summary;
  },
};
