import fs from 'node:fs';
import { installationUpdateActivity } from '../sandbox/teamsInstalls.ts';
import { wholeNumber } from './support/options.ts';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoPeople, demoTenant } from '../sandbox/demoOrganisation.ts';
import { freePort } from '../sandbox/ports.ts';
import {
  sandboxGraphApp,
  sandboxTeamsApp,
  seedFromDemoOrganisation,
  startTenantSimulator,
  type RunningSimulator,
} from '../sandbox/tenantSimulator/index.ts';
import { StorageClients } from '../src/store/platform/storageClients.ts';
import { TableSyncStateStore } from '../src/store/directory/syncStateStore.ts';
import { tableNames } from '../src/store/platform/tables.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { startStorageCounter, type StorageCallsPer } from './support/storageOps.ts';
import { Cleanup } from './support/cleanup.ts';
import { startDryppProcess } from './support/dryppProcess.ts';
import { startRecordingConnector, type ReceivedActivity } from './support/recordingConnector.ts';
import { machine, progress, publishResult } from './support/results.ts';
import { percentile } from './support/stats.ts';
import { coreShares, cpuMeter } from './support/cpuTime.ts';

/**
 * `npm run bench -- newhire`: people hired in the tenant simulator, and how long each waits from the
 * account's creation until their first step card reaches Teams (the Bot Connector accepts it).
 * Everything between is the product's real path: Graph change notification or delta poll, directory
 * sync, enrollment, the Graph app install, Teams' installationUpdate to the bot, the scheduler.
 *
 * Two modes, each on a fresh Azurite, simulator and Drypp (a child process, web and worker roles):
 * - notifications: DRYPP_PUBLIC_URL set, so Drypp subscribes to user changes; delta still polls at
 *   the production default (5 min). The hires arrive in a burst over a few seconds.
 * - polling: no public URL, delta polling only, every --poll-interval-s. A hire lands at a random
 *   moment of a customer's poll cycle, so the hires are spread over one whole interval (the
 *   measured spread is in the output): percentiles then show what customers see, not one phase.
 */
const usage = `Usage: npm run bench -- newhire [--hires 50] [--mode both|notifications|polling]
       [--poll-interval-s 60] [--burst-s 5] [--max-wait-s <s after the last hire>]
       npm run bench -- newhire --burst 1000   (that many accounts at once, change notifications)
       add --count-storage to count Drypp's storage calls per hire (through a counting proxy: slower, not a timed run)
       add --drypp-cpu-prof <dir> to write Drypp's V8 CPU profile there (bench/tools/cpuProfileSummary.ts reads it)`;
/** Graph: app installs per app and tenant (REFERENCE.md). */
const GRAPH_INSTALLS_PER_SECOND = 30;
const TARGET_P95_S = 60;
const PRODUCTION_SYNC_INTERVAL_MS = 300_000;
const tenantId = demoTenant.id;
/** A step card, in English or Norwegian (src/messages: "Step 3 of 10" / "Steg 3 av 10"). */
const STEP_CARD = /\b(Step \d+ of \d+|Steg \d+ av \d+)/;

type Mode = 'notifications' | 'polling';

interface Options {
  hires: number;
  modes: Mode[];
  pollIntervalS: number;
  burstS: number;
  maxWaitS?: number;
  /** Drypp's storage calls go through a counting proxy: calls per hire, by kind (slower: a diagnosis). */
  countStorage: boolean;
  /** Drypp's V8 CPU profile goes to this directory (written when Drypp stops). */
  dryppCpuProf?: string;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      hires: { type: 'string', default: '50' },
      mode: { type: 'string', default: 'both' },
      'poll-interval-s': { type: 'string', default: '60' },
      'burst-s': { type: 'string', default: '5' },
      'max-wait-s': { type: 'string' },
      burst: { type: 'string' },
      'count-storage': { type: 'boolean', default: false },
      'drypp-cpu-prof': { type: 'string' },
    },
  });
  const countStorage = values['count-storage'];
  const dryppCpuProf = values['drypp-cpu-prof'];
  // A municipality's summer staff on 1 June: N accounts created at once, Drypp told by notifications.
  if (values.burst !== undefined)
    return {
      hires: wholeNumber('burst', values.burst, 1, 1000),
      modes: ['notifications'],
      pollIntervalS: 60,
      burstS: 0,
      countStorage,
      dryppCpuProf,
      maxWaitS:
        values['max-wait-s'] === undefined
          ? undefined
          : wholeNumber('max-wait-s', values['max-wait-s'], 1, 7200),
    };
  const int = wholeNumber;
  const mode = values.mode;
  if (mode !== 'both' && mode !== 'notifications' && mode !== 'polling')
    throw new Error('--mode must be both, notifications or polling');
  return {
    hires: int('hires', values.hires, 1, 1000),
    modes: mode === 'both' ? ['notifications', 'polling'] : [mode],
    pollIntervalS: int('poll-interval-s', values['poll-interval-s'], 1, 3600),
    burstS: int('burst-s', values['burst-s'], 0, 600),
    countStorage,
    dryppCpuProf,
    maxWaitS:
      values['max-wait-s'] === undefined ? undefined : int('max-wait-s', values['max-wait-s'], 1, 7200),
  };
}

/** How long to wait after the last hire before giving up on the rest. */
function maxWaitS(options: Options, mode: Mode): number {
  if (options.maxWaitS !== undefined) return options.maxWaitS;
  return mode === 'polling' ? 2 * options.pollIntervalS + 60 : 180;
}

function spreadS(options: Options, mode: Mode): number {
  return mode === 'polling' ? options.pollIntervalS : options.burstS;
}

export async function main(args: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(args);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 1;
  }
  const cleanup = new Cleanup();
  // Per mode: starting everything (well under 2 minutes), the hires, and the wait for the last card.
  const limitS = options.modes.reduce((s, m) => s + 120 + spreadS(options, m) + maxWaitS(options, m), 30);
  const hardLimit = setTimeout(() => {
    progress(`hard time limit (${limitS} s) reached: stopping`);
    void cleanup.run().finally(() => process.exit(1));
  }, limitS * 1000);
  try {
    const modes: Record<string, ModeResult> = {};
    for (const mode of options.modes) modes[mode] = await runMode(options, mode, cleanup);
    const notifications = modes.notifications;
    // A counted or profiled run is slower (a proxy's hop per call, the profiler): it never stands in
    // for the timed figure.
    const name = options.countStorage
      ? 'newhire-storage-calls'
      : options.dryppCpuProf
        ? 'newhire-profiled'
        : 'newhire';
    publishResult(name, {
      bench: 'newhire',
      hires: options.hires,
      modes,
      target_p95_s: TARGET_P95_S,
      ...(notifications
        ? { target_met: notifications.p95_s !== null && notifications.p95_s <= TARGET_P95_S }
        : {}),
      machine: machine(),
      setup:
        'per mode: fresh in-memory azurite, tenant simulator (https, demo organisation) in the bench process, ' +
        'drypp child process (web,worker; content/), recording bot connector; installationUpdate 0.5 s after the Graph install',
    });
    for (const [mode, r] of Object.entries(modes)) {
      if (r.delivered < options.hires)
        progress(`${mode}: only ${r.delivered} of ${options.hires} first cards arrived`);
    }
    return 0;
  } finally {
    clearTimeout(hardLimit);
    await cleanup.run();
  }
}

interface ModeResult {
  p50_s: number | null;
  p95_s: number | null;
  max_s: number | null;
  delivered: number;
  mean_s: number | null;
  /** Creation → Drypp installed the app through Graph (detection, sync, enrollment, reach). */
  to_app_install_p50_s: number | null;
  to_app_install_p95_s: number | null;
  /** Graph install → first step card accepted (Teams' installationUpdate, welcome, scheduler). */
  install_to_card_p50_s: number | null;
  install_to_card_p95_s: number | null;
  /** Graph installs a second while they ran (first to last install), over Graph's 30/s. */
  ratio_to_install_limit: number | null;
  /** Welcome cards that arrived (one per hire expected). */
  welcomes: number;
  sync_interval_s: number;
  poll_interval_s?: number;
  hire_spread_s: number;
  max_wait_s: number;
  setup_s: number;
  change_notifications?: number;
  /**
   * Of one core, what each process used from the first hire to the last card (1 = a core all the
   * time; the machine has two). Azurite and Drypp are each one Node.js thread: near 1, that process
   * is what the hires wait for.
   */
  cpu_core_share: Record<string, number>;
  /** With --count-storage: Drypp's storage calls from the first hire to the last card, per hire. */
  storage_calls_per_hire?: StorageCallsPer;
}

/** Runs `fn` once, however often it is called (explicit stop now, and again from the cleanup). */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

async function runMode(options: Options, mode: Mode, cleanup: Cleanup): Promise<ModeResult> {
  const setupStarted = Date.now();
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  const later = (fn: () => Promise<void>) => {
    const stop = once(fn);
    stops.push(stop);
    cleanup.add(stop);
  };
  try {
    progress(`${mode}: starting a private Azurite, the tenant simulator and a recording connector`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drypp-bench-newhire-'));
    later(async () => fs.rmSync(tmp, { recursive: true, force: true }));
    const azurite = await startBenchAzurite();
    cleanup.addChild(azurite.child);
    later(() => azurite.child.stop());
    const connector = await startRecordingConnector();
    later(() => connector.stop());
    const counter = options.countStorage ? await startStorageCounter(azurite.connectionString) : undefined;
    if (counter) later(() => counter.stop());

    const dryppPort = await freePort();
    const dryppUrl = `http://127.0.0.1:${dryppPort}`;
    const installedAt = new Map<string, number>();
    const certFile = path.join(tmp, 'tenant-simulator-cert.pem');
    const sim: RunningSimulator = await startTenantSimulator({
      port: 0,
      https: true,
      certFile,
      tenants: [seedFromDemoOrganisation()],
      // What Teams does a moment after Graph installs the app: tells the bot, with the serviceUrl
      // where the person's chat is (here, the recording connector).
      onAppInstalled: (tid, userId) => {
        installedAt.set(userId, Date.now());
        setTimeout(() => void installationUpdate(dryppUrl, connector.url, tid, userId), 500);
      },
    });
    later(() => sim.stop());

    const syncIntervalMs = mode === 'polling' ? options.pollIntervalS * 1000 : PRODUCTION_SYNC_INTERVAL_MS;
    progress(`${mode}: starting Drypp (directory sync every ${syncIntervalMs / 1000} s)`);
    const drypp = await startDryppProcess(
      {
        DRYPP_MODE: 'test',
        DRYPP_ROLES: 'web,worker',
        DRYPP_STORAGE_CONNECTION_STRING: counter?.connectionString ?? azurite.connectionString,
        LOG_LEVEL: 'warn',
        DRYPP_WORKING_HOURS: '00:00-23:59',
        DRYPP_WORKING_DAYS: 'monday,tuesday,wednesday,thursday,friday,saturday,sunday',
        DRYPP_MAX_CARDS_PER_DAY: '20',
        DRYPP_SCHEDULER_INTERVAL_MS: '1000',
        NODE_EXTRA_CA_CERTS: certFile,
        DRYPP_DIRECTORY_TENANTS: tenantId,
        DRYPP_GRAPH_CLIENT_ID: sandboxGraphApp.clientId,
        DRYPP_GRAPH_CLIENT_SECRET: sandboxGraphApp.clientSecret,
        DRYPP_AUTHORITY_HOST: sim.url,
        DRYPP_GRAPH_BASE_URL: sim.url,
        DRYPP_TEAMS_APP_CATALOG_ID: sandboxTeamsApp.id,
        DRYPP_SYNC_INTERVAL_MS: String(syncIntervalMs),
        ...(mode === 'notifications'
          ? { DRYPP_PUBLIC_URL: dryppUrl, DRYPP_GRAPH_CLIENT_STATE: 'bench-client-state-not-a-secret' }
          : {}),
      },
      {
        port: dryppPort,
        nodeArgs: options.dryppCpuProf
          ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.dryppCpuProf)}`]
          : [],
      },
    );
    cleanup.addChild(drypp.child);
    later(() => drypp.stop());

    // Hire only once Drypp knows the existing organisation (and, with notifications, subscribed):
    // otherwise the hires would be part of the initial sync, which takes nobody for new.
    const syncState = new TableSyncStateStore(
      new StorageClients({ kind: 'connectionString', connectionString: azurite.connectionString }).table(
        tableNames.syncState,
      ),
    );
    await waitFor(
      `${mode}: initial sync${mode === 'notifications' ? ' and change subscription' : ''}`,
      60_000,
      async () => {
        const state = await syncState.get(tenantId).catch(() => undefined);
        const subscribed = mode === 'polling' || (sim.state.tenant(tenantId)?.subscriptions.size ?? 0) > 0;
        return Boolean(state?.initialSyncDone) && subscribed;
      },
      drypp.child.tail,
    );
    const setupS = (Date.now() - setupStarted) / 1000;

    const spread = spreadS(options, mode);
    progress(`${mode}: hiring ${options.hires} people over ${spread} s`);
    const createdAt = new Map<string, number>();
    const hiringStarted = Date.now();
    const mark = counter?.mark();
    const cpu = cpuMeter({
      drypp: drypp.child.process.pid,
      azurite: azurite.child.process.pid,
      bench: process.pid,
    });
    const managers = demoPeople.slice(0, 5).map((p) => p.userPrincipalName);
    for (let i = 0; i < options.hires; i++) {
      const due = hiringStarted + (options.hires > 1 ? (i * spread * 1000) / (options.hires - 1) : 0);
      await sleep(due - Date.now());
      const response = await fetch(`${sim.httpUrl}/_sim/hire`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `Bench ${mode === 'polling' ? 'Poll' : 'Notify'} Hire ${i + 1}`,
          department: i % 2 ? 'Helse og omsorg' : 'Oppvekst',
          jobTitle: i % 2 ? 'Sykepleier' : 'Lærer',
          manager: managers[i % managers.length],
        }),
      });
      if (!response.ok) throw new Error(`hire ${i + 1} failed: ${response.status} ${await response.text()}`);
      const { user } = (await response.json()) as { user: { id: string } };
      createdAt.set(user.id, Date.now());
    }
    const lastHire = Date.now();

    const waitS = maxWaitS(options, mode);
    progress(`${mode}: waiting up to ${waitS} s after the last hire for every first step card`);
    const deadline = lastHire + waitS * 1000;
    let firstCards = firstStepCards(connector.received, createdAt);
    let reported = 0;
    while (firstCards.size < createdAt.size && Date.now() < deadline) {
      if (drypp.child.process.exitCode !== null) throw new Error(`Drypp stopped:\n${drypp.child.tail()}`);
      await sleep(250);
      firstCards = firstStepCards(connector.received, createdAt);
      if (firstCards.size >= reported + 10) {
        reported = firstCards.size - (firstCards.size % 10);
        progress(
          `${mode}: ${firstCards.size} of ${createdAt.size} first cards after ${Math.round((Date.now() - hiringStarted) / 1000)} s`,
        );
      }
    }

    const cores = coreShares(cpu(), Date.now() - hiringStarted);
    const latencies: number[] = [];
    const toInstall: number[] = [];
    const installToCard: number[] = [];
    for (const [userId, created] of createdAt) {
      const card = firstCards.get(userId);
      const installed = installedAt.get(userId);
      latencies.push(card === undefined ? Infinity : (card - created) / 1000);
      if (installed !== undefined) toInstall.push((installed - created) / 1000);
      if (installed !== undefined && card !== undefined) installToCard.push((card - installed) / 1000);
    }
    const welcomes = new Set(
      connector.received
        .filter((r) => createdAt.has(r.conversationId.slice(2)) && !STEP_CARD.test(r.json))
        .map((r) => r.conversationId),
    ).size;
    const changeNotifications = sim.state.deliveries.filter((d) => d.kind === 'change').length;
    const delivered = latencies.filter(Number.isFinite).length;
    const sorted = [...latencies].sort((a, b) => a - b);
    toInstall.sort((a, b) => a - b);
    installToCard.sort((a, b) => a - b);
    const finite = sorted.filter(Number.isFinite);
    const result: ModeResult = {
      p50_s: seconds(percentile(sorted, 50)),
      p95_s: seconds(percentile(sorted, 95)),
      max_s: seconds(sorted.at(-1)),
      delivered,
      mean_s: finite.length ? seconds(finite.reduce((a, b) => a + b, 0) / finite.length) : null,
      to_app_install_p50_s: secondsAt(toInstall, 50),
      to_app_install_p95_s: secondsAt(toInstall, 95),
      install_to_card_p50_s: secondsAt(installToCard, 50),
      install_to_card_p95_s: secondsAt(installToCard, 95),
      ratio_to_install_limit: installRatio([...installedAt.values()]),
      welcomes,
      sync_interval_s: syncIntervalMs / 1000,
      ...(mode === 'polling' ? { poll_interval_s: options.pollIntervalS } : {}),
      hire_spread_s: Math.round((lastHire - hiringStarted) / 100) / 10,
      max_wait_s: waitS,
      setup_s: Math.round(setupS * 10) / 10,
      ...(mode === 'notifications' ? { change_notifications: changeNotifications } : {}),
      cpu_core_share: cores,
      ...(counter && mark ? { storage_calls_per_hire: counter.perCard(mark, createdAt.size) } : {}),
    };
    progress(`${mode}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await stopAll();
  }
}

function installRatio(times: number[]): number | null {
  if (times.length < 2) return null;
  const spanS = (Math.max(...times) - Math.min(...times)) / 1000;
  return spanS > 0 ? Math.round(((times.length - 1) / spanS / GRAPH_INSTALLS_PER_SECOND) * 100) / 100 : null;
}

/** Undelivered hires count as infinitely late: a percentile that reaches them is null, not flattered. */
function seconds(s: number | undefined): number | null {
  if (s === undefined || !Number.isFinite(s)) return null;
  return Math.round(s * 10) / 10;
}

/** A percentile of sorted seconds; null when nothing was measured (no card is not 0 s). */
function secondsAt(sorted: readonly number[], p: number): number | null {
  return sorted.length ? seconds(percentile(sorted, p)) : null;
}

/** When each hire's first step card arrived (their chat is `a:<object id>`, as Teams names it). */
function firstStepCards(
  received: readonly ReceivedActivity[],
  hires: Map<string, number>,
): Map<string, number> {
  const first = new Map<string, number>();
  for (const r of received) {
    const userId = r.conversationId.startsWith('a:') ? r.conversationId.slice(2) : undefined;
    if (!userId || !hires.has(userId) || first.has(userId)) continue;
    if (STEP_CARD.test(r.json)) first.set(userId, r.at);
  }
  return first;
}

/** What Teams sends the bot after an install (sandbox/teamsInstalls.ts), pointing at our connector. */
async function installationUpdate(dryppUrl: string, serviceUrl: string, tid: string, userId: string) {
  const response = await fetch(`${dryppUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(installationUpdateActivity(tid, userId, serviceUrl)),
    signal: AbortSignal.timeout(30_000),
  }).catch((error: unknown) => {
    progress(`installationUpdate for ${userId} failed: ${(error as Error).message}`);
    return undefined;
  });
  if (response && !response.ok) progress(`installationUpdate for ${userId}: HTTP ${response.status}`);
  await response?.body?.cancel();
}

async function waitFor(
  what: string,
  timeoutMs: number,
  ready: () => Promise<boolean>,
  tail: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} not done within ${timeoutMs / 1000} s:\n${tail()}`);
    await sleep(250);
  }
  progress(`${what}: done`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
