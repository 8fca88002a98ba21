/**
 * Objectives per period: each target as written, and its measurable form where the plan gives
 * one (percent, count, count per year), with the audience and how it would be evidenced.
 */
import { z } from 'zod';
import { audience, choice, need, slug, text } from './fields.js';
import { metricKindLabels } from './vocabulary.js';

const periodSchema = z
  .union([z.string(), z.number()], { error: need('giai đoạn dạng "2026-2030" hoặc một năm "2027"') })
  .transform((raw, ctx) => {
    const m = /^\s*(\d{4})(?:\s*[-–]\s*(\d{4}))?\s*$/.exec(String(raw));
    const from = Number(m?.[1]);
    const to = Number(m?.[2] ?? m?.[1]);
    if (!m || to < from) {
      ctx.addIssue({ code: 'custom', message: `giai đoạn "${raw}" phải viết dạng "2026-2030" (năm đầu không sau năm cuối) hoặc một năm "2027"` });
      return z.NEVER;
    }
    return { from, to, label: from === to ? String(from) : `${from}–${to}` };
  });

/** The measurable form of a target, where the plan gives one. */
export const measureSchema = z
  .strictObject({
    metric: choice(metricKindLabels, 'loại chỉ tiêu'),
    value: z.number({ error: need('một số, ví dụ 70') }).min(0, 'không được âm'),
    /** "Tối thiểu 70%" is atLeast; "100%" is exact. */
    bound: z.enum(['exact', 'atLeast'], { error: 'bound phải là exact (đúng bằng) hoặc atLeast (tối thiểu)' }).default('exact'),
    audience,
    /** Who or what is counted, in the plan's words. */
    subject: text,
    /** Short label shown under a figure. */
    label: text,
    /** How the result would be evidenced (editorial). */
    evidence: text,
  })
  .superRefine((m, ctx) => {
    if (m.metric === 'percent' && m.value > 100) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `tỷ lệ ${m.value}% vượt quá 100%; tỷ lệ phần trăm chỉ từ 0 đến 100` });
    }
    if (m.metric !== 'percent' && !Number.isInteger(m.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `số lượng phải là số nguyên, không phải ${m.value}` });
    }
  });

export const targetSchema = z.strictObject({
  id: slug,
  /** The target as written in the plan. */
  text,
  measure: measureSchema.optional(),
});
export type Target = z.output<typeof targetSchema>;

export const targetPeriodSchema = z.strictObject({
  period: periodSchema,
  /** Heading as written, e.g. "a) Giai đoạn 2026-2030". */
  heading: text.optional(),
  targets: z.array(targetSchema).min(1, 'mỗi giai đoạn cần ít nhất một chỉ tiêu'),
});
export type TargetPeriod = z.output<typeof targetPeriodSchema>;
