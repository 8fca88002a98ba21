/**
 * Counting what arrived against what a campaign should have delivered, exactly once each:
 * emails in the inbox (by recipient and kind, with their Message-IDs), the post in the site
 * manifest, index and feed, each locality's bulletin in its daily rundown, and every object the
 * campaign's drafts name. Pure: the chaos run reads the inbox and the store, this decides.
 *
 * An extra copy of an email with the same Message-ID as the first is counted apart, as a
 * "same-ID copy": that is the window no SMTP client can close (the server accepted the message,
 * the worker died before writing its ledger entry, the retry sends it again). A relay or an
 * archive that de-duplicates by Message-ID drops it. An extra copy with a different Message-ID
 * is a duplicate.
 */

export type MailKind = 'approval' | 'broadcast' | 'briefing';

/** An email as the inbox lists it. */
export interface ArrivedMail {
  to: string[];
  subject: string;
  messageId?: string;
}

/** What one campaign must have delivered when it has finished. */
export interface ExpectedCampaign {
  campaignId: string;
  /** Approvers of version 1, step 1: one approval request each. */
  approvers: string[];
  /** Station operators: one bulletin email each. */
  operators: string[];
  /** Journalists: one press briefing each. */
  journalists: string[];
  /** Locality ids and the broadcast days: one rundown item per locality and day. */
  localities: string[];
  days: string[];
  /** Whether the campaign publishes a web post. */
  post: boolean;
}

/** One rundown entry as read from `broadcast/<locality>/<day>/rundown.json`. */
export interface RundownEntry {
  campaignId: string;
  scriptKey: string;
}

/** What was found on the site, in the feeds and among the drafts. */
export interface Observed {
  mails: ArrivedMail[];
  /** campaignId of every post entry in `site/manifest.json`, with its slug. */
  manifestPosts: { campaignId: string; slug: string }[];
  /** `site/index.html` and `site/feed.xml` as text (empty when missing). */
  indexHtml: string;
  feedXml: string;
  /** Keys present in the store (at least every key asked about). */
  present: ReadonlySet<string>;
  /** Rundown items by `<locality>/<day>`. */
  rundowns: ReadonlyMap<string, RundownEntry[]>;
  /** Draft keys each campaign names (its state's drafts, and one script per locality). */
  draftKeys: ReadonlyMap<string, string[]>;
}

export interface Finding {
  campaignId: string;
  what: string;
  /** `pending`: missing from a campaign still running at the deadline (not lost, not delivered yet). */
  kind: 'duplicate' | 'sameIdCopy' | 'lost' | 'pending';
  count: number;
}

export interface Tally {
  duplicates: number;
  sameIdCopies: number;
  lost: number;
  /** Campaigns still running at the deadline: what they have not delivered yet is pending, not lost. */
  unfinished: number;
  findings: Finding[];
}

/** The kind of an email from its subject (the product's fixed subject prefixes). */
export function mailKind(subject: string): MailKind {
  if (subject.startsWith('[Cần phê duyệt]')) return 'approval';
  if (subject.startsWith('[Bản tin truyền thanh]')) return 'broadcast';
  return 'briefing';
}

const lower = (s: string) => s.trim().toLowerCase();

/** How many times `needle` occurs in `hay`. */
function occurrences(hay: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n += 1;
  return n;
}

/**
 * Counts duplicates, same-ID copies and losses of every campaign against what arrived. What a
 * campaign in `unfinished` (still running at the deadline) has not delivered yet is `pending`.
 */
export function tally(expected: readonly ExpectedCampaign[], observed: Observed, unfinished: ReadonlySet<string> = new Set()): Tally {
  const findings: Finding[] = [];
  const add = (campaignId: string, what: string, kind: Finding['kind'], count: number) => {
    if (count <= 0) return;
    findings.push({ campaignId, what, kind: kind === 'lost' && unfinished.has(campaignId) ? 'pending' : kind, count });
  };

  // Emails by recipient and kind.
  const byRecipient = new Map<string, ArrivedMail[]>();
  for (const m of observed.mails) {
    for (const to of m.to) {
      const key = `${lower(to)} ${mailKind(m.subject)}`;
      byRecipient.set(key, [...(byRecipient.get(key) ?? []), m]);
    }
  }
  const checkMail = (campaignId: string, kind: MailKind, recipient: string) => {
    const got = byRecipient.get(`${lower(recipient)} ${kind}`) ?? [];
    if (got.length === 0) return add(campaignId, `${kind} → ${recipient}`, 'lost', 1);
    const ids = new Set<string>();
    let sameId = 0;
    let distinct = 0;
    for (const m of got) {
      const id = m.messageId?.trim();
      if (id && ids.has(id)) sameId += 1;
      else {
        if (id) ids.add(id);
        distinct += 1;
      }
    }
    add(campaignId, `${kind} → ${recipient}`, 'duplicate', distinct - 1);
    add(campaignId, `${kind} → ${recipient}`, 'sameIdCopy', sameId);
  };

  for (const c of expected) {
    for (const a of c.approvers) checkMail(c.campaignId, 'approval', a);
    for (const o of c.operators) checkMail(c.campaignId, 'broadcast', o);
    for (const j of c.journalists) checkMail(c.campaignId, 'briefing', j);

    if (c.post) {
      const entries = observed.manifestPosts.filter((p) => p.campaignId === c.campaignId);
      if (entries.length === 0) add(c.campaignId, 'post in the site manifest', 'lost', 1);
      add(c.campaignId, 'post in the site manifest', 'duplicate', entries.length - 1);
      for (const { slug } of entries.slice(0, 1)) {
        if (!observed.present.has(`site/posts/${slug}/index.html`)) add(c.campaignId, `post page ${slug}`, 'lost', 1);
        const inIndex = occurrences(observed.indexHtml, `href="posts/${slug}/"`);
        if (inIndex === 0) add(c.campaignId, `post ${slug} in the site index`, 'lost', 1);
        add(c.campaignId, `post ${slug} in the site index`, 'duplicate', inIndex - 1);
        const inFeed = occurrences(observed.feedXml, `/posts/${slug}/</guid>`);
        if (inFeed === 0) add(c.campaignId, `post ${slug} in the feed`, 'lost', 1);
        add(c.campaignId, `post ${slug} in the feed`, 'duplicate', inFeed - 1);
      }
    }

    for (const locality of c.localities) {
      for (const day of c.days) {
        const items = (observed.rundowns.get(`${locality}/${day}`) ?? []).filter((i) => i.campaignId === c.campaignId);
        if (items.length === 0) add(c.campaignId, `bulletin ${locality}/${day}`, 'lost', 1);
        add(c.campaignId, `bulletin ${locality}/${day}`, 'duplicate', items.length - 1);
        for (const i of items.slice(0, 1)) if (!observed.present.has(i.scriptKey)) add(c.campaignId, `bulletin file ${i.scriptKey}`, 'lost', 1);
      }
    }

    const drafts = observed.draftKeys.get(c.campaignId);
    if (!drafts) add(c.campaignId, 'drafts (campaign state not readable)', 'lost', 1);
    for (const key of drafts ?? []) if (!observed.present.has(key)) add(c.campaignId, `draft ${key}`, 'lost', 1);
  }

  const sum = (kind: Finding['kind']) => findings.filter((f) => f.kind === kind).reduce((s, f) => s + f.count, 0);
  return { duplicates: sum('duplicate'), sameIdCopies: sum('sameIdCopy'), lost: sum('lost'), unfinished: expected.filter((c) => unfinished.has(c.campaignId)).length, findings };
}
