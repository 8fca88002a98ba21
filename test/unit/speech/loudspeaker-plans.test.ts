/**
 * A script for every shipped plan (plans/*.yaml), every occasion of its year and every task (and
 * the plan as a whole) reads aloud: no digit, slash, symbol or unexpanded abbreviation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBrief, buildCampaignBrief } from '../../../domain/brief-builder.js';
import { occasionsBetween } from '../../../domain/calendar/index.js';
import { parsePlan } from '../../../domain/plan/index.js';
import { findUnspeakable } from '../../../domain/speech/speakable.js';
import { renderLoudspeakerScript } from '../../../channels/loudspeaker/render/index.js';
import { localities } from '../../fixtures/speech/seed-briefs.js';

const PLAN_DIR = resolve(import.meta.dirname, '..', '..', '..', 'plans');
const planFiles = readdirSync(PLAN_DIR).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
const locality = localities[0];
const slot = { id: 'chieu', label: 'Buổi chiều', start: '17:00', durationMinutes: 30 };

describe('loudspeaker scripts for the shipped plans', () => {
  it('there are shipped plans', () => {
    expect(planFiles.length).toBeGreaterThan(0);
  });

  it.each(planFiles)('%s: every occasion × task reads aloud', (file) => {
    const parsed = parsePlan(readFileSync(join(PLAN_DIR, file), 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} does not parse: ${JSON.stringify(parsed.problems)}`);
    const { plan } = parsed;
    const occasions = occasionsBetween('2026-01-01', '2026-12-31', [plan]);
    expect(occasions.length).toBeGreaterThan(0);
    let scripts = 0;
    for (const occasion of occasions) {
      for (const task of [undefined, ...plan.tasks]) {
        const brief = buildBrief(plan, occasion, task);
        const { text, sidecar } = renderLoudspeakerScript({ brief, locality, slot });
        const where = `${occasion.occasionId} / ${task?.id ?? 'plan'}`;
        expect(findUnspeakable(text), where).toEqual([]);
        expect(text, where).not.toMatch(/[\d/%&<>]/u);
        expect(sidecar.planId).toBe(plan.id);
        scripts++;
      }
    }
    expect(scripts).toBe(occasions.length * (plan.tasks.length + 1));
  });

  it.each(planFiles)('%s: a campaign over all tasks of an occasion reads aloud and names them as several', (file) => {
    const parsed = parsePlan(readFileSync(join(PLAN_DIR, file), 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    const { plan } = parsed;
    for (const occasion of occasionsBetween('2026-01-01', '2026-12-31', [plan])) {
      const taskIds = occasion.tasks.filter((t) => t.planId === plan.id).map((t) => t.taskId);
      const brief = buildCampaignBrief(plan, occasion, taskIds);
      const { text } = renderLoudspeakerScript({ brief, locality, slot });
      const where = `${occasion.occasionId} / ${taskIds.join('+')}`;
      expect(findUnspeakable(text), where).toEqual([]);
      expect(text, where).not.toMatch(/[\d/%&<>]/u);
      if (taskIds.length > 1) expect(text, where).toContain('Bản tin hôm nay giới thiệu các nhiệm vụ: ');
    }
  });
});
