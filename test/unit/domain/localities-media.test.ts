import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLocalities } from '../../../domain/localities.js';
import { journalistsFor, parseMediaList } from '../../../domain/media-list.js';
import { formatProblem } from '../../../domain/plan/yaml-source.js';
import { loadLocalities, loadMediaList } from '../../../infra/plan-store.js';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../fixtures/data', name), 'utf8');

describe('locality lists', () => {
  it('loads a locality file (--localities-file), marked as a sample with example.org operators', async () => {
    const list = await loadLocalities(path.resolve(import.meta.dirname, '../../fixtures/data/localities-file.yaml'));
    expect(list.sample).toBe(true);
    expect(list.owner).toBe('Ủy ban nhân dân phường Bắc Kạn');
    const ward = list.localities.find((l) => l.id === 'phuong-bac-kan');
    expect(ward).toMatchObject({ name: 'Phường Bắc Kạn', tier: 'phuong' });
    expect(ward?.slots.map((s) => s.start)).toEqual(['05:30', '17:00']);
    expect(list.localities.every((l) => l.operator.email.endsWith('@example.org'))).toBe(true);
  });

  it('reports every problem of a broken list with its line', () => {
    const result = parseLocalities(fixture('broken-localities.yaml'));
    if (result.ok) throw new Error('expected problems');
    const lines = result.problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/^localities\[0\]\.slots\[1\]\.start \(dòng 12\): khung giờ "Buổi sáng \(bổ sung\)" \(05:45\) bắt đầu khi khung "Buổi sáng"/),
      expect.stringMatching(/^localities\[0\]\.operator\.email \(dòng 13\): tệp mẫu \(sample: true\) chỉ được dùng địa chỉ @example\.org/),
      expect.stringMatching(/^localities\[1\]\.id \(dòng 14\): mã đơn vị "phuong-mau" bị trùng/),
      expect.stringMatching(/^localities\[1\]\.tier \(dòng 16\): tier phải là xa \(xã\)/),
      expect.stringMatching(/^localities\[1\]\.slots\[0\]\.start \(dòng 19\): phải là giờ dạng HH:MM/),
    ]);
  });
});

describe('media lists', () => {
  it('loads a media list file (--media-list-file) and filters by beat', async () => {
    const list = await loadMediaList(path.resolve(import.meta.dirname, '../../fixtures/data/media-file.yaml'));
    expect(list.sample).toBe(true);
    expect(list.journalists.length).toBeGreaterThanOrEqual(5);
    expect(list.journalists.every((j) => j.email.endsWith('@example.org'))).toBe(true);
    const education = journalistsFor(list, ['Giáo dục']);
    expect(education.length).toBeGreaterThan(0);
    expect(education.every((j) => j.beats.includes('giáo dục'))).toBe(true);
    expect(journalistsFor(list, [])).toHaveLength(list.journalists.length);
  });

  it('reports duplicate and malformed addresses', () => {
    const result = parseMediaList(fixture('broken-media.yaml'));
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^journalists\[1\]\.email \(dòng 13\): địa chỉ PV1@example\.org đã có ở một phóng viên khác/),
      expect.stringMatching(/^journalists\[2\]\.email \(dòng 18\): phải là địa chỉ email/),
      expect.stringMatching(/^journalists\[2\]\.beats \(dòng 19\): cần ít nhất một lĩnh vực phụ trách/),
    ]);
  });

  it('refuses non-example addresses in a sample file', () => {
    const text = 'sample: true\nowner: X\njournalists:\n  - { id: a, name: A, outlet: B, email: a@gmail.com, beats: [giáo dục] }\n';
    const result = parseMediaList(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: 'journalists[0].email', line: 4 });
  });
});
