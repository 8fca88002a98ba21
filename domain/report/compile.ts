/**
 * Compiles the evidence of a period into the report's content: summary figures, results per
 * task and channel, campaigns with their approvals and publications, bulletin series,
 * broadcasts per locality, and the plan's targets — each either with the evidence the product
 * holds or said plainly to have none. Pure; every output format renders this model.
 */
import { channelDescriptor } from '../../channels/registry.js';
import { ALL_CAMPAIGN_CHANNELS, campaignChannelLabels, decisionLabels, type CampaignChannel, type Decision } from '../campaign/types.js';
import { formatVnDate, formatVnDateTime } from '../dates.js';
import { capitalize } from '../text/case.js';
import { allTargets, formatMeasureValue } from '../plan/describe.js';
import type { Plan, ReportingDuty, Task } from '../plan/schema.js';
import { channelLabels, type Channel } from '../plan/vocabulary.js';
import type { ReportEvidence, WorkEvidence } from './evidence.js';
import { planReference, reportClosing, reportHeader, type ReportClosing, type ReportHeader } from './header.js';
import { formatPeriod } from './period.js';

/** Said of every channel and target the product holds nothing for. */
export const NO_EVIDENCE = 'Chưa có dữ liệu minh chứng trong hệ thống cho mục tiêu này';
/** Same, for a channel of a task. */
export const NO_CHANNEL_EVIDENCE = 'Chưa có dữ liệu minh chứng trong hệ thống';

/** Channels the product itself produces and publishes. */
const PRODUCT_CHANNELS: readonly CampaignChannel[] = ALL_CAMPAIGN_CHANNELS;

export interface SummaryFigure {
  key: string;
  label: string;
  value: number;
  /** Shown after the number, e.g. "phút". */
  unit?: string;
}

export interface TaskChannelRow {
  /** Rows of this task (set on its first row, 0 on the others): the task cell spans them. */
  taskSpan: number;
  taskNumber: string;
  taskTitle: string;
  channel: string;
  channelLabel: string;
  /** Campaigns and bulletin runs of the task on this channel. */
  runs: number;
  drafts: number;
  decisions: number;
  /** What was published or broadcast, in words; NO_CHANNEL_EVIDENCE when nothing. */
  result: string;
  hasEvidence: boolean;
}

export interface CampaignRow {
  id: string;
  title: string;
  occasion: string;
  tasks: string;
  channels: string;
  versions: number;
  decisions: string[];
  publications: string[];
}

export interface SeriesRow {
  task: string;
  runs: number;
  messages: string[];
  bulletins: number;
  localities: number;
  airMinutes: number;
  approval: string;
}

export interface LocalityRow {
  localityName: string;
  bulletins: number;
  airMinutes: number;
}

export interface TargetRow {
  period: string;
  text: string;
  measure: string;
  evidence: string;
  hasEvidence: boolean;
}

export interface ReportModel {
  planId: string;
  header: ReportHeader;
  closing: ReportClosing;
  intro: string[];
  summary: SummaryFigure[];
  taskRows: TaskChannelRow[];
  campaigns: CampaignRow[];
  series: SeriesRow[];
  localities: LocalityRow[];
  targets: TargetRow[];
  /** Kinds of evidence that could not be read, and other caveats. */
  notes: string[];
  proposals: string;
  /** ISO date the report was compiled. */
  compiledOn: string;
}

const minutes = (seconds: number) => Math.round(seconds / 60);
const channelName = (c: string) => capitalize(channelLabels[c as Channel] ?? campaignChannelLabels[c as CampaignChannel] ?? c);

function decisionText(d: WorkEvidence['decisions'][number]): string {
  const label = decisionLabels[d.decision as Decision] ?? d.decision;
  if (d.preApproved) return `Duyệt trước cả chuỗi — ${d.approver}`;
  return `${label} — ${d.approver}${d.at ? `, ${formatVnDateTime(d.at)}` : ''} (phiên bản ${d.version})${d.comment ? `: "${d.comment}"` : ''}`;
}

/** What one channel of some work items produced, in words and as a count. */
function channelResult(items: readonly WorkEvidence[], channel: string): { text: string; count: number } {
  switch (channel) {
    case 'loudspeaker': {
      const b = items.flatMap((i) => i.broadcasts);
      const places = new Set(b.map((x) => x.locality)).size;
      return { text: b.length ? `${b.length} lượt phát bản tin tại ${places} đơn vị, tổng ${minutes(b.reduce((s, x) => s + x.durationSeconds, 0))} phút` : '', count: b.length };
    }
    case 'webPortal': {
      const p = items.flatMap((i) => i.posts);
      return { text: p.length ? `${p.length} bài đăng trên cổng/trang thông tin điện tử` : '', count: p.length };
    }
    case 'pressBriefing': {
      const sent = items.flatMap((i) => i.briefings).reduce((s, x) => s + x.sent, 0);
      const rounds = items.flatMap((i) => i.briefings).filter((x) => x.sent > 0).length;
      return { text: sent ? `${rounds} lần cung cấp thông tin, gửi tới ${sent} lượt phóng viên` : '', count: sent };
    }
    case 'infographic': {
      const p = items.flatMap((i) => i.publications).filter((x) => x.channel === 'infographic');
      return { text: p.length ? `${p.length} bộ infographic đã công bố` : '', count: p.length };
    }
    default: {
      // A channel module: each "published" event is one product, named by its descriptor.
      const d = channelDescriptor(channel);
      const noun = d?.reportNoun;
      const skips = d && 'reportSkips' in d ? d.reportSkips : undefined;
      const p = items.flatMap((i) => i.publications).filter((x) => x.channel === channel && !(skips && x.detail.includes(skips)));
      return { text: noun && p.length ? `${p.length} ${noun}` : '', count: noun ? p.length : 0 };
    }
  }
}

function taskLabel(task: Pick<Task, 'number' | 'title'>): string {
  return `${task.number}. ${task.title}`;
}

/** The tasks a duty covers (all when it names none). */
export function tasksInScope(plan: Plan, duty: ReportingDuty | undefined): Task[] {
  return duty && duty.tasks.length > 0 ? plan.tasks.filter((t) => duty.tasks.includes(t.id)) : plan.tasks;
}

/** What a piece of work published or aired in the period, per channel, in words. */
function published(w: WorkEvidence): string[] {
  const done = PRODUCT_CHANNELS.filter((ch) => w.channels.includes(ch)).map((ch) => channelResult([w], ch).text).filter(Boolean);
  return done.length ? done : ['Chưa đăng, phát trong kỳ'];
}

export function compileReport(plan: Plan, evidence: ReportEvidence, duty?: ReportingDuty): ReportModel {
  const scope = tasksInScope(plan, duty);
  const scopeIds = new Set(scope.map((t) => t.id));
  const inScope = (w: WorkEvidence) => !duty || duty.tasks.length === 0 || w.taskIds.some((t) => scopeIds.has(t));
  const items = evidence.items.filter(inScope);
  const campaigns = items.filter((i) => i.kind === 'campaign');
  const runs = items.filter((i) => i.kind === 'bulletin');
  const broadcasts = items.flatMap((i) => i.broadcasts);
  const decisions = items.flatMap((i) => i.decisions);
  const compiledOn = evidence.collectedAt.slice(0, 10);
  const periodText = formatPeriod(evidence.period);

  const summary: SummaryFigure[] = [
    { key: 'campaigns', label: 'Chiến dịch truyền thông', value: campaigns.length },
    { key: 'draftVersions', label: 'Phiên bản bản nháp đã soạn', value: items.reduce((s, i) => s + i.drafts.length, 0) },
    { key: 'decisions', label: 'Quyết định phê duyệt đã ghi nhận', value: decisions.length },
    { key: 'posts', label: 'Bài đăng trên cổng/trang thông tin điện tử', value: items.reduce((s, i) => s + i.posts.length, 0) },
    { key: 'briefings', label: 'Lượt gửi thông tin cho phóng viên', value: items.flatMap((i) => i.briefings).reduce((s, b) => s + b.sent, 0) },
    { key: 'bulletinRuns', label: 'Đợt bản tin truyền thanh định kỳ', value: runs.length },
    { key: 'broadcasts', label: 'Lượt phát bản tin truyền thanh', value: broadcasts.length },
    { key: 'localities', label: 'Đơn vị cấp xã có bản tin', value: new Set(broadcasts.map((b) => b.locality)).size },
    { key: 'airMinutes', label: 'Tổng thời lượng phát', value: minutes(broadcasts.reduce((s, b) => s + b.durationSeconds, 0)), unit: 'phút' },
  ];

  const taskRows: TaskChannelRow[] = [];
  for (const task of scope) {
    const mine = items.filter((i) => i.taskIds.includes(task.id));
    const channels = [...new Set([...task.channels, ...mine.flatMap((i) => i.channels)])];
    channels.forEach((channel, index) => {
      const onChannel = mine.filter((i) => i.channels.includes(channel));
      const produced = PRODUCT_CHANNELS.includes(channel as CampaignChannel);
      const result = produced ? channelResult(onChannel, channel) : { text: '', count: 0 };
      const hasEvidence = result.count > 0 || onChannel.length > 0;
      taskRows.push({
        taskSpan: index === 0 ? channels.length : 0,
        taskNumber: task.number,
        taskTitle: task.title,
        channel,
        channelLabel: channelName(channel),
        runs: onChannel.length,
        drafts: onChannel.reduce((s, i) => s + i.drafts.length, 0),
        decisions: onChannel.reduce((s, i) => s + i.decisions.length, 0),
        result: result.text || (onChannel.length ? 'Đã soạn, chưa đăng, phát trong kỳ' : NO_CHANNEL_EVIDENCE),
        hasEvidence,
      });
    });
  }

  const taskName = (id: string) => {
    const t = plan.tasks.find((x) => x.id === id);
    return t ? taskLabel(t) : id;
  };
  const campaignRows: CampaignRow[] = campaigns.map((c) => ({
    id: c.id,
    title: c.title,
    occasion: `${c.title}, ngày ${formatVnDate(c.occasionDate)}`,
    tasks: c.taskIds.map(taskName).join('; ') || 'Không gắn nhiệm vụ',
    channels: c.channels.map(channelName).join(', '),
    versions: c.drafts.length,
    decisions: c.decisions.map(decisionText),
    publications: published(c),
  }));

  const bySeries = new Map<string, WorkEvidence[]>();
  for (const r of runs) bySeries.set(r.seriesId ?? r.id, [...(bySeries.get(r.seriesId ?? r.id) ?? []), r]);
  const series: SeriesRow[] = [...bySeries.values()].map((rs) => {
    const b = rs.flatMap((r) => r.broadcasts);
    const pre = rs.some((r) => r.decisions.some((d) => d.preApproved));
    return {
      task: rs[0]!.taskIds.map(taskName).join('; '),
      runs: rs.length,
      messages: [...new Set(rs.map((r) => r.message ?? '').filter(Boolean))],
      bulletins: b.length,
      localities: new Set(b.map((x) => x.locality)).size,
      airMinutes: minutes(b.reduce((s, x) => s + x.durationSeconds, 0)),
      approval: pre ? 'Chuỗi bản tin được duyệt trước cùng bộ thông điệp' : `${rs.reduce((s, r) => s + r.decisions.length, 0)} quyết định phê duyệt từng đợt`,
    };
  });

  const perLocality = new Map<string, LocalityRow>();
  for (const b of broadcasts) {
    const row = perLocality.get(b.locality) ?? { localityName: b.localityName, bulletins: 0, airMinutes: 0 };
    row.bulletins += 1;
    row.airMinutes += b.durationSeconds / 60;
    perLocality.set(b.locality, row);
  }
  const localities = [...perLocality.values()].map((r) => ({ ...r, airMinutes: Math.round(r.airMinutes) })).sort((a, b) => a.localityName.localeCompare(b.localityName, 'vi'));

  const targets: TargetRow[] = allTargets(plan).map((t) => {
    const serving = plan.tasks.filter((task) => task.targets.includes(t.id));
    const related = items.filter((i) => i.taskIds.some((id) => serving.some((s) => s.id === id)));
    const results = PRODUCT_CHANNELS.map((ch) => channelResult(related, ch).text).filter(Boolean);
    const hasEvidence = results.length > 0;
    return {
      period: t.period.label,
      text: t.text,
      measure: t.measure ? formatMeasureValue(t.measure) : '',
      evidence: hasEvidence
        ? `Hoạt động truyền thông liên quan (nhiệm vụ ${serving.map((s) => s.number).join(', ')}): ${results.join('; ')}.${t.measure ? ' Hệ thống không đo được mức đạt chỉ tiêu; đơn vị bổ sung số liệu đánh giá.' : ''}`
        : NO_EVIDENCE,
      hasEvidence,
    };
  });

  const notes: string[] = [];
  const s = evidence.sources;
  if (!s.campaigns) notes.push('Không đọc được danh sách chiến dịch từ Temporal; số liệu chiến dịch có thể thiếu.');
  if (!s.siteManifest) notes.push('Hệ thống chưa ghi nhận dữ liệu đăng bài trên trang thông tin điện tử.');
  if (!s.briefingLedger) notes.push('Hệ thống chưa ghi nhận sổ gửi thông tin cho báo chí trong kỳ.');
  const body = duty?.reportingBody ?? plan.leadBody;
  const who = body ? ` ${body}` : '';
  return {
    planId: plan.id,
    header: reportHeader(plan, periodText, Number(compiledOn.slice(0, 4))),
    closing: reportClosing(plan, duty),
    intro: [
      `Thực hiện ${planReference(plan)} về ${plan.title.charAt(0).toLocaleLowerCase('vi')}${plan.title.slice(1)},${who} báo cáo kết quả công tác truyền thông trong kỳ báo cáo (${periodText}) như sau:`,
      'Số liệu trong báo cáo do hệ thống quản lý nội dung truyền thông tổng hợp tự động từ các chiến dịch, bản nháp, quyết định phê duyệt và nội dung đã đăng, phát trong kỳ. Những kênh và mục tiêu hệ thống không ghi nhận được nêu rõ là chưa có dữ liệu minh chứng.',
    ],
    summary,
    taskRows,
    campaigns: campaignRows,
    series,
    localities,
    targets,
    notes,
    proposals: '(Đơn vị soạn thảo bổ sung khó khăn, vướng mắc và đề xuất, kiến nghị trước khi trình ký.)',
    compiledOn,
  };
}

/** The duty a report is for: the named one, else the first periodic duty covering the whole plan, else the first periodic one. */
export function reportDuty(plan: Plan, dutyId?: string): ReportingDuty | undefined {
  if (dutyId) return plan.reporting.find((d) => d.id === dutyId);
  const periodic = plan.reporting.filter((d) => d.cadence !== 'whenNeeded');
  return periodic.find((d) => d.dueDates.length > 0) ?? periodic.find((d) => d.tasks.length === 0) ?? periodic[0];
}
