/**
 * The shape of a communication plan (Kế hoạch) as a zod schema: header, legal basis, objectives
 * and targets per period, tasks, per-body duties, reporting duties and plan-specific occasions.
 *
 * The input shape is exactly the YAML file's shape, so a zod issue path is a path in the file.
 * Checks that span the whole plan (duplicate ids, references) live in `cross-check.ts`.
 */
import { z } from 'zod';
import { choice, dayMonth, isoDate, leadTimeSchema, need, slug, text } from './fields.js';
import { bodyDutySchema, reportingDutySchema, taskSchema } from './task-schema.js';
import { targetPeriodSchema } from './target-schema.js';
import { issuerTierLabels } from './vocabulary.js';

export * from './vocabulary.js';
export * from './target-schema.js';
export * from './task-schema.js';
export type { LeadTime } from './fields.js';

/** A referenced document: a resolution, decision, programme, plan or submission. */
export const documentRefSchema = z.strictObject({
  /** "Nghị quyết", "Quyết định", "Chương trình hành động", "Kế hoạch", "Tờ trình". */
  kind: text,
  /** Number and symbol, e.g. "71-NQ/TW", "157/QĐ-TTg". */
  number: text,
  /** Issue date; absent when the plan cites the document without one. */
  date: isoDate.optional(),
  issuer: text,
  /** Subject line (trích yếu); some references give none. */
  title: text.optional(),
  /** How the plan relates to it: carries it out, is based on it, or answers a proposal. */
  relation: z.enum(['implements', 'basis', 'proposal'], { error: 'relation phải là implements (thực hiện), basis (căn cứ) hoặc proposal (xét đề nghị)' }).default('basis'),
});
export type DocumentRef = z.output<typeof documentRefSchema>;


/** An occasion only this plan knows about (a local event, a conference). */
export const planOccasionSchema = z
  .strictObject({
    id: slug,
    name: text,
    greeting: text.optional(),
    description: text.optional(),
    /** Recurs every year on this day, "dd/mm". */
    annual: dayMonth.optional(),
    /** Or happens on these dates. Neither: date not fixed yet. */
    dates: z.array(z.strictObject({ date: isoDate, label: text.optional() })).optional(),
    leadTimes: z.array(leadTimeSchema).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.annual && o.dates) ctx.addIssue({ code: 'custom', path: ['dates'], message: 'chỉ dùng một trong hai: annual (hằng năm) hoặc dates (các ngày cụ thể)' });
  });
export type PlanOccasion = z.output<typeof planOccasionSchema>;

export const issuerSchema = z.strictObject({
  /** "Ủy ban nhân dân tỉnh Lạng Sơn" */
  name: text,
  /** "UBND tỉnh Lạng Sơn" */
  shortName: text,
  tier: choice(issuerTierLabels, 'cấp ban hành'),
  /** The area the plan covers, e.g. "tỉnh Lạng Sơn", "phường Bắc Kạn". */
  area: text,
  /** For commune-tier issuers, the province, e.g. "tỉnh Thái Nguyên". */
  province: text.optional(),
});
export type Issuer = z.output<typeof issuerSchema>;

export const planSchema = z.strictObject({
  id: slug,
  issuer: issuerSchema,
  /** The document number, or null when the copy has it blank. */
  number: z.number({ error: need('số văn bản (số nguyên), hoặc null khi văn bản để trống số') }).int('phải là số nguyên').positive('phải là số dương').nullable(),
  /** The symbol after the slash, e.g. "KH-UBND". */
  symbol: z.string({ error: need('ký hiệu văn bản, ví dụ "KH-UBND"') }).regex(/^[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$/, 'ký hiệu viết hoa, nối bằng gạch ngang, ví dụ "KH-UBND"'),
  issued: z.strictObject({
    place: text.nullable().default(null),
    /** Full issue date, or null when the copy leaves the day blank. */
    date: isoDate.nullable(),
    year: z.number({ error: need('năm, ví dụ 2026') }).int().min(1945, 'năm không hợp lý').max(2100, 'năm không hợp lý').nullable().default(null),
  }).superRefine((issued, ctx) => {
    if (issued.date && issued.year !== null && Number(issued.date.slice(0, 4)) !== issued.year) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: `năm ${issued.year} khác với năm của ngày ban hành ${issued.date}` });
    }
    if (!issued.date && issued.year === null) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'khi chưa rõ ngày ban hành (date: null), hãy ghi ít nhất năm ban hành, ví dụ year: 2026' });
    }
  }),
  title: text,
  /** The resolution the plan carries out. */
  resolution: documentRefSchema.extend({ date: isoDate, title: text, theme: text.optional() }),
  legalBasis: z.array(documentRefSchema).default([]),
  /** The standing body that leads the plan as a whole; absent when the plan names none. */
  leadBody: text.optional(),
  purpose: z.array(text).default([]),
  requirements: z.array(text).default([]),
  objectives: z.strictObject({
    /** Mục tiêu chung; empty when the plan sets targets only. */
    general: z.array(text).default([]),
    periods: z.array(targetPeriodSchema).default([]),
  }),
  tasks: z.array(taskSchema).min(1, 'kế hoạch cần ít nhất một nhiệm vụ'),
  funding: z.array(text).default([]),
  bodyDuties: z.array(bodyDutySchema).default([]),
  reporting: z.array(reportingDutySchema).default([]),
  occasions: z.array(planOccasionSchema).default([]),
  /** Plan-level editorial key messages, used when a brief has no task. */
  keyMessages: z.array(text).max(6, 'tối đa 6 thông điệp chính').default([]),
  recipients: z.array(text).default([]),
  signer: z.strictObject({ authority: text.optional(), position: text, name: text.nullable().default(null) }).optional(),
});

/** A validated plan. */
export type Plan = z.output<typeof planSchema>;
/** The plan as written in its file, before defaults and normalisation. */
export type PlanInput = z.input<typeof planSchema>;
