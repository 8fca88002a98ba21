/**
 * The shape of a communication plan (Kế hoạch) as a zod schema: header, legal basis, objectives
 * and targets per period, tasks, per-body duties, reporting duties and plan-specific occasions.
 *
 * The input shape is exactly the YAML file's shape, so a zod issue path is a path in the file.
 * Checks that span the whole plan (duplicate ids, references) live in `cross-check.ts`.
 */
import { z } from 'zod';
import { audience, channel, choice, dayMonth, isoDate, label, leadTimeSchema, need, slug, text } from './fields.js';
import { issuerTierLabels, metricKindLabels, reportCadenceLabels } from './vocabulary.js';

export * from './vocabulary.js';
export type { LeadTime } from './fields.js';

/** A referenced document: a resolution, decision, programme, plan or submission. */
export const documentRefSchema = z.strictObject({
  /** "Nghị quyết", "Quyết định", "Chương trình hành động", "Kế hoạch", "Tờ trình". */
  kind: text,
  /** Number and symbol, e.g. "71-NQ/TW", "157/QĐ-TTg". */
  number: text,
  date: isoDate,
  issuer: text,
  /** Subject line (trích yếu); some references give none. */
  title: text.optional(),
  /** How the plan relates to it: carries it out, is based on it, or answers a proposal. */
  relation: z.enum(['implements', 'basis', 'proposal'], { error: 'relation phải là implements (thực hiện), basis (căn cứ) hoặc proposal (xét đề nghị)' }).default('basis'),
});
export type DocumentRef = z.output<typeof documentRefSchema>;

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

/** A paragraph, or a lead-in line with its bullet items ("+ …"). */
export const paragraphSchema = z.union([text, z.strictObject({ text, items: z.array(text).min(1, 'cần ít nhất một ý con') })], {
  error: 'mỗi đoạn là một dòng chữ, hoặc một mục có "text" và danh sách ý con "items"',
});
export type Paragraph = z.output<typeof paragraphSchema>;

const asWritten = text.optional();
export const timeframeSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('ongoing'), asWritten }),
    z.strictObject({ kind: z.literal('yearly'), asWritten, dates: z.array(dayMonth).default([]) }),
    z.strictObject({ kind: z.literal('range'), asWritten, from: isoDate, to: isoDate }).superRefine((t, ctx) => {
      if (t.to < t.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'ngày kết thúc đứng trước ngày bắt đầu' });
    }),
    z.strictObject({ kind: z.literal('dates'), asWritten, dates: z.array(isoDate).min(1, 'cần ít nhất một ngày') }),
  ],
  { error: 'kind phải là ongoing (Thường xuyên), yearly (Hằng năm), range (từ ngày… đến ngày…) hoặc dates (các ngày cụ thể)' },
);
export type Timeframe = z.output<typeof timeframeSchema>;

export const taskSchema = z.strictObject({
  id: slug,
  /** Number as in the plan: "III.1", "2", "a)". */
  number: label,
  title: text,
  description: z.array(paragraphSchema).min(1, 'cần ít nhất một đoạn mô tả'),
  /** Cơ quan chủ trì / thực hiện. */
  leadBody: text,
  /** Other bodies the plan names as carrying the task out (e.g. "UBND các xã, phường triển khai tại địa phương"). */
  implementingBodies: z.array(text).default([]),
  /** Cơ quan phối hợp. */
  coordinatingBodies: z.array(text).default([]),
  /** The assignment sentence exactly as written, when the plan has one. */
  assignmentAsWritten: text.optional(),
  timeframe: timeframeSchema,
  channels: z.array(channel).default([]),
  audiences: z.array(audience).default([]),
  /** Ids of occasions (built-in or this plan's) the task ties to. */
  occasions: z.array(slug).default([]),
  /** Ids of the plan's targets this task serves. */
  targets: z.array(slug).default([]),
  /** Editorial lines derived from the plan's wording (not part of the issued document). */
  keyMessages: z.array(text).max(6, 'tối đa 6 thông điệp chính').default([]),
});
export type Task = z.output<typeof taskSchema>;

/** Duties the organisation section gives one body ("1. Phòng Văn hóa - Xã hội: - …"). */
export const bodyDutySchema = z.strictObject({
  id: slug,
  number: label,
  body: text,
  duties: z.array(text).min(1, 'cần ít nhất một nhiệm vụ'),
  /** Ids of the plan's tasks these duties carry out (editorial link). */
  tasks: z.array(slug).default([]),
});
export type BodyDuty = z.output<typeof bodyDutySchema>;

export const reportingDutySchema = z.strictObject({
  id: slug,
  reportingBody: text,
  recipients: z.array(text).min(1, 'cần ít nhất một nơi nhận báo cáo'),
  cadence: choice(reportCadenceLabels, 'kỳ báo cáo'),
  cadenceAsWritten: text.optional(),
  /** Recurring due dates "dd/mm"; empty when the plan gives none. */
  dueDates: z.array(dayMonth).default([]),
  /** What is reported. */
  content: text,
  /** Ids of the tasks the report covers; empty: the plan as a whole. */
  tasks: z.array(slug).default([]),
  /** Where in the plan the duty is stated, e.g. "V.1". */
  source: text.optional(),
});
export type ReportingDuty = z.output<typeof reportingDutySchema>;

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
  resolution: documentRefSchema.extend({ title: text, theme: text.optional() }),
  legalBasis: z.array(documentRefSchema).default([]),
  /** The standing body that leads the plan as a whole. */
  leadBody: text,
  purpose: z.array(text).default([]),
  requirements: z.array(text).default([]),
  objectives: z.strictObject({
    general: z.array(text).min(1, 'cần ít nhất một đoạn mục tiêu chung'),
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
