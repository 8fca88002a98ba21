/**
 * `campaign plans list|show` read the plan library in the configured store; with `--dir` they
 * read files (which have no versions), and when the store does not answer they fall back to the
 * sample files in plans/ and say so.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** A local port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function campaign(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/campaign.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('campaign plans with the plan library', () => {
  it('falls back to the sample files, with a note, when the store does not answer', async () => {
    const r = campaign({ S3_ENDPOINT: `http://127.0.0.1:${await closedPort()}` }, 'plans', 'list', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toContain('không đọc được kho kế hoạch trong kho đối tượng');
    expect((JSON.parse(r.out) as { id: string }[]).map((p) => p.id)).toEqual(['lang-son-62-kh-ubnd-2026', 'phuong-bac-kan-2026', 'quang-ngai-2026']);
  });

  it('a version of a plan read from a file is refused with what to do instead', async () => {
    const r = campaign({}, 'plans', 'show', 'phuong-bac-kan-2026', '--dir', 'plans', '--version', '2');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Kế hoạch "phuong-bac-kan-2026" đọc từ tệp nên không có phiên bản 2; các phiên bản chỉ có trong kho kế hoạch (bỏ --dir).');
  });
});
