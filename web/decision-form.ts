/**
 * The decision form, the same on the emailed approval page and on the dashboard's campaign page:
 * a decision, a comment and, when changes are asked for, an edited headline and key messages
 * (one a line). Messages are Vietnamese.
 */
import { z } from 'zod';
import type { CampaignState } from '../domain/campaign/types.js';

export const decisionFormSchema = z.object({
  decision: z.enum(['approve', 'requestChanges', 'reject'], { error: 'Hãy chọn một quyết định.' }),
  comment: z.string().trim().max(2000, 'Nhận xét tối đa 2.000 ký tự.').default(''),
  headline: z.string().trim().max(200, 'Tiêu đề tối đa 200 ký tự.').default(''),
  keyMessages: z
    .string()
    .default('')
    .transform((s) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(300, 'Mỗi thông điệp tối đa 300 ký tự.')).max(6, 'Tối đa 6 thông điệp, mỗi dòng một thông điệp.')),
});

/** Why the workflow refused a decision, as the pages explain it. */
export type DecisionRefusal = 'staleVersion' | 'closed' | 'notApprover';

/**
 * Reads why a decision was refused from the campaign's state after the refusal (decisions go
 * to the workflow without a status query first; only a refused one asks, to explain it).
 * Undefined when the state does not tell (the workflow's own message is shown then).
 */
export function refusalOf(
  current: Pick<CampaignState, 'version' | 'step' | 'status' | 'awaiting' | 'decisions'> | undefined,
  asked: { version: number; step: number; approver: string },
): DecisionRefusal | undefined {
  if (!current) return undefined;
  if (current.version !== asked.version || current.step !== asked.step) return 'staleVersion';
  if (current.status !== 'awaitingApproval') return 'closed';
  if (current.decisions.some((d) => d.version === current.version && d.step === current.step)) return 'closed';
  if (!current.awaiting.some((a) => a.toLowerCase() === asked.approver.toLowerCase())) return 'notApprover';
  return undefined;
}

/** The page shown when Temporal did not answer: the decision may or may not be recorded, and pressing again is safe. */
export const UNCONFIRMED_DECISION = {
  title: 'Chưa xác nhận được quyết định',
  text: 'Máy chủ quy trình chưa trả lời nên chưa biết quyết định đã được ghi nhận hay chưa. Hãy bấm gửi lại sau ít giây: gửi lại cùng quyết định không bao giờ ghi nhận hai lần.',
} as const;
