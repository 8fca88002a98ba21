/**
 * Test-only failpoints: `CAMPAIGN_FAILPOINT=<name>:<n>` makes the activity that reaches point
 * `<name>` for the n-th time stop there (heartbeating, for up to 2 minutes), so a test can kill
 * the worker at a known moment. Unset in production: every call returns at once.
 */
import { Context } from '@temporalio/activity';

export async function failpoint(name: string, count: number): Promise<void> {
  const spec = process.env.CAMPAIGN_FAILPOINT;
  if (!spec) return;
  const [point, n] = spec.split(':');
  if (point !== name || Number(n) !== count) return;
  process.stdout.write(`[failpoint] ${name}:${count} reached; pausing\n`);
  for (let i = 0; i < 240; i++) {
    Context.current().heartbeat({ failpoint: name });
    await new Promise((r) => setTimeout(r, 500));
  }
}
