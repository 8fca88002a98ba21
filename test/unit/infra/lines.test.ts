/**
 * Child output read by lines: a Vietnamese character or a line split between two pipe chunks
 * arrives whole. The child writes its text in three pieces, each cut inside a multibyte
 * character, and waits for the parent to have received one piece before writing the next, so
 * the pieces are sure to arrive as separate chunks.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collectText, forwardLines, LineSplitter } from '../../../infra/lines.js';

const TEXT = 'Worker đang nhận việc\r\nĐã xong phần một\nKết thúc';

const child = `
const text = Buffer.from(${JSON.stringify(TEXT)}, 'utf8');
const cut1 = text.indexOf(Buffer.from('ậ')) + 1;
const cut2 = text.indexOf(Buffer.from('Đ')) + 1;
const parts = [text.subarray(0, cut1), text.subarray(cut1, cut2), text.subarray(cut2)];
let i = 0;
const next = () => {
  const part = parts[i++];
  if (i === parts.length) process.stdout.write(part, () => process.exit(0));
  else process.stdout.write(part);
};
process.stdin.on('data', next);
next();
`;

/** Runs the child; `attach` reads its stdout. Returns the raw chunks the parent received. */
async function runSplitWriter(attach: (stdout: Readable) => void): Promise<Buffer[]> {
  const proc = spawn(process.execPath, ['-e', child], { stdio: ['pipe', 'pipe', 'inherit'] });
  attach(proc.stdout);
  const chunks: Buffer[] = [];
  proc.stdout.on('data', (b: Buffer) => {
    chunks.push(b);
    proc.stdin.write('.');
  });
  await new Promise((resolve) => proc.on('close', resolve));
  return chunks;
}

describe('child output by lines', () => {
  it('the supervisor forwards whole lines with the worker prefix, no U+FFFD, no line cut in two', async () => {
    let written = '';
    const chunks = await runSplitWriter((stdout) => forwardLines(stdout, (text) => (written += text), '[worker]'));
    // The pieces did arrive separately, and decoding each on its own would have broken them.
    expect(chunks).toHaveLength(3);
    expect(chunks.map((c) => c.toString('utf8')).join('')).toContain('\uFFFD');
    expect(written).toBe('[worker] Worker đang nhận việc\n[worker] Đã xong phần một\n[worker] Kết thúc\n');
  });

  it('test helpers collect the whole text intact', async () => {
    let collected: ReturnType<typeof collectText> | undefined;
    await runSplitWriter((stdout) => (collected = collectText(stdout)));
    expect(await collected!.done).toBe(TEXT);
  });

  it('a splitter keeps blank lines, strips CRLF and flushes a last line without a line end', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    const bytes = Buffer.from('một\r\n\nhai ba', 'utf8');
    for (const b of bytes) s.write(Buffer.from([b]));
    expect(lines).toEqual(['một', '']);
    s.end();
    expect(lines).toEqual(['một', '', 'hai ba']);
  });
});
