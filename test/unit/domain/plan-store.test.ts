import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFile, DataFileError, loadPlan, loadPlans, PlanNotFoundError, PLANS_DIR } from '../../../infra/plan-store.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/plans');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plans-'));
  await copyFile(path.join(PLANS_DIR, 'quang-ngai-2026.yaml'), path.join(dir, 'quang-ngai-2026.yaml'));
  await copyFile(path.join(fixtures, 'valid/nq57-xa-minh-hoa.yaml'), path.join(dir, 'nq57-xa-minh-hoa.yaml'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('plan store', () => {
  it('loads every plan of a folder', async () => {
    expect((await loadPlans(dir)).map((p) => p.id)).toEqual(['nq57-xa-minh-hoa', 'quang-ngai-2026']);
    expect((await loadPlan('nq57-xa-minh-hoa', dir)).resolution.number).toBe('57-NQ/TW');
  });

  it('loads nothing when one file is broken, and names every problem by file', async () => {
    await copyFile(path.join(fixtures, 'broken/broken-plan.yaml'), path.join(dir, 'broken-plan.yaml'));
    await copyFile(path.join(fixtures, 'broken/broken-syntax.yaml'), path.join(dir, 'broken-syntax.yaml'));
    const err = await loadPlans(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataFileError);
    const files = (err as DataFileError).files;
    expect(files.map((f) => path.basename(f.file))).toEqual(['broken-plan.yaml', 'broken-syntax.yaml']);
    expect(files[0]?.problems).toHaveLength(8);
    expect((err as Error).message).toMatch(/Dữ liệu không hợp lệ ở 2 tệp/);
    expect((err as Error).message).toMatch(/tasks\[0\]\.channels\[1\] \(dòng 44\)/);
  });

  it('requires the plan id to match the file name', async () => {
    await copyFile(path.join(fixtures, 'valid/nq57-xa-minh-hoa.yaml'), path.join(dir, 'ten-khac.yaml'));
    const check = await checkFile(path.join(dir, 'ten-khac.yaml'));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0]).toMatchObject({ path: 'id', line: 3, message: expect.stringMatching(/phải trùng với tên tệp "ten-khac"/) });
  });

  it('says which plans exist when an id is unknown', async () => {
    const err = await loadPlan('khong-co', dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanNotFoundError);
    expect((err as Error).message).toBe('Không có kế hoạch mã "khong-co". Các kế hoạch hiện có: nq57-xa-minh-hoa, quang-ngai-2026');
  });

  it('reports a missing file as a problem rather than crashing', async () => {
    const check = await checkFile(path.join(dir, 'khong-co.yaml'));
    expect(check).toMatchObject({ ok: false, problems: [{ path: '', message: 'không tìm thấy tệp' }] });
  });

  it('recognises locality and media files by their top-level key', async () => {
    const file = path.join(dir, 'media.yaml');
    await writeFile(file, 'owner: X\njournalists:\n  - { id: a, name: A, outlet: B, email: a@example.org, beats: [giáo dục] }\n');
    expect(await checkFile(file)).toMatchObject({ ok: true, kind: 'mediaList' });
  });
});
