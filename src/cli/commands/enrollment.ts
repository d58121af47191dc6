// drypp enroll / drypp unenroll: put a person in a program, or take them out, on the server's storage.
import type { Command } from 'commander';
import { effectiveTimeZone } from '../../domain/delivery/timeZone.ts';
import { enrollPerson } from '../../usecases/learning/enrolling/enrollPerson.ts';
import { withdrawEnrollment } from '../../usecases/learning/enrolling/withdrawEnrollment.ts';
import type { CliIO } from '../io.ts';
import { cliMessages } from '../messages.ts';
import { formatLocal, parseStart } from './argParsing.ts';
import {
  CommandFailed,
  cliConfig,
  connect,
  loadPrograms,
  requireProgram,
  resolvePerson,
  resolveTenant,
  runCommand,
  type CliEnv,
} from './session.ts';

const session = cliMessages.session;

interface PersonInProgram {
  user: string;
  program: string;
  tenant?: string;
}

export function registerEnrollmentCommands(program: Command, io: CliIO, env: CliEnv): void {
  program
    .command('enroll')
    .description(cliMessages.enroll.description)
    .requiredOption('--user <upn-or-object-id>', session.userOption)
    .requiredOption('--program <id>', session.programOption)
    .option('--start <date>', cliMessages.enroll.startOption)
    .option('--tenant <id>', session.tenantOption)
    .addHelpText('after', `\n${session.storageHelp}`)
    .action(async (options: PersonInProgram & { start?: string }) =>
      runCommand(io, () => enroll(io, env, options)),
    );

  program
    .command('unenroll')
    .description(cliMessages.unenroll.description)
    .requiredOption('--user <upn-or-object-id>', session.userOption)
    .requiredOption('--program <id>', session.programOption)
    .option('--tenant <id>', session.tenantOption)
    .addHelpText('after', `\n${session.storageHelp}`)
    .action(async (options: PersonInProgram) => runCommand(io, () => unenroll(io, env, options)));
}

export async function enroll(io: CliIO, env: CliEnv, options: PersonInProgram & { start?: string }) {
  const text = cliMessages.enroll;
  const config = cliConfig(env);
  // Everything that can be checked without storage is checked before connecting.
  requireProgram(await loadPrograms(config), options.program);
  if (options.start !== undefined && parseStart(options.start, 'UTC') === undefined) {
    throw new CommandFailed(text.badStart(options.start));
  }

  const { deps } = await connect(io, config);
  const tenantId = await resolveTenant(deps.people, options.tenant);
  const person = await resolvePerson(deps.people, tenantId, options.user);
  const timeZone = effectiveTimeZone(person.timeZone, deps.policy.timeZone);
  const start = options.start === undefined ? undefined : parseStart(options.start, timeZone);

  const outcome = await enrollPerson(deps, { person, programId: options.program, start });
  const upn = person.userPrincipalName;
  switch (outcome.kind) {
    case 'unknownProgram':
      throw new CommandFailed(session.unknownProgram(options.program, []));
    case 'alreadyEnrolled':
      io.out(text.alreadyEnrolled(upn, options.program, outcome.enrollment.status));
      return;
    case 'enrolled': {
      const { enrollment } = outcome;
      const firstDue = enrollment.nextDueAt
        ? formatLocal(new Date(enrollment.nextDueAt), timeZone)
        : undefined;
      io.out(text.enrolled(upn, options.program, enrollment.totalSteps, firstDue));
    }
  }
}

export async function unenroll(io: CliIO, env: CliEnv, options: PersonInProgram) {
  const text = cliMessages.unenroll;
  const config = cliConfig(env);
  requireProgram(await loadPrograms(config), options.program);

  const { deps } = await connect(io, config);
  const tenantId = await resolveTenant(deps.people, options.tenant);
  const person = await resolvePerson(deps.people, tenantId, options.user);
  const outcome = await withdrawEnrollment(deps, { tenantId, userId: person.id, programId: options.program });
  const upn = person.userPrincipalName;
  switch (outcome.kind) {
    case 'notEnrolled':
      throw new CommandFailed(text.notEnrolled(upn, options.program));
    case 'notActive':
      io.out(text.notActive(upn, options.program, outcome.status));
      return;
    case 'withdrawn':
      io.out(text.withdrawn(upn, options.program));
  }
}
