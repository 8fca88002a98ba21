/**
 * `campaign calendar`: the occasions in a window of days, each with the plan tasks tied to it
 * and the dates content is due on each channel. Dates are read and printed as dd/mm/yyyy and ISO.
 */
import path from 'node:path';
import { addDays, dateProblem, formatVnDate, parseVnDate, vnToday, vnWeekday, type IsoDate } from '../../domain/dates.js';
import { fromPlanOccasion } from '../../domain/calendar/occasions.js';
import { occasionsBetween, type DueDate, type OccasionInstance } from '../../domain/calendar/occasions-between.js';
import { formatChannels } from '../../domain/plan/describe.js';
import type { Plan } from '../../domain/plan/schema.js';
import { channelLabels } from '../../domain/plan/vocabulary.js';
import { readablePlans } from '../directory.js';
import { CliError, parseOptions, type Command } from '../command.js';
import { renderTable, withPlans } from './plans.js';

const DEFAULT_DAYS = 30;

const usage = `Cách dùng: campaign calendar [--from NGÀY] [--to NGÀY] [--plan MÃ] [--dir THƯ_MỤC] [--json]

Liệt kê các dịp trong khoảng ngày, nhiệm vụ và kênh gắn với từng dịp, và hạn nộp nội dung theo
từng kênh. NGÀY viết dd/mm/yyyy (20/11/2026) hoặc yyyy-mm-dd (2026-11-20). Mặc định: từ hôm nay
(giờ Việt Nam) đến ${DEFAULT_DAYS} ngày sau. --plan chỉ xét một kế hoạch.`;

const both = (iso: IsoDate): string => `${formatVnDate(iso)} (${iso})`;

function readDate(option: string, text: string | undefined): IsoDate | undefined {
  if (text === undefined) return undefined;
  const iso = parseVnDate(text);
  if (!iso) throw new CliError(`Ngày ở ${option} không hợp lệ: ${dateProblem(text) ?? text}\n\n${usage}`, 2);
  return iso;
}

function dueText(d: DueDate): [string, string, string] {
  const when = d.until ? `${formatVnDate(d.due)} → ${formatVnDate(d.until)} (${d.due} → ${d.until})` : both(d.due);
  const note = d.daysBefore === 0 ? 'đúng ngày' : d.until ? `hằng ngày, từ ${d.daysBefore} ngày trước` : `${d.daysBefore} ngày trước`;
  return [when, channelLabels[d.channel], note];
}

/** Human text for the calendar window. */
export function describeCalendar(from: IsoDate, to: IsoDate, plans: Plan[], instances: OccasionInstance[]): string {
  const out = [`Các dịp từ ${both(from)} đến ${both(to)} — ${plans.length} kế hoạch: ${plans.map((p) => p.id).join(', ') || '(không có)'}`];
  if (instances.length === 0) out.push('', 'Không có dịp nào trong khoảng này.');
  for (const inst of instances) {
    out.push('', `${both(inst.date)}, ${vnWeekday(inst.date)} — ${inst.label}${inst.planId ? ` (dịp riêng của ${inst.planId})` : ''}`);
    if (inst.occasion.dateNote) out.push(`  Lưu ý: ${inst.occasion.dateNote}`);
    if (inst.tasks.length > 0) {
      out.push('  Nhiệm vụ gắn với dịp này:');
      const rows = inst.tasks.map((t) => [t.planId, t.number, t.title, t.leadBody, formatChannels(t.channels) || '(nội bộ)']);
      out.push(renderTable(['Kế hoạch', 'Số', 'Nhiệm vụ', 'Chủ trì', 'Kênh'], rows, [26, 6, 36, 22, 30], '    '));
      out.push('  Hạn nộp nội dung:');
    } else {
      out.push('  Chưa có nhiệm vụ nào gắn với dịp này. Hạn nộp nội dung theo mặc định của dịp:');
    }
    out.push(renderTable(['Ngày', 'Kênh', 'Ghi chú'], inst.due.map(dueText), [50, 34, 28], '    '));
  }
  const unscheduled = plans.flatMap((p) => p.occasions.map((o) => fromPlanOccasion(p, o)).filter((o) => o.recurrence.kind === 'unscheduled'));
  if (unscheduled.length > 0) {
    out.push('', 'Dịp chưa xếp ngày (khai báo "dates" trong kế hoạch để đưa vào lịch):');
    for (const o of unscheduled) out.push(`  - ${o.name} (${o.planId}, mã ${o.id})`);
  }
  return out.join('\n');
}

/** JSON shape of one occasion instance (the occasion object trimmed to its public fields). */
function toJson(inst: OccasionInstance) {
  const { occasion, ...rest } = inst;
  return { ...rest, dateVn: formatVnDate(inst.date), greeting: occasion.greeting, dateNote: occasion.dateNote, resolutions: occasion.resolutions };
}

export const calendarCommand: Command = {
  name: 'calendar',
  summary: 'Lịch các dịp, nhiệm vụ gắn kèm và hạn nộp nội dung theo kênh',
  usage,
  async run(argv) {
    const { values } = parseOptions(
      argv,
      { from: { type: 'string' }, to: { type: 'string' }, plan: { type: 'string' }, dir: { type: 'string' }, json: { type: 'boolean', default: false } },
      usage,
    );
    const from = readDate('--from', values.from) ?? vnToday();
    const to = readDate('--to', values.to) ?? addDays(from, DEFAULT_DAYS);
    if (to < from) throw new CliError(`Ngày kết thúc (${both(to)}) đứng trước ngày bắt đầu (${both(from)}).`, 2);
    const { plans: reader, note } = await readablePlans(values.dir ? path.resolve(values.dir) : undefined);
    if (note) process.stderr.write(`${note}\n`);
    const plans = values.plan ? [(await withPlans(() => reader.get(values.plan ?? ''))).plan] : (await withPlans(() => reader.list())).map((s) => s.plan);
    const instances = occasionsBetween(from, to, plans);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ from, to, plans: plans.map((p) => p.id), occasions: instances.map(toJson) }, null, 2)}\n`);
    } else {
      process.stdout.write(`${describeCalendar(from, to, plans, instances)}\n`);
    }
    return 0;
  },
};
