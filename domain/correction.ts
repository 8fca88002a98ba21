/**
 * Urgent corrections (đính chính): the plans ask units to "chủ động nắm bắt dư luận, xử lý thông
 * tin sai lệch". An editor states the false claim, the correct information and its official
 * source; the product turns that into a brief every channel can carry, with nothing added that
 * the editor did not state, and the loudspeakers play it as an emergency bulletin. One approver,
 * short deadlines, and on approval every channel goes out at once.
 */
import { z } from 'zod';
import type { ContentBrief } from './brief.js';
import { planSymbol, resolutionName } from './plan/describe.js';
import type { Plan } from './plan/schema.js';

/** The occasion id every correction campaign carries (no calendar occasion: it is published now). */
export const CORRECTION_OCCASION_ID = 'dinh-chinh';
export const CORRECTION_OCCASION_NAME = 'Đính chính thông tin';

/** Defaults for a correction's approval: a reminder after 15 minutes, escalation after 30, decided within 2 hours. */
export const CORRECTION_TIMING = { reminderAfterMs: 15 * 60_000, escalateAfterMs: 30 * 60_000, decideWithinMs: 2 * 3600_000 } as const;

/** Longest headline the infographic layouts hold (their headline box, in characters). */
export const CORRECTION_HEADLINE_MAX = 60;

const text = (what: string, max: number) =>
  z
    .string({ error: `cần ${what}` })
    .trim()
    .min(1, `cần ${what}`)
    .max(max, `${what} dài quá ${max} ký tự; hãy viết gọn hơn`);

export const correctionSchema = z.strictObject({
  /** A short title, e.g. "Không có chuyện thu phí học thêm bắt buộc". */
  headline: text('tiêu đề đính chính', CORRECTION_HEADLINE_MAX),
  /** The false information as it circulates, quoted. */
  claim: text('nội dung thông tin sai lệch', 400),
  /** The correct information, one sentence or short paragraph each. */
  facts: z.array(text('thông tin chính xác', 500), { error: 'cần ít nhất một thông tin chính xác' }).min(1, 'cần ít nhất một thông tin chính xác').max(5, 'tối đa 5 ý thông tin chính xác'),
  /** Who says so officially, e.g. "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn, Công văn số 1234/SGDĐT-VP ngày 28/11/2026". */
  source: text('nguồn thông tin chính thức', 300),
  sourceUrl: z
    .string()
    .trim()
    .refine((v) => {
      try {
        return ['http:', 'https:'].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, 'địa chỉ nguồn phải là địa chỉ http:// hoặc https:// đầy đủ')
    .optional(),
});
export type Correction = z.output<typeof correctionSchema>;

/** The field labels the start forms and the CLI use in messages. */
export const correctionFieldLabels: Record<keyof Correction, string> = {
  headline: 'Tiêu đề đính chính',
  claim: 'Thông tin sai lệch',
  facts: 'Thông tin chính xác',
  source: 'Nguồn chính thức',
  sourceUrl: 'Địa chỉ nguồn',
};

/** Validates a correction; problems are listed by field with their Vietnamese label. */
export function parseCorrection(input: unknown): { ok: true; correction: Correction } | { ok: false; problems: { field: string; message: string }[] } {
  const r = correctionSchema.safeParse(input);
  if (r.success) return { ok: true, correction: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => {
      const field = String(i.path[0] ?? 'correction');
      const label = correctionFieldLabels[field as keyof Correction] ?? field;
      return { field, message: `${label}: ${i.message}` };
    }),
  };
}

const sentence = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

/**
 * The correction as a brief. It speaks in the issuing unit's name (the plan's issuer) and says
 * only what the editor stated: the claim (quoted, called false), the facts, the source.
 */
export function buildCorrectionBrief(plan: Plan, correction: Correction, date: string): ContentBrief {
  const facts = correction.facts.map(sentence);
  return {
    planId: plan.id,
    planSymbol: planSymbol(plan),
    planTitle: plan.title,
    resolution: resolutionName(plan),
    issuer: plan.issuer.name,
    issuerShort: plan.issuer.shortName,
    occasionId: CORRECTION_OCCASION_ID,
    occasionName: CORRECTION_OCCASION_NAME,
    occasionDate: date,
    headline: correction.headline,
    keyMessages: facts,
    figures: [],
    body: [
      `Thời gian gần đây xuất hiện thông tin cho rằng: “${correction.claim.replace(/[“”"]/g, '')}”. Đây là thông tin không chính xác.`,
      ...facts,
      `Nguồn thông tin chính thức: ${sentence(correction.source)}`,
    ],
    tags: ['đính chính'],
    priority: 'emergency',
    correction: { claim: correction.claim, source: correction.source, ...(correction.sourceUrl ? { sourceUrl: correction.sourceUrl } : {}) },
  };
}
