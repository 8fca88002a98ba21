/**
 * The Q&A set of a campaign: 10–20 questions and answers written only from the plan's own data
 * (header, resolution and legal basis, general objective, targets with their bounds and periods,
 * who leads each task, what the plan does for residents and parents, reporting, funding, where
 * to learn more). Every answer names the plan field it comes from, so a test (and an editor)
 * can trace it. Nothing is invented: where the plan is silent the answer says so. Pure.
 */
import type { ContentBrief } from '../../domain/brief.js';
import { formatVnDate } from '../../domain/dates.js';
import { formatFigureValue } from '../../domain/numbers.js';
import { periodPhrase, withBound } from '../../domain/plan/bounds.js';
import { formatTimeframe, paragraphText, planIssueDate, planSymbol, resolutionName } from '../../domain/plan/describe.js';
import type { Plan, Task } from '../../domain/plan/schema.js';
import { audienceLabels, reportCadenceLabels } from '../../domain/plan/vocabulary.js';
import { capitalize } from '../../domain/text/case.js';

export interface QaItem {
  question: string;
  answer: string;
  /** Where in the plan the answer comes from, e.g. "issued", "objectives.periods[0].targets[1]". */
  source: string;
}

export const MIN_QA = 10;
export const MAX_QA = 20;

/** Said when the plan names no lead body for a task. */
export const LEAD_NOT_STATED = 'Kế hoạch chưa nêu cơ quan chủ trì nhiệm vụ này.';

const sentence = (s: string) => {
  const t = s.trim().replace(/\s+/g, ' ').replace(/[\s;,]+$/, '');
  return /[.!?…:]$/.test(t) ? t : `${t}.`;
};
const quoted = (s: string) => `“${s.trim().replace(/[.;:,]+$/, '')}”`;

/** "Quyết định số 157/QĐ-TTg ngày 20/01/2026 của Thủ tướng Chính phủ". */
function documentName(d: { kind: string; number: string; date?: string; issuer: string }): string {
  return `${d.kind} số ${d.number}${d.date ? ` ngày ${formatVnDate(d.date)}` : ''} của ${d.issuer}`;
}

function issueAnswer(plan: Plan): string {
  const sym = planSymbol(plan);
  const when = plan.issued.date ? `ngày ${planIssueDate(plan)}` : plan.issued.year !== null ? `năm ${plan.issued.year}; bản kế hoạch chưa ghi ngày ban hành` : 'nhưng bản kế hoạch chưa ghi ngày ban hành';
  return sentence(`Kế hoạch số ${sym} do ${plan.issuer.name} ban hành ${when}. Nội dung kế hoạch: ${plan.title}`);
}

function leadAnswer(t: Task): string {
  const lead = t.leadBody ? `${t.leadBody} chủ trì thực hiện.` : LEAD_NOT_STATED;
  const parts = [lead];
  if (t.coordinatingBodies.length) parts.push(sentence(`Cơ quan phối hợp: ${t.coordinatingBodies.join('; ')}`));
  if (t.implementingBodies.length) parts.push(sentence(`Cùng thực hiện: ${t.implementingBodies.join('; ')}`));
  parts.push(sentence(`Thời gian thực hiện: ${formatTimeframe(t.timeframe).toLocaleLowerCase('vi')}`));
  return parts.join(' ');
}

/** The tasks the campaign speaks for first, then the plan's other tasks, in plan order. */
function orderedTasks(plan: Plan, brief?: Pick<ContentBrief, 'taskIds' | 'taskId'>): Task[] {
  const first = brief?.taskIds ?? (brief?.taskId ? [brief.taskId] : []);
  return [...plan.tasks.filter((t) => first.includes(t.id)), ...plan.tasks.filter((t) => !first.includes(t.id))];
}

/**
 * Builds the Q&A set of `plan` (with the campaign's brief: its tasks come first, and `postUrl`
 * when the web post is out). At most {@link MAX_QA} items; as many as the plan supports.
 */
export function buildQaSet(plan: Plan, options: { brief?: Pick<ContentBrief, 'taskIds' | 'taskId'>; postUrl?: string } = {}): QaItem[] {
  const sym = planSymbol(plan);
  const head: QaItem[] = [];
  head.push({ question: `Kế hoạch số ${sym} do cơ quan nào ban hành và ban hành khi nào?`, answer: issueAnswer(plan), source: 'issued' });
  const r = plan.resolution;
  head.push({
    question: `Kế hoạch số ${sym} nhằm triển khai văn bản nào?`,
    answer: sentence(`Kế hoạch triển khai ${resolutionName(plan)} ngày ${formatVnDate(r.date)} của ${r.issuer} ${r.title}`),
    source: 'resolution',
  });
  if (plan.legalBasis.length) {
    head.push({ question: 'Kế hoạch căn cứ vào những văn bản nào?', answer: sentence(`Kế hoạch căn cứ: ${plan.legalBasis.map(documentName).join('; ')}`), source: 'legalBasis' });
  }
  if (plan.objectives.general.length) {
    head.push({ question: 'Mục tiêu chung của kế hoạch là gì?', answer: sentence(plan.objectives.general[0]!), source: 'objectives.general[0]' });
  }

  const tasks: QaItem[] = orderedTasks(plan, options.brief).map((t) => ({
    question: `Cơ quan nào chủ trì nhiệm vụ ${t.number} ${quoted(t.title)}?`,
    answer: leadAnswer(t),
    source: `tasks[${plan.tasks.indexOf(t)}]`,
  }));

  const targets: QaItem[] = [];
  plan.objectives.periods.forEach((p, pi) =>
    p.targets.forEach((t, ti) => {
      const when = periodPhrase(p.period.label);
      const source = `objectives.periods[${pi}].targets[${ti}]`;
      if (t.measure) {
        const figure = withBound(t.measure, formatFigureValue({ value: t.measure.value, unit: t.measure.metric }));
        targets.push({ question: `Chỉ tiêu về ${t.measure.label} trong ${when} là bao nhiêu?`, answer: sentence(`${capitalize(figure)}. Kế hoạch ghi: ${quoted(t.text)}`), source });
      } else if (t.deliverable) {
        targets.push({ question: `Trong ${when}, kế hoạch đặt mục tiêu gì về ${t.deliverable.what}?`, answer: sentence(`Kế hoạch ghi: ${quoted(t.text)}`), source });
      }
    }),
  );

  // What the plan does for residents and parents: only tasks that name them as audience.
  const people: QaItem[] = [];
  for (const who of ['parents', 'public'] as const) {
    const mine = plan.tasks.filter((t) => t.audiences.includes(who) && t.description.length > 0);
    if (!mine.length) continue;
    const t = mine[0]!;
    people.push({
      question: `Kế hoạch có hoạt động nào hướng tới ${audienceLabels[who]}?`,
      answer: sentence(`Nhiệm vụ ${t.number} ${quoted(t.title)}: ${paragraphText(t.description[0]!)}`),
      source: `tasks[${plan.tasks.indexOf(t)}].description[0]`,
    });
  }

  const other: QaItem[] = [];
  const duty = plan.reporting[0];
  if (duty) {
    const when = duty.cadenceAsWritten ? duty.cadenceAsWritten.charAt(0).toLocaleLowerCase('vi') + duty.cadenceAsWritten.slice(1) : duty.cadences.map((c) => reportCadenceLabels[c]).join(', ');
    const due = duty.dueDates.length ? ` (trước ngày ${duty.dueDates.map((d) => `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}`).join(' và ')})` : '';
    other.push({
      question: 'Kết quả thực hiện kế hoạch được báo cáo thế nào?',
      answer: sentence(`${duty.reportingBody} báo cáo ${duty.recipients.join(', ')}, ${when}${due}: ${duty.content}`),
      source: 'reporting[0]',
    });
  }
  if (plan.funding.length) other.push({ question: 'Kinh phí thực hiện kế hoạch lấy từ đâu?', answer: sentence(plan.funding[0]!), source: 'funding[0]' });

  const more: QaItem = {
    question: 'Tìm hiểu thêm về kế hoạch ở đâu?',
    answer: [
      sentence(`Toàn văn Kế hoạch số ${sym} của ${plan.issuer.name}${options.postUrl ? `; bài viết về kế hoạch: ${options.postUrl}` : ''}`),
      plan.leadBody ? sentence(`Đơn vị chủ trì triển khai kế hoạch: ${plan.leadBody}`) : 'Kế hoạch chưa nêu đơn vị chủ trì chung.',
    ].join(' '),
    source: 'leadBody',
  };

  // Fill up to the cap: the header, then in turn a task, a target, the rest; "learn more" last.
  const room = MAX_QA - head.length - 1;
  const pool: QaItem[] = [];
  const queues = [tasks, targets, [...people, ...other]];
  while (pool.length < room && queues.some((q) => q.length)) {
    for (const q of queues) if (q.length && pool.length < room) pool.push(q.shift()!);
  }
  return [...head, ...pool, more];
}
