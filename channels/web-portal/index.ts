/** Web portal post: one article in the unit's site, with index and RSS feed. */
import type { ChannelDescriptor } from '../types.js';

export const webPortalChannel: ChannelDescriptor<'webPortal'> = {
  id: 'webPortal',
  label: 'Bài đăng cổng thông tin',
  hint: 'Bài đăng trên trang thông tin điện tử.',
  publishHour: 7,
  defaultOn: true,
  ownActivities: true,
};
