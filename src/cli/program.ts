// Builds the drypp command tree. Each group of commands lives in its own file under commands/ and
// registers itself here; add a new group by adding its register function to `commandGroups`.
import { Command } from 'commander';
import { registerContentCommands } from './commands/content.ts';
import type { CliIO } from './io.ts';
import { cliMessages } from './messages.ts';

export type RegisterCommands = (program: Command, io: CliIO) => void;

const commandGroups: RegisterCommands[] = [registerContentCommands];

export function createCli(io: CliIO): Command {
  const program = new Command('drypp')
    .description(cliMessages.description)
    .showHelpAfterError(cliMessages.helpHint)
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });
  for (const register of commandGroups) register(program, io);
  return program;
}
