// "Nothing invented": a plan whose task names no lead body imports with the field empty and
// flagged, stays a valid plan, and no script, post or briefing made from it names a lead body.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBrief, buildCampaignBrief } from '../../../domain/brief-builder.js';
import { occasionsBetween } from '../../../domain/calendar/index.js';
import { reviewItems } from '../../../domain/intake/review.js';
import { parsePlan } from '../../../domain/plan/index.js';
import { importPlanDocument } from '../../../infra/intake/import.js';
import { renderBriefing } from '../../../channels/press-briefing/render/index.js';
import { renderPost } from '../../../channels/web-portal/render/index.js';
import { renderLoudspeakerScript } from '../../../channels/loudspeaker/render/index.js';
import { journalists } from '../../fixtures/channels/briefs.js';
import { localities } from '../../fixtures/speech/seed-briefs.js';

const file = path.resolve(import.meta.dirname, '../../fixtures/intake/ke-hoach-57-xa-mau.txt');
const result = await importPlanDocument(readFileSync(file), 'ke-hoach-57-xa-mau.txt');
const parsed = parsePlan(result.yaml, 'ke-hoach-57-xa-mau.yaml');
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const plan = parsed.plan;
const occasion = occasionsBetween('2026-10-01', '2026-10-31', [plan]).find((o) => o.occasionId === 'chuyen-doi-so-10-10')!;
const BODIES = ['Trung tâm Dịch vụ tổng hợp', 'Phòng Văn hóa', 'Đoàn Thanh niên', 'Cơ quan chủ trì', 'chủ trì'];

describe('a task without a lead body', () => {
  it('imports with the lead body empty, flagged for review, and the draft is a valid plan', () => {
    const task = (result.draft.plan.tasks as Record<string, unknown>[])[1]!;
    expect(task.number).toBe('II.2');
    expect(task).not.toHaveProperty('leadBody');
    expect(result.flags.find((f) => f.path === 'tasks[1].leadBody')).toMatchObject({ provenance: 'missing' });
    expect(reviewItems(result.flags, result.draft.plan).map((i) => i.label)).toContain('Nhiệm vụ II.2 — cơ quan chủ trì');
    expect(result.problems).toEqual([]);
    // The plan as a whole names no standing body either: that stays empty too.
    expect(plan.leadBody).toBeUndefined();
    expect(plan.tasks[1]?.leadBody).toBeUndefined();
    // The per-body sub-items a), b) are kept, with their bodies.
    expect(plan.tasks[1]?.subItems.map((s) => [s.label, s.body])).toEqual([
      ['a)', 'Đoàn Thanh niên xã'],
      ['b)', 'Các trường học trên địa bàn'],
    ]);
  });

  it('gives a brief with no lead body, even when another task of the campaign has one', () => {
    expect(buildBrief(plan, occasion, 'nv-ii-2-phong-trao-binh-dan-hoc')).not.toHaveProperty('leadBody');
    expect(buildCampaignBrief(plan, occasion, [plan.tasks[0]!.id, plan.tasks[1]!.id])).not.toHaveProperty('leadBody');
    expect(buildBrief(plan, occasion, plan.tasks[0]!.id).leadBody).toBe('Trung tâm Dịch vụ tổng hợp xã');
  });

  it('a plan-level lead body is not put in the place of a task that names none', async () => {
    const withLead = parsePlan(result.yaml.replace(/^purpose:/mu, 'leadBody: Phòng Văn hóa - Xã hội\npurpose:'), 'x.yaml');
    if (!withLead.ok) throw new Error(JSON.stringify(withLead.problems));
    expect(buildBrief(withLead.plan, occasion, withLead.plan.tasks[1]!.id)).not.toHaveProperty('leadBody');
    expect(buildBrief(withLead.plan, occasion).leadBody).toBe('Phòng Văn hóa - Xã hội');
  });

  it('no loudspeaker script, post or press briefing names a lead body for it', () => {
    const brief = buildBrief(plan, occasion, plan.tasks[1]!.id);
    const script = renderLoudspeakerScript({ brief, locality: localities[0]!, slot: { id: 'sang', label: 'Buổi sáng', start: '06:00', durationMinutes: 30 } }).text;
    const post = renderPost({ brief, slug: 'binh-dan-hoc-vu-so', publishedAt: '2026-10-05T01:00:00Z', siteTitle: 'Thông tin tuyên truyền', siteBaseUrl: 'http://localhost:3000/site' }).html;
    const briefing = renderBriefing({ brief, recipient: journalists[0]!, pressContact: { name: 'Lê Văn Mẫu', role: 'Chuyên viên', phone: '0209 3870 000', email: 'lienhe.minhhoa@example.org' }, unsubscribeUrl: 'http://localhost:3000/unsubscribe/abc.def' });
    for (const [what, text] of [['script', script], ['post', post], ['briefing text', briefing.text], ['briefing html', briefing.html]] as const) {
      for (const body of BODIES) expect(text, `${what} names "${body}"`).not.toContain(body);
    }
  });
});
