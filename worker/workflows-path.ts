/** Where the workflow code starts (bundled by the worker, or ahead of time by worker/bundle.ts). */
import path from 'node:path';

export const workflowsPath = path.join(import.meta.dirname, '..', 'workflows', 'index.ts');
