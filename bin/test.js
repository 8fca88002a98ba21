#!/usr/bin/env node
// `npm test`: installs what the suite needs on first run (npm packages, Debian's tesseract and
// chromium, the Temporal CLI — built once and cached per user), then runs vitest.
// Extra arguments go to vitest, e.g. `npm test -- --project unit`.
// The Node.js version is checked first; the rest is imported after it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNodeVersion } from './node-version.js';

assertNodeVersion();
const { ensureDependencies } = await import('./ensure-deps.js');
const { ensureSystemPackages } = await import('./system-packages.js');

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies();
ensureSystemPackages();

// The embedded services' binaries are found (or built once, with progress) before vitest
// starts, so a first run shows what it is doing instead of a silent global setup.
const { register } = await import('tsx/esm/api');
register();
try {
  if (!process.env.TEMPORAL_ADDRESS) {
    const { resolveTemporalCli } = await import('../infra/temporal-cli.ts');
    const cli = await resolveTemporalCli({ configured: process.env.TEMPORAL_CLI, log: (l) => console.log(l) });
    console.log(`Temporal CLI: ${cli.path} (nguồn: ${cli.source})`);
    process.env.TEMPORAL_CLI = cli.path;
  }
  if (!process.env.S3_ENDPOINT) {
    const { resolveVersityGw } = await import('../infra/versitygw.ts');
    const gw = await resolveVersityGw({ configured: process.env.VERSITYGW, log: (l) => console.log(l) });
    console.log(`VersityGW: ${gw.path} (nguồn: ${gw.source})`);
    process.env.VERSITYGW = gw.path;
  }
} catch (err) {
  console.error(err.message);
  process.exit(1);
}

const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
