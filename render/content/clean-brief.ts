/**
 * Checks and cleans a ContentBrief before any channel renders it: every text field stripped of
 * control characters and held to its limit (see `limits.ts`), lists capped, dates and numbers
 * checked. Returns a brief of the same shape or throws ContentInputError naming every problem.
 */
import type { BriefFigure, ContentBrief } from '../../domain/brief.js';
import { isIsoDate } from '../../domain/dates.js';
import { isFigureBound } from '../../domain/plan/bounds.js';
import { ProblemCollector } from './clean-text.js';
import { LIST_LIMITS } from './limits.js';

const FIGURE_UNITS = ['percent', 'count', 'perYear'] as const;

/** Cleans every field of `brief` into `collector` (so callers can add their own problems) and returns the clean brief. */
export function cleanBriefInto(collector: ProblemCollector, brief: ContentBrief, prefix = 'brief'): ContentBrief {
  const c = collector;
  const p = (name: string) => `${prefix}.${name}`;
  if (typeof brief !== 'object' || brief === null) {
    c.add(prefix, 'Thiếu nội dung (brief).');
    return brief;
  }
  const occasionDate = brief.occasionDate;
  if (!isIsoDate(occasionDate)) c.add(p('occasionDate'), `Ngày diễn ra phải là ngày có thật dạng yyyy-mm-dd, ví dụ 2026-11-20.`);

  const figures: BriefFigure[] = c.list(p('figures'), brief.figures, LIST_LIMITS.figures).map((raw, i) => {
    const f = (raw ?? {}) as Partial<BriefFigure>;
    const at = `${p('figures')}[${i}]`;
    if (typeof f.value !== 'number' || !Number.isFinite(f.value) || f.value < 0 || f.value > 1e12) {
      c.add(`${at}.value`, `Số liệu số ${i + 1} phải là một số không âm.`);
    }
    if (!FIGURE_UNITS.includes(f.unit as (typeof FIGURE_UNITS)[number])) {
      c.add(`${at}.unit`, `Đơn vị của số liệu số ${i + 1} phải là percent, count hoặc perYear.`);
    }
    if (f.bound !== undefined && !isFigureBound(f.bound)) {
      c.add(`${at}.bound`, `Mức chặn của số liệu số ${i + 1} phải là atLeast (tối thiểu), above (trên), atMost (tối đa) hoặc below (dưới).`);
    }
    if (f.aim !== undefined && typeof f.aim !== 'boolean') c.add(`${at}.aim`, `Trường "phấn đấu" của số liệu số ${i + 1} phải là true hoặc false.`);
    return {
      targetId: c.optionalText(`${at}.targetId`, f.targetId, 'id'),
      value: Number(f.value),
      unit: f.unit as BriefFigure['unit'],
      label: c.text(`${at}.label`, f.label, 'figureLabel', { required: true, label: `Nhãn số liệu số ${i + 1}` }),
      ...(f.bound !== undefined ? { bound: f.bound } : {}),
      ...(f.aim === true ? { aim: true } : {}),
      period: c.optionalText(`${at}.period`, f.period, 'figurePeriod'),
    };
  });

  const listOfText = (name: 'keyMessages' | 'body' | 'tags', limit: 'keyMessage' | 'paragraph' | 'tag', label: string) =>
    c
      .list(p(name), brief[name], LIST_LIMITS[name])
      .map((v, i) => c.text(`${p(name)}[${i}]`, v, limit, { label: `${label} số ${i + 1}` }))
      .filter((v) => v !== '');

  const clean: ContentBrief = {
    planId: c.text(p('planId'), brief.planId, 'id', { required: true, label: 'Mã kế hoạch' }),
    planSymbol: c.text(p('planSymbol'), brief.planSymbol, 'planSymbol', { required: true }),
    planTitle: c.text(p('planTitle'), brief.planTitle, 'planTitle'),
    resolution: c.text(p('resolution'), brief.resolution, 'resolution'),
    issuer: c.text(p('issuer'), brief.issuer, 'issuer', { required: true }),
    issuerShort: c.text(p('issuerShort'), brief.issuerShort, 'issuerShort', { required: true }),
    taskId: c.optionalText(p('taskId'), brief.taskId, 'id', { label: 'Mã nhiệm vụ' }),
    taskNumber: c.optionalText(p('taskNumber'), brief.taskNumber, 'taskNumber'),
    taskTitle: c.optionalText(p('taskTitle'), brief.taskTitle, 'taskTitle'),
    leadBody: c.optionalText(p('leadBody'), brief.leadBody, 'leadBody'),
    occasionId: c.text(p('occasionId'), brief.occasionId, 'id', { required: true, label: 'Mã dịp' }),
    occasionName: c.text(p('occasionName'), brief.occasionName, 'occasionName', { required: true }),
    occasionDate: typeof occasionDate === 'string' ? occasionDate : '',
    headline: c.text(p('headline'), brief.headline, 'headline', { required: true }),
    keyMessages: listOfText('keyMessages', 'keyMessage', 'Thông điệp chính'),
    figures,
    body: listOfText('body', 'paragraph', 'Đoạn nội dung'),
    tags: listOfText('tags', 'tag', 'Thẻ'),
  };
  if (Array.isArray(brief.taskIds)) {
    clean.taskIds = brief.taskIds.map((v, i) => c.text(`${p('taskIds')}[${i}]`, v, 'id', { label: `Mã nhiệm vụ số ${i + 1}` }));
  }
  if (brief.priority !== undefined) clean.priority = brief.priority;
  if (brief.correction) {
    clean.correction = {
      claim: c.text(p('correction.claim'), brief.correction.claim, 'paragraph', { required: true, label: 'Thông tin sai lệch' }),
      source: c.text(p('correction.source'), brief.correction.source, 'issuer', { required: true, label: 'Nguồn chính thức' }),
      ...(brief.correction.sourceUrl ? { sourceUrl: brief.correction.sourceUrl } : {}),
    };
  }
  return clean;
}

/** Cleans a brief on its own; throws ContentInputError listing every problem. */
export function cleanBrief(brief: ContentBrief): ContentBrief {
  const collector = new ProblemCollector();
  const clean = cleanBriefInto(collector, brief);
  collector.throwIfAny();
  return clean;
}
