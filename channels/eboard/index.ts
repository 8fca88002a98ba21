/**
 * Public e-board (bảng tin điện tử): a page per unit that a display's browser opens full
 * screen, cycling the 1920×1080 images of the unit's published campaigns and picking up a new
 * one by itself.
 */
import type { ChannelDescriptor } from '../types.js';

export const eBoardChannel: ChannelDescriptor<'eBoard'> = {
  id: 'eBoard',
  label: 'Bảng tin điện tử công cộng',
  hint: 'Ảnh ngang 1920×1080 lên trang trình chiếu của đơn vị, màn hình tự cập nhật.',
  publishHour: 7,
  defaultOn: false,
  ownActivities: false,
  preview: { file: 'eboard/preview.html', heading: 'Bảng tin điện tử công cộng' },
  reportNoun: 'ảnh trình chiếu trên bảng tin điện tử',
};
