/**
 * Tasks (Nhiệm vụ và giải pháp) with their timeframe, channels, audiences and ties to occasions
 * and targets; per-body duties (Tổ chức thực hiện) and reporting duties.
 */
import { z } from 'zod';
import { audience, channel, choice, dayMonth, isoDate, label, slug, text } from './fields.js';
import { reportCadenceLabels } from './vocabulary.js';

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
