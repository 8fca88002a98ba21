/**
 * What every campaign channel declares about itself: pure data, importable from workflows,
 * domain code, the web server and the CLI. Its I/O (draft and publish activities, renderers)
 * lives beside it in `activities.ts` of the same folder.
 */

/** A channel's description. `id` is the same code the plans use (domain/plan/vocabulary.ts). */
export interface ChannelDescriptor<Id extends string = string> {
  id: Id;
  /** Vietnamese name shown to people: start form, approval page, report. */
  label: string;
  /** One line on the start form under the channel's checkbox. */
  hint: string;
  /** Local (Asia/Ho_Chi_Minh) hour the channel publishes when the lead time gives only a day. */
  publishHour: number;
  /** On when a campaign names no channels. */
  defaultOn: boolean;
  /**
   * True for the four channels the campaign workflow drafts and publishes with their own
   * activities (kept so running campaigns replay). Every other channel runs through the generic
   * `draftChannel` / `publishChannel` activities.
   */
  ownActivities: boolean;
  /**
   * The channel's own draft preview for the approval page and the dashboard: an HTML file
   * relative to the version's folder (its first segment is the channel's folder there).
   */
  preview?: {
    file: string;
    heading: string;
    /**
     * The preview plays files of its own folder (video, subtitles): its frame keeps the page's
     * origin (still no script) so the players' requests carry the session or the token's path.
     */
    media?: boolean;
  };
  /** What the periodic report counts for a channel module, after the number: "bộ câu hỏi - đáp đã công bố". */
  reportNoun?: string;
  /** A publish detail containing this is not yet out (a pack waiting to be posted by hand): not counted. */
  reportSkips?: string;
}

/** A generic channel's draft request: the version's brief and the social infographic. */
export interface ChannelDraftInput {
  channel: string;
  campaignId: string;
  version: number;
  briefKey: string;
  infographicKey?: string;
}

/** A generic channel's publish request: at its time, with the web post's address once out. */
export interface ChannelPublishInput {
  channel: string;
  campaignId: string;
  version: number;
  publishedAt: string;
  postUrl?: string;
}

/** What a published channel reports for the status and the audit log. */
export interface ChannelPublishResult {
  detail: string;
  keys: string[];
}
