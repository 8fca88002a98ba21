/**
 * Small zod building blocks shared by the plan, locality and media-list schemas. Every message
 * is Vietnamese and says what to write instead.
 */
import { z } from 'zod';
import { dateProblem, parseDayMonth, parseVnDate } from '../dates.js';
import { isEmailAddress } from '../email.js';
import { audienceLabels, channelLabels, describeChoices, type Audience, type Channel } from './vocabulary.js';

/**
 * Error for a value of the wrong type: "missing" when absent, otherwise what to write, e.g.
 * `need('một số, ví dụ 70')`.
 */
export function need(what: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? `thiếu mục bắt buộc này (cần ${what})` : issue.input === null ? `đang để trống, cần ${what}` : `phải là ${what}`;
}

/** A non-empty line of text (trimmed). */
export const text = z.string({ error: need('một dòng chữ') }).trim().min(1, 'không được để trống');

/** A readable id: lowercase ASCII letters, digits and hyphens. */
export const slug = z
  .string({ error: need('một mã, ví dụ "tang-cuong-truyen-thong"') })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ "tang-cuong-truyen-thong"');

/** A calendar date written `dd/mm/yyyy` or `yyyy-mm-dd`; the parsed value is ISO. */
export const isoDate = z
  .string({ error: need('ngày dạng dd/mm/yyyy (ví dụ 20/11/2026) hoặc yyyy-mm-dd') })
  .superRefine((value, ctx) => {
    const problem = dateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => parseVnDate(value) ?? value);

/** A day and month that recur every year, written `dd/mm` (e.g. "10/6"). */
export const dayMonth = z
  .string({ error: need('ngày và tháng dạng dd/mm, ví dụ "10/6"') })
  .superRefine((value, ctx) => {
    if (!parseDayMonth(value)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" không phải ngày/tháng có thật lặp lại hằng năm (viết dạng dd/mm, ví dụ "10/6"; không dùng 29/02)` });
    }
  })
  .transform((value) => parseDayMonth(value) ?? { day: 0, month: 0 });

/** A YAML number or string, kept as text (task numbers like 1, "III.2", "a)"). */
export const label = z
  .union([z.string(), z.number()], { error: need('số thứ tự như trong văn bản, ví dụ "1" hoặc "III.2"') })
  .transform((v) => String(v).trim())
  .pipe(z.string().min(1, 'không được để trống'));

const channelCodes = Object.keys(channelLabels) as [Channel, ...Channel[]];
const audienceCodes = Object.keys(audienceLabels) as [Audience, ...Audience[]];

/** One of the closed set of channels. */
export const channel = z.enum(channelCodes, {
  error: (issue) => `kênh ${JSON.stringify(issue.input)} không có trong danh sách kênh; các kênh hợp lệ: ${describeChoices(channelLabels)}`,
});

/** One of the closed set of audiences. */
export const audience = z.enum(audienceCodes, {
  error: (issue) => `đối tượng ${JSON.stringify(issue.input)} không có trong danh sách; các đối tượng hợp lệ: ${describeChoices(audienceLabels)}`,
});

/** A value of a plan's own, outside the closed list, written `{ label: "…" }`. */
export const ownValue = z.strictObject({ label: text });

/**
 * A closed code, or a labelled value of the plan's own (`{ label: "Podcast" }`). A string must
 * still be one of the codes, so a typo stays an error; the own value is kept by its label.
 */
export function codeOrOwn<T extends string>(closed: z.ZodType<T>) {
  return z.unknown().transform((value, ctx): T | { label: string } => {
    const schema: z.ZodType<T | { label: string }> = value !== null && typeof value === 'object' && !Array.isArray(value) ? ownValue : closed;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] as (string | number)[] });
    return z.NEVER;
  });
}

/** Splits a list of codes and own values into the codes and the own labels. */
export function splitOwn<T extends string>(values: ReadonlyArray<T | { label: string }>): { codes: T[]; own: string[] } {
  const codes: T[] = [];
  const own: string[] = [];
  for (const v of values) {
    if (typeof v === 'string') codes.push(v);
    else own.push(v.label);
  }
  return { codes, own };
}

/** A closed choice among `labels`' keys, with a message listing them. */
export function choice<T extends string>(labels: Record<T, string>, what: string) {
  const codes = Object.keys(labels) as [T, ...T[]];
  return z.enum(codes, {
    error: (issue) => `${what} ${JSON.stringify(issue.input)} không hợp lệ; chọn một trong: ${describeChoices(labels)}`,
  });
}

/** When content for a channel is due before an occasion. */
export const leadTimeSchema = z.strictObject({
  channel,
  daysBefore: z.number({ error: need('số ngày trước dịp, ví dụ 7') }).int('phải là số nguyên').min(0, 'không được âm').max(120, 'tối đa 120 ngày'),
  repeatDaily: z.boolean({ error: need('true hoặc false') }).default(false),
});
export type LeadTime = z.output<typeof leadTimeSchema>;

/** A clock time of day `HH:MM` (24-hour). */
export const clockTime = z
  .string({ error: need('giờ dạng HH:MM, ví dụ "05:30"') })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'phải là giờ dạng HH:MM (24 giờ), ví dụ "05:30" hoặc "17:00"');

/** An email address. */
export const email = z
  .string({ error: need('địa chỉ email, ví dụ "ten@example.org"') })
  .trim()
  .refine(isEmailAddress, 'phải là địa chỉ email, ví dụ "ten@example.org"');
