/**
 * How an editor reads about an infographic: the template's own title instead of its name, and
 * what a field shows instead of its path in the brief ("thông điệp chính thứ 3", not
 * `keyMessages[2]`). Used for truncation notes and for texts that cannot fit.
 */
import { formatVnNumber } from '../../../domain/numbers.js';
import { TextTooLongError } from '../../../render/layout.js';
import { MissingFieldError } from './render.js';
import { getTemplate, TEMPLATE_NAMES, type TextField } from './templates.js';

const fieldLabels: Record<TextField | 'keyMessages' | 'figures', string> = {
  issuer: 'tên cơ quan ban hành',
  occasion: 'tên sự kiện',
  date: 'ngày sự kiện',
  dayMonth: 'ngày tháng sự kiện',
  headline: 'tiêu đề',
  targetsTitle: 'tiêu đề phần mục tiêu',
  footerResolution: 'dòng nghị quyết ở chân trang',
  footerPlan: 'dòng kế hoạch ở chân trang',
  keyMessages: 'thông điệp chính',
  figures: 'chỉ tiêu',
};

const figurePartLabels: Record<string, string> = {
  value: 'số liệu',
  label: 'nội dung',
  period: 'giai đoạn',
  tag: 'nhãn',
};

/** What a template is called: its title ("Thẻ mạng xã hội vuông"); an unknown name stays as it is. */
export function templateTitle(name: string): string {
  return TEMPLATE_NAMES.includes(name) ? getTemplate(name).title : name;
}

/**
 * What a laid-out field shows: `headline` → "tiêu đề", `keyMessages[2]` → "thông điệp chính
 * thứ 3", `figures[0].label` → "nội dung của chỉ tiêu thứ 1", `keyMessages` (some left out)
 * → "thông điệp chính".
 */
export function fieldLabel(path: string): string {
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z]+))?$/.exec(path);
  const base = m ? fieldLabels[m[1] as keyof typeof fieldLabels] : undefined;
  if (!m || !base) return path;
  const nth = m[2] !== undefined ? ` thứ ${Number(m[2]) + 1}` : '';
  const part = m[3] ? figurePartLabels[m[3]] : undefined;
  return part ? `${part} của ${base}${nth}` : `${base}${nth}`;
}

/** "Thẻ mạng xã hội vuông: đã rút gọn tiêu đề, thông điệp chính cho vừa khung". */
export function truncationNote(template: string, fields: readonly string[]): string {
  return `${templateTitle(template)}: đã rút gọn ${[...new Set(fields.map(fieldLabel))].join(', ')} cho vừa khung`;
}

/** A content problem of a template, for the editor: named by labels, with what to do. */
export function renderProblemText(err: TextTooLongError | MissingFieldError): string {
  const title = templateTitle(err.template);
  if (err instanceof MissingFieldError) return `${title}: ${fieldLabel(err.field)} đang trống, mẫu này cần nội dung đó.`;
  return (
    `${title}: ${fieldLabel(err.field)} dài ${formatVnNumber(err.length)} ký tự, ` +
    `không vừa ${err.maxLines} dòng ngay cả ở cỡ chữ nhỏ nhất (${err.minSize}px)${err.detail ? `, ${err.detail}` : ''}. Hãy rút gọn.`
  );
}
