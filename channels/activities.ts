/**
 * The generic channel activities: `draftChannel` and `publishChannel` dispatch to the module of
 * the channel named in the request. The campaign workflow calls them for every channel that
 * does not have activities of its own (see `ownActivities` in the descriptors).
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityDeps } from '../activities/deps.js';
import type { DraftSummary } from '../domain/campaign/types.js';
import { createQaSetActivities } from './qa-set/activities.js';
import { createEBoardActivities } from './eboard/activities.js';
import { createPrintActivities } from './print/activities.js';
import { createSocialActivities } from './social/activities.js';
import { createVideoActivities } from './video/activities.js';
import type { ChannelDraftInput, ChannelPublishInput, ChannelPublishResult } from './types.js';

export interface ChannelActivities {
  draft(input: ChannelDraftInput): Promise<DraftSummary>;
  publish(input: ChannelPublishInput): Promise<ChannelPublishResult>;
}

export function createChannelModuleActivities(deps: ActivityDeps) {
  const modules: Record<string, ChannelActivities> = {
    qaSet: createQaSetActivities(deps),
    social: createSocialActivities(deps),
    poster: createPrintActivities(deps),
    eBoard: createEBoardActivities(deps),
    video: createVideoActivities(deps),
  };
  const moduleOf = (channel: string) => {
    const m = modules[channel];
    if (!m) throw ApplicationFailure.nonRetryable(`Kênh "${channel}" chưa có phần soạn và đăng.`, 'UnknownChannel');
    return m;
  };
  return {
    async draftChannel(input: ChannelDraftInput): Promise<DraftSummary> {
      return moduleOf(input.channel).draft(input);
    },
    async publishChannel(input: ChannelPublishInput): Promise<ChannelPublishResult> {
      return moduleOf(input.channel).publish(input);
    },
  };
}
