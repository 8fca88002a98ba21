import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../../worker/create-worker.js';

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };

describe('workflow code stays deterministic', () => {
  it('the product workflows bundle without Node built-ins', async () => {
    const bundle = await bundleWorkflowCode({ workflowsPath, logger: quiet });
    expect(bundle.code.length).toBeGreaterThan(1000);
  });

  it('the bundler refuses a workflow that imports fs', async () => {
    const bad = path.join(import.meta.dirname, '..', '..', 'fixtures', 'workflows', 'uses-fs.ts');
    await expect(bundleWorkflowCode({ workflowsPath: bad, logger: quiet })).rejects.toThrow(/disallowed modules:\s*- 'fs'/);
  });
});

describe('workflow files (static check)', () => {
  it('import no Node built-in and no I/O module of the product', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { builtinModules } = await import('node:module');
    const dir = path.dirname(workflowsPath);
    const offenders: string[] = [];
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/^\s*import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
        const [, typeOnly, spec] = m as unknown as [string, string | undefined, string];
        const bare = spec.replace(/^node:/, '');
        if (spec.startsWith('node:') || builtinModules.includes(bare)) offenders.push(`${file}: ${spec}`);
        if (!typeOnly && /\.\.\/(activities|infra|web|cli|worker)\//.test(spec)) offenders.push(`${file}: ${spec} (only \`import type\` is allowed)`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
