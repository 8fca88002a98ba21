/**
 * Print (áp phích, pano): the poster as print-ready PDF in A3 and A1 and a 3:1 landscape pano,
 * 3 mm bleed, text kept as vector type. Published as downloads on the site for the print shop.
 */
import type { ChannelDescriptor } from '../types.js';

export const printChannel: ChannelDescriptor<'poster'> = {
  id: 'poster',
  label: 'Áp phích, pano (bản in)',
  hint: 'Tệp PDF in ấn: áp phích A3, A1 và pano ngang 3:1, có lề xén 3 mm.',
  publishHour: 8,
  defaultOn: false,
  ownActivities: false,
  preview: { file: 'print/preview.html', heading: 'Áp phích, pano (bản in)' },
  reportNoun: 'bộ tệp in áp phích, pano đã công bố',
};
