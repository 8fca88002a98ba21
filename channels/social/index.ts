/**
 * Social pack (Fanpage, Zalo OA): a short text for the feed — a hook line, two or three
 * sentences, the web post's link, a few hashtags — with the square infographic. Posted through
 * the unit's own accounts (Graph API, Zalo OA API) where configured; otherwise delivered to the
 * editors as a ready-to-post pack, and counted once an editor marks it posted.
 */
import type { ChannelDescriptor } from '../types.js';

/** Said in a publish detail while a pack waits for an editor to post it by hand. */
export const AWAITING_MARK = 'chờ biên tập viên đăng và đánh dấu đã đăng';

export const socialChannel: ChannelDescriptor<'social'> = {
  id: 'social',
  label: 'Mạng xã hội (Fanpage, Zalo OA)',
  hint: 'Bài ngắn kèm ảnh vuông cho Fanpage và Zalo OA của đơn vị; không có tài khoản thì gửi gói bài để đăng tay.',
  publishHour: 9,
  defaultOn: false,
  ownActivities: false,
  preview: { file: 'social/preview.html', heading: 'Bài đăng mạng xã hội' },
  reportNoun: 'bài đăng mạng xã hội (Fanpage, Zalo OA)',
  reportSkips: AWAITING_MARK,
};
