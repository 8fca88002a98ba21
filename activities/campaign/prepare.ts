/**
 * Preparing a campaign: loads the plan, occasion, localities and media list once, checks them,
 * and snapshots everything the later steps need into the object store (so a re-run uses the
 * same inputs even if files change). Also the brief revisions and the audit log.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ContentBrief } from '../../domain/brief.js';
import { buildCampaignBrief, campaignTaskIds } from '../../domain/brief-builder.js';
import { buildCorrectionBrief, CORRECTION_OCCASION_NAME, parseCorrection } from '../../domain/correction.js';
import { occasionsBetween } from '../../domain/calendar/index.js';
import { leadTimeFor } from '../../domain/calendar/lead-times.js';
import type { CampaignInput, DraftEdits } from '../../domain/campaign/types.js';
import { publishSchedule, type ChannelLead } from '../../domain/campaign/schedule.js';
import { leaderProblems } from '../../domain/directory/access.js';
import { resolveAudience } from '../../infra/campaign-audience.js';
import { DirectoryStore } from '../../infra/directory-store.js';
import { PlanLibrary } from '../../infra/plan-library.js';
import type { ActivityDeps } from '../deps.js';
import { heartbeat } from '../heartbeat.js';
import { keys } from './keys.js';
import { readJson, writeJson } from './store-json.js';

export interface PreparedCampaign {
  title: string;
  briefKey: string;
  localityCount: number;
  recipientCount: number;
  /** ISO publish time per channel. */
  schedule: Record<string, string>;
  loudspeakerRepeatDaily: boolean;
}

const bad = (message: string) => ApplicationFailure.nonRetryable(message, 'InvalidCampaign');

export function createPrepareActivities({ store }: ActivityDeps) {
  const library = new PlanLibrary(store);
  return {
    async prepareCampaign(input: CampaignInput): Promise<PreparedCampaign> {
      let plan;
      try {
        // The version the campaign started with (older campaigns name none: the current one),
        // so editing the plan meanwhile does not change this campaign's drafts.
        plan = (await library.get(input.planId, input.planVersion || undefined)).plan;
      } catch (err) {
        throw bad((err as Error).message);
      }
      // What the campaign says and when each channel goes out: an occasion of the plan at its
      // channels' lead times, or an urgent correction, every channel as soon as it is approved.
      let brief: ContentBrief;
      let title: string;
      const leads: Record<string, ChannelLead> = {};
      if (input.correction) {
        const checked = parseCorrection(input.correction);
        if (!checked.ok) throw bad(checked.problems.map((p) => p.message).join('\n'));
        brief = buildCorrectionBrief(plan, checked.correction, input.occasionDate);
        title = `${CORRECTION_OCCASION_NAME}: ${brief.headline}`;
      } else {
        const instance = occasionsBetween(input.occasionDate, input.occasionDate, [plan]).find((o) => o.occasionId === input.occasionId);
        if (!instance) throw bad(`Sự kiện "${input.occasionId}" không rơi vào ngày ${input.occasionDate} của kế hoạch ${plan.id}.`);
        const tasks = campaignTaskIds(plan, instance, input.taskIds);
        const missing = tasks.filter((id) => !plan.tasks.some((t) => t.id === id));
        if (missing.length) throw bad(`Kế hoạch ${plan.id} không có nhiệm vụ: ${missing.join(', ')}.`);
        brief = buildCampaignBrief(plan, instance, tasks);
        title = `${instance.label} — ${brief.planSymbol}`;
        for (const c of input.channels) {
          const l = leadTimeFor(instance.occasion.leadTimes, c);
          leads[c] = { daysBefore: l.daysBefore, repeatDaily: l.repeatDaily };
        }
      }
      heartbeat('audience');

      // Localities and media list: the named files, else the directory (the plan's owning unit).
      const audience = await resolveAudience(
        {
          planId: plan.id,
          channels: input.channels,
          localities: input.localities,
          ...(input.units?.length ? { units: input.units } : {}),
          ...(input.localitiesFile ? { localitiesFile: input.localitiesFile } : {}),
          ...(input.mediaListFile ? { mediaListFile: input.mediaListFile } : {}),
        },
        new DirectoryStore(store),
      );
      if (audience.problems.length) throw bad(audience.problems.map((p) => p.message).join('\n'));
      // The second step is for leaders of the plan's issuing unit only (also checked at start).
      if (input.leaders.length) {
        const refused = leaderProblems(await new DirectoryStore(store).ownerOfPlan(plan.id), input.leaders);
        if (refused.length) throw bad(`Không chạy được chiến dịch: ${refused.join('; ')}.`);
      }
      const localities = audience.chosen;
      const media = audience.media;

      heartbeat('snapshot');
      await writeJson(store, keys.input(input.campaignId), input);
      await writeJson(store, keys.localities(input.campaignId), localities);
      await writeJson(store, keys.media(input.campaignId), media);
      await writeJson(store, keys.brief(input.campaignId, 1), brief);
      // The Q&A set is written from the plan itself, as it stood when the campaign started.
      if (input.channels.includes('qaSet')) await writeJson(store, keys.plan(input.campaignId), plan);

      // A correction names no publish time: every channel at once (its time has passed when approved).
      const schedule = input.correction ? Object.fromEntries(input.channels.map((c) => [c, input.publishAt ?? new Date().toISOString()])) : publishSchedule(input.occasionDate, input.channels, leads, input.publishAt);
      await writeJson(store, keys.schedule(input.campaignId), schedule);
      return {
        title,
        briefKey: keys.brief(input.campaignId, 1),
        localityCount: input.channels.includes('loudspeaker') ? localities.length : 0,
        recipientCount: input.channels.includes('pressBriefing') ? media.journalists.length : 0,
        schedule,
        loudspeakerRepeatDaily: leads.loudspeaker?.repeatDaily ?? false,
      };
    },

    /** A new version of the brief with an approver's edits applied. */
    async reviseBrief(input: { campaignId: string; version: number; edits: DraftEdits; comment: string }): Promise<{ briefKey: string }> {
      const previous = await readJson<ContentBrief>(store, keys.brief(input.campaignId, input.version - 1));
      const next: ContentBrief = {
        ...previous,
        headline: input.edits.headline?.trim() || previous.headline,
        keyMessages: input.edits.keyMessages?.length ? input.edits.keyMessages : previous.keyMessages,
      };
      await writeJson(store, keys.brief(input.campaignId, input.version), next);
      return { briefKey: keys.brief(input.campaignId, input.version) };
    },

    /** Appends one entry to the campaign's audit log; the key is fixed per sequence number, so a retry rewrites the same entry. */
    async appendAudit(input: { campaignId: string; seq: number; entry: Record<string, unknown> }): Promise<void> {
      await writeJson(store, keys.audit(input.campaignId, input.seq), { campaignId: input.campaignId, seq: input.seq, ...input.entry });
    },
  };
}
