import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isAppError } from '../../shared/errors';
import { UsageError, type CliIo, type Command } from './command';
import { readInput } from './read-input';
import { appCommands } from './commands/app';
import { unitsCommands } from './commands/units';
import { officeCommands } from './commands/office';
import { formsCommands } from './commands/forms';
import { roundsCommands } from './commands/rounds';
import { inboxCommands } from './commands/inbox';
import { backupCommands } from './commands/backup';
import { plansCommands } from './commands/plans';
import { targetsCommands } from './commands/targets';
import { mailCommands } from './commands/mail';

export type { CliIo };

/** Every command, one module per feature (electron/cli/commands/<feature>.ts), in the order the usage lists them. */
const commands: Command[] = [
  ...appCommands,
  ...unitsCommands,
  ...officeCommands,
  ...formsCommands,
  ...roundsCommands,
  ...inboxCommands,
  ...mailCommands,
  ...backupCommands,
  ...plansCommands,
  ...targetsCommands,
];

const usage = `Cách dùng:\n${commands.map((c) => c.usage).join('\n')}`;

/** Every flag any command takes, for the one parse of the arguments; each command then refuses the others. */
const options: NonNullable<ParseArgsConfig['options']> = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};
for (const c of commands)
  for (const [flag, spec] of Object.entries(c.flags))
    options[flag] = { type: spec.kind === 'flag' ? 'boolean' : 'string' };

/** The command the words name: all of them, or the first words of a command that takes more (import's paths). */
function findCommand(words: string[]): { command: Command; rest: string[] } | null {
  const whole = words.join(' ');
  const exact = commands.find((c) => c.name === whole);
  if (exact) return { command: exact, rest: [] };
  for (const c of commands) {
    const n = c.name.split(' ').length;
    if (c.rest && words.slice(0, n).join(' ') === c.name) return { command: c, rest: words.slice(n) };
  }
  return null;
}

/**
 * Runs one command; returns the exit code. 0: done; 1: the input or the data was refused
 * (the reason is printed in Vietnamese); 2: the command itself was written wrongly.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (e) {
    io.err(`Lỗi tham số: ${(e as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.out(usage);
    return values.help ? 0 : 2;
  }
  const print = (value: unknown, text: () => string) => io.out(values.json ? JSON.stringify(value) : text());
  try {
    const found = findCommand(positionals);
    if (!found) throw new UsageError(`Không có lệnh "${positionals.join(' ')}".`);
    const input = readInput(found.command, values, found.rest);
    return await found.command.run(input, { io, print });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${usage}`);
      return 2;
    }
    if (isAppError(e)) {
      io.err(e.message);
      for (const d of e.details ?? []) io.err(`  - ${d.where ? `${d.where}: ` : ''}${d.message}`);
      return 1;
    }
    io.err(`Lỗi không mong muốn: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}
