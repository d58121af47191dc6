// drypp certificates …: who holds which certificate, and what runs out soon.
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
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
  const named = await Promise.all(
    rows.map(async (row) => ({
      ...row,
      upn: (await deps.people.get(tenantId, row.userId))?.userPrincipalName ?? row.userId,
    })),
  );
  if (options.csv) {
    io.out(
      stringify(
        named.map((r) => [r.upn, r.certificationId, r.status, r.validUntil ?? '', r.dueOn, r.cycles]),
        { header: true, columns: ['user', 'certification', 'status', 'validUntil', 'dueOn', 'cycles'] },
      ).trimEnd(),
    );
    return;
  }
  if (named.length === 0) io.out(text.none);
  for (const r of named) io.out(text.line(r.upn, r.certificationId, r.status, r.validUntil, r.dueOn));
}

/** `60d`, `60` or `8w`: a number of days. */
function daysOf(value: string): number {
  const match = /^(\d{1,4})([dw]?)$/.exec(value.trim());
  if (!match) throw new CommandFailed(text.badExpiring(value));
  return Number(match[1]) * (match[2] === 'w' ? 7 : 1);
}
