/**
 * Runs `bin/campaign.js` as a child process and collects its output, decoded across chunks (a
 * Vietnamese character split between two pipe chunks stays whole).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { collectText } from '../../infra/lines.js';

const CAMPAIGN_BIN = path.resolve(import.meta.dirname, '../../bin/campaign.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `campaign <args>` with `env` as the whole environment, in `cwd` (default: this process's). */
export function runCampaign(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CAMPAIGN_BIN, ...args], { env, ...(cwd ? { cwd } : {}) });
    const stdout = collectText(child.stdout);
    const stderr = collectText(child.stderr);
    child.on('close', (code) => resolve({ code, stdout: stdout.text(), stderr: stderr.text() }));
  });
}
