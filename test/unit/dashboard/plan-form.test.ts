/**
 * The plan review form: every shipped plan survives the form untouched (the fields it shows,
 * posted back as shown, give the same plan), a correction lands where it belongs, a blank row
 * adds an item, and the plan checks' problems and the import's flags sit beside their fields.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPlanData } from '../../../infra/plan-library.js';
import { listPlanFiles } from '../../../infra/plan-store.js';
import { applyPlanForm, planFormSections, type FieldView, type PostedForm } from '../../../web/dashboard/plan-form.js';

type Json = Record<string, unknown>;

/** What a browser posts for the form as rendered, with `changes` typed over it. */
function posted(fields: FieldView[], changes: Record<string, string | string[]> = {}): PostedForm {
  const pairs: [string, string][] = [];
  for (const f of fields) {
    const change = changes[f.path];
    if (f.isChecks) for (const v of Array.isArray(change) ? change : (f.options ?? []).filter((o) => o.selected).map((o) => o.value)) pairs.push([f.name, v]);
    else pairs.push([f.name, typeof change === 'string' ? change : f.value]);
  }
  return { one: (n) => pairs.find(([k]) => k === n)?.[1], many: (n) => pairs.filter(([k]) => k === n).map(([, v]) => v) };
}

const fieldsOf = (data: Json, isNew = false) => planFormSections(data, { isNew }).sections.flatMap((s) => s.groups.flatMap((g) => g.fields));

describe('plan review form', () => {
  it('gives back the same plan for every shipped plan when nothing is changed', async () => {
    for (const file of await listPlanFiles()) {
      const data = parse(await readFile(file, 'utf8')) as Json;
      const before = checkPlanData(data);
      const after = checkPlanData(applyPlanForm(data, posted(fieldsOf(data)), { isNew: false }));
      expect(before.ok, file).toBe(true);
      expect(after, file).toEqual(before);
    }
  });

  it('applies a corrected lead body, a new coordinating body, a channel of its own and a filled-in blank task', async () => {
    const data = parse(await readFile((await listPlanFiles()).find((f) => f.includes('phuong-bac-kan'))!, 'utf8')) as Json;
    const fields = fieldsOf(data);
    const n = (data.tasks as unknown[]).length;
    const form = posted(fields, {
      'tasks[0].leadBody': 'Phòng Văn hóa - Xã hội phường',
      'tasks[0].coordinatingBodies': 'Đoàn Thanh niên phường\nHội Phụ nữ phường',
      'tasks[0].ownChannels': 'Bản tin nội bộ của trường',
      [`tasks[${n}].number`]: '9',
      [`tasks[${n}].title`]: 'Tuyên truyền trên nhóm Zalo tổ dân phố',
      [`tasks[${n}].description`]: 'Chia sẻ tin bài về Nghị quyết trên nhóm Zalo của các tổ dân phố.',
      [`tasks[${n}].channels`]: ['social'],
    });
    const checked = checkPlanData(applyPlanForm(data, form, { isNew: false }));
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const [first] = checked.plan.tasks;
    expect(first!.leadBody).toBe('Phòng Văn hóa - Xã hội phường');
    expect(first!.coordinatingBodies).toEqual(['Đoàn Thanh niên phường', 'Hội Phụ nữ phường']);
    expect(first!.ownChannels).toEqual(['Bản tin nội bộ của trường']);
    const added = checked.plan.tasks.at(-1)!;
    expect(added).toMatchObject({ number: '9', title: 'Tuyên truyền trên nhóm Zalo tổ dân phố', channels: ['social'], timeframe: { kind: 'unstated' } });
    expect(added.leadBody).toBeUndefined();
    expect(checked.plan.tasks).toHaveLength(n + 1);
  });

  it('puts each problem and each import flag beside its field, in Vietnamese', async () => {
    const data = parse(await readFile((await listPlanFiles()).find((f) => f.includes('phuong-bac-kan'))!, 'utf8')) as Json;
    const broken = applyPlanForm(data, posted(fieldsOf(data), { 'issued.date': '31/02/2026', 'tasks[0].title': '', 'symbol': 'kh ubnd' }), { isNew: false });
    const checked = checkPlanData(broken);
    expect(checked.ok).toBe(false);
    const problems = checked.ok ? [] : checked.problems;
    const { sections, unplaced } = planFormSections(broken, {
      isNew: false,
      problems,
      flags: [{ path: 'tasks[1].leadBody', provenance: 'missing', note: 'văn bản không nêu cơ quan chủ trì của nhiệm vụ này; để trống, không suy đoán' }],
    });
    const byPath = new Map(sections.flatMap((s) => s.groups.flatMap((g) => g.fields)).map((f) => [f.path, f]));
    expect(byPath.get('issued.date')!.errors.join(' ')).toContain('không phải ngày có thật');
    expect(byPath.get('issued.date')!.value).toBe('31/02/2026');
    expect(byPath.get('tasks[0].title')!.errors).toEqual(['thiếu mục bắt buộc này (cần một dòng chữ)']);
    expect(byPath.get('symbol')!.errors[0]).toContain('ký hiệu viết hoa');
    expect(byPath.get('tasks[1].leadBody')!.flag).toMatchObject({ label: 'Văn bản không nêu, để trống', note: expect.stringContaining('không suy đoán') });
    expect(unplaced).toEqual([]);
  });
});
