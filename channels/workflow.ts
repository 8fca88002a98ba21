/**
 * The channels' steps in the campaign workflow, importable by the workflow bundle
 * (deterministic code only). The first four channels schedule their own activities (their
 * names are in running campaigns' histories); every other channel — a module — goes through
 * the generic `draftChannel` / `publishChannel` activities, so adding one needs no step here.
 */
import { infographicStep } from './infographic/workflow.js';
import { loudspeakerStep } from './loudspeaker/workflow.js';
import { pressBriefingStep } from './press-briefing/workflow.js';
import { CHANNELS, type ChannelId } from './registry.js';
import { postPublished, postTime, webPortalStep } from './web-portal/workflow.js';
import type { ChannelWorkflowStep } from './workflow-step.js';

const OWN: Partial<Record<ChannelId, ChannelWorkflowStep>> = {
  infographic: infographicStep,
  webPortal: webPortalStep,
  pressBriefing: pressBriefingStep,
  loudspeaker: loudspeakerStep,
};

/** The channel drafted first for every campaign, awaited: the others embed its first image. */
export const FIRST_DRAFTED: ChannelId = 'infographic';

/** The channels with activities of their own and their steps, in registry order (the order they are drafted in). */
export const OWN_STEPS: readonly { channel: ChannelId; step: ChannelWorkflowStep }[] = CHANNELS.flatMap((c) => {
  const step = c.ownActivities ? OWN[c.id] : undefined;
  return step ? [{ channel: c.id, step }] : [];
});

/** The step of a channel with activities of its own; undefined for a module or an unknown id. */
export function ownStep(channel: string): ChannelWorkflowStep | undefined {
  return OWN_STEPS.find((s) => s.channel === channel)?.step;
}

/** Every channel module: the generic activities, told which channel. */
export const moduleStep: ChannelWorkflowStep = {
  draft: (ctx, { drafting }) =>
    drafting.draftChannel({ channel: ctx.channel, campaignId: ctx.campaignId, version: ctx.version, briefKey: ctx.briefKey, infographicKey: ctx.infographicKey }),
  async publish(ctx, { mail }) {
    // A module may link the web post: wait for it when it is due at the same time or earlier.
    const postAt = postTime(ctx);
    if (postAt && Date.parse(postAt) <= Date.parse(ctx.at)) await postPublished(ctx);
    return (await mail.publishChannel({ channel: ctx.channel, campaignId: ctx.campaignId, version: ctx.version, publishedAt: ctx.now(), postUrl: ctx.postUrl.value })).detail;
  },
};
