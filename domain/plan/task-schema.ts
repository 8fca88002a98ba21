/**
 * Tasks (Nhiệm vụ và giải pháp) with their timeframe, channels, audiences and ties to occasions
 * and targets; per-body duties (Tổ chức thực hiện) and reporting duties.
 */
import { z } from 'zod';
import { audience, channel, choice, codeOrOwn, dayMonth, isoDate, label, slug, splitOwn, text } from './fields.js';
import { reportCadenceLabels, type Audience, type Channel, type ReportCadence } from './vocabulary.js';

/** A paragraph, or a lead-in line with its bullet items ("+ …"). */
export const paragraphSchema = z.union([text, z.strictObject({ text, items: z.array(text).min(1, 'cần ít nhất một ý con') })], {
  error: 'mỗi đoạn là một dòng chữ, hoặc một mục có "text" và danh sách ý con "items"',
});
export type Paragraph = z.output<typeof paragraphSchema>;

const asWritten = text.optional();
/** "Dự kiến …": the plan gives the date as an estimate. */
const tentative = z.boolean({ error: 'tentative phải là true (ngày dự kiến) hoặc false' }).optional();
export const timeframeSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('ongoing'), asWritten }),
    z.strictObject({ kind: z.literal('yearly'), asWritten, dates: z.array(dayMonth).default([]) }),
    z.strictObject({ kind: z.literal('range'), asWritten, from: isoDate, to: isoDate, tentative }).superRefine((t, ctx) => {
      if (t.to < t.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'ngày kết thúc đứng trước ngày bắt đầu' });
    }),
    z.strictObject({ kind: z.literal('dates'), asWritten, dates: z.array(isoDate).min(1, 'cần ít nhất một ngày'), tentative }),
    /** "Ngay sau khi Cổng thông tin … đi vào vận hành": due once another event happens. */
    z.strictObject({ kind: z.literal('afterEvent'), asWritten, event: text }),
    /** The plan states no timeframe for the task. */
    z.strictObject({ kind: z.literal('unstated'), asWritten }),
  ],
  { error: 'kind phải là ongoing (Thường xuyên), yearly (Hằng năm), range (từ ngày… đến ngày…), dates (các ngày cụ thể), afterEvent (sau khi một việc khác xong) hoặc unstated (văn bản không nêu)' },
);
export type Timeframe = z.output<typeof timeframeSchema>;

/** Work a task gives one body, in plans that list tasks per body ("a) Sở Khoa học và Công nghệ: …"). */
export const taskSubItemSchema = z.strictObject({
  /** "a)", "b)" as in the plan. */
  label,
  /** The body the sub-item is for; absent when the item names none. */
  body: text.optional(),
  items: z.array(paragraphSchema).min(1, 'cần ít nhất một đoạn nội dung'),
});
export type TaskSubItem = z.output<typeof taskSubItemSchema>;

const channelEntry = codeOrOwn<Channel>(channel);
const audienceEntry = codeOrOwn<Audience>(audience);

export const taskSchema = z
  .strictObject({
    id: slug,
    /** Number as in the plan: "III.1", "2", "a)". */
    number: label,
    title: text,
    description: z.array(paragraphSchema).default([]),
    /** Per-body sub-items a), b), c) …, kept as written. */
    subItems: z.array(taskSubItemSchema).default([]),
    /** Cơ quan chủ trì / thực hiện; absent when the plan names none for the task. */
    leadBody: text.optional(),
    /** Other bodies the plan names as carrying the task out (e.g. "UBND các xã, phường triển khai tại địa phương"). */
    implementingBodies: z.array(text).default([]),
    /** Cơ quan phối hợp. */
    coordinatingBodies: z.array(text).default([]),
    /** The assignment sentence exactly as written, when the plan has one. */
    assignmentAsWritten: text.optional(),
    /** Thời gian thực hiện; unstated when the plan gives none. */
    timeframe: timeframeSchema.default({ kind: 'unstated' }),
    /** Channel codes, or `{ label: "…" }` for a channel of the plan's own. */
    channels: z.array(channelEntry).default([]),
    /** Audience codes, or `{ label: "…" }` for a group of the plan's own. */
    audiences: z.array(audienceEntry).default([]),
    /** Ids of occasions (built-in or this plan's) the task ties to. */
    occasions: z.array(slug).default([]),
    /** Ids of the plan's targets this task serves. */
    targets: z.array(slug).default([]),
    /** Editorial lines derived from the plan's wording (not part of the issued document). */
    keyMessages: z.array(text).max(6, 'tối đa 6 thông điệp chính').default([]),
  })
  .superRefine((t, ctx) => {
    if (t.description.length === 0 && t.subItems.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['description'], message: 'cần ít nhất một đoạn mô tả (description) hoặc một mục con theo cơ quan (subItems)' });
    }
  })
  .transform(({ channels, audiences, ...rest }) => {
    const c = splitOwn(channels);
    const a = splitOwn(audiences);
    return { ...rest, channels: c.codes, ownChannels: c.own, audiences: a.codes, ownAudiences: a.own };
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

const cadenceCode = choice(reportCadenceLabels, 'kỳ báo cáo');

export const reportingDutySchema = z
  .strictObject({
    id: slug,
    reportingBody: text,
    recipients: z.array(text).min(1, 'cần ít nhất một nơi nhận báo cáo'),
    /** One cadence, or several for one duty ("định kỳ 6 tháng, 01 năm hoặc đột xuất": [semiannual, adHoc]). */
    cadence: z.union([cadenceCode, z.array(cadenceCode).min(1, 'cần ít nhất một kỳ báo cáo')], { error: `kỳ báo cáo phải là một trong: ${Object.keys(reportCadenceLabels).join(', ')}, hoặc một danh sách các giá trị đó` }),
    cadenceAsWritten: text.optional(),
    /** Recurring due dates "dd/mm"; empty when the plan gives none. */
    dueDates: z.array(dayMonth).default([]),
    /** What is reported. */
    content: text,
    /** Ids of the tasks the report covers; empty: the plan as a whole. */
    tasks: z.array(slug).default([]),
    /** Where in the plan the duty is stated, e.g. "V.1". */
    source: text.optional(),
  })
  .transform(({ cadence, ...rest }) => {
    const cadences: ReportCadence[] = Array.isArray(cadence) ? [...new Set(cadence)] : [cadence];
    /** `cadence` is the main (first) one; `cadences` every one the duty states. */
    return { ...rest, cadence: cadences[0]!, cadences };
  });
export type ReportingDuty = z.output<typeof reportingDutySchema>;
