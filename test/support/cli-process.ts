/**
 * Runs `bin/campaign.js` as a child process and collects its output, decoded across chunks (a
 * Vietnamese character split between two pipe chunks stays whole).
 */
import { spawn } from 'node:child_process';
import { collectText } from '../../infra/lines.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `campaign <args>` with `env` as the whole environment. */
export function runCampaign(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/campaign.js', ...args], { env });
    const stdout = collectText(child.stdout);
    const stderr = collectText(child.stderr);
    child.on('close', (code) => resolve({ code, stdout: stdout.text(), stderr: stderr.text() }));
  });
}
