/**
 * `campaign` — the operator's command-line entry point.
 *
 * Each command lives in `cli/commands/<group>.ts` and is registered below. Messages for editors
 * are Vietnamese; exit codes: 0 success, 1 the thing checked is not well (invalid file,
 * unhealthy service), 2 the command itself was used wrongly.
 */
import { ConfigError } from '../infra/config.js';
import { CliError, type Command } from './command.js';
import { campaignCancelCommand, campaignListCommand, campaignStartCommand, campaignStatusCommand } from './commands/campaign.js';
import { correctionStartCommand } from './commands/correction.js';
import { doctorCommand } from './commands/doctor.js';
import { channelRenderCommands, renderBriefingCommand, renderInfographicCommand, renderPostCommand, renderScriptCommand } from './commands/render.js';
import { plansImportCommand, plansListCommand, plansShowCommand, plansValidateCommand } from './commands/plans.js';
import { calendarCommand } from './commands/calendar.js';
import { schedulesListCommand, schedulesPauseCommand, schedulesResumeCommand, schedulesSyncCommand, schedulesTriggerCommand } from './commands/schedules.js';
import { reportCommand } from './commands/report.js';
import { unitsExportCommand, unitsImportCommand, unitsListCommand, unitsShowCommand } from './commands/units.js';

const commands: Command[] = [campaignStartCommand, correctionStartCommand, campaignStatusCommand, campaignListCommand, campaignCancelCommand, renderInfographicCommand, renderScriptCommand, renderPostCommand, renderBriefingCommand, ...channelRenderCommands(), doctorCommand, plansValidateCommand, plansListCommand, plansShowCommand, plansImportCommand, calendarCommand, schedulesSyncCommand, schedulesListCommand, schedulesPauseCommand, schedulesResumeCommand, schedulesTriggerCommand, reportCommand, unitsListCommand, unitsShowCommand, unitsImportCommand, unitsExportCommand];

function usage(): string {
  const rows = commands.map((c) => `  ${c.name.padEnd(34)} ${c.summary}`);
  return ['Cách dùng: campaign <lệnh> [tùy chọn]', '', 'Các lệnh:', ...rows, '', 'Thêm --help sau một lệnh để xem tùy chọn của lệnh đó.'].join('\n');
}

/** Finds the longest command name that prefixes argv (commands may have two words: "plans list"). */
function match(argv: string[]): { command: Command; rest: string[] } | undefined {
  let best: { command: Command; rest: string[] } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.command.name.split(' ').length)) {
      best = { command, rest: argv.slice(words.length) };
    }
  }
  return best;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(usage() + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  const found = match(argv);
  if (!found) {
    process.stderr.write(`Lệnh không tồn tại: "${argv.join(' ')}".\n\n${usage()}\n`);
    return 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    process.stdout.write(`${found.command.usage}\n`);
    return 0;
  }
  try {
    return await found.command.run(found.rest);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Lỗi không mong đợi: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
