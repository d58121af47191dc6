// What the learning commands share: configuration read like the server's, the program content, a
// connection to the server's storage, and the tenant and person a command is about.
import path from 'node:path';
import { compose, repoRoot, type Composed } from '../../compose.ts';
import { ConfigError, loadConfig, type Config, type StorageSettings } from '../../config/config.ts';
import { loadContent } from '../../content/loadContent.ts';
import type { Program } from '../../domain/learning/program.ts';
import { createLogger } from '../../log/logger.ts';
import { StorageClients } from '../../store/platform/storageClients.ts';
import { storageHealthProbe } from '../../store/platform/storageHealth.ts';
import type { Person } from '../../domain/directory/person.ts';
import type { PeopleStore } from '../../usecases/directory/ports.ts';
import type { CliIO } from '../io.ts';
import { cliMessages } from '../messages.ts';

const text = cliMessages.session;

/** The environment the CLI was started with; read once at the edge (src/cli/program.ts). */
export type CliEnv = Record<string, string | undefined>;

/** An expected way for a command to stop: its message is for the person at the terminal. */
export class CommandFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandFailed';
  }
}

/**
 * The edge of every learning command: expected failures print their message, anything else prints
 * one line (never a stack trace), and both exit 1.
 */
export async function runCommand(io: CliIO, command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (error) {
    if (error instanceof CommandFailed || error instanceof ConfigError) io.err(error.message);
    else io.err(cliMessages.unexpectedError(error instanceof Error ? error.message : String(error)));
    io.fail(1);
  }
}

/**
 * The server's configuration, from the same environment variables. DRYPP_MODE defaults to sandbox
 * rather than production, so `npm run drypp -- enroll …` in a checkout reaches the local Azurite.
 */
export function cliConfig(env: CliEnv): Config {
  return loadConfig({ ...env, DRYPP_MODE: cliMode(env) });
}

/** The mode the CLI runs in, known before the rest of the configuration is checked. */
export function cliMode(env: CliEnv): string {
  return env.DRYPP_MODE || 'sandbox';
}

/** The programs the server serves (its DRYPP_CONTENT_DIR); no storage needed. */
export async function loadPrograms(config: Config): Promise<Program[]> {
  const dir = path.resolve(repoRoot, config.contentDir);
  const content = await loadContent(dir);
  if (!content.ok) throw new CommandFailed(text.contentInvalid(dir, content.problems.length));
  return content.programs;
}

/** The program with that id, or a failure naming the ones there are. */
export function requireProgram(programs: Program[], programId: string): Program {
  const program = programs.find((p) => p.id === programId);
  if (!program)
    throw new CommandFailed(
      text.unknownProgram(
        programId,
        programs.map((p) => p.id),
      ),
    );
  return program;
}

/** How long to wait for storage to answer before saying it is unreachable. */
const REACH_TIMEOUT_MS = 5000;

/** Connects to the server's storage, first checking that it answers at all. */
export async function connect(io: CliIO, config: Config): Promise<Composed> {
  const endpoint = storageEndpoint(config.storage);
  io.err(text.connecting(endpoint));
  const reach = await storageHealthProbe(new StorageClients(config.storage), REACH_TIMEOUT_MS).check();
  if (!reach.ok) throw new CommandFailed(text.unreachable(endpoint, config.mode));
  return compose(config, createLogger('silent'));
}

/** `--tenant`, or the only tenant Drypp has people in. */
export async function resolveTenant(people: PeopleStore, tenant: string | undefined): Promise<string> {
  if (tenant !== undefined) return tenant;
  const tenants = await people.tenants();
  if (tenants.length === 1) return tenants[0]!;
  throw new CommandFailed(tenants.length === 0 ? text.noTenants : text.severalTenants(tenants));
}

const objectIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person by Entra object id (a GUID) or by user principal name. */
export async function resolvePerson(people: PeopleStore, tenantId: string, user: string): Promise<Person> {
  const person = objectIdPattern.test(user)
    ? ((await people.get(tenantId, user)) ?? (await people.get(tenantId, user.toLowerCase())))
    : await people.findByUpn(tenantId, user);
  if (!person) throw new CommandFailed(text.unknownUser(user, tenantId));
  return person;
}

/** `host:port` of the table endpoint, to name in messages (never the key). */
export function storageEndpoint(settings: StorageSettings): string {
  if (settings.kind === 'managedIdentity') return hostAndPort(settings.tableUrl);
  const parts = new Map(
    settings.connectionString
      .split(';')
      .filter((p) => p.includes('='))
      .map((p) => [p.slice(0, p.indexOf('=')).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()]),
  );
  const tableEndpoint = parts.get('tableendpoint');
  if (tableEndpoint) return hostAndPort(tableEndpoint);
  if (parts.get('usedevelopmentstorage') === 'true') return '127.0.0.1:10002';
  const account = parts.get('accountname') ?? 'unknown-account';
  const protocol = parts.get('defaultendpointsprotocol') ?? 'https';
  return hostAndPort(`${protocol}://${account}.table.${parts.get('endpointsuffix') ?? 'core.windows.net'}`);
}

function hostAndPort(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'http:' ? '80' : '443')}`;
  } catch {
    return url;
  }
}
