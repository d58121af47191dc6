// drypp privacy export | erase: what Drypp holds about one person, and erasing it.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { privacyRequestDeps } from '../../composePrivacy.ts';
import { referenceProblem, type PrivacyRequest } from '../../domain/privacy/privacyRequest.ts';
import { erasePerson, exportPersonalData } from '../../usecases/privacy/personalDataRequests.ts';
import type { CliIO } from '../io.ts';
import { cliMessages } from '../messages.ts';
import { privacyMessages as text } from '../privacyMessages.ts';
import {
  cliConfig,
  CommandFailed,
  connect,
  resolvePerson,
  resolveTenant,
  runCommand,
  type CliEnv,
} from './session.ts';

const objectId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface PersonOptions {
  user: string;
  tenant?: string;
  reference?: string;
}

export function registerPrivacyCommands(program: Command, io: CliIO, env: CliEnv): void {
  const privacy = program.command('privacy').description(text.description);
  privacy
    .command('export')
    .description(text.exportDescription)
    .requiredOption('--user <upn-or-object-id>', cliMessages.session.userOption)
    .option('--tenant <id>', cliMessages.session.tenantOption)
    .option('--reference <case>', text.referenceOption)
    .option('--out <file>', text.outOption)
    .action(async (options: PersonOptions & { out?: string }) =>
      runCommand(io, async () => {
        const request = requestOf(options);
        const { deps, personRef } = await session(io, env, options);
        const exported = await exportPersonalData(deps, personRef, request);
        io.out(text.summaryHeader(personRef.personId, exported.exportedAt));
        const tables = Object.entries(exported.tables);
        if (tables.length === 0) io.out(text.nothingHeld);
        for (const [table, rows] of tables) {
          const own = rows.filter((r) => r.role === 'own').length;
          io.out(text.summaryTable(table, own, rows.length - own));
        }
        io.out(text.requestId(request.requestId));
        const json = JSON.stringify(exported, null, 2);
        if (options.out) {
          const file = path.resolve(io.cwd, options.out);
          await writeFile(file, `${json}\n`);
          io.out(text.written(file));
        } else io.out(json);
      }),
    );
  privacy
    .command('erase')
    .description(text.eraseDescription)
    .requiredOption('--user <upn-or-object-id>', cliMessages.session.userOption)
    .option('--tenant <id>', cliMessages.session.tenantOption)
    .option('--reference <case>', text.referenceOption)
    .option('--yes', text.yesOption)
    .action(async (options: PersonOptions & { yes?: boolean }) =>
      runCommand(io, async () => {
        const request = requestOf(options);
        const { deps, personRef } = await session(io, env, options);
        if (!options.yes) {
          io.out(text.eraseNeedsYes(personRef.personId));
          return;
        }
        const report = await erasePerson(deps, personRef, request);
        io.out(text.erased(personRef.personId, report.erasedAt));
        const tables = Object.entries(report.tables);
        if (tables.length === 0) io.out(text.erasedNothingLeft);
        for (const [table, c] of tables) io.out(text.erasedTable(table, c.deleted, c.anonymised, c.kept));
        for (const [hold, h] of Object.entries(report.holds))
          io.out(text.keptUnderHold(hold, h.kept, h.years));
        io.out(text.requestId(request.requestId));
      }),
    );
}

/** The request's audit entry: a fresh id and the operator's case reference (refused if it could name someone). */
function requestOf(options: PersonOptions): Omit<PrivacyRequest, 'kind'> {
  const reference = options.reference ?? 'operator';
  const problem = referenceProblem(reference);
  if (problem)
    throw new CommandFailed(text.badReference(reference.length > 64 ? reference.slice(0, 64) : reference));
  return { requestId: randomUUID(), via: 'cli', reference };
}

/**
 * The person by UPN or object id. An object id is taken as it is even when the People table no
 * longer has them, so that erasing someone again (or someone the directory already removed) works.
 */
async function session(io: CliIO, env: CliEnv, options: { user: string; tenant?: string }) {
  const composed = await connect(io, cliConfig(env));
  const tenantId = await resolveTenant(composed.deps.people, options.tenant);
  const personId = objectId.test(options.user)
    ? options.user.toLowerCase()
    : (await resolvePerson(composed.deps.people, tenantId, options.user)).id;
  return { deps: privacyRequestDeps(composed), personRef: { tenantId, personId } };
}
