// drypp programs …: the content catalog, read without storage.
import type { Command } from 'commander';
import { textFor } from '../../domain/learning/program.ts';
import type { CliIO } from '../io.ts';
import { cliMessages } from '../messages.ts';
import { cliConfig, loadPrograms, runCommand, type CliEnv } from './session.ts';

const text = cliMessages.programs;

export function registerProgramCommands(program: Command, io: CliIO, env: CliEnv): void {
  const programs = program.command('programs').description(text.description);
  programs
    .command('list')
    .description(text.listDescription)
    .action(async () => runCommand(io, () => listPrograms(io, env)));
}

/** `id  vN  mandatory|voluntary  N steps  title (en)`, one program a line. */
export async function listPrograms(io: CliIO, env: CliEnv): Promise<void> {
  const programs = await loadPrograms(cliConfig(env));
  if (programs.length === 0) io.out(text.none);
  for (const p of programs) {
    io.out(text.line(p.id, p.version, p.mandatory, p.steps.length, textFor(p.title, 'en')));
  }
}
