/**
 * Q&A set (bộ câu hỏi - đáp): questions and answers built only from the plan's own data,
 * published as a section of the web post (FAQ structured data), a Word file for schools and
 * meetings, and a loudspeaker segment written for the ear.
 */
import type { ChannelDescriptor } from '../types.js';

export const qaSetChannel: ChannelDescriptor<'qaSet'> = {
  id: 'qaSet',
  label: 'Bộ câu hỏi - đáp',
  hint: 'Hỏi - đáp từ chính kế hoạch: mục trong bài đăng, tệp Word, đoạn đọc trên loa.',
  publishHour: 7,
  defaultOn: false,
  ownActivities: false,
  preview: { file: 'qa/preview.html', heading: 'Bộ câu hỏi - đáp' },
  reportNoun: 'bộ câu hỏi - đáp đã công bố (mục hỏi - đáp trong bài, tệp Word, đoạn đọc trên loa)',
};
