/**
 * Infographic notes and problems as an editor reads them in a campaign: template titles and
 * what a field shows, never template names or brief field paths.
 */
import { describe, expect, it } from 'vitest';
// Drafting infographics needs the store only.
import { createInfographicChannelActivities } from '../../../channels/infographic/activities.js';
import type { ActivityDeps } from '../../../activities/deps.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { fieldLabel, templateTitle, truncationNote } from '../../../channels/infographic/render/labels.js';
import { langSonTeachersDay } from '../../fixtures/briefs.js';
import { INTERNAL_WORDS } from '../../support/words.js';

describe('infographic labels', () => {
  it('names fields by what they show and templates by their titles', () => {
    expect(fieldLabel('headline')).toBe('tiêu đề');
    expect(fieldLabel('keyMessages')).toBe('thông điệp chính');
    expect(fieldLabel('keyMessages[2]')).toBe('thông điệp chính thứ 3');
    expect(fieldLabel('figures[0].label')).toBe('nội dung của chỉ tiêu thứ 1');
    expect(fieldLabel('footerPlan')).toBe('dòng kế hoạch ở chân trang');
    expect(templateTitle('social')).toBe('Thẻ mạng xã hội vuông');
    expect(truncationNote('eboard', ['headline', 'keyMessages'])).toBe('Trình chiếu bảng tin điện tử (ngang): đã rút gọn tiêu đề, thông điệp chính cho vừa khung');
  });

  it('a campaign’s infographic summary tells which template was shortened, in words', async () => {
    const store = new MemoryObjectStore();
    const brief = { ...langSonTeachersDay, keyMessages: Array.from({ length: 6 }, (_, i) => `Thông điệp số ${i + 1}: tôn vinh nhà giáo, lan tỏa mô hình hay, cách làm hiệu quả trên địa bàn.`) };
    await store.put('campaigns/c-1/v1/brief.json', JSON.stringify(brief), { contentType: 'application/json' });
    const { draftInfographics } = createInfographicChannelActivities({ store } as unknown as ActivityDeps);
    const draft = await draftInfographics({ campaignId: 'c-1', version: 1, briefKey: 'campaigns/c-1/v1/brief.json' });
    expect(draft.summary).toBe(
      '4 mẫu infographic (PNG và WebP); ' +
        'Thẻ mạng xã hội vuông: đã rút gọn thông điệp chính cho vừa khung; ' +
        'Áp phích sự kiện (1080×1350): đã rút gọn thông điệp chính cho vừa khung; ' +
        'Trình chiếu bảng tin điện tử (ngang): đã rút gọn thông điệp chính cho vừa khung',
    );
    expect(draft.summary).not.toMatch(INTERNAL_WORDS);
  });

  it('a headline too long for a template is a problem named by the template’s title and the field', async () => {
    const store = new MemoryObjectStore();
    const brief = { ...langSonTeachersDay, headline: 'Đẩy mạnh truyền thông về giáo dục và đào tạo '.repeat(10) };
    await store.put('campaigns/c-2/v1/brief.json', JSON.stringify(brief), { contentType: 'application/json' });
    const { draftInfographics } = createInfographicChannelActivities({ store } as unknown as ActivityDeps);
    const draft = await draftInfographics({ campaignId: 'c-2', version: 1, briefKey: 'campaigns/c-2/v1/brief.json' });
    expect(draft.problems.length).toBeGreaterThan(0);
    for (const p of draft.problems) {
      expect(p).toMatch(/^(Thẻ mạng xã hội vuông|Áp phích sự kiện \(1080×1350\)|Trình chiếu bảng tin điện tử \(ngang\)|Infographic chỉ tiêu của Kế hoạch): tiêu đề dài [\d.]+ ký tự, không vừa \d+ dòng/);
      expect(p).not.toMatch(INTERNAL_WORDS);
    }
  });
});
