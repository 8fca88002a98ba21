/** Infographic: social, poster, e-board and targets images (PNG and WebP). */
import type { ChannelDescriptor } from '../types.js';

export const infographicChannel: ChannelDescriptor<'infographic'> = {
  id: 'infographic',
  label: 'Infographic',
  hint: 'Bốn mẫu: mạng xã hội, áp phích, bảng tin điện tử, chỉ tiêu.',
  publishHour: 7,
  defaultOn: true,
  ownActivities: true,
};
