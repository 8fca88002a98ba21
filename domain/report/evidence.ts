/**
 * What the product holds as evidence of its own work in a period, gathered from the object
 * store (campaign inputs, audit logs, broadcast rundowns, site manifest, briefing ledgers,
 * bulletin run records) and from Temporal visibility. Plain JSON: it is stored beside the
 * report and is what every output (DOCX, HTML, infographic) is compiled from.
 */
import type { ReportPeriod } from './period.js';

export interface DecisionEvidence {
  approver: string;
  /** approve, requestChanges or reject. */
  decision: string;
  /** ISO instant; absent for a series pre-approved at sync. */
  at?: string;
  version: number;
  comment?: string;
  preApproved?: boolean;
}

/** One bulletin in one locality's rundown. */
export interface BroadcastEvidence {
  locality: string;
  localityName: string;
  /** ISO date of the broadcast day. */
  day: string;
  slot: string;
  durationSeconds: number;
}

export interface PostEvidence {
  slug: string;
  title: string;
  publishedAt: string;
  version: number;
}

export interface BriefingEvidence {
  version: number;
  /** Journalists the briefing reached (ledger entries "sent"). */
  sent: number;
  failed: number;
}

/** A campaign or a bulletin run with what it did inside the period. */
export interface WorkEvidence {
  /** Campaign id, or the bulletin run id. */
  id: string;
  kind: 'campaign' | 'bulletin';
  title: string;
  occasionId: string;
  occasionDate: string;
  taskIds: string[];
  /** Campaign channels (infographic, webPortal, pressBriefing, loudspeaker). */
  channels: string[];
  status?: string;
  startedAt: string;
  /** Draft versions rendered in the period. */
  drafts: { version: number; at: string; summary: string }[];
  decisions: DecisionEvidence[];
  /** "published" audit events per channel. */
  publications: { channel: string; at: string; detail: string }[];
  broadcasts: BroadcastEvidence[];
  posts: PostEvidence[];
  briefings: BriefingEvidence[];
  /** Bulletin runs: their series and the key message used. */
  seriesId?: string;
  message?: string;
}

/** Which kinds of evidence could be read (a missing kind is reported, not guessed). */
export interface EvidenceSources {
  campaigns: boolean;
  bulletins: boolean;
  rundowns: boolean;
  siteManifest: boolean;
  briefingLedger: boolean;
}

export interface ReportEvidence {
  planId: string;
  dutyId?: string;
  period: ReportPeriod;
  /** ISO instant the evidence was read. */
  collectedAt: string;
  sources: EvidenceSources;
  items: WorkEvidence[];
}
