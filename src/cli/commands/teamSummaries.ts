// drypp team-summaries rebuild: My team's read model made whole again from the sources.
import type { Command } from 'commander';
import { rebuildTeamSummaries } from '../../usecases/managers/team/rebuildTeamSummaries.ts';
import type { CliIO } from '../io.ts';
import { cliMessages } from '../messages.ts';
import { cliConfig, connect, resolveTenant, runCommand, type CliEnv } from './session.ts';

const text = cliMessages.teamSummaries;

export function registerTeamSummaryCommands(program: Command, io: CliIO, env: CliEnv): void {
  program
    .command('team-summaries')
    .description(text.description)
    .command('rebuild')
    .description(text.rebuildDescription)
    .option('--tenant <id>', cliMessages.session.tenantOption)
    .addHelpText('after', `\n${cliMessages.session.storageHelp}`)
    .action(async (options: { tenant?: string }) => runCommand(io, () => rebuild(io, env, options)));
}

async function rebuild(io: CliIO, env: CliEnv, options: { tenant?: string }) {
  const composed = await connect(io, cliConfig(env));
  const tenantId = await resolveTenant(composed.deps.people, options.tenant);
  const started = Date.now();
  const report = await rebuildTeamSummaries(composed.teamSummaries, tenantId, composed.deps.clock.now());
  io.out(text.rebuilt(report, Date.now() - started));
}
