/** The periodic report counts a channel module's publications, per campaign and per task. */
import { describe, expect, it } from 'vitest';
import { compileReport, reportDuty } from '../../../domain/report/index.js';
import { loadPlan } from '../../../infra/plan-store.js';
import { LS_PLAN, lsEvidence } from '../../fixtures/schedules/evidence.js';

describe('report with a Q&A set', () => {
  it('lists the published Q&A set with the campaign and in the rows of its tasks', async () => {
    const plan = await loadPlan(LS_PLAN);
    const evidence = lsEvidence();
    const campaign = evidence.items.find((i) => i.kind === 'campaign')!;
    campaign.channels = [...campaign.channels, 'qaSet'];
    campaign.publications = [...campaign.publications, { channel: 'qaSet', at: campaign.publications[0]!.at, detail: 'Đã đăng qaSet: 18 câu hỏi - đáp' }];
    const model = compileReport(plan, evidence, reportDuty(plan, 'ls-bc-so-gddt'));
    expect(model.campaigns[0]!.publications).toContain('1 bộ câu hỏi - đáp đã công bố (mục hỏi - đáp trong bài, tệp Word, đoạn đọc trên loa)');
    const rows = model.taskRows.filter((r) => r.channel === 'qaSet');
    expect(rows.map((r) => r.taskNumber)).toEqual(campaign.taskIds.map((id) => plan.tasks.find((t) => t.id === id)!.number));
    for (const r of rows) expect(r).toMatchObject({ channelLabel: 'Bộ câu hỏi - đáp', hasEvidence: true, result: '1 bộ câu hỏi - đáp đã công bố (mục hỏi - đáp trong bài, tệp Word, đoạn đọc trên loa)' });
  });
});
