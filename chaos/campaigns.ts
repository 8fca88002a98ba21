/**
 * Campaigns for the chaos run: each with its own locality and media files (localities shared
 * by id, so several campaigns write into the same station's rundown; operator and journalist
 * addresses of its own, so what arrived can be counted per campaign), an approver who approves
 * as soon as the approval email arrives, and the reading of everything that arrived.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveCampaignInput, startCampaign } from '../infra/campaign-client.js';
import { broadcastDays } from '../domain/campaign/schedule.js';
import type { CampaignInput, CampaignState } from '../domain/campaign/types.js';
import { formFields } from '../test/support/campaign.js';
import type { ArrivedMail, ExpectedCampaign, Observed, RundownEntry } from './count.js';
import type { Harness } from './harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ChaosCampaign {
  tag: string;
  input: CampaignInput;
  approver: string;
  expected: ExpectedCampaign;
  startedAt: number;
}

export interface CampaignShape {
  localities: number;
  journalists: number;
}

function writeLocalities(file: string, tag: string, n: number): { ids: string[]; operators: string[] } {
  const lines = ['sample: true', 'owner: Ủy ban nhân dân tỉnh Mẫu (dữ liệu thử lỗi)', 'localities:'];
  const ids: string[] = [];
  const operators: string[] = [];
  for (let i = 1; i <= n; i++) {
    ids.push(`xa-mau-${i}`);
    operators.push(`vh-${tag}-${i}@example.org`);
    lines.push(
      `  - id: xa-mau-${i}`,
      `    name: Xã Mẫu ${i}`,
      '    tier: xa',
      `    station: Đài truyền thanh xã Mẫu ${i}`,
      '    slots:',
      `      - { id: sang, label: Buổi sáng, start: "0${5 + (i % 2)}:30", durationMinutes: 20 }`,
      '    operator:',
      `      name: Người vận hành ${i}`,
      `      email: vh-${tag}-${i}@example.org`,
      `      phone: "0000 000 ${String(i).padStart(3, '0')}"`,
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return { ids, operators };
}

function writeMedia(file: string, tag: string, n: number): string[] {
  const addresses = Array.from({ length: n }, (_, i) => `pv-${tag}-${i + 1}@example.org`);
  writeFileSync(
    file,
    [
      'sample: true',
      'owner: Ủy ban nhân dân tỉnh Mẫu',
      'journalists:',
      ...addresses.flatMap((a, i) => [`  - id: pv-${i + 1}`, `    name: Phóng viên ${i + 1}`, '    outlet: Báo Mẫu', `    email: ${a}`, '    beats: [giáo dục]']),
    ].join('\n') + '\n',
  );
  return addresses;
}

/** Starts one campaign on every channel, publishing as soon as it is approved. */
export async function startChaosCampaign(h: Harness, shape: CampaignShape): Promise<ChaosCampaign> {
  const tag = randomUUID().slice(0, 8);
  const localitiesFile = path.join(h.dir, `localities-${tag}.yaml`);
  const mediaFile = path.join(h.dir, `media-${tag}.yaml`);
  const { ids, operators } = writeLocalities(localitiesFile, tag, shape.localities);
  const journalists = writeMedia(mediaFile, tag, shape.journalists);
  const approver = `duyet-${tag}@example.org`;
  const publishAt = new Date(Date.now() - 60_000).toISOString();
  const input = await resolveCampaignInput({
    planId: 'phuong-bac-kan-2026',
    occasionId: 'ngay-nha-giao-20-11',
    approvers: [approver],
    localitiesFile,
    mediaListFile: mediaFile,
    publishAt,
    forceNew: true,
  });
  const startedAt = Date.now();
  await startCampaign(h.client, h.endpoints.taskQueue, input);
  return {
    tag,
    input,
    approver,
    startedAt,
    expected: {
      campaignId: input.campaignId,
      approvers: [approver],
      operators,
      journalists,
      localities: ids,
      days: broadcastDays(input.publishAt!, input.occasionDate, false),
      post: true,
    },
  };
}

interface MaildevSummary {
  id: string;
  subject?: string;
  time?: string;
  to?: { address: string }[];
}

/** The inbox's summaries whose subject matches `search` (maildev pages of at most 200). */
export async function inboxSummaries(h: { endpoints: { mailUi?: string } }, search?: string): Promise<MaildevSummary[]> {
  const out: MaildevSummary[] = [];
  for (let skip = 0; ; skip += 200) {
    const q = new URLSearchParams({ limit: '200', skip: String(skip), sort: 'asc', ...(search ? { search } : {}) });
    const res = await fetch(`${h.endpoints.mailUi}/api/email/summary?${q}`);
    if (!res.ok) throw new Error(`maildev API ${res.status}`);
    const page = (await res.json()) as { items: MaildevSummary[]; total: number };
    out.push(...page.items);
    if (page.items.length < 200) return out;
  }
}

/** The approval link in the first approval email to `approver`, once it arrived. */
export async function waitForApprovalLink(h: { endpoints: { mailUi?: string } }, approver: string, deadline: number): Promise<string> {
  for (;;) {
    try {
      const found = (await inboxSummaries(h, approver)).filter((m) => (m.subject ?? '').startsWith('[Cần phê duyệt]') && (m.to ?? []).some((t) => t.address === approver));
      if (found[0]) {
        const res = await fetch(`${h.endpoints.mailUi}/api/email/${found[0].id}`);
        const mail = (await res.json()) as { text?: string };
        const m = /(https?:\/\/\S+\/approve\/[A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
        if (m) return m[1]!;
      }
    } catch {
      // the inbox is down (SMTP scenario): ask again
    }
    if (Date.now() > deadline) throw new Error(`no approval email to ${approver} in time`);
    await sleep(1_000);
  }
}

export type ApprovalOutcome = { ok: true; at: number; attempts: number } | { ok: false; reason: string; attempts: number };

/**
 * Approves as a person would: opens the link, presses "Phê duyệt". When the web server does
 * not answer (restarting) or answers 5xx, waits a moment and does it again, until the decision
 * is recorded (200) or the page says it already was (409: the link was used, or the campaign
 * no longer awaits approval — the earlier press got through).
 */
export async function approve(link: string, deadline: number): Promise<ApprovalOutcome> {
  let attempts = 0;
  for (;;) {
    attempts += 1;
    try {
      const page = await fetch(link, { signal: AbortSignal.timeout(30_000) });
      const html = await page.text();
      if (page.status === 409) return { ok: true, at: Date.now(), attempts };
      if (page.status === 200) {
        const res = await fetch(link, { method: 'POST', body: new URLSearchParams({ ...formFields(html), decision: 'approve' }), redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        await res.text();
        if (res.status === 200 || res.status === 409) return { ok: true, at: Date.now(), attempts };
        if (res.status < 500) return { ok: false, reason: `POST answered ${res.status}`, attempts };
      } else if (page.status < 500) return { ok: false, reason: `GET answered ${page.status}`, attempts };
    } catch {
      // connection refused or reset: the server is restarting
    }
    if (Date.now() > deadline) return { ok: false, reason: 'no answer before the deadline', attempts };
    await sleep(300 + Math.random() * 400);
  }
}

/** Waits for a campaign to end; its final state, or undefined when it did not end in time or failed. */
export async function waitForEnd(h: Harness, c: ChaosCampaign, deadline: number): Promise<{ state?: CampaignState; error?: string; running?: boolean }> {
  const handle = h.client.workflow.getHandle(c.input.campaignId);
  for (;;) {
    try {
      const d = await handle.describe();
      if (d.status.name !== 'RUNNING') {
        if (d.status.name === 'COMPLETED') return { state: (await handle.result()) as CampaignState };
        let state: CampaignState | undefined;
        try {
          state = (await handle.query('status')) as CampaignState;
        } catch {
          // no state to read
        }
        return { state, error: `campaign ended ${d.status.name}` };
      }
    } catch {
      // Temporal restarting
    }
    if (Date.now() > deadline) {
      try {
        return { state: (await handle.query('status')) as CampaignState, error: 'still running at the deadline', running: true };
      } catch {
        return { error: 'still running at the deadline', running: true };
      }
    }
    await sleep(1_000);
  }
}

/** The campaign's state (for its drafts), or undefined. */
async function stateOf(h: Harness, id: string): Promise<CampaignState | undefined> {
  try {
    return (await h.client.workflow.getHandle(id).query('status')) as CampaignState;
  } catch {
    return undefined;
  }
}

interface MaildevEmail {
  to?: { address: string }[];
  subject?: string;
  messageId?: string;
  headers?: Record<string, string>;
}

/** Reads everything that arrived for these campaigns: the whole inbox, the site, the rundowns, the drafts. */
export async function observe(h: Harness, campaigns: readonly ChaosCampaign[]): Promise<Observed> {
  const res = await fetch(`${h.endpoints.mailUi}/api/email`);
  if (!res.ok) throw new Error(`maildev API ${res.status}`);
  const mails: ArrivedMail[] = ((await res.json()) as MaildevEmail[]).map((m) => ({
    to: (m.to ?? []).map((t) => t.address),
    subject: m.subject ?? '',
    messageId: m.messageId ?? m.headers?.['message-id'],
  }));
  const text = async (key: string) => (await h.store.get(key))?.body.toString('utf8') ?? '';
  const manifestText = await text('site/manifest.json');
  const manifestPosts = manifestText ? ((JSON.parse(manifestText) as { posts: { campaignId: string; slug: string }[] }).posts ?? []) : [];
  const present = new Set<string>([...(await h.store.list('site/')), ...(await h.store.list('broadcast/'))]);
  const rundowns = new Map<string, RundownEntry[]>();
  const draftKeys = new Map<string, string[]>();
  for (const c of campaigns) {
    for (const k of await h.store.list(`campaigns/${c.input.campaignId}/`)) present.add(k);
    for (const locality of c.expected.localities) {
      for (const day of c.expected.days) {
        const key = `${locality}/${day}`;
        if (rundowns.has(key)) continue;
        const body = await text(`broadcast/${locality}/${day}/rundown.json`);
        rundowns.set(key, body ? (JSON.parse(body) as { items: RundownEntry[] }).items : []);
      }
    }
    const state = await stateOf(h, c.input.campaignId);
    if (state) {
      const v = state.version;
      draftKeys.set(c.input.campaignId, [
        ...state.drafts.flatMap((d) => d.keys),
        ...c.expected.localities.flatMap((l) => [`campaigns/${c.input.campaignId}/v${v}/loudspeaker/${l}.txt`, `campaigns/${c.input.campaignId}/v${v}/loudspeaker/${l}.json`]),
      ]);
    }
  }
  return {
    mails,
    manifestPosts,
    indexHtml: await text('site/index.html'),
    feedXml: await text('site/feed.xml'),
    present,
    rundowns,
    draftKeys,
  };
}
