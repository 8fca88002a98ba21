/**
 * How long before an occasion each channel's content is due. Occasions may set their own lead
 * times; any channel they leave out falls back to the defaults below.
 */
import type { LeadTime } from '../plan/fields.js';
import type { Channel } from '../plan/vocabulary.js';

/** Default lead time per channel (days before the occasion; loudspeaker runs daily that week). */
export const DEFAULT_LEAD_TIMES: Record<Channel, LeadTime> = {
  pressBriefing: { channel: 'pressBriefing', daysBefore: 7, repeatDaily: false },
  loudspeaker: { channel: 'loudspeaker', daysBefore: 7, repeatDaily: true },
  poster: { channel: 'poster', daysBefore: 10, repeatDaily: false },
  qaSet: { channel: 'qaSet', daysBefore: 7, repeatDaily: false },
  video: { channel: 'video', daysBefore: 5, repeatDaily: false },
  meeting: { channel: 'meeting', daysBefore: 5, repeatDaily: false },
  infographic: { channel: 'infographic', daysBefore: 3, repeatDaily: false },
  eBoard: { channel: 'eBoard', daysBefore: 3, repeatDaily: false },
  press: { channel: 'press', daysBefore: 3, repeatDaily: false },
  social: { channel: 'social', daysBefore: 2, repeatDaily: false },
  webPortal: { channel: 'webPortal', daysBefore: 0, repeatDaily: false },
  foreignInformation: { channel: 'foreignInformation', daysBefore: 7, repeatDaily: false },
  aiChatbot: { channel: 'aiChatbot', daysBefore: 7, repeatDaily: false },
  livestream: { channel: 'livestream', daysBefore: 0, repeatDaily: false },
  motionGraphics: { channel: 'motionGraphics', daysBefore: 5, repeatDaily: false },
  eNewsletter: { channel: 'eNewsletter', daysBefore: 2, repeatDaily: false },
  publication: { channel: 'publication', daysBefore: 10, repeatDaily: false },
};

/** The usual pattern for a national day: briefing a week ahead, daily bulletins that week, post on the day. */
export const STANDARD_LEAD_TIMES: LeadTime[] = [
  { channel: 'pressBriefing', daysBefore: 7, repeatDaily: false },
  { channel: 'loudspeaker', daysBefore: 7, repeatDaily: true },
  { channel: 'infographic', daysBefore: 3, repeatDaily: false },
  { channel: 'social', daysBefore: 2, repeatDaily: false },
  { channel: 'webPortal', daysBefore: 0, repeatDaily: false },
];

/** The lead time that applies to `channel` for an occasion with `leadTimes`. */
export function leadTimeFor(leadTimes: readonly LeadTime[], channel: Channel): LeadTime {
  return leadTimes.find((l) => l.channel === channel) ?? DEFAULT_LEAD_TIMES[channel];
}
