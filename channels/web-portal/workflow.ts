/** The web post in the campaign workflow: drafted with the infographic; published, its address is passed on. */
import { condition } from '@temporalio/workflow';
import type { ChannelPublishContext, ChannelWorkflowStep } from '../workflow-step.js';

export const webPortalStep: ChannelWorkflowStep = {
  draft: (ctx, { drafting }) => drafting.draftPost({ campaignId: ctx.campaignId, version: ctx.version, briefKey: ctx.briefKey, infographicKey: ctx.infographicKey }),
  async publish(ctx, { mail }) {
    const r = await mail.publishCampaignPost({ campaignId: ctx.campaignId, version: ctx.version, publishedAt: ctx.now() });
    ctx.postUrl.value = r.url;
    return r.url;
  },
};

/**
 * The campaign's web post time, for a channel that links the post. A post due at the same time
 * or earlier is waited for; the wait stays in the caller, after a plain call, so the channel's
 * activity is scheduled at once when there is nothing to wait for.
 */
export function postTime(ctx: ChannelPublishContext): string | undefined {
  return ctx.channels.includes('webPortal') ? ctx.schedule.webPortal : undefined;
}

/** Waits (at most an hour) until the web post's address is known. */
export function postPublished(ctx: ChannelPublishContext): Promise<boolean> {
  return condition(() => ctx.postUrl.value !== undefined, '1 hour');
}
