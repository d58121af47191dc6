// drypp people status: where a person is on the way to their first card, and why.
import type { Command } from 'commander';
import { effectiveTimeZone } from '../../domain/delivery/timeZone.ts';
import type { CliIO } from '../io.ts';
import { cliMessages } from '../messages.ts';
import { formatLocal } from './argParsing.ts';
import { TableTimeZoneCheckStore } from '../../store/directory/timeZoneCheckStore.ts';
import { tableNames } from '../../store/platform/tables.ts';
import type { TimeZoneCheck } from '../../domain/directory/timeZoneCheck.ts';
import { cliConfig, connect, resolvePerson, resolveTenant, runCommand, type CliEnv } from './session.ts';

const text = cliMessages.people;

export function registerPeopleCommands(program: Command, io: CliIO, env: CliEnv): void {
  const people = program.command('people').description(text.description);
  people
    .command('status')
    .description(text.statusDescription)
    .requiredOption('--user <upn-or-object-id>', cliMessages.session.userOption)
    .option('--tenant <id>', cliMessages.session.tenantOption)
    .addHelpText('after', `\n${cliMessages.session.storageHelp}`)
    .action(async (options: { user: string; tenant?: string }) =>
      runCommand(io, () => status(io, env, options)),
    );
}

async function status(io: CliIO, env: CliEnv, options: { user: string; tenant?: string }) {
  const { deps, storage } = await connect(io, cliConfig(env));
  const tenantId = await resolveTenant(deps.people, options.tenant);
  const person = await resolvePerson(deps.people, tenantId, options.user);
  const zone = effectiveTimeZone(person.timeZone, deps.policy.timeZone);
  const at = (iso?: string) => (iso ? formatLocal(new Date(iso), zone) : undefined);

  io.out(text.header(person.displayName, person.userPrincipalName, person.id));
  const facts = [
    person.department,
    person.jobTitle,
    person.managerId ? `manager ${person.managerId}` : undefined,
  ];
  io.out(text.directory(facts.filter(Boolean).join(' · ') || '–'));

  const check = await new TableTimeZoneCheckStore(storage.table(tableNames.timeZoneChecks)).get(
    tenantId,
    person.id,
  );
  io.out(text.timeZone(zone, timeZoneSource(check, Boolean(person.timeZone), at)));

  const reach = await deps.reachability.get(tenantId, person.id);
  if (!reach) io.out(text.reachability(text.noReachability));
  else {
    io.out(text.reachability(text.stages[reach.stage] ?? reach.stage));
    const times = [
      reach.detectedAt && `detected ${at(reach.detectedAt)}`,
      reach.appInstalledAt && `app installed ${at(reach.appInstalledAt)}`,
      reach.chatKnownAt && `chat known ${at(reach.chatKnownAt)}`,
      reach.firstCardAt && `first card ${at(reach.firstCardAt)}`,
    ].filter((t): t is string => Boolean(t));
    io.out(text.reachabilityDetail(text.times(times)));
    if (reach.lastProblem)
      io.out(text.reachabilityDetail(text.problem(reach.lastProblem, at(reach.nextAttemptAt))));
  }

  const enrollments = await deps.enrollments.listForPerson(tenantId, person.id);
  if (enrollments.length === 0) io.out(text.enrollmentsNone);
  enrollments.forEach((e, i) =>
    io.out(text.enrollment(i === 0, e.programId, e.status, e.completedSteps, e.totalSteps, at(e.nextDueAt))),
  );
}

/** Where the zone cards are timed in comes from: the mailbox, or the tenant's default and why. */
function timeZoneSource(
  check: TimeZoneCheck | undefined,
  storedForPerson: boolean,
  at: (iso?: string) => string | undefined,
): string {
  const sources = text.timeZoneSources;
  if (!check) return storedForPerson ? sources.directory : sources.none;
  if (check.status === 'found') return sources.found(check.mailboxTimeZone ?? '–');
  if (check.status === 'waiting') return sources.waiting(check.lastProblem, at(check.nextAttemptAt));
  return sources.gaveUp(check.lastProblem);
}
