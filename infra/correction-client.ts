/**
 * Starting an urgent correction (đính chính): validated like any campaign (every problem named
 * by field), then started as a campaign whose brief is the correction. One approver, a reminder
 * after 15 minutes and escalation after 30 by default, a decision within 2 hours, and on approval
 * every chosen channel at once — the loudspeakers as an emergency bulletin.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { campaignId } from '../domain/campaign/ids.js';
import type { CampaignChannel, CampaignInput } from '../domain/campaign/types.js';
import { CORRECTION_OCCASION_ID, CORRECTION_TIMING, parseCorrection } from '../domain/correction.js';
import { vnToday } from '../domain/dates.js';
import { isEmailAddress } from '../domain/email.js';
import { resolveAudience } from './campaign-audience.js';
import { CampaignRequestError, DEFAULTS, type FieldProblem } from './campaign-client.js';
import { processDirectoryOrSamples, type DirectoryReader } from './directory-store.js';
import { loadPlan } from './plan-store.js';

/** The channels a correction goes out on unless the editor narrows them. */
export const CORRECTION_CHANNELS: readonly CampaignChannel[] = ['loudspeaker', 'webPortal', 'pressBriefing', 'social'];

export interface CorrectionRequest {
  /** The plan whose issuing unit speaks (its stations, site and media list by default). */
  planId: string;
  headline: string;
  claim: string;
  facts: string[];
  source: string;
  sourceUrl?: string;
  channels?: string[];
  /** Directory units whose stations play it (a province's communes); default: what the plan's unit reaches. */
  units?: string[];
  /** The one approver. */
  approver: string;
  escalateTo?: string[];
  reminderAfterMs?: number;
  escalateAfterMs?: number;
  decideWithinMs?: number;
  localitiesFile?: string;
  mediaListFile?: string;
  startedBy?: string;
}

const email = z.string().trim().toLowerCase().refine(isEmailAddress, 'không phải địa chỉ email hợp lệ');

export async function resolveCorrectionInput(req: CorrectionRequest, now: Date = new Date(), options: { directory?: DirectoryReader } = {}): Promise<CampaignInput> {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  let plan;
  try {
    plan = await loadPlan(req.planId);
  } catch (err) {
    add('plan', (err as Error).message);
  }
  const checked = parseCorrection({ headline: req.headline, claim: req.claim, facts: req.facts, source: req.source, ...(req.sourceUrl ? { sourceUrl: req.sourceUrl } : {}) });
  if (!checked.ok) for (const p of checked.problems) add(p.field, p.message);

  const channels = (req.channels?.length ? req.channels : CORRECTION_CHANNELS) as string[];
  for (const c of channels) if (!CORRECTION_CHANNELS.includes(c as CampaignChannel)) add('channels', `kênh "${c}" không dùng cho đính chính; chọn trong: ${CORRECTION_CHANNELS.join(', ')}`);

  const approver = email.safeParse(req.approver ?? '');
  if (!approver.success) add('approver', req.approver ? `"${req.approver}" ${approver.error.issues[0]!.message}` : 'cần một người phê duyệt (email)');
  const escalateTo: string[] = [];
  for (const a of req.escalateTo ?? []) {
    const r = email.safeParse(a);
    if (!r.success) add('escalateTo', `"${a}" ${r.error.issues[0]!.message}`);
    else escalateTo.push(r.data);
  }
  for (const f of ['reminderAfterMs', 'escalateAfterMs', 'decideWithinMs'] as const) {
    const v = req[f];
    if (v !== undefined && (!Number.isFinite(v) || v <= 0)) add(f, 'phải là khoảng thời gian dương');
  }
  const directory = options.directory ?? (await processDirectoryOrSamples()).directory;
  const audience = plan
    ? await resolveAudience({ planId: plan.id, channels, localities: 'all', ...(req.units?.length ? { units: req.units } : {}), ...(req.localitiesFile ? { localitiesFile: req.localitiesFile } : {}), ...(req.mediaListFile ? { mediaListFile: req.mediaListFile } : {}) }, directory)
    : undefined;
  for (const p of audience?.problems ?? []) add(p.field, p.message);
  if (problems.length || !plan || !checked.ok || !approver.success) throw new CampaignRequestError(problems);

  const today = vnToday(now);
  const decideWithin = req.decideWithinMs ?? CORRECTION_TIMING.decideWithinMs;
  const suffix = `${now.getTime().toString(36)}${randomBytes(2).toString('hex')}`;
  return {
    campaignId: campaignId(plan.id, CORRECTION_OCCASION_ID, today, suffix),
    planId: plan.id,
    occasionId: CORRECTION_OCCASION_ID,
    occasionDate: today,
    taskIds: [],
    channels: channels as CampaignChannel[],
    localities: 'all',
    ...(req.localitiesFile ? { localitiesFile: req.localitiesFile } : { units: audience?.units ?? [] }),
    ...(req.mediaListFile ? { mediaListFile: req.mediaListFile } : audience?.mediaListUnit ? { mediaListUnit: audience.mediaListUnit } : {}),
    ...(audience?.ownerId ? { ownerUnit: audience.ownerId } : {}),
    approvers: [approver.data],
    escalateTo,
    leaders: [],
    reminderAfterMs: req.reminderAfterMs ?? CORRECTION_TIMING.reminderAfterMs,
    escalateAfterMs: req.escalateAfterMs ?? CORRECTION_TIMING.escalateAfterMs,
    tokenTtlMs: Math.min(DEFAULTS.tokenTtlMs, decideWithin),
    decideBy: new Date(now.getTime() + decideWithin).toISOString(),
    startedBy: req.startedBy,
    correction: checked.correction,
  };
}
