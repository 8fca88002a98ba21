/** Press briefing: an email to each journalist of the unit's media list. */
import type { ChannelDescriptor } from '../types.js';

export const pressBriefingChannel: ChannelDescriptor<'pressBriefing'> = {
  id: 'pressBriefing',
  label: 'Thông tin cho báo chí',
  hint: 'Thư gửi phóng viên trong danh sách báo chí.',
  publishHour: 8,
  defaultOn: true,
  ownActivities: true,
};
