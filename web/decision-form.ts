/**
 * The decision form, the same on the emailed approval page and on the dashboard's campaign page:
 * a decision, a comment and, when changes are asked for, an edited headline and key messages
 * (one a line). Messages are Vietnamese.
 */
import { z } from 'zod';

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
