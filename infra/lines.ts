/**
 * Child-process output read by lines. Pipes deliver bytes in arbitrary chunks: a Vietnamese
 * character (2–3 bytes in UTF-8) or a line may be split between two chunks. Decoding each chunk
 * on its own turns the split character into U+FFFD and cuts the line in two; this decodes across
 * chunks (StringDecoder) and hands out whole lines only. Shared by the supervisor (`npm start`),
 * the Temporal CLI build and the test helpers that run child processes.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** Turns chunks of UTF-8 bytes into whole lines (`\n` or `\r\n`, without the line end). */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';

  constructor(private readonly onLine: (line: string) => void) {}

  write(chunk: Buffer | string): void {
    const text = this.rest + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const parts = text.split('\n');
    this.rest = parts.pop()!;
    for (const part of parts) this.onLine(part.endsWith('\r') ? part.slice(0, -1) : part);
  }

  /** Flushes a last line that had no line end. */
  end(): void {
    const tail = this.rest + this.decoder.end();
    this.rest = '';
    if (tail) this.onLine(tail.endsWith('\r') ? tail.slice(0, -1) : tail);
  }
}

/** Calls `onLine` for every line of `stream`, the last one (without a line end) included, then `onEnd`. */
export function readLines(stream: Readable, onLine: (line: string) => void, onEnd?: () => void): void {
  const splitter = new LineSplitter(onLine);
  stream.on('data', (chunk: Buffer | string) => splitter.write(chunk));
  stream.once('end', () => {
    splitter.end();
    onEnd?.();
  });
}

/** Forwards the non-blank lines of `stream` to `write`, each starting with `prefix` (once). */
export function forwardLines(stream: Readable, write: (text: string) => void, prefix: string): void {
  readLines(stream, (line) => {
    if (!line.trim()) return;
    write(`${line.startsWith(prefix) ? line : `${prefix} ${line}`}\n`);
  });
}

/** Collects the whole text of `stream` (decoded across chunks); the promise settles at its end. */
export function collectText(stream: Readable): { text(): string; done: Promise<string> } {
  const decoder = new StringDecoder('utf8');
  let text = '';
  const done = new Promise<string>((resolve) => {
    stream.on('data', (chunk: Buffer | string) => (text += typeof chunk === 'string' ? chunk : decoder.write(chunk)));
    stream.once('end', () => {
      text += decoder.end();
      resolve(text);
    });
  });
  return { text: () => text, done };
}
