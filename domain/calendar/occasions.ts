/**
 * The built-in calendar of occasions that communication plans for education, science and
 * digital transformation resolutions tie content to, and the occasions a plan adds itself.
 */
import type { IsoDate } from '../dates.js';
import type { LeadTime } from '../plan/fields.js';
import type { Plan, PlanOccasion } from '../plan/schema.js';
import { STANDARD_LEAD_TIMES } from './lead-times.js';

/** When an occasion happens. */
export type OccasionRecurrence =
  | { kind: 'annual'; day: number; month: number }
  | { kind: 'dated'; dates: { date: IsoDate; label?: string }[] }
  | { kind: 'unscheduled' };

export interface Occasion {
  /** Stable id, e.g. "ngay-nha-giao-20-11". */
  id: string;
  /** Vietnamese name, e.g. "Ngày Nhà giáo Việt Nam". */
  name: string;
  /** Opening word of a headline, e.g. "Chào mừng", "Hưởng ứng". */
  greeting?: string;
  description?: string;
  /** Caveat about the date, e.g. that it varies by year. */
  dateNote?: string;
  recurrence: OccasionRecurrence;
  /** Resolutions the occasion is relevant to, by number, e.g. "71-NQ/TW". */
  resolutions: string[];
  leadTimes: LeadTime[];
  /** Set when the occasion was declared by a plan rather than built in. */
  planId?: string;
}

const NQ71 = '71-NQ/TW';
const NQ57 = '57-NQ/TW';
const annual = (day: number, month: number): OccasionRecurrence => ({ kind: 'annual', day, month });

/** National commemorations and school-year events, all dated in Asia/Ho_Chi_Minh. */
export const BUILT_IN_OCCASIONS: readonly Occasion[] = [
  { id: 'ngay-hssv-9-1', name: 'Ngày truyền thống học sinh, sinh viên Việt Nam', greeting: 'Chào mừng', recurrence: annual(9, 1), resolutions: [NQ71], leadTimes: STANDARD_LEAD_TIMES },
  { id: 'ngay-khcn-18-5', name: 'Ngày Khoa học và Công nghệ Việt Nam', greeting: 'Chào mừng', recurrence: annual(18, 5), resolutions: [NQ57], leadTimes: STANDARD_LEAD_TIMES },
  {
    id: 'tong-ket-nam-hoc',
    name: 'Tổng kết năm học',
    greeting: 'Hướng tới',
    dateNote: 'Ngày tổng kết năm học thay đổi theo từng năm (theo khung kế hoạch thời gian năm học); các ngày ở đây là dự kiến, kế hoạch có thể khai báo ngày riêng.',
    recurrence: {
      kind: 'dated',
      dates: [
        { date: '2026-05-30', label: '2025–2026' },
        { date: '2027-05-29', label: '2026–2027' },
        { date: '2028-05-27', label: '2027–2028' },
      ],
    },
    resolutions: [NQ71],
    leadTimes: STANDARD_LEAD_TIMES,
  },
  { id: 'ngay-bao-chi-21-6', name: 'Ngày Báo chí cách mạng Việt Nam', greeting: 'Chào mừng', recurrence: annual(21, 6), resolutions: [NQ71, NQ57], leadTimes: STANDARD_LEAD_TIMES },
  { id: 'nghi-quyet-71-22-8', name: 'Kỷ niệm ngày ban hành Nghị quyết số 71-NQ/TW', description: 'Bộ Chính trị ban hành Nghị quyết số 71-NQ/TW ngày 22/8/2025 về đột phá phát triển giáo dục và đào tạo.', recurrence: annual(22, 8), resolutions: [NQ71], leadTimes: STANDARD_LEAD_TIMES },
  { id: 'khai-giang-5-9', name: 'Ngày khai giảng năm học mới', greeting: 'Chào mừng', description: 'Ngày toàn dân đưa trẻ em đến trường.', recurrence: annual(5, 9), resolutions: [NQ71], leadTimes: STANDARD_LEAD_TIMES },
  { id: 'binh-dan-hoc-vu-8-9', name: 'Ngày truyền thống Bình dân học vụ', greeting: 'Kỷ niệm', description: 'Gắn với phong trào "Bình dân học vụ số" trong thực hiện Nghị quyết số 57-NQ/TW.', recurrence: annual(8, 9), resolutions: [NQ71, NQ57], leadTimes: STANDARD_LEAD_TIMES },
  { id: 'chuyen-doi-so-10-10', name: 'Ngày Chuyển đổi số quốc gia', greeting: 'Hưởng ứng', recurrence: annual(10, 10), resolutions: [NQ57], leadTimes: STANDARD_LEAD_TIMES },
  {
    id: 'ngay-nha-giao-20-11',
    name: 'Ngày Nhà giáo Việt Nam',
    greeting: 'Chào mừng',
    recurrence: annual(20, 11),
    resolutions: [NQ71],
    leadTimes: [...STANDARD_LEAD_TIMES, { channel: 'poster', daysBefore: 14, repeatDaily: false }],
  },
  { id: 'nghi-quyet-57-22-12', name: 'Kỷ niệm ngày ban hành Nghị quyết số 57-NQ/TW', description: 'Bộ Chính trị ban hành Nghị quyết số 57-NQ/TW ngày 22/12/2024 về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.', recurrence: annual(22, 12), resolutions: [NQ57], leadTimes: STANDARD_LEAD_TIMES },
];

/** Ids of the built-in occasions. */
export const BUILT_IN_OCCASION_IDS: ReadonlySet<string> = new Set(BUILT_IN_OCCASIONS.map((o) => o.id));

/** A plan-declared occasion in the calendar's shape. */
export function fromPlanOccasion(plan: Pick<Plan, 'id' | 'resolution'>, o: PlanOccasion): Occasion {
  const recurrence: OccasionRecurrence = o.annual
    ? { kind: 'annual', day: o.annual.day, month: o.annual.month }
    : o.dates
      ? { kind: 'dated', dates: o.dates.map((d) => (d.label ? { date: d.date, label: d.label } : { date: d.date })) }
      : { kind: 'unscheduled' };
  return {
    id: o.id,
    name: o.name,
    ...(o.greeting ? { greeting: o.greeting } : {}),
    ...(o.description ? { description: o.description } : {}),
    recurrence,
    resolutions: [plan.resolution.number],
    leadTimes: o.leadTimes ?? STANDARD_LEAD_TIMES,
    planId: plan.id,
  };
}

/** Finds an occasion by id: built in, or declared by one of `plans`. */
export function findOccasion(id: string, plans: readonly Plan[] = []): Occasion | undefined {
  const builtIn = BUILT_IN_OCCASIONS.find((o) => o.id === id);
  if (builtIn) return builtIn;
  for (const plan of plans) {
    const own = plan.occasions.find((o) => o.id === id);
    if (own) return fromPlanOccasion(plan, own);
  }
  return undefined;
}
