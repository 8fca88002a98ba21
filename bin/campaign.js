#!/usr/bin/env node
// The `campaign` CLI: runs the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';
register();
await import('../cli/index.ts');
