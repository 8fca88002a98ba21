import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTemporalCli, TemporalCliNotFoundError } from '../../../infra/temporal-cli.js';

describe('finding the Temporal CLI', () => {
  it('uses TEMPORAL_CLI first and says so', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    const fake = path.join(dir, 'temporal');
    writeFileSync(fake, '#!/bin/sh\necho temporal version 1.5.1\n');
    chmodSync(fake, 0o755);
    const found = await resolveTemporalCli({ configured: fake, log: () => {} });
    expect(found).toEqual({ path: fake, source: 'TEMPORAL_CLI' });
  });

  it('refuses a TEMPORAL_CLI that is not an executable file, saying how to provide one', async () => {
    const err = await resolveTemporalCli({ configured: '/nonexistent/temporal', log: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemporalCliNotFoundError);
    expect((err as Error).message).toContain('TEMPORAL_CLI="/nonexistent/temporal"');
    expect((err as Error).message).toContain('TEMPORAL_ADDRESS');
  });

  it('finds `temporal` on PATH before any cache or build', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-path-'));
    const fake = path.join(dir, 'temporal');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    const saved = process.env.PATH;
    process.env.PATH = `${dir}${path.delimiter}${saved}`;
    try {
      expect(await resolveTemporalCli({ log: () => {} })).toEqual({ path: fake, source: 'PATH' });
    } finally {
      process.env.PATH = saved;
    }
  });
});
