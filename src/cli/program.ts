// Builds the drypp command tree. Each group of commands lives in its own file under commands/ and
// registers itself here; add a new group by adding its register function to `commandGroups`.
import { Command } from 'commander';
import { registerContentCommands } from './commands/content.ts';
import { registerEnrollmentCommands } from './commands/enrollment.ts';
import { registerProgramCommands } from './commands/programs.ts';
import { registerReportCommands } from './commands/report.ts';
import { registerSandboxCommands } from './commands/sandbox.ts';
import { registerPeopleCommands } from './commands/people.ts';
import { registerBroadcastCommands } from './commands/broadcasts/broadcast.ts';
import { registerTeamSummaryCommands } from './commands/teamSummaries.ts';
import { registerPrivacyCommands } from './commands/privacy.ts';
import type { CliEnv } from './commands/session.ts';
import type { CliIO } from './io.ts';
import { cliMessages } from './messages.ts';
import { registerCertificateCommands } from './commands/certificates.ts';

export type RegisterCommands = (program: Command, io: CliIO, env: CliEnv) => void;

const commandGroups: RegisterCommands[] = [
  registerContentCommands,
  registerProgramCommands,
  registerEnrollmentCommands,
  registerReportCommands,
  registerSandboxCommands,
  registerPeopleCommands,
  registerBroadcastCommands,
  registerTeamSummaryCommands,
  registerPrivacyCommands,
  registerCertificateCommands,
];

/** `env` is the one place the CLI reads the environment; commands get it from here. */
export function createCli(io: CliIO, env: CliEnv = process.env): Command {
  const program = new Command('drypp')
    .description(cliMessages.description)
    .showHelpAfterError(cliMessages.helpHint)
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });
  for (const register of commandGroups) register(program, io, env);
  return program;
}
