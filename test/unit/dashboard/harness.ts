/**
 * An in-process dashboard for unit tests: the real app with a MemoryObjectStore, a recording
 * mailer, and fakes of the campaign gateway and the Temporal client (unit tests only).
 */
import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { CampaignInput, CampaignState, DecisionInput } from '../../../domain/campaign/types.js';
import { decisionUpdateId, type CampaignGateway } from '../../../infra/campaign-gateway.js';
import { endpointsFromConfig, parseConfig, type Endpoints } from '../../../infra/config.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { createApp } from '../../../web/app.js';
import type { Editor } from '../../../web/dashboard/editors.js';
import type { ReportRequest } from '../../../domain/report/request.js';
import type { HealthCheck } from '../../../infra/health.js';

export const SECRET = 's'.repeat(40);
export const EDITORS: Editor[] = [
  { name: 'Nguyễn Thu Biên', email: 'bientap@example.org', role: 'editor' },
  { name: 'Lê Văn Đạo', email: 'lanhdao@example.org', role: 'leader', unit: 'UBND phường' },
];

export interface SentMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A campaign state for the fakes, awaiting approval by default. */
export function campaignState(overrides: Partial<CampaignState> = {}): CampaignState {
  return {
    campaignId: 'campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026',
    planId: 'phuong-bac-kan-2026',
    occasionId: 'ngay-nha-giao-20-11',
    occasionDate: '2026-11-20',
    status: 'awaitingApproval',
    version: 1,
    step: 1,
    steps: 1,
    channels: [
      { channel: 'infographic', state: 'drafted', version: 1, detail: '4 mẫu infographic (PNG và WebP)' },
      { channel: 'loudspeaker', state: 'drafted', version: 1, detail: '5 kịch bản, tổng 10 phút đọc' },
    ],
    drafts: [
      { channel: 'infographic', keys: ['campaigns/campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026/v1/infographic/social.png'], summary: '4 mẫu infographic (PNG và WebP)', problems: [] },
      { channel: 'loudspeaker', keys: ['campaigns/campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026/v1/loudspeaker/phuong-bac-kan.txt'], summary: '5 kịch bản, tổng 10 phút đọc', problems: [] },
    ],
    decisions: [],
    events: [{ at: '2026-10-20T01:00:00.000Z', kind: 'started', text: 'Bắt đầu chiến dịch' }],
    prefix: 'campaigns/campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026',
    awaiting: ['bientap@example.org'],
    localityCount: 5,
    recipientCount: 3,
    startedAt: '2026-10-20T01:00:00.000Z',
    updatedAt: '2026-10-20T01:05:00.000Z',
    ...overrides,
  };
}

const ID_FOR_RUNS = 'campaign-phuong-bac-kan-2026-ngay-nha-giao-20-11-2026';

export function harness(opts: { now?: Date; publicBaseUrl?: string; editors?: Editor[]; checkHealth?: () => Promise<HealthCheck[]>; store?: MemoryObjectStore } = {}) {
  const parsed = parseConfig({});
  if (!parsed.ok) throw new Error('default config must parse');
  const endpoints: Endpoints = { ...endpointsFromConfig(parsed.config, SECRET), publicBaseUrl: opts.publicBaseUrl ?? 'http://localhost' };
  // A second harness on the same store is the same data after a restart.
  const store = opts.store ?? new MemoryObjectStore();
  const clock = { now: opts.now ?? new Date('2026-10-25T03:00:00Z') };
  const sent: SentMail[] = [];
  const waiters: (() => void)[] = [];
  const mailer = {
    async sendMail(m: { to?: unknown; subject?: unknown; text?: unknown; html?: unknown }) {
      sent.push({ to: String(m.to), subject: String(m.subject), text: String(m.text), html: String(m.html) });
      waiters.splice(0).forEach((w) => w());
      return {};
    },
  };
  const states = new Map<string, CampaignState>();
  const decisions: { id: string; d: DecisionInput }[] = [];
  const started: CampaignInput[] = [];
  const cancelled: string[] = [];
  /** Managed schedules by id, and what was done to them. */
  const schedules = new Map<string, { planId: string; kind: string; title: string; paused: boolean; fingerprint?: string; listed?: boolean }>();
  const scheduleActions: string[] = [];
  /** Report workflows started, and how the next ones end. */
  const reports: { workflowId: string; request: ReportRequest }[] = [];
  const reportOutcome: { error?: Error } = {};
  /** Status queries asked, by campaign id. */
  const statusCalls: string[] = [];
  /** Campaigns whose status query never answers (their worker is gone). */
  const statusHangs = new Set<string>();
  /**
   * Faults of the next decide calls: `unavailable` (Temporal did not answer, nothing recorded),
   * `lostAnswer` (recorded, then the answer was lost).
   */
  const decideFaults: ('unavailable' | 'lostAnswer')[] = [];
  const recordedUpdates = new Set<string>();
  const gateway: CampaignGateway = {
    async status(id) {
      statusCalls.push(id);
      if (statusHangs.has(id)) return new Promise<never>(() => undefined);
      return states.get(id);
    },
    // As the campaign workflow's `decide` update: its validator's checks and messages, and
    // Temporal's update ids (the same decision sent again answers with the first outcome).
    async decide(id, d) {
      const updateId = decisionUpdateId(d);
      if (recordedUpdates.has(updateId)) return { ok: true };
      const fault = decideFaults.shift();
      if (fault === 'unavailable') throw new Error('14 UNAVAILABLE: connection refused');
      const s = states.get(id);
      if (!s) return { ok: false, reason: 'gone', message: 'Chiến dịch không còn chạy.' };
      const refused = (message: string) => ({ ok: false as const, reason: 'refused' as const, message });
      if (s.status !== 'awaitingApproval' || s.decisions.some((x) => x.version === s.version && x.step === s.step)) return refused('Chiến dịch không còn chờ phê duyệt.');
      if (d.version !== s.version) return refused(`Phiên bản ${d.version} đã cũ; phiên bản hiện tại là ${s.version}.`);
      if (d.step !== s.step) return refused(`Bước duyệt ${d.step} không phải bước hiện tại (${s.step}).`);
      if (!s.awaiting.some((a) => a.toLowerCase() === d.approver.toLowerCase())) return refused(`${d.approver} không phải người duyệt của bước này.`);
      decisions.push({ id, d });
      recordedUpdates.add(updateId);
      states.set(id, { ...s, decisions: [...s.decisions, d] });
      if (fault === 'lostAnswer') throw new Error('4 DEADLINE_EXCEEDED');
      return { ok: true };
    },
  };
  const fakeClient = {
    workflow: {
      async start(type: string, o: { workflowId: string; args: [CampaignInput] }) {
        if (type === 'reportWorkflow') {
          const request = o.args[0] as unknown as ReportRequest;
          reports.push({ workflowId: o.workflowId, request });
          return {
            workflowId: o.workflowId,
            /** Ends as `reportOutcome` says: a result, or the error to throw. */
            async result() {
              if (reportOutcome.error) throw reportOutcome.error;
              return { planId: request.planId };
            },
          };
        }
        if (states.has(o.workflowId) || started.some((s) => s.campaignId === o.workflowId)) throw new WorkflowExecutionAlreadyStartedError('exists', o.workflowId, 'campaignWorkflow');
        started.push(o.args[0]);
        return { firstExecutionRunId: 'run-1' };
      },
      async *list() {
        for (const s of states.values()) {
          const attrs: Record<string, unknown> = { CampaignPlan: s.planId, CampaignOccasion: s.occasionId, CampaignYear: Number(s.occasionDate.slice(0, 4)), CampaignStatus: s.status };
          yield { workflowId: s.campaignId, status: { name: 'RUNNING' }, startTime: new Date(s.startedAt), typedSearchAttributes: { get: (k: { name: string }) => attrs[k.name] } };
        }
      },
      getHandle(id: string) {
        return {
          async cancel() {
            cancelled.push(id);
          },
        };
      },
    },
    schedule: {
      // Like Temporal's visibility store, the list may lag: it always reports the state the
      // schedule was created with. describe() is current.
      async *list() {
        for (const [scheduleId, s] of schedules) {
          // Just created: not in the list yet.
          if (s.listed === false) continue;
          yield { scheduleId, memo: { managedBy: 'campaign-ops', planId: s.planId, kind: s.kind, title: s.title }, state: { paused: false }, info: { nextActionTimes: [], recentActions: [] } };
        }
      },
      async create(o: { scheduleId: string; memo: { planId: string; kind: string; title: string }; action: { memo: { scheduleFingerprint: string } } }) {
        schedules.set(o.scheduleId, { planId: o.memo.planId, kind: o.memo.kind, title: o.memo.title, paused: false, fingerprint: o.action.memo.scheduleFingerprint, listed: false });
        scheduleActions.push(`create ${o.scheduleId}`);
      },
      getHandle(id: string) {
        const s = () => {
          const found = schedules.get(id);
          if (!found) throw new ScheduleNotFoundError('not found', id);
          return found;
        };
        return {
          async describe() {
            const x = s();
            return {
              memo: { managedBy: 'campaign-ops', planId: x.planId, kind: x.kind, title: x.title },
              action: { memo: { scheduleFingerprint: x.fingerprint } },
              state: { paused: x.paused },
              info: { nextActionTimes: [new Date('2026-11-02T23:00:00Z')], recentActions: [{ scheduledAt: new Date('2026-10-26T23:00:00Z'), action: { workflow: { workflowId: `${ID_FOR_RUNS}` } } }] },
            };
          },
          async pause() {
            s().paused = true;
            scheduleActions.push(`pause ${id}`);
          },
          async unpause() {
            s().paused = false;
            scheduleActions.push(`resume ${id}`);
          },
          async trigger() {
            scheduleActions.push(`trigger ${id}`);
          },
          async update() {
            scheduleActions.push(`update ${id}`);
          },
          async delete() {
            s();
            schedules.delete(id);
            scheduleActions.push(`delete ${id}`);
          },
        };
      },
    },
  };
  const app = createApp({
    endpoints,
    store,
    campaigns: gateway,
    now: () => clock.now,
    checkHealth: opts.checkHealth ?? (async () => []),
    dashboard: { client: async () => fakeClient as unknown as Client, editors: opts.editors ?? EDITORS, mailer, logError: () => undefined },
  });

  /** Waits until `n` emails were sent (sign-in mail goes out in the background). */
  function mailCount(n: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (sent.length >= n ? resolve() : waiters.push(check));
      check();
    });
  }

  return { app, store, clock, sent, states, decisions, statusCalls, statusHangs, decideFaults, started, cancelled, schedules, scheduleActions, reports, reportOutcome, endpoints, mailCount };
}

export type Harness = ReturnType<typeof harness>;

/** `name=value` pairs of the Set-Cookie headers of a response. */
export function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    out[pair!.slice(0, eq)] = pair!.slice(eq + 1);
  }
  return out;
}

/** The value of a hidden input. */
export function hidden(html: string, name: string): string | undefined {
  return new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];
}

export function form(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return body;
}

/** Asks for a sign-in link; returns the token from the email. */
export async function requestLink(h: Harness, email: string): Promise<string> {
  const before = h.sent.length;
  const page = await h.app.request('/sign-in');
  const nonce = cookiesOf(page).campaign_signin!;
  const csrf = hidden(await page.text(), 'csrf')!;
  const res = await h.app.request('/sign-in', { method: 'POST', body: form({ csrf, email, next: '/' }), headers: { Cookie: `campaign_signin=${nonce}` } });
  if (res.status !== 200) throw new Error(`sign-in request answered ${res.status}`);
  await h.mailCount(before + 1);
  const m = /\/sign-in\/([A-Za-z0-9_-]{43})/.exec(h.sent[before]!.text);
  if (!m) throw new Error('no sign-in link in the email');
  return m[1]!;
}

/** Full sign-in; returns the Cookie header value of the session. */
export async function signIn(h: Harness, email = EDITORS[0]!.email): Promise<string> {
  const token = await requestLink(h, email);
  const confirm = await h.app.request(`/sign-in/${token}`);
  const csrf = hidden(await confirm.text(), 'csrf')!;
  const res = await h.app.request(`/sign-in/${token}`, { method: 'POST', body: form({ csrf }) });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  return `campaign_session=${cookiesOf(res).campaign_session}`;
}

/** The CSRF value of a signed-in session, read from any page. */
export async function csrfOf(h: Harness, cookie: string): Promise<string> {
  const res = await h.app.request('/plans', { headers: { Cookie: cookie } });
  return hidden(await res.text(), 'csrf')!;
}
