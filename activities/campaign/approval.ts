/**
 * Approval requests by email: for each approver a fresh random token (only its hash is kept),
 * an email with a summary, a thumbnail and the link. A ledger entry per approver and round
 * makes a retried activity skip people who already got their email.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ContentBrief } from '../../domain/brief.js';
import { channelLine } from '../../domain/campaign/types.js';
import { formatVnDate, formatVnDateTime } from '../../domain/dates.js';
import { issueToken } from '../../infra/approval-tokens.js';
import { loadTemplateFolder } from '../../render/template-folder.js';
import { greetingName, personLabel } from '../../web/dashboard/editors.js';
import { campaignPeople } from '../../infra/campaign-people.js';
import type { ActivityDeps } from '../deps.js';
import { heartbeat } from '../heartbeat.js';
import { keys } from './keys.js';
import { readJson } from './store-json.js';
import { thumbnail } from './thumbnail.js';

const emails = loadTemplateFolder(path.join(import.meta.dirname, '..', '..', 'templates', 'email'), { suffix: '.hbs', plainText: /\.txt\.hbs$/ });

/** The approval request email, as HTML or plain text (templates/email/approval-request.*.hbs). */
export function renderApprovalRequest(format: 'html' | 'txt', data: object): string {
  return emails.render(`approval-request.${format}.hbs`, data);
}

export interface ApprovalRequestInput {
  campaignId: string;
  workflowId: string;
  version: number;
  step: number;
  steps: number;
  approvers: string[];
  kind: 'request' | 'reminder' | 'escalation';
  /** Distinguishes rounds of the same kind (e.g. after a new version). */
  round: number;
  tokenTtlMs: number;
  drafts: string[];
}

const titles = {
  request: 'Đề nghị phê duyệt nội dung truyền thông',
  reminder: 'Nhắc: nội dung truyền thông đang chờ phê duyệt',
  escalation: 'Chuyển phê duyệt: nội dung truyền thông chưa được quyết định',
};
const intros = {
  request: 'Bộ phận truyền thông đề nghị đồng chí xem và phê duyệt các bản nháp dưới đây.',
  reminder: 'Các bản nháp dưới đây vẫn đang chờ quyết định của đồng chí.',
  escalation: 'Người duyệt được giao chưa quyết định trong thời hạn; đề nghị đồng chí xem và quyết định thay.',
};

const hashOf = (s: string) => createHash('sha256').update(s.toLowerCase()).digest('hex').slice(0, 32);

export function createApprovalActivities({ store, mailer, endpoints, editors = [] }: ActivityDeps) {
  return {
    async sendApprovalRequests(input: ApprovalRequestInput): Promise<{ sent: number; skipped: number }> {
      const brief = await readJson<ContentBrief>(store, keys.brief(input.campaignId, input.version));
      const poster = await store.get(keys.infographic(input.campaignId, input.version, 'social', 'png'));
      const thumb = poster ? await thumbnail(poster.body, 560) : undefined;
      let sent = 0;
      let skipped = 0;
      // People are greeted by name: the platform accounts and the editors of the campaign's unit.
      const people = await campaignPeople(store, input.campaignId, editors);
      for (const approver of input.approvers) {
        heartbeat({ sent, skipped, total: input.approvers.length });
        const ledgerKey = keys.approvalSent(input.campaignId, input.version, input.step, input.kind, input.round, hashOf(approver));
        if (await store.head(ledgerKey)) {
          skipped += 1;
          continue;
        }
        const token = await issueToken(
          store,
          { campaignId: input.campaignId, workflowId: input.workflowId, version: input.version, step: input.step, approver, kind: input.kind },
          input.tokenTtlMs,
        );
        const expires = new Date(Date.now() + input.tokenTtlMs);
        const subject = `[Cần phê duyệt] ${brief.occasionName} ${formatVnDate(brief.occasionDate)} — ${brief.issuerShort} (phiên bản ${input.version})`;
        const data = {
          subject,
          kindTitle: titles[input.kind],
          intro: intros[input.kind],
          greeting: greetingName(people, approver),
          recipient: personLabel(people, approver),
          headline: brief.headline,
          keyMessages: brief.keyMessages,
          occasion: `${brief.occasionName} (${formatVnDate(brief.occasionDate)})`,
          plan: `${brief.planSymbol} — ${brief.issuerShort}`,
          version: input.version,
          stepLabel: input.steps > 1 ? (input.step === 1 ? 'biên tập viên duyệt (1/2)' : 'lãnh đạo duyệt (2/2)') : '',
          drafts: input.drafts.map(channelLine),
          thumbnailCid: thumb ? 'thumbnail@campaign' : '',
          link: `${endpoints.publicBaseUrl}/approve/${token}`,
          expires: formatVnDateTime(expires),
        };
        await mailer.sendMail({
          from: endpoints.mailFrom,
          to: approver,
          subject,
          text: renderApprovalRequest('txt', data),
          html: renderApprovalRequest('html', data),
          attachments: thumb ? [{ filename: 'infographic.png', content: thumb, cid: 'thumbnail@campaign', contentType: 'image/png' }] : [],
          headers: { 'X-Campaign-Id': input.campaignId },
        });
        await store.put(ledgerKey, JSON.stringify({ at: new Date().toISOString(), kind: input.kind }), { contentType: 'application/json' });
        sent += 1;
      }
      return { sent, skipped };
    },
  };
}
