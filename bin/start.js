#!/usr/bin/env node
// `npm start`: checks the Node.js version, installs dependencies on first run, then runs the
// supervisor (infra/start.ts). Everything after the version check is imported dynamically, so
// an unsupported Node.js gets the message instead of an error from a newer API.
// The AWS SDK warns on every start that releases from 2027 need Node 22; this machine runs Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { assertNodeVersion } from './node-version.js';

assertNodeVersion();
const { ensureDependencies } = await import('./ensure-deps.js');
ensureDependencies();
const { ensureSystemPackages } = await import('./system-packages.js');
ensureSystemPackages({ forTests: false });
const { register } = await import('tsx/esm/api');
register();
await import('../infra/start.ts');
