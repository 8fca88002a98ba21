import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EDITORS_FILE, parseConfig } from '../../../infra/config.js';
import { EditorsFileError, findEditor, loadEditors, parseEditors } from '../../../web/dashboard/editors.js';

describe('editor list', () => {
  it('the shipped sample is valid, uses example.org and holds the platform administrator (unit editors live in the directory)', async () => {
    const editors = await loadEditors(DEFAULT_EDITORS_FILE);
    expect(editors.length).toBeGreaterThanOrEqual(1);
    expect(editors.every((e) => e.email.endsWith('@example.org'))).toBe(true);
    expect(editors.map((e) => e.role)).toContain('admin');
    expect(findEditor(editors, ` ${editors[0]!.email.toUpperCase()} `)).toEqual(editors[0]);
  });

  it('reports every problem with its line', () => {
    const r = parseEditors(['sample: true', 'editors:', '  - name: A', '    email: a@gov.vn', '    role: editor', '  - name: B', '    email: A@gov.vn', '    role: boss', '    extra: 1'].join('\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.map((p) => `${p.path}@${p.line}: ${p.message}`).join('\n');
    expect(text).toContain('editors[1].role@8');
    expect(text).toContain('khóa "extra"');
  });

  it('refuses duplicates and real addresses in a sample file', () => {
    const r = parseEditors(['sample: true', 'editors:', '  - { name: A, email: a@gov.vn, role: editor }', '  - { name: B, email: A@GOV.VN, role: leader }'].join('\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/bị trùng[\s\S]*example\.org/);
  });

  it('a missing file is a clear error', async () => {
    await expect(loadEditors('/khong/co.yaml')).rejects.toThrow(EditorsFileError);
    await expect(loadEditors('/khong/co.yaml')).rejects.toThrow('không tìm thấy tệp');
  });

  it('EDITORS_FILE defaults to the sample and resolves a given path', () => {
    const a = parseConfig({});
    const b = parseConfig({ EDITORS_FILE: 'x/editors.yaml' });
    expect(a.ok && a.config.editorsFile).toBe(DEFAULT_EDITORS_FILE);
    expect(b.ok && b.config.editorsFile).toBe(path.resolve('x/editors.yaml'));
  });
});
