/**
 * A channel's step in the campaign workflow: how its drafts and its publication are scheduled.
 * Deterministic code only — it runs inside the workflow sandbox (no I/O, no Node modules); it
 * schedules the channel's activities through the proxies the workflow hands it.
 */
import type { ActivityInterfaceFor } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { DraftSummary } from '../domain/campaign/types.js';

/** The campaign workflow's activity proxies (each with its own timeouts and retries). */
export interface CampaignActivityProxies {
  drafting: ActivityInterfaceFor<Activities>;
  mail: ActivityInterfaceFor<Activities>;
  briefings: ActivityInterfaceFor<Activities>;
}

/** What a channel drafts from: the version's brief. */
export interface ChannelDraftContext {
  channel: string;
  campaignId: string;
  version: number;
  briefKey: string;
  /** The infographic drafted first (its social image), for channels that embed it. */
  infographicKey?: string;
  localityCount: number;
}

/** When and with what a channel publishes. */
export interface ChannelPublishContext {
  channel: string;
  campaignId: string;
  version: number;
  /** The channel's publish time (now or past once the step runs). */
  at: string;
  /** The campaign's channels and their publish times: a channel may wait for another. */
  channels: readonly string[];
  schedule: Readonly<Record<string, string>>;
  occasionDate: string;
  localityCount: number;
  /** Loudspeaker bulletins repeat every day until the occasion. */
  repeatDaily: boolean;
  /** The web post's address once it is out: set by the web post, read by channels that link it. */
  postUrl: { value?: string };
  /** The workflow's clock, as an ISO instant. */
  now(): string;
}

export interface ChannelWorkflowStep {
  /**
   * Schedules the channel's drafting and resolves with its summary. Activities are scheduled
   * before the first `await`, so the order of calls is the order of commands in the history.
   */
  draft(ctx: ChannelDraftContext, act: CampaignActivityProxies): Promise<DraftSummary>;
  /** Publishes the channel and resolves with the detail shown in its status and the audit log. */
  publish(ctx: ChannelPublishContext, act: CampaignActivityProxies): Promise<string>;
}
