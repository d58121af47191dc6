import fs from 'node:fs/promises';
import path from 'node:path';
import { startAzurite } from './azurite.ts';
import { startTeamsInstalls } from './teamsInstalls.ts';
import {
  demoChatIdFor,
  sandboxGraphApp,
  sandboxTabApp,
  sandboxTeamsApp,
  seedFromDemoOrganisation,
  startTenantSimulator,
} from './tenantSimulator/index.ts';
import { startChild, type Child } from './child.ts';
import { startLrs } from './lrs/lrs.ts';
import { demoBot, demoPeople, demoPersonalChatId, demoTenant } from './demoOrganisation.ts';
import { startPlayground, type Playground } from './playground.ts';
import { writePlaygroundConfig } from './playgroundConfig.ts';
import { isPortInUse } from './ports.ts';
import { repoRoot, sandboxDataDir, sandboxPorts } from './sandboxSettings.ts';
import { ensureTabsBuilt } from '../scripts/build-tabs.ts';
import { hostPeople } from './teamsHost/people.ts';
import { startTeamsHost } from './teamsHost/server.ts';
import { simulatorTabTokens } from './teamsHost/simulatorTokens.ts';

/**
 * `npm start`: the whole product on one machine with no tenant, on loopback only: Azurite, Drypp
 * (web and worker roles), and the Agents Playground pointed at Drypp's bot endpoint. Ctrl-C stops all.
 */

const say = (line: string) => process.stdout.write(`${line}\n`);
const prefixed = (name: string) => (line: string) => process.stdout.write(`[${name}] ${line}\n`);

async function refuseTakenPorts(): Promise<void> {
  const wanted = {
    Drypp: sandboxPorts.drypp,
    'Agents Playground': sandboxPorts.playground,
    'Tenant simulator': sandboxPorts.tenantSimulator,
    'Teams host': sandboxPorts.teamsHost,
    'Learning record store': sandboxPorts.lrs,
    'Azurite queues': sandboxPorts.azurite.queue,
    'Azurite tables': sandboxPorts.azurite.table,
    'Azurite blobs': sandboxPorts.azurite.blob,
  };
  const taken: string[] = [];
  for (const [name, port] of Object.entries(wanted))
    if (await isPortInUse(port)) taken.push(`${name} (${port})`);
  if (taken.length > 0) {
    throw new Error(
      `these ports are already in use: ${taken.join(', ')}. Is another sandbox running? Stop it, or the program using them.`,
    );
  }
}

async function waitForHealthy(url: string, drypp: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (drypp.process.exitCode !== null) throw new Error(`Drypp exited while starting:\n${drypp.tail()}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`Drypp did not become healthy within ${timeoutMs / 1000} s:\n${drypp.tail()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const running: Array<{ stop(): Promise<void> }> = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('Stopping the sandbox…');
    for (const child of running.reverse()) await child.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    await refuseTakenPorts();
    await fs.mkdir(path.join(sandboxDataDir, 'azurite'), { recursive: true });
    await ensureTabsBuilt(say);

    say('Starting Azurite (tables and queues)…');
    const azurite = await startAzurite({
      location: path.join(sandboxDataDir, 'azurite'),
      ports: sandboxPorts.azurite,
    });
    running.push(azurite.child);

    say('Starting the tenant simulator (Entra sign-in and Microsoft Graph)…');
    const dryppUrl = `http://127.0.0.1:${sandboxPorts.drypp}`;
    const playgroundRef: { url?: string } = {}; // known once the Playground has started
    const teams = await startTeamsInstalls({
      playgroundUrl: () => playgroundRef.url,
      botEndpoint: `${dryppUrl}/api/messages`,
    });
    running.push(teams);
    const simulatorCert = path.join(sandboxDataDir, 'tenant-simulator-cert.pem');
    // SANDBOX_OMIT_PLAYGROUND_USER: the directory starts without the Playground's user, so
    // `npm run sim -- hire --id <their id>` shows the whole new-hire path in the Playground.
    const omit = process.env.SANDBOX_OMIT_PLAYGROUND_USER ? [demoPeople[0]!.id] : [];
    const tenantSimulator = await startTenantSimulator({
      port: sandboxPorts.tenantSimulator,
      https: true,
      dataFile: path.join(sandboxDataDir, 'tenant-simulator.json'),
      certFile: simulatorCert,
      tenants: [seedFromDemoOrganisation({ omit })],
      chatIdFor: demoChatIdFor,
      onAppInstalled: (tenantId, userId) => teams.appInstalled(tenantId, userId),
    });
    running.push(tenantSimulator);

    say('Starting the learning record store (xAPI, in memory)…');
    const lrs = await startLrs({ port: sandboxPorts.lrs });
    running.push(lrs.child);

    say('Starting Drypp (web and worker roles)…');
    const drypp = startChild(
      'drypp',
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'src/main.ts')],
      {
        cwd: repoRoot,
        env: {
          DRYPP_MODE: 'sandbox',
          DRYPP_HOST: '127.0.0.1',
          PORT: String(sandboxPorts.drypp),
          DRYPP_ROLES: 'web,worker',
          DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
          // A demo must work at any hour: cards may go out all day, every day, and the scheduler looks often.
          DRYPP_WORKING_HOURS: '00:00-23:59',
          DRYPP_WORKING_DAYS: 'monday,tuesday,wednesday,thursday,friday,saturday,sunday',
          DRYPP_MAX_CARDS_PER_DAY: '20',
          DRYPP_SCHEDULER_INTERVAL_MS: '1000',
          // The demo organisation is the only one served: an activity from any other tenant changes nothing.
          DRYPP_TENANTS: demoTenant.id,
          // Directory sync against the tenant simulator: only these URLs differ from production.
          NODE_EXTRA_CA_CERTS: simulatorCert,
          DRYPP_DIRECTORY_TENANTS: demoTenant.id,
          DRYPP_GRAPH_CLIENT_ID: sandboxGraphApp.clientId,
          DRYPP_GRAPH_CLIENT_SECRET: sandboxGraphApp.clientSecret,
          DRYPP_AUTHORITY_HOST: tenantSimulator.url,
          DRYPP_GRAPH_BASE_URL: tenantSimulator.url,
          DRYPP_TEAMS_APP_CATALOG_ID: sandboxTeamsApp.id,
          DRYPP_PUBLIC_URL: dryppUrl,
          DRYPP_GRAPH_CLIENT_STATE: 'sandbox-client-state-not-a-secret',
          DRYPP_SYNC_INTERVAL_MS: '60000',
          // Teams SSO for the tab API: tokens from the simulator (POST /_sim/tab-token) for its tab app.
          DRYPP_TAB_CLIENT_ID: sandboxTabApp.clientId,
          // Learning records (xAPI) to the sandbox's own LRS, sent within a second or two.
          DRYPP_XAPI_ENDPOINT: lrs.endpoint,
          DRYPP_XAPI_USERNAME: lrs.key,
          DRYPP_XAPI_PASSWORD: lrs.secret,
          DRYPP_XAPI_SEND_INTERVAL_MS: '1000',
          DRYPP_XAPI_RETRY_SECONDS: '5',
        },
        echo: prefixed('drypp'),
      },
    );
    running.push(drypp);
    await waitForHealthy(`${dryppUrl}/healthz`, drypp, 30_000);
    drypp.process.once('exit', () => {
      if (!stopping) {
        say('Drypp stopped unexpectedly; stopping the sandbox.');
        void stopAll(1);
      }
    });

    say('Starting the Teams host for the tabs…');
    const teamsHost = await startTeamsHost({
      port: sandboxPorts.teamsHost,
      dryppUrl,
      tenantId: demoTenant.id,
      people: hostPeople(),
      issueToken: simulatorTabTokens(tenantSimulator.url, simulatorCert),
    });
    running.push(teamsHost);

    say('Starting the Microsoft 365 Agents Playground…');
    const configFile = writePlaygroundConfig(
      path.join(process.env.SANDBOX_DATA_DIR ? sandboxDataDir : repoRoot, '.m365agentsplayground.yml'),
      {
        tenantId: demoTenant.id,
        bot: demoBot,
        personalChatId: demoPersonalChatId,
        users: demoPeople.map((p) => ({
          name: p.displayName,
          aadObjectId: p.id,
          email: p.userPrincipalName,
        })),
      },
    );
    const playground: Playground = await startPlayground({
      botEndpoint: `${dryppUrl}/api/messages`,
      port: sandboxPorts.playground,
      configFile,
      cwd: sandboxDataDir,
    });
    running.push(playground);
    playgroundRef.url = playground.url;

    const [you] = demoPeople;
    say('');
    say(`  Drypp bot endpoint   ${dryppUrl}/api/messages`);
    say(`  Drypp health         ${dryppUrl}/healthz`);
    say(`  Teams host (tabs)    ${teamsHost.url}   (pick a person, a tab, a theme and a language)`);
    say(`  Agents Playground    ${playground.url}   (you are ${you?.displayName} in ${demoTenant.name})`);
    say(`  Tenant simulator     ${tenantSimulator.url}   (Graph and sign-in; try: npm run sim -- help)`);
    say(`  Other people's chats ${teams.serviceUrl}   (cards to people without a Playground window)`);
    say(`  Learning records     ${lrs.endpoint}statements   (xAPI; Basic auth ${lrs.key}:${lrs.secret})`);
    say(
      `  Azurite              tables 127.0.0.1:${sandboxPorts.azurite.table}, queues 127.0.0.1:${sandboxPorts.azurite.queue}`,
    );
    say(
      `  Data                 ${path.relative(repoRoot, sandboxDataDir)}/ (wipe with npm run sandbox:reset)`,
    );
    say('');
    say(
      `Drypp sandbox is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: open ${playground.url}. Ctrl-C stops everything.`,
    );
  } catch (error) {
    process.stderr.write(`The sandbox could not start: ${(error as Error).message}\n`);
    await stopAll(1);
  }
}

await main();
