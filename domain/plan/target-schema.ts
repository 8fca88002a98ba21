/**
 * Objectives per period: each target as written, and its measurable form where the plan gives
 * one (percent, count, count per year), with the audience and how it would be evidenced.
 */
import { z } from 'zod';
import { readBound } from './bounds.js';
import { audience, choice, codeOrOwn, need, slug, text } from './fields.js';
import { boundLabels, metricKindLabels, type Audience, type Bound, type MetricKind } from './vocabulary.js';

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
    /**
     * "Tối thiểu 70%" is atLeast; "100%" is exact. Optional: read from the target text when the
     * number is written there, and then it must agree with the text.
     */
    bound: choice(boundLabels, 'bound (mức chặn của chỉ tiêu)').optional(),
    /** "Phấn đấu 100%": the number is an aim. Optional like `bound`, read from the text. */
    aim: z.boolean({ error: need('true hoặc false') }).optional(),
    /** Who is counted: a code, or `{ label: "…" }` of the plan's own; absent when it is no group of people (documents, tasks). */
    audience: codeOrOwn<Audience>(audience).optional(),
    /** Who or what is counted, in the plan's words. */
    subject: text,
    /** The unit counted, in the plan's words ("doanh nghiệp", "văn bản", "nhiệm vụ khoa học và công nghệ"). */
    unit: text.optional(),
    /** Short label shown under a figure (editorial); the subject is shown when absent. */
    label: text.optional(),
    /** How the result would be evidenced (editorial). */
    evidence: text.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.metric === 'percent' && m.value > 100) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `tỷ lệ ${m.value}% vượt quá 100%; tỷ lệ phần trăm chỉ từ 0 đến 100` });
    }
    if (m.metric !== 'percent' && !Number.isInteger(m.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `số lượng phải là số nguyên, không phải ${m.value}` });
    }
  });

/** The measurable form of a target once read: bound and aim always known. */
export interface Measure {
  metric: MetricKind;
  value: number;
  bound: Bound;
  aim: boolean;
  audience?: Audience;
  /** A group of the plan's own, by its label. */
  ownAudience?: string;
  subject: string;
  unit?: string;
  /** Shown under a figure: the editorial label, else the subject as written. */
  label: string;
  evidence?: string;
}

/** A target that is a thing to deliver rather than a number: "Cổng thông tin … đi vào vận hành". */
export interface Deliverable {
  /** What is delivered, in the plan's words ("Cổng thông tin điện tử về khoa học, công nghệ"). */
  what: string;
  /** The state it must reach ("đi vào vận hành", "được hình thành"). */
  state: string;
  /** When, as written ("trong năm 2026"), if stated. */
  by?: string;
}

/** A target as written, with its measurable form where the plan gives one. */
export interface Target {
  id: string;
  text: string;
  measure?: Measure;
  deliverable?: Deliverable;
}

const boundName = (b: Bound) => `${b} (${boundLabels[b]})`;

export const targetSchema = z
  .strictObject({
    id: slug,
    /** The target as written in the plan. */
    text,
    measure: measureSchema.optional(),
    deliverable: z.strictObject({ what: text, state: text, by: text.optional() }).optional(),
  })
  .transform((t, ctx): Target => {
    const base: Target = { id: t.id, text: t.text, ...(t.deliverable ? { deliverable: t.deliverable } : {}) };
    if (!t.measure) return base;
    const { bound: givenBound, aim: givenAim, audience: who, label: shown, ...rest } = t.measure;
    const people = who === undefined ? {} : typeof who === 'string' ? { audience: who } : { ownAudience: who.label };
    const read = readBound(t.text, rest.metric, rest.value);
    const bound = read ? (read.bound ?? 'exact') : (givenBound ?? 'exact');
    const aim = read ? read.aim : (givenAim ?? false);
    if (read && givenBound !== undefined && givenBound !== bound) {
      const said = read.bound ? `ghi "${read.asWritten}", tức là ${boundName(read.bound)}` : `ghi "${read.asWritten}", không kèm "tối thiểu", "trên", "tối đa"…`;
      ctx.addIssue({ code: 'custom', path: ['measure', 'bound'], message: `chỉ tiêu ${said}, nhưng bound là ${boundName(givenBound)}; sửa bound thành ${bound} hoặc bỏ dòng bound để lấy theo câu chữ của chỉ tiêu` });
    }
    if (read && givenAim !== undefined && givenAim !== aim) {
      const said = aim ? `ghi "${read.asWritten}" (phấn đấu)` : `ghi "${read.asWritten}", không có "phấn đấu"`;
      ctx.addIssue({ code: 'custom', path: ['measure', 'aim'], message: `chỉ tiêu ${said}, nhưng aim là ${givenAim}; sửa aim thành ${aim} hoặc bỏ dòng aim để lấy theo câu chữ của chỉ tiêu` });
    }
    return { ...base, measure: { ...rest, ...people, label: shown ?? rest.subject, bound, aim } };
  });

export const targetPeriodSchema = z.strictObject({
  period: periodSchema,
  /** Heading as written, e.g. "a) Giai đoạn 2026-2030". */
  heading: text.optional(),
  targets: z.array(targetSchema).min(1, 'mỗi giai đoạn cần ít nhất một chỉ tiêu'),
});
export type TargetPeriod = z.output<typeof targetPeriodSchema>;
