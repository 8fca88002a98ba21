/**
 * When each channel of a campaign publishes: from the occasion's lead times (at a fixed local
 * hour per channel), or all at one `publishAt` time. Pure; Asia/Ho_Chi_Minh.
 */
import { addDays, VN_OFFSET_MS, vnParts, type IsoDate } from '../dates.js';
import { CHANNELS } from '../../channels/registry.js';
import type { CampaignChannel } from './types.js';

export interface ChannelLead {
  daysBefore: number;
  repeatDaily?: boolean;
}

/** Local publishing hour per channel when the lead time gives only a day (from each channel's descriptor). */
export const PUBLISH_HOUR = Object.fromEntries(CHANNELS.map((c) => [c.id, c.publishHour])) as Record<CampaignChannel, number>;

/** The instant of a local (Asia/Ho_Chi_Minh) date and time, as an ISO string in UTC. */
export function vnDateTimeToIso(date: IsoDate, hour: number, minute = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour, minute) - VN_OFFSET_MS).toISOString();
}

/** The local date (Asia/Ho_Chi_Minh) of an instant. */
export function vnDateOf(instant: string | number): IsoDate {
  return vnParts(new Date(instant)).date;
}

/** End of the occasion day, local time: the default deadline for a decision. */
export function endOfVnDay(date: IsoDate): string {
  return new Date(Date.parse(vnDateTimeToIso(addDays(date, 1), 0)) - 1000).toISOString();
}

export function publishSchedule(
  occasionDate: IsoDate,
  channels: readonly CampaignChannel[],
  leads: Partial<Record<CampaignChannel, ChannelLead>>,
  publishAt?: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const channel of channels) {
    if (publishAt) {
      out[channel] = new Date(publishAt).toISOString();
      continue;
    }
    const lead = leads[channel] ?? { daysBefore: 0 };
    out[channel] = vnDateTimeToIso(addDays(occasionDate, -lead.daysBefore), PUBLISH_HOUR[channel]);
  }
  return out;
}

/**
 * The broadcast days of a loudspeaker campaign: every day from the publish day to the
 * occasion when the lead time repeats daily, else just the publish day. At most 14 days.
 */
export function broadcastDays(publishAtIso: string, occasionDate: IsoDate, repeatDaily: boolean): IsoDate[] {
  const first = vnDateOf(publishAtIso);
  if (!repeatDaily || first >= occasionDate) return [first];
  const days: IsoDate[] = [];
  for (let d = first; d <= occasionDate && days.length < 14; d = addDays(d, 1)) days.push(d);
  return days;
}
