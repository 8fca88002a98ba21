/**
 * The brief every `campaign render …` command drafts from: like a campaign's, it covers every
 * task of the plan tied to the occasion unless tasks are named.
 */
import { describe, expect, it } from 'vitest';
import { buildCampaignBrief, campaignTaskIds } from '../../../domain/brief-builder.js';
import { BriefRequestError, briefFor } from '../../../infra/briefs.js';

describe('briefFor', () => {
  it('covers every task tied to 20/11 in the Lạng Sơn plan, as a campaign does', async () => {
    const { plan, occasion, brief } = await briefFor({ planId: 'lang-son-62-kh-ubnd-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026' });
    expect(brief.taskIds).toEqual(['ls-day-manh-truyen-thong', 'ls-truyen-thong-toan-xa-hoi']);
    expect(brief.taskNumber).toBe('III.1, III.3');
    expect(brief.taskTitle).toBe('Đẩy mạnh truyền thông, phổ biến, nâng cao nhận thức về phát triển giáo dục và đào tạo; Tăng cường truyền thông trong toàn xã hội');
    // The same brief prepareCampaign snapshots for a campaign started without --tasks.
    expect(brief).toEqual(buildCampaignBrief(plan, occasion, campaignTaskIds(plan, occasion, [])));
  });

  it('narrows to the tasks named, and names a task the plan does not have', async () => {
    const one = await briefFor({ planId: 'lang-son-62-kh-ubnd-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', taskIds: ['ls-truyen-thong-toan-xa-hoi'] });
    expect([one.brief.taskId, one.brief.taskIds, one.brief.taskNumber]).toEqual(['ls-truyen-thong-toan-xa-hoi', undefined, 'III.3']);
    const wrong = briefFor({ planId: 'lang-son-62-kh-ubnd-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', taskIds: ['ls-truyen-thong-toan-xa-hoi', 'khong-co'] });
    await expect(wrong).rejects.toThrow(BriefRequestError);
    await expect(wrong).rejects.toThrow('Kế hoạch lang-son-62-kh-ubnd-2026 không có nhiệm vụ "khong-co".');
  });

  it('takes the next occurrence from an injected today', async () => {
    const { occasion, brief } = await briefFor({ planId: 'quang-ngai-2026', occasionId: 'ngay-nha-giao-20-11', now: new Date('2027-01-05T03:00:00Z') });
    expect(occasion.date).toBe('2027-11-20');
    expect(brief.taskIds).toEqual(['qn-nhan-thuc-trach-nhiem', 'qn-bao-chi-tinh']);
  });
});
