#!/usr/bin/env node
// The `campaign` CLI: runs the TypeScript sources through tsx (no build step).
// The AWS SDK warns on every start that releases from 2027 need Node 22; this machine runs Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { assertNodeVersion } from './node-version.js';

// First: an unsupported Node.js gets a clear message, not an error from a newer API.
assertNodeVersion();
const { register } = await import('tsx/esm/api');
register();
await import('../cli/index.ts');
