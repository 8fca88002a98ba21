/**
 * What a production install brings. The number of packages `npm install --omit=dev` puts in
 * node_modules is kept from creeping: raising the budget is a decision, made in this file and
 * the README together.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../infra/plan-store.js';

/** The figure the README states. */
const PRODUCTION_PACKAGE_BUDGET = 536;

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; optional?: boolean }> };

describe('dependencies', () => {
  it('packages used only by tests and tools are not production dependencies', () => {
    for (const name of ['mailparser', 'rss-parser', '@temporalio/proto', 'vitest', 'playwright-core', 'axe-core', 'typescript', 's3rver']) {
      expect(pkg.dependencies, name).not.toHaveProperty(name);
    }
    // The Temporal SDK's own CLI download is a last resort on machines with internet.
    expect(pkg.optionalDependencies).toHaveProperty('@temporalio/testing');
  });

  it(`a production install brings at most ${PRODUCTION_PACKAGE_BUDGET} packages, the figure in the README`, () => {
    const production = Object.entries(lock.packages).filter(([key, p]) => key.startsWith('node_modules/') && !p.dev && !p.optional);
    expect(production.length).toBeLessThanOrEqual(PRODUCTION_PACKAGE_BUDGET);
    expect(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')).toContain(`${PRODUCTION_PACKAGE_BUDGET} packages`);
  });
});
