/**
 * A campaign: one occasion of one plan turned into drafts on every channel, approved by
 * people, then published at each channel's time. These types travel through Temporal, so
 * they hold ids, keys and small summaries only — never artifacts.
 */
import type { Correction } from '../correction.js';

import { CHANNELS, CHANNEL_IDS, type ChannelId } from '../../channels/registry.js';

/** The channels a campaign produces drafts for (one folder each under channels/). */
export const CampaignChannel = Object.fromEntries(CHANNEL_IDS.map((id) => [id, id])) as { readonly [K in ChannelId]: K };
export type CampaignChannel = ChannelId;
/** Every channel a campaign may ask for. */
export const ALL_CAMPAIGN_CHANNELS: readonly CampaignChannel[] = CHANNEL_IDS;
/** The channels of a campaign that names none. */
export const DEFAULT_CAMPAIGN_CHANNELS: readonly CampaignChannel[] = CHANNELS.filter((c) => c.defaultOn).map((c) => c.id);

export const campaignChannelLabels = Object.fromEntries(CHANNELS.map((c) => [c.id, c.label])) as Record<CampaignChannel, string>;

const CHANNEL_PREFIX = new RegExp(`^(${CHANNEL_IDS.join('|')}): `);

/**
 * A line the workflow writes as `<channel id>: <summary>` (the drafts listed in an approval
 * request) with the channel's label instead of its id: "Bài đăng cổng thông tin: bài 120 từ".
 */
export function channelLine(line: string): string {
  return line.replace(CHANNEL_PREFIX, (_, ch: CampaignChannel) => `${campaignChannelLabels[ch]}: `);
}

export const CampaignStatus = {
  preparing: 'preparing',
  drafting: 'drafting',
  awaitingApproval: 'awaitingApproval',
  approved: 'approved',
  publishing: 'publishing',
  published: 'published',
  rejected: 'rejected',
  cancelled: 'cancelled',
  expired: 'expired',
  failed: 'failed',
} as const;
export type CampaignStatus = (typeof CampaignStatus)[keyof typeof CampaignStatus];

export const campaignStatusLabels: Record<CampaignStatus, string> = {
  preparing: 'Đang chuẩn bị',
  drafting: 'Đang soạn bản nháp',
  awaitingApproval: 'Chờ phê duyệt',
  approved: 'Đã phê duyệt, chờ đăng',
  publishing: 'Đang đăng',
  published: 'Đã đăng',
  rejected: 'Bị từ chối',
  cancelled: 'Đã hủy',
  expired: 'Hết hạn (qua ngày sự kiện chưa duyệt)',
  failed: 'Lỗi',
};

export const ChannelState = {
  pending: 'pending',
  drafted: 'drafted',
  scheduled: 'scheduled',
  publishing: 'publishing',
  published: 'published',
  failed: 'failed',
  skipped: 'skipped',
} as const;
export type ChannelState = (typeof ChannelState)[keyof typeof ChannelState];

export const channelStateLabels: Record<ChannelState, string> = {
  pending: 'chưa soạn',
  drafted: 'đã soạn',
  scheduled: 'đã lên lịch đăng',
  publishing: 'đang đăng',
  published: 'đã đăng',
  failed: 'lỗi',
  skipped: 'không đăng',
};

/** What an editor asks for when starting a campaign. */
export interface CampaignInput {
  campaignId: string;
  planId: string;
  /**
   * The plan library version the campaign started with; its drafts are made from that version
   * whatever is saved later. Absent for campaigns started before plans had versions, or from a
   * plan file outside the library: the current plan is read.
   */
  planVersion?: number;
  occasionId: string;
  /** Date of the occasion instance (ISO, Asia/Ho_Chi_Minh). */
  occasionDate: string;
  taskIds: string[];
  channels: CampaignChannel[];
  /** 'all' or locality ids from the locality list. */
  localities: 'all' | string[];
  /**
   * Locality list and media list files (repo-relative or absolute). Without them both come from
   * the directory: the stations of `units` (default: what the plan's owning unit reaches) and
   * the owner's media list.
   */
  localitiesFile?: string;
  mediaListFile?: string;
  /** Directory units whose stations receive the scripts (resolved by the client when it can). */
  units?: string[];
  /** The directory unit whose media list the briefing goes to (recorded by the client). */
  mediaListUnit?: string;
  /** The plan's issuing unit in the directory when the campaign started (also in the workflow memo, so lists filter by unit). */
  ownerUnit?: string;
  /** ISO date-time overriding every channel's publish time. */
  publishAt?: string;
  approvers: string[];
  /** Second-level approvers asked when nobody decided in time (escalation). */
  escalateTo: string[];
  /** When set, an editor approves first, then one of these leaders. */
  leaders: string[];
  /** Durations in milliseconds. */
  reminderAfterMs: number;
  escalateAfterMs: number;
  tokenTtlMs: number;
  /** Until when a decision may come (ISO); by default the end of the occasion day. */
  decideBy: string;
  startedBy?: string;
  /** An urgent correction (đính chính): its brief comes from this, every channel goes out on approval. */
  correction?: Correction;
}

export const Decision = { approve: 'approve', requestChanges: 'requestChanges', reject: 'reject' } as const;
export type Decision = (typeof Decision)[keyof typeof Decision];

export const decisionLabels: Record<Decision, string> = { approve: 'Phê duyệt', requestChanges: 'Yêu cầu sửa', reject: 'Từ chối' };

/** Fields an approver may edit when requesting changes. */
export interface DraftEdits {
  headline?: string;
  keyMessages?: string[];
}

export interface DecisionInput {
  version: number;
  /** Step 1 (editors) or 2 (leaders) of the two-person rule. */
  step: number;
  approver: string;
  decision: Decision;
  comment?: string;
  edits?: DraftEdits;
  /** ISO time the decision was made (set by the web server). */
  at: string;
  /** Token hash, for the audit trail. */
  tokenHash?: string;
}

export interface DraftSummary {
  channel: CampaignChannel;
  keys: string[];
  /** e.g. "3 ảnh", "12 kịch bản, tổng 18 phút", "412 từ, hợp lệ". */
  summary: string;
  problems: string[];
}

export interface ChannelStatus {
  channel: CampaignChannel;
  state: ChannelState;
  version: number;
  publishAt?: string;
  publishedAt?: string;
  detail?: string;
}

export interface CampaignEvent {
  at: string;
  kind: string;
  text: string;
}

/** What `campaign status` and the dashboard show; returned by the workflow's status query. */
export interface CampaignState {
  campaignId: string;
  planId: string;
  occasionId: string;
  occasionDate: string;
  status: CampaignStatus;
  version: number;
  step: number;
  steps: number;
  channels: ChannelStatus[];
  drafts: DraftSummary[];
  decisions: DecisionInput[];
  events: CampaignEvent[];
  /** Prefix in the object store under which everything of this campaign lives. */
  prefix: string;
  awaiting: string[];
  localityCount: number;
  recipientCount: number;
  startedAt: string;
  updatedAt: string;
}
