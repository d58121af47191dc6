// drypp privacy export | erase: what Drypp holds about one person, and erasing it.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { TablePersonalDataStore } from '../../store/privacy/personalDataStore.ts';
import { TableErasedPeople } from '../../store/privacy/erasedPeopleStore.ts';
import { TablePseudonymStore } from '../../store/privacy/pseudonymStore.ts';
import { tableNames } from '../../store/platform/tables.ts';
import {
  erasePerson,
  exportPersonalData,
  type PrivacyDeps,
} from '../../usecases/privacy/personalDataRequests.ts';
import type { Composed } from '../../compose.ts';
import type { CliIO } from '../io.ts';
import { cliMessages } from '../messages.ts';
import { privacyMessages as text } from '../privacyMessages.ts';
import { cliConfig, connect, resolvePerson, resolveTenant, runCommand, type CliEnv } from './session.ts';

const objectId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerPrivacyCommands(program: Command, io: CliIO, env: CliEnv): void {
  const privacy = program.command('privacy').description(text.description);
  privacy
    .command('export')
    .description(text.exportDescription)
    .requiredOption('--user <upn-or-object-id>', cliMessages.session.userOption)
    .option('--tenant <id>', cliMessages.session.tenantOption)
    .option('--out <file>', text.outOption)
    .action(async (options: { user: string; tenant?: string; out?: string }) =>
      runCommand(io, async () => {
        const { deps, personRef } = await session(io, env, options);
        const exported = await exportPersonalData(deps, personRef);
        io.out(text.summaryHeader(personRef.personId, exported.exportedAt));
        const tables = Object.entries(exported.tables);
        if (tables.length === 0) io.out(text.nothingHeld);
        for (const [table, rows] of tables) {
          const own = rows.filter((r) => r.role === 'own').length;
          io.out(text.summaryTable(table, own, rows.length - own));
        }
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
    .option('--yes', text.yesOption)
    .action(async (options: { user: string; tenant?: string; yes?: boolean }) =>
      runCommand(io, async () => {
        const { deps, personRef } = await session(io, env, options);
        if (!options.yes) {
          io.out(text.eraseNeedsYes(personRef.personId));
          return;
        }
        const report = await erasePerson(deps, personRef);
        io.out(text.erased(personRef.personId, report.erasedAt));
        const tables = Object.entries(report.tables);
        if (tables.length === 0) io.out(text.erasedNothingLeft);
        for (const [table, c] of tables) io.out(text.erasedTable(table, c.deleted, c.anonymised, c.kept));
      }),
    );
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
  return { deps: privacyDeps(composed), personRef: { tenantId, personId } };
}

function privacyDeps(composed: Composed): PrivacyDeps {
  const { storage, deps } = composed;
  return {
    clock: deps.clock,
    personalData: new TablePersonalDataStore(storage),
    pseudonyms: new TablePseudonymStore(storage.table(tableNames.xapiPseudonyms)),
    erased: new TableErasedPeople(storage.table(tableNames.erasedPeople)),
    legalHolds: {},
  };
}
