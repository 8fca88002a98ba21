/**
 * Starting the embedded Temporal server when a port the CLI picked for itself is taken in the
 * meantime: the start is tried again, and other failures are reported at once with the log.
 * A wrapper script stands in front of the real CLI to fail the first start.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startTemporalServer } from '../../infra/temporal-server.js';
import { freePorts } from '../support/ports.js';

const cliPath = inject('temporalCli');

describe('starting the embedded Temporal server', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'campaign-temporal-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A CLI that fails its first `failures` starts with `message`, then runs the real one. */
  function wrapper(name: string, failures: number, message: string): { path: string; calls: () => number } {
    const counter = path.join(dir, `${name}.count`);
    const script = path.join(dir, `${name}.sh`);
    writeFileSync(
      script,
      [
        '#!/bin/sh',
        `n=$(cat '${counter}' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '${counter}'`,
        `if [ $n -le ${failures} ]; then echo '${message}' >&2; exit 1; fi`,
        `exec '${cliPath}' "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(script, 0o755);
    return { path: script, calls: () => Number(readFileSync(counter, 'utf8').trim()) };
  }

  async function options(name: string, cli: string) {
    const [port, uiPort] = await freePorts(2);
    return { cliPath: cli, dbFile: path.join(dir, `${name}.sqlite`), logFile: path.join(dir, `${name}.log`), port: port!, uiPort: uiPort!, namespace: 'default' };
  }

  it('tries again when a port was taken between the pick and the bind, and the server then answers', async () => {
    expect(cliPath, 'the embedded Temporal CLI path').not.toBe('');
    const cli = wrapper('busy', 1, 'level=ERROR msg="failed starting server: failed listening for HTTP API on 127.0.0.1:39839: listen tcp 127.0.0.1:39839: bind: address already in use"');
    const server = await startTemporalServer(await options('busy', cli.path));
    try {
      expect(cli.calls()).toBe(2);
      const connection = await Connection.connect({ address: server.address });
      try {
        const ns = await connection.workflowService.describeNamespace({ namespace: 'default' });
        expect(ns.namespaceInfo?.name).toBe('default');
      } finally {
        await connection.close();
      }
    } finally {
      await server.stop();
    }
  });

  it('any other failure stops at once, with the server\'s last log lines in the error', async () => {
    const cli = wrapper('broken', 5, 'level=ERROR msg="failed starting server: unable to open database file"');
    await expect(startTemporalServer(await options('broken', cli.path))).rejects.toThrow(/Máy chủ Temporal đã dừng \(mã 1\)[\s\S]*unable to open database file/);
    expect(cli.calls()).toBe(1);
  });
});
