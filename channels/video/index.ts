/**
 * Short video (video ngắn): from the version's infographics and a narration drawn from the
 * brief, a vertical 1080×1920 cut for Fanpage and Zalo and a landscape 1920×1080 one for public
 * screens, H.264/AAC MP4 of at most 60 s, Vietnamese subtitles burned in and as WebVTT. Posted to
 * the unit's Fanpage where it configured an account; otherwise (and always for Zalo) delivered
 * to the editors as a pack to post by hand, counted once marked posted.
 */
import { AWAITING_MARK } from '../social/index.js';
import type { ChannelDescriptor } from '../types.js';

export const videoChannel: ChannelDescriptor<'video'> = {
  id: 'video',
  label: 'Video ngắn',
  hint: 'Video dọc 1080×1920 cho Fanpage, Zalo và video ngang 1920×1080 cho màn hình công cộng, tối đa 60 giây, phụ đề tiếng Việt.',
  publishHour: 9,
  defaultOn: false,
  ownActivities: false,
  preview: { file: 'video/preview.html', heading: 'Video ngắn', media: true },
  reportNoun: 'video ngắn đã đăng',
  reportSkips: AWAITING_MARK,
};
