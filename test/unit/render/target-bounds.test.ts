/**
 * A bound ("Tối thiểu 70%", "ít nhất 01", "Phấn đấu 100%") changes what a target says, so every
 * channel must carry it: loudspeaker script, web post, briefing, infographic and the periodic
 * report. Checked for every bounded target of the three shipped plans.
 */
import { describe, expect, it } from 'vitest';
import type { ContentBrief } from '../../../domain/brief.js';
import { buildBrief, targetFigure } from '../../../domain/brief-builder.js';
import { occasionsBetween } from '../../../domain/calendar/index.js';
import { boundWords } from '../../../domain/plan/bounds.js';
import { allTargets, type TargetWithPeriod } from '../../../domain/plan/describe.js';
import type { Plan } from '../../../domain/plan/schema.js';
import { compileReport } from '../../../domain/report/index.js';
import { periodOfDays } from '../../../domain/report/period.js';
import { normalizeForSpeech } from '../../../domain/speech/normalize.js';
import { loadPlan } from '../../../infra/plan-store.js';
import { renderBriefing } from '../../../channels/press-briefing/render/index.js';
import { renderInfographicSvg } from '../../../channels/infographic/render/render.js';
import { renderPost } from '../../../channels/web-portal/render/index.js';
import { renderReportHtml } from '../../../render/report/index.js';
import { renderLoudspeakerScript } from '../../../channels/loudspeaker/render/index.js';
import { formatFigureValue, formatVnNumber } from '../../../domain/numbers.js';
import { bacKanPressContact, journalists } from '../../fixtures/channels/briefs.js';
import { solidPng } from '../../fixtures/channels/png.js';
import { localities } from '../../fixtures/speech/seed-briefs.js';

const PLANS = ['lang-son-62-kh-ubnd-2026', 'phuong-bac-kan-2026', 'quang-ngai-2026'];
const plans = await Promise.all(PLANS.map((id) => loadPlan(id)));

type Measurable = TargetWithPeriod & { measure: NonNullable<TargetWithPeriod['measure']> };

/** Every target of the plan whose number the plan bounds or states as an aim. */
const bounded = (plan: Plan) => allTargets(plan).filter((t): t is Measurable => t.measure !== undefined && boundWords(t.measure) !== '');

/** The plan's brief on its first occasion of 2026, showing only `target`. */
function briefFor(plan: Plan, target: Measurable): ContentBrief {
  const occasion = occasionsBetween('2026-01-01', '2026-12-31', [plan])[0];
  if (!occasion) throw new Error(`${plan.id}: no occasion in 2026`);
  return { ...buildBrief(plan, occasion), figures: [targetFigure(target)] };
}

const cases = plans.flatMap((plan) => bounded(plan).map((t) => ({ name: `${plan.id} ${t.id}`, plan, target: t })));

describe('bounded targets of the shipped plans', () => {
  it('every plan has some', () => {
    for (const plan of plans) expect(bounded(plan).length, plan.id).toBeGreaterThan(0);
    expect(cases.map((c) => c.target.id)).toEqual(expect.arrayContaining(['ls-2030-boi-duong', 'pbk-2030-chuyen-de', 'pbk-2035-boi-duong', 'qn-2030-boi-duong']));
  });

  it.each(cases)('$name: the loudspeaker script reads the bound before the number', ({ plan, target }) => {
    const brief = briefFor(plan, target);
    const { text } = renderLoudspeakerScript({ brief, locality: localities[0], slot: localities[0].slots[1] });
    const words = boundWords(target.measure);
    const spoken = normalizeForSpeech(`${words} ${formatVnNumber(target.measure.value)}${target.measure.metric === 'percent' ? '%' : ''}`).text;
    const line = text.split('\n').find((l) => l.includes(normalizeForSpeech(target.measure.label).text.slice(1)));
    expect(line, text).toBeDefined();
    expect(line!.startsWith(spoken), line).toBe(true);
  });

  it.each(cases)('$name: the web post and the briefing show it in words', ({ plan, target }) => {
    const brief = briefFor(plan, target);
    const shown = `${boundWords(target.measure)} ${formatFigureValue(targetFigure(target))}`;
    const post = renderPost({ brief, slug: 'bai-viet', publishedAt: '2026-11-20T01:00:00Z', siteTitle: 'Thông tin tuyên truyền', siteBaseUrl: 'http://localhost:3000/site' });
    expect(post.html).toContain(`<strong>${shown}</strong> ${target.measure.label}`);
    const briefing = renderBriefing({
      brief,
      recipient: journalists[0],
      pressContact: bacKanPressContact,
      postUrl: 'http://localhost:3000/site/posts/bai-viet/',
      infographic: { filename: 'do-hoa.png', content: solidPng(1080, 1350), cid: 'infographic.0123456789abcdef@example.org' },
      unsubscribeUrl: 'http://localhost:3000/unsubscribe/abc.def',
    });
    expect(briefing.html).toContain(`<strong>${shown}</strong> ${target.measure.label}`);
    expect(briefing.text).toContain(`- ${shown} ${target.measure.label}`);
  });

  it.each(cases)('$name: the infographic draws it above the number', ({ plan, target }) => {
    const { layout, truncated } = renderInfographicSvg(briefFor(plan, target), 'targets');
    const bound = layout.filter((l) => l.field === 'figures[0].bound');
    expect(bound.map((l) => l.text)).toEqual([boundWords(target.measure).toLocaleUpperCase('vi')]);
    const value = layout.find((l) => l.field === 'figures[0].value')!;
    // Above the number, in the same column, and not cut.
    expect(bound[0]!.y + bound[0]!.height).toBeLessThanOrEqual(value.y);
    expect(bound[0]!.x).toBeGreaterThanOrEqual(value.x - 100);
    expect(truncated).not.toContain('figures[0].bound');
  });

  it.each(plans)('$id: the periodic report states it', (plan) => {
    const model = compileReport(plan, {
      planId: plan.id,
      period: periodOfDays('2026-01-01', '2026-06-30'),
      collectedAt: '2026-07-01T01:00:00.000Z',
      sources: { campaigns: true, bulletins: true, rundowns: true, siteManifest: true, briefingLedger: true },
      items: [],
    });
    const html = renderReportHtml(model);
    for (const t of bounded(plan)) {
      const row = model.targets.find((r) => r.text === t.text);
      expect(row?.measure.startsWith(boundWords(t.measure)), t.id).toBe(true);
      expect(html).toContain(`<td>${row!.measure}</td>`);
    }
  });
});
