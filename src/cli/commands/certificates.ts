// drypp certificates …: who holds which certificate, and what runs out soon.
import type { Command } from 'commander';
import { certificatesCsv } from '../../cards/certificates/presenters/certificatesCsv.ts';
import { textFor } from '../../domain/learning/program.ts';
import { certificateStatus } from '../../usecases/certificates/certificateStatus.ts';
import type { CliIO } from '../io.ts';
import { cliMessages } from '../messages.ts';
import {
  CommandFailed,
  cliConfig,
  connect,
  resolvePerson,
  resolveTenant,
  runCommand,
  type CliEnv,
} from './session.ts';

const text = cliMessages.certificates;

interface StatusOptions {
  user?: string;
  expiring?: string;
  csv?: boolean;
  tenant?: string;
}

export function registerCertificateCommands(program: Command, io: CliIO, env: CliEnv): void {
  const certificates = program.command('certificates').description(text.description);
  certificates
    .command('status')
    .description(text.statusDescription)
    .option('--user <upn-or-id>', text.userOption)
    .option('--expiring <days>', text.expiringOption)
    .option('--csv', text.csvOption)
    .option('--tenant <id>', cliMessages.session.tenantOption)
    .addHelpText('after', `\n${cliMessages.session.storageHelp}`)
    .action(async (options: StatusOptions) => runCommand(io, () => status(io, env, options)));
}

async function status(io: CliIO, env: CliEnv, options: StatusOptions): Promise<void> {
  const expiringWithinDays = options.expiring === undefined ? undefined : daysOf(options.expiring);
  const config = cliConfig(env);
  const composed = await connect(io, config);
  const { deps } = composed;
  const tenantId = await resolveTenant(deps.people, options.tenant);
  const person = options.user ? await resolvePerson(deps.people, tenantId, options.user) : undefined;
  const rows = await certificateStatus(
    {
      ...deps,
      certifications: composed.certificates.store,
      certificationCatalog: composed.certificates.catalog,
    },
    { tenantId, userId: person?.id, expiringWithinDays },
  );
  const catalog = composed.certificates.catalog;
  const named = await Promise.all(
    rows.map(async (standing) => {
      const holder = await deps.people.get(tenantId, standing.userId);
      const certification = catalog.find(standing.certificationId);
      return {
        standing,
        user: holder?.userPrincipalName ?? standing.userId,
        name: holder?.displayName ?? '',
        department: holder?.department,
        certificationTitle: certification ? textFor(certification.title, 'en') : standing.certificationId,
      };
    }),
  );
  if (options.csv) {
    io.out(certificatesCsv(named).trimEnd());
    return;
  }
  if (named.length === 0) io.out(text.none);
  for (const { standing: s, user } of named)
    io.out(text.line(user, s.certificationId, s.status, s.validUntil, s.dueOn, s.daysLeft));
}

/** `60d`, `60` or `8w`: a number of days. */
function daysOf(value: string): number {
  const match = /^(\d{1,4})([dw]?)$/.exec(value.trim());
  if (!match) throw new CommandFailed(text.badExpiring(value));
  return Number(match[1]) * (match[2] === 'w' ? 7 : 1);
}
