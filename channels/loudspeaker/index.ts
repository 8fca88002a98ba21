/** Grassroots loudspeakers: one script per station, in its daily slot. */
import type { ChannelDescriptor } from '../types.js';

export const loudspeakerChannel: ChannelDescriptor<'loudspeaker'> = {
  id: 'loudspeaker',
  label: 'Truyền thanh cơ sở',
  hint: 'Kịch bản cho từng đài truyền thanh, theo khung giờ phát.',
  // Scripts go to the feed at the start of the day, for that day's slots.
  publishHour: 0,
  defaultOn: true,
  ownActivities: true,
};
