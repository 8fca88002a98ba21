#!/usr/bin/env node
// `npm start`: installs dependencies on first run, then runs the supervisor (infra/start.ts).
// The AWS SDK warns on every start that releases from 2027 need Node 22; this machine runs Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { ensureDependencies } from './ensure-deps.js';

ensureDependencies();
const { register } = await import('tsx/esm/api');
register();
await import('../infra/start.ts');
