import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { sandboxDataDir } from '../sandboxSettings.ts';

const SIMULATOR_DEFAULT_PORT = 5880; // server.ts; not imported, so commands other than serve start fast

/**
 * `npm run sim -- <command>`: runs the tenant simulator (`serve`) or changes the running one, as HR
 * and IT would change a real tenant: `hire`, `leave`, `move`, plus `seed`, `faults`, `lifecycle`,
 * `reset-delta`, `advance-clock` and `status`. Talks to SIM_URL or --url (http://127.0.0.1:5880).
 */

const messages = {
  notRunning: (url: string) =>
    `The tenant simulator is not running at ${url}. Start the sandbox (npm start) or the simulator alone (npm run sim -- serve).`,
  failed: (what: string, error: string) => `${what} failed: ${error}`,
  hired: (u: Shown) =>
    `Hired ${u.displayName} <${u.userPrincipalName}> (id ${u.id}) in ${u.department ?? 'no department'}.`,
  left: (u: Shown, mode: string) =>
    `${u.displayName} <${u.userPrincipalName}> ${mode === 'disable' ? 'is disabled' : mode === 'delete' ? 'is deleted (restorable)' : 'is deleted for good'}.`,
  moved: (u: Shown) =>
    `${u.displayName} is now ${u.jobTitle ?? 'without a job title'} in ${u.department ?? 'no department'}.`,
  seeded: (r: { added: number; total: number; ms: number }) =>
    `Seeded ${r.added} people in ${r.ms} ms; the tenant has ${r.total}.`,
  serving: (url: string, httpUrl: string) =>
    `Tenant simulator on ${url} (plain http too: ${httpUrl}). Ctrl-C stops it.`,
  certificate: (file: string) => `Its TLS certificate is in ${file} (for NODE_EXTRA_CA_CERTS).`,
};

interface Shown {
  id: string;
  displayName: string;
  userPrincipalName: string;
  department: string | null;
  jobTitle: string | null;
}

const share = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('a share from 0 to 1 (e.g. 0.1)');
  return n;
};
const whole = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
  return n;
};

const program = new Command('sim')
  .description('The Drypp tenant simulator (Microsoft Graph and Entra sign-in for the sandbox)')
  .addOption(
    new Option('--url <url>', 'the running simulator')
      .env('SIM_URL')
      .default(`http://127.0.0.1:${SIMULATOR_DEFAULT_PORT}`),
  )
  .showHelpAfterError();

/** Calls a control; on any failure prints why and exits 1. */
async function control<T>(method: string, route: string, body?: unknown): Promise<T> {
  const url = program.opts<{ url: string }>().url.replace(/\/$/, '');
  let response: Response;
  try {
    response = await fetch(`${url}/_sim/${route}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    return fail(messages.notRunning(url));
  }
  const answer = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) return fail(messages.failed(route, answer.error ?? `HTTP ${response.status}`));
  return answer;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const say = (line: string): void => void process.stdout.write(`${line}\n`);

program
  .command('serve')
  .description('run the simulator with the demo organisation (Ctrl-C stops it)')
  .option('--port <port>', 'port', whole(0, 65535), SIMULATOR_DEFAULT_PORT)
  .option(
    '--data-file <file>',
    'keeps the directory here',
    path.join(sandboxDataDir, 'tenant-simulator.json'),
  )
  .option('--no-https', 'plain http only (msal-node then refuses it as an authority)')
  .option('--omit <objectIds...>', 'demo people to leave out at first start (to hire them later with --id)')
  .action(async (o: { port: number; dataFile: string; https: boolean; omit?: string[] }) => {
    const { startTenantSimulator } = await import('./server.ts');
    const { demoChatIdFor, seedFromDemoOrganisation } = await import('./state/demoSeed.ts');
    const certFile = path.join(path.dirname(o.dataFile), 'tenant-simulator-cert.pem');
    const sim = await startTenantSimulator({
      port: o.port,
      https: o.https,
      dataFile: o.dataFile,
      certFile: o.https ? certFile : undefined,
      tenants: [seedFromDemoOrganisation({ omit: o.omit })],
      chatIdFor: demoChatIdFor,
    });
    say(messages.serving(sim.url, sim.httpUrl));
    if (o.https) say(messages.certificate(certFile));
    const stop = () => void sim.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('hire')
  .description('a new person in the directory (a change notification and a delta change follow)')
  .requiredOption('--name <name>', 'display name, e.g. "Maja Berg"')
  .option('--department <department>')
  .option('--job-title <title>')
  .option('--manager <upn>', 'the manager, by UPN or object id')
  .option('--id <guid>', 'a given object id (e.g. a Playground user)')
  .option('--upn <upn>', 'a given UPN (default: first.last@domain)')
  .option('--hire-date <date>', 'employeeHireDate, e.g. 2025-08-04 (default: now)')
  .option('--no-mailbox', 'a frontline account without a mailbox')
  .option('--guest', 'a guest account')
  .option('--language <tag>', 'preferredLanguage', 'nb-NO')
  .option('--tenant <id>', 'tenant id or domain (default: the first)')
  .action(async (o: Record<string, string | boolean | undefined>) => {
    const { user } = await control<{ user: Shown }>('POST', 'hire', {
      tenantId: o.tenant,
      name: o.name,
      department: o.department,
      jobTitle: o.jobTitle,
      manager: o.manager,
      id: o.id,
      upn: o.upn,
      hireDate: o.hireDate,
      mailbox: o.mailbox,
      userType: o.guest ? 'Guest' : undefined,
      preferredLanguage: o.language,
    });
    say(messages.hired(user));
  });

program
  .command('leave')
  .description('someone leaves: the account is disabled (default) or deleted')
  .requiredOption('--user <upn>', 'UPN or object id')
  .addOption(new Option('--delete', 'delete the account (restorable for 30 days)').conflicts('purge'))
  .option('--purge', 'delete the account for good')
  .option('--tenant <id>')
  .action(async (o: { user: string; delete?: boolean; purge?: boolean; tenant?: string }) => {
    const mode = o.purge ? 'purge' : o.delete ? 'delete' : 'disable';
    const { user } = await control<{ user: Shown }>('POST', 'leave', {
      tenantId: o.tenant,
      user: o.user,
      mode,
    });
    say(messages.left(user, mode));
  });

program
  .command('move')
  .description('a new department, job title or manager (or a mailbox for a frontline account)')
  .requiredOption('--user <upn>', 'UPN or object id')
  .option('--department <department>')
  .option('--job-title <title>')
  .option('--manager <upn>')
  .option('--mailbox', 'the account gets its mailbox')
  .option('--tenant <id>')
  .action(async (o: Record<string, string | boolean | undefined>) => {
    const { user } = await control<{ user: Shown }>('POST', 'move', {
      tenantId: o.tenant,
      user: o.user,
      department: o.department,
      jobTitle: o.jobTitle,
      manager: o.manager,
      mailbox: o.mailbox,
    });
    say(messages.moved(user));
  });

program
  .command('seed')
  .description('adds many established people at once (for benchmarks)')
  .requiredOption('--users <n>', 'how many', whole(1, 1_000_000))
  .option('--tenant <id>')
  .action(async (o: { users: number; tenant?: string }) => {
    say(messages.seeded(await control('POST', 'seed', { tenantId: o.tenant, users: o.users })));
  });

program
  .command('faults')
  .description('shows or sets the fault knobs')
  .option('--throttle <share>', 'share of Graph calls answered 429', share)
  .option('--retry-after <seconds>', 'Retry-After of 429 and 503 answers', whole(0, 3600))
  .option('--server-errors <share>', 'share of Graph calls answered 503', share)
  .option('--latency <ms>', 'added to every call', whole(0, 60_000))
  .option('--token-lifetime <seconds>', 'lifetime of new access tokens', whole(1, 86_400))
  .option('--teams-delay <seconds>', 'installs for younger accounts answer 404', whole(0, 86_400))
  .option('--mailbox-delay <seconds>', 'mailboxSettings of younger accounts answer 404', whole(0, 86_400))
  .action(async (o: Record<string, number | undefined>) => {
    const knobs = {
      throttleShare: o.throttle,
      retryAfterSeconds: o.retryAfter,
      serverErrorShare: o.serverErrors,
      latencyMs: o.latency,
      tokenLifetimeSeconds: o.tokenLifetime,
      teamsProvisioningSeconds: o.teamsDelay,
      mailboxProvisioningSeconds: o.mailboxDelay,
    };
    const set = Object.values(knobs).some((v) => v !== undefined);
    say(
      JSON.stringify(set ? await control('PUT', 'faults', knobs) : await control('GET', 'faults'), null, 2),
    );
  });

program
  .command('lifecycle')
  .description('sends a lifecycle notification for a subscription')
  .requiredOption('--subscription <id>')
  .addOption(
    new Option('--event <event>')
      .choices(['reauthorizationRequired', 'subscriptionRemoved', 'missed'])
      .makeOptionMandatory(),
  )
  .option('--tenant <id>')
  .action(async (o: { subscription: string; event: string; tenant?: string }) => {
    const body = { tenantId: o.tenant, subscriptionId: o.subscription, event: o.event };
    say(JSON.stringify(await control('POST', 'lifecycle', body)));
  });

program
  .command('reset-delta')
  .description('every delta token so far answers 410 (a full resync is needed)')
  .option('--tenant <id>')
  .action(async (o: { tenant?: string }) =>
    say(JSON.stringify(await control('POST', 'delta/reset', { tenantId: o.tenant }))),
  );

program
  .command('advance-clock')
  .description("moves the simulated cloud's clock forward (token expiry, 7-day delta tokens)")
  .requiredOption('--seconds <n>', 'how far', whole(1, 365 * 86_400))
  .action(async (o: { seconds: number }) => say(JSON.stringify(await control('POST', 'clock/advance', o))));

program
  .command('status')
  .description('tenants, counts, subscriptions and fault knobs')
  .action(async () => say(JSON.stringify(await control('GET', 'status'), null, 2)));

await program.parseAsync();
