/**
 * A task whose plan names no lead body: the occasion cards (home, calendar) say "chưa nêu trong
 * kế hoạch", flagged, instead of an empty "Chủ trì:".
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parsePlan } from '../../../domain/plan/parse.js';
import { occasionCards } from '../../../web/dashboard/data.js';
import { renderWebTemplate } from '../../../web/views.js';

describe('occasion card with a task whose lead body is not stated', () => {
  it('shows "chưa nêu trong kế hoạch" flagged, never "Chủ trì: ·"', async () => {
    const data = parse(await readFile(path.resolve(import.meta.dirname, '../../../plans/phuong-bac-kan-2026.yaml'), 'utf8')) as { tasks: Record<string, unknown>[] };
    data.tasks = data.tasks.map(({ leadBody: _lead, ...t }) => t);
    const parsed = parsePlan(stringify(data), 'x.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const [card] = occasionCards([parsed.plan], '2026-11-01', '2026-11-20', '2026-11-20');
    expect(card!.plans[0]!.tasks.length).toBeGreaterThan(0);
    const html = renderWebTemplate('dashboard/calendar.hbs', { problems: [], months: [{ heading: 'Tháng 11 năm 2026', occasions: [card] }] });
    expect(html).toContain('Chủ trì: <span class="flag-missing">chưa nêu trong kế hoạch</span>');
    expect(html).not.toMatch(/Chủ trì:\s*·/u);
  });
});
