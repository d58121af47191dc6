// drypp sandbox …: tools for local work and tests, refused in production.
import type { Command } from 'commander';
import { systemClock } from '../../domain/platform/clock.ts';
import type { CliIO } from '../io.ts';
import { cliMessages } from '../messages.ts';
import { formatDuration, formatLocal, parseDuration } from './argParsing.ts';
import { CommandFailed, cliConfig, cliMode, connect, runCommand, type CliEnv } from './session.ts';

const text = cliMessages.sandbox;

export function registerSandboxCommands(program: Command, io: CliIO, env: CliEnv): void {
  const sandbox = program.command('sandbox').description(text.description);
  sandbox
    .command('clock')
    .description(text.clockDescription)
    .option('--advance <duration>', text.advanceOption)
    .addHelpText('after', `\n${cliMessages.session.storageHelp}`)
    .action(async (options: { advance?: string }) => runCommand(io, () => sandboxClock(io, env, options)));
}

/** Shows the sandbox time, after moving it forward when asked; every process on the storage follows. */
export async function sandboxClock(io: CliIO, env: CliEnv, options: { advance?: string }): Promise<void> {
  if (cliMode(env) === 'production') throw new CommandFailed(text.production);
  const config = cliConfig(env);
  const by = options.advance === undefined ? undefined : parseDuration(options.advance);
  if (options.advance !== undefined && by === undefined)
    throw new CommandFailed(text.badDuration(options.advance));

  const { adjustableClock, deps } = await connect(io, config);
  // compose makes one outside production; its absence here would be a wiring bug, not a user error.
  if (!adjustableClock) throw new Error('no adjustable clock outside production');
  if (by !== undefined) {
    await adjustableClock.advance(by);
    io.out(text.advanced(formatDuration(by)));
  }
  const now = adjustableClock.now();
  const ahead = formatDuration(now.getTime() - systemClock.now().getTime());
  io.out(text.time(now.toISOString(), formatLocal(now, deps.policy.timeZone), ahead));
}
