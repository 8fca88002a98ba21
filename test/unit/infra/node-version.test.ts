import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNodeVersion, requiredNodeRange, satisfiesNode } from '../../../bin/node-version.js';

const root = path.join(import.meta.dirname, '..', '..', '..');

describe('the Node.js version check', () => {
  const range = requiredNodeRange();

  it('uses package.json engines, which say what the code needs (util.parseEnv, import.meta.dirname, html-validate)', () => {
    expect(range).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node);
    const htmlValidate = JSON.parse(readFileSync(path.join(root, 'node_modules', 'html-validate', 'package.json'), 'utf8')).engines.node;
    expect(range).toBe(htmlValidate.replace(/\s+/g, ' ').replace(/>= /g, '>='));
  });

  it.each([
    ['20.9.0', false],
    ['20.18.3', false],
    ['20.19.0', true],
    ['20.20.2', true],
    ['21.7.3', false],
    ['22.15.1', false],
    ['22.16.0', true],
    ['23.11.0', false],
    ['24.0.0', true],
    ['v25.2.1', true],
    ['18.20.4', false],
  ])('Node.js %s → %s', (version, ok) => {
    expect(satisfiesNode(version, range)).toBe(ok);
    expect(checkNodeVersion(version, range).ok).toBe(ok);
  });

  it('names the required and the current version in Vietnamese', () => {
    const result = checkNodeVersion('v20.9.0', range);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('cần Node.js 20.19 trở lên (dòng 20), 22.16 trở lên (dòng 22) hoặc 24 trở lên');
    expect(result.message).toContain('đang chạy Node.js 20.9.0');
  });

  it('the campaign command stops with that message, before loading anything else, on an old Node.js', () => {
    const pretend = 'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"20.9.0"}})';
    const out = spawnSync(process.execPath, ['--import', pretend, 'bin/campaign.js', 'plans', 'list'], { cwd: root, encoding: 'utf8' });
    expect(out.status).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('đang chạy Node.js 20.9.0');
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
});
