/**
 * The start-a-campaign form as data: the values an editor entered, the checks only the form
 * needs (at least one channel, a locality when broadcasting, a publish time in the future, two
 * different people for the two-person rule), and the request for `resolveCampaignInput`.
 * Pure: no I/O, so the rules are unit-tested directly.
 */
import { DEFAULT_CAMPAIGN_CHANNELS } from '../../domain/campaign/types.js';
import type { FieldProblem, StartRequest } from '../../infra/campaign-client.js';
import type { Form } from './context.js';
import { splitList } from './data.js';
import { parseVnDateTime } from '../../domain/dates.js';
import { formatVnDateTime } from '../../domain/dates.js';

export const PublishMode = { schedule: 'schedule', immediate: 'immediate', at: 'at' } as const;
export type PublishMode = (typeof PublishMode)[keyof typeof PublishMode];

export interface StartFormValues {
  plan: string;
  /** The plan's version the form was shown with (0: a plan outside the library). */
  planVersion: number;
  /** `<occasion id>@<yyyy-mm-dd>` as chosen in the select. */
  occasion: string;
  tasks: string[];
  channels: string[];
  localities: string[];
  /** True when the plan's owner is a province, city or department: the editor chooses commune-tier units. */
  unitMode: boolean;
  /** Directory units (communes) chosen, in unit mode. */
  units: string[];
  publishMode: PublishMode;
  /** `datetime-local` value, Vietnam time. */
  publishAt: string;
  approvers: string[];
  approversExtra: string;
  leaders: string[];
  forceNew: boolean;
}

/** Which element a problem belongs beside (ids in the template). */
export const FIELD_OF: Record<string, string> = {
  plan: 'plan',
  occasion: 'occasion',
  date: 'occasion',
  tasks: 'tasks',
  channels: 'channels',
  localities: 'localities',
  units: 'units',
  publishAt: 'publishAt',
  approvers: 'approvers',
  leaders: 'leaders',
  forceNew: 'forceNew',
};


/** Reads the posted form. */
export function startFormValues(form: Form): StartFormValues {
  const mode = form.one('publishMode');
  return {
    plan: form.one('plan') ?? '',
    planVersion: Math.max(0, Math.trunc(Number(form.one('planVersion') ?? 0)) || 0),
    occasion: form.one('occasion') ?? '',
    tasks: form.many('tasks'),
    channels: form.many('channels'),
    localities: form.many('localities'),
    unitMode: form.one('audience') === 'units',
    units: form.many('units'),
    publishMode: mode === 'immediate' || mode === 'at' ? mode : 'schedule',
    publishAt: form.one('publishAt') ?? '',
    approvers: form.many('approvers'),
    approversExtra: form.one('approversExtra') ?? '',
    leaders: form.many('leaders'),
    forceNew: form.one('forceNew') === 'yes',
  };
}

/** Defaults of a fresh form: the default channels, every locality, the signed-in editor approves. */
export function defaultStartValues(plan: string, occasion: string, editorEmail: string, localityIds: string[], units?: string[], planVersion = 0): StartFormValues {
  return {
    plan,
    planVersion,
    occasion,
    tasks: [],
    channels: [...DEFAULT_CAMPAIGN_CHANNELS],
    localities: localityIds,
    unitMode: units !== undefined,
    units: units ?? [],
    publishMode: 'schedule',
    publishAt: '',
    approvers: [editorEmail],
    approversExtra: '',
    leaders: [],
    forceNew: false,
  };
}

/**
 * The request for `resolveCampaignInput`, and the problems only the form can see. The request is
 * built even when there are problems, so the caller can collect every problem at once.
 */
export function startRequest(v: StartFormValues, ctx: { now: Date; editorEmail: string; allLocalityIds: string[] }): { request: StartRequest; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const [occasionId = '', date] = v.occasion.split('@');
  if (!occasionId) add('occasion', 'Hãy chọn một sự kiện.');
  if (v.channels.length === 0) add('channels', 'Hãy chọn ít nhất một kênh.');
  if (v.channels.includes('loudspeaker') && !v.unitMode && v.localities.length === 0) add('localities', 'Kênh truyền thanh cần ít nhất một đơn vị nhận bản tin.');
  if (v.channels.includes('loudspeaker') && v.unitMode && v.units.length === 0) add('units', 'Kênh truyền thanh cần ít nhất một xã, phường nhận bản tin.');
  let publishAt: string | undefined;
  if (v.publishMode === 'immediate') publishAt = ctx.now.toISOString();
  if (v.publishMode === 'at') {
    const reading = v.publishAt.trim() ? parseVnDateTime(v.publishAt) : undefined;
    publishAt = reading?.iso;
    if (!reading) add('publishAt', 'Hãy nhập ngày và giờ đăng, hoặc chọn cách đăng khác.');
    else if (reading.iso === undefined) add('publishAt', `${reading.problem}.`);
    else if (Date.parse(reading.iso) < ctx.now.getTime() - 60_000) {
      add('publishAt', `Thời điểm ${formatVnDateTime(reading.iso)} đã qua; hãy chọn thời điểm sau bây giờ, hoặc chọn “Ngay khi được phê duyệt”.`);
    }
  }
  const approvers = [...new Set([...v.approvers, ...splitList(v.approversExtra)].map((a) => a.toLowerCase()))];
  const leaders = [...new Set(v.leaders.map((a) => a.toLowerCase()))];
  const both = leaders.filter((l) => approvers.includes(l));
  if (both.length) add('leaders', `${both.join(', ')} đã duyệt ở bước một; quy tắc hai người cần người khác duyệt bước hai.`);
  const allLocalities = v.localities.length === ctx.allLocalityIds.length && ctx.allLocalityIds.every((id) => v.localities.includes(id));
  return {
    request: {
      planId: v.plan,
      // Drafted from the version the editor saw on the form, not whatever is current later.
      ...(v.planVersion > 0 ? { planVersion: v.planVersion } : {}),
      occasionId,
      ...(date ? { date } : {}),
      taskIds: v.tasks,
      // An empty list would mean "every channel" to the client; the form refuses it above.
      channels: v.channels,
      localities: v.unitMode || allLocalities ? 'all' : v.localities,
      ...(v.unitMode && v.units.length ? { units: [...new Set(v.units)] } : {}),
      ...(publishAt ? { publishAt } : {}),
      approvers,
      leaders,
      forceNew: v.forceNew,
      startedBy: ctx.editorEmail,
    },
    problems,
  };
}
