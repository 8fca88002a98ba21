/** The shape of a CLI command and the error a command throws to stop with a message. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface Command {
  /** One or two words, e.g. "doctor" or "plans validate". */
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** An error whose message is meant for the person at the terminal (Vietnamese), with an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** node:util parseArgs with strict checking, turning its errors into a CliError naming the option. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new CliError(`Tùy chọn không hợp lệ: ${msg}\n\n${usage}`, 2);
  }
}
