/**
 * The Q&A set on every shipped plan at several occasions: 10–20 pairs, every number traceable
 * to the plan file, bounds kept in words ("tối thiểu 70%"), lead bodies or "kế hoạch chưa
 * nêu", Vietnamese with diacritics and no internal ids; the Word file, the loudspeaker segment
 * (no digit or symbol left for the announcer) and the post's FAQ section with FAQPage data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildQaSet, LEAD_NOT_STATED, MAX_QA, MIN_QA } from '../../../channels/qa-set/questions.js';
import { faqJsonLd, qaDocx, qaSegment } from '../../../channels/qa-set/render.js';
import { briefFor } from '../../../infra/briefs.js';
import { renderPost, validatePost } from '../../../channels/web-portal/render/index.js';
import { readDocx } from '../../fixtures/schedules/docx-text.js';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const PLANS = ['phuong-bac-kan-2026', 'lang-son-62-kh-ubnd-2026', 'quang-ngai-2026'];
const OCCASIONS = [
  ['ngay-nha-giao-20-11', '20/11/2026'],
  ['khai-giang-5-9', '05/09/2026'],
  ['nghi-quyet-71-22-8', '22/08/2026'],
] as const;
const NOW = new Date('2026-06-01T00:00:00+07:00');
const DIACRITIC = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

/** Every number written in the plan file, as integers ("22/8/2025" gives 22, 8, 2025; "01" gives 1). */
const planNumbers = (id: string) => new Set([...readFileSync(path.join(ROOT, 'plans', `${id}.yaml`), 'utf8').matchAll(/\d+/g)].map((m) => Number(m[0])));

describe.each(PLANS)('Q&A set of %s', (planId) => {
  it.each(OCCASIONS)('at %s: 10–20 pairs, every number from the plan, bounds in words, leads named or said to be unstated', async (occasionId, date) => {
    const { plan, brief } = await briefFor({ planId, occasionId, date, now: NOW });
    const qa = buildQaSet(plan, { brief });
    expect(qa.length).toBeGreaterThanOrEqual(MIN_QA);
    expect(qa.length).toBeLessThanOrEqual(MAX_QA);
    const numbers = planNumbers(planId);
    const ids = [plan.id, ...plan.tasks.map((t) => t.id), ...plan.objectives.periods.flatMap((p) => p.targets.map((t) => t.id))];
    for (const q of qa) {
      for (const n of `${q.question} ${q.answer}`.match(/\d+/g) ?? []) expect(numbers, `${n} in "${q.answer}"`).toContain(Number(n));
      expect(q.question).toMatch(DIACRITIC);
      expect(q.answer).toMatch(DIACRITIC);
      expect(q.question.endsWith('?')).toBe(true);
      for (const id of ids) expect(`${q.question} ${q.answer}`).not.toContain(id);
    }
    // The campaign's own tasks are asked about first among the tasks.
    const firstTask = qa.find((q) => q.source.startsWith('tasks[') && !q.source.includes('description'))!;
    expect(firstTask.source).toBe(`tasks[${plan.tasks.findIndex((t) => t.id === (brief.taskIds?.[0] ?? brief.taskId))}]`);
    // A target answer carries its bound as the plan states it.
    for (const q of qa.filter((x) => x.source.startsWith('objectives.periods'))) {
      const [, p, t] = /periods\[(\d+)\]\.targets\[(\d+)\]/.exec(q.source)!;
      const target = plan.objectives.periods[Number(p)]!.targets[Number(t)]!;
      if (target.measure?.bound === 'atLeast') expect(q.answer).toMatch(/^Tối thiểu /);
      if (target.measure?.bound === 'exact' && !target.measure.aim) expect(q.answer).not.toMatch(/^(Tối thiểu|Phấn đấu)/);
      expect(q.answer).toContain(target.text.replace(/[.;:,]+$/, '').trim().slice(0, 40));
    }
    // Who leads each task asked about is the plan's lead body.
    for (const q of qa.filter((x) => /^tasks\[\d+\]$/.test(x.source))) {
      const task = plan.tasks[Number(/\d+/.exec(q.source)![0])]!;
      expect(q.answer.startsWith(task.leadBody ? `${task.leadBody} chủ trì` : LEAD_NOT_STATED)).toBe(true);
    }
  });
});

describe('Q&A set where the plan is silent', () => {
  it('says "Kế hoạch chưa nêu" for a task without a lead body and asks nothing about residents the plan does not name', async () => {
    const { plan, brief } = await briefFor({ planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: NOW });
    const silent = { ...plan, tasks: plan.tasks.map((t) => ({ ...t, leadBody: undefined, audiences: t.audiences.filter((a) => a !== 'parents' && a !== 'public') })) };
    const qa = buildQaSet(silent, { brief });
    const leads = qa.filter((q) => /^tasks\[\d+\]$/.test(q.source));
    expect(leads.length).toBeGreaterThan(0);
    for (const q of leads) expect(q.answer.startsWith(LEAD_NOT_STATED)).toBe(true);
    expect(qa.some((q) => /phụ huynh|Nhân dân\?/.test(q.question))).toBe(false);
  });
});

describe('Q&A set files', () => {
  it('the Word file holds every question and answer; the loudspeaker segment has no digit or symbol left', async () => {
    for (const planId of PLANS) {
      const { plan, brief } = await briefFor({ planId, occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: NOW });
      const qa = buildQaSet(plan, { brief, postUrl: 'http://localhost:3000/site/posts/bai-viet/' });
      const doc = readDocx(await qaDocx(brief, qa));
      qa.forEach((q, i) => {
        expect(doc.paragraphs).toContain(`Câu ${i + 1}. ${q.question}`);
        expect(doc.paragraphs).toContain(`Trả lời: ${q.answer}`);
      });
      const segment = qaSegment(brief, qa);
      expect(segment.text).toMatch(/^Kính thưa bà con!/);
      expect(segment.text).toContain('Câu hỏi thứ nhất');
      expect(segment.text).toMatch(/Xin cảm ơn bà con đã lắng nghe\.$/);
      expect(segment.text).not.toMatch(/[0-9/%]|https?:/);
      // Task numbers are not read as "ba.một".
      expect(segment.text).not.toMatch(/\p{L}\.\p{L}/u);
      expect(segment.text).toContain('Nghị quyết số bảy mươi mốt');
      expect(segment.seconds).toBeGreaterThan(60);
    }
  });

  it('the web post carries the set as a section with FAQPage structured data and stays valid HTML', async () => {
    const { plan, brief } = await briefFor({ planId: 'lang-son-62-kh-ubnd-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: NOW });
    const qa = buildQaSet(plan, { brief });
    const { html } = renderPost({
      brief,
      slug: 'ngay-nha-giao',
      publishedAt: '2026-11-20T07:00:00+07:00',
      siteTitle: 'Trang tin',
      siteBaseUrl: 'http://localhost:3000/site',
      faq: { items: qa, docxUrl: 'http://localhost:3000/site/hoi-dap/c1.docx' },
    });
    const validation = await validatePost(html);
    expect(validation.errors).toEqual([]);
    expect(html).toContain('<h2 id="hoi-dap">Hỏi - đáp</h2>');
    expect(html).toContain('href="http://localhost:3000/site/hoi-dap/c1.docx"');
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!);
    expect(ld['@type']).toBe('FAQPage');
    expect(ld.mainEntity).toHaveLength(qa.length);
    expect(ld.mainEntity[0]).toEqual({ '@type': 'Question', name: qa[0]!.question, acceptedAnswer: { '@type': 'Answer', text: qa[0]!.answer } });
  });

  it('structured data cannot close its script element', () => {
    const json = faqJsonLd([{ question: 'Có </script><b> không?', answer: 'A & B' }]);
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json).mainEntity[0].name).toBe('Có </script><b> không?');
  });
});

describe('publishing the Q&A set', () => {
  it('puts the Word file on the site and the segment into the day’s rundown of every station, beside the campaign’s bulletin', async () => {
    const { MemoryObjectStore } = await import('../../../infra/object-store.js');
    const { createQaSetActivities, qaFeedId } = await import('../../../channels/qa-set/activities.js');
    const { keys } = await import('../../../activities/campaign/keys.js');
    const { loadLocalities } = await import('../../../infra/plan-store.js');
    const { plan, brief } = await briefFor({ planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: NOW });
    const store = new MemoryObjectStore();
    const id = 'campaign-qa-1';
    const localities = (await loadLocalities(path.join(ROOT, 'test/fixtures/data/localities-file.yaml'))).localities;
    await store.put(keys.brief(id, 1), JSON.stringify(brief), { contentType: 'application/json' });
    await store.put(keys.plan(id), JSON.stringify(plan), { contentType: 'application/json' });
    await store.put(keys.localities(id), JSON.stringify(localities), { contentType: 'application/json' });
    const qa = createQaSetActivities({ store } as never);
    const draft = await qa.draft({ channel: 'qaSet', campaignId: id, version: 1, briefKey: keys.brief(id, 1) });
    expect(draft.problems).toEqual([]);
    const r = await qa.publish({ channel: 'qaSet', campaignId: id, version: 1, publishedAt: '2026-11-13T00:00:00.000Z' });
    expect(r.detail).toBe(`${draft.summary.split(',')[0]}: tệp Word và đoạn đọc trên loa trên trang tin; đoạn hỏi - đáp vào lịch phát của ${localities.length} trạm truyền thanh`);
    expect((await store.get(`site/hoi-dap/${id}.docx`))?.body.subarray(0, 2).toString()).toBe('PK');
    expect(localities.length).toBeGreaterThan(0);
    for (const l of localities) {
      const rundown = JSON.parse((await store.get(`broadcast/${l.id}/2026-11-13/rundown.json`))!.body.toString('utf8')) as { items: { campaignId: string; title: string; scriptKey: string }[] };
      const item = rundown.items.find((i) => i.campaignId === qaFeedId(id))!;
      expect(item.title).toBe('Hỏi - đáp về kế hoạch');
      expect((await store.get(item.scriptKey))!.body.toString('utf8')).toMatch(/^Kính thưa bà con!/);
    }
  });
});
