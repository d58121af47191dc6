import fs from 'node:fs';
import { wholeNumber } from './support/options.ts';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sandboxGraphApp, sandboxTeamsApp, trustInThisProcess } from '../sandbox/tenantSimulator/index.ts';
import { compose, withCalendar } from '../src/compose.ts';
import { composeDirectory } from '../src/composeDirectory.ts';
import { loadConfig } from '../src/config/config.ts';
import { createLogger } from '../src/log/logger.ts';
import type { DirectoryMirror, DirectoryReader, SyncStateStore } from '../src/usecases/directory/ports.ts';
import { syncDirectory, type SyncDeps, type SyncReport } from '../src/usecases/directory/syncDirectory.ts';
import { startTestAzurite } from '../test/support/azurite.ts';
import { Cleanup } from './support/cleanup.ts';
import { cpuMeter } from './support/cpuTime.ts';
import { procStatusMb, sampleChildRss, sampleMemory } from './support/memory.ts';
import { machine, progress, publishResult } from './support/results.ts';
import { rawMirrorWrite } from './support/rawMirrorWrite.ts';
import { startSimulatorProcess } from './support/simulatorProcess.ts';

/**
 * `npm run bench -- sync --users 100000`: directory sync of a large tenant into Table storage.
 * The tenant simulator runs in a process of its own (seeded through /_sim/seed), Azurite in memory
 * in another; the sync runs in this process, wired exactly as Drypp's worker wires it (compose +
 * composeDirectory: the Graph SDK with msal-node, TableDirectoryMirror, TableSyncStateStore, the
 * content's enrollment rules), so this process's memory is the worker's. Then 100 changes in the
 * tenant (moves, promotions to a leading role, hires) and one incremental delta round.
 * Time is split by port (Graph pages, mirror writes and reads, sync state, the rest) by wrapping
 * the adapters, which changes nothing in what they do. Before the sync, the same rows (People and
 * the manager index) are written straight to Azurite (bench/support/rawMirrorWrite.ts):
 * `ratio_to_raw_write` is the sync's time over that floor, and the seconds per 1,000 people of the
 * first and last ten pages show whether the cost per person grows with the tenant, next to the same
 * figure for the raw write (`raw_last_to_first_10_pages`): how much of that growth is Azurite's.
 */
const usage = `Usage: npm run bench -- sync [--users 100000] [--changes 100] [--initial-max-s 600]`;
const TARGET_INITIAL_S = 120;
const TARGET_RATIO_TO_RAW = 1.3;
/** The seconds per 1,000 people of the last ten pages, at most this many times the first ten's. */
const TARGET_TREND = 1.5;
const tenantId = '5b1c7e3a-9d2f-4e8b-a6c1-0f3e5d7b9a24';

interface Options {
  users: number;
  changes: number;
  /** The initial sync stops here (results say how far it got); the whole bench 5 minutes later. */
  initialMaxS: number;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      users: { type: 'string', default: '100000' },
      changes: { type: 'string', default: '100' },
      'initial-max-s': { type: 'string', default: '600' },
    },
  });
  const int = wholeNumber;
  return {
    users: int('users', values.users, 1, 1_000_000),
    changes: int('changes', values.changes, 1, 10_000),
    initialMaxS: int('initial-max-s', values['initial-max-s'], 10, 7200),
  };
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
  const limitS = options.initialMaxS + 300;
  const hardLimit = setTimeout(() => {
    progress(`hard time limit (${limitS} s) reached: stopping`);
    void cleanup.run().finally(() => process.exit(1));
  }, limitS * 1000);
  try {
    return await runBench(options, cleanup);
  } finally {
    clearTimeout(hardLimit);
    await cleanup.run();
  }
}

/**
 * Wall-clock milliseconds and calls per port over a round. A port counts as busy while at least one
 * of its calls is in flight, so parallel calls (mirror reads go 16 at a time) are not summed.
 */
class PortTimes {
  readonly ms: Record<string, number> = {};
  readonly calls: Record<string, number> = {};
  private readonly inFlight = new Map<string, { count: number; since: number }>();

  async time<T>(port: string, work: () => Promise<T>): Promise<T> {
    const busy = this.inFlight.get(port) ?? { count: 0, since: 0 };
    if (busy.count++ === 0) busy.since = performance.now();
    this.inFlight.set(port, busy);
    try {
      return await work();
    } finally {
      this.calls[port] = (this.calls[port] ?? 0) + 1;
      if (--busy.count === 0) this.ms[port] = (this.ms[port] ?? 0) + performance.now() - busy.since;
    }
  }

  reset(): void {
    for (const k of Object.keys(this.ms)) delete this.ms[k];
    for (const k of Object.keys(this.calls)) delete this.calls[k];
  }

  /** Seconds per port plus `other` (rules, enrollments, reachability, …), for a round of `totalMs`. */
  breakdown(totalMs: number, round: (s: number) => number = round1): Record<string, number> {
    const out: Record<string, number> = {};
    let accounted = 0;
    for (const [port, ms] of Object.entries(this.ms)) {
      out[port] = round(ms / 1000);
      accounted += ms;
    }
    out.other = round((totalMs - accounted) / 1000);
    return out;
  }
}

async function runBench(options: Options, cleanup: Cleanup): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drypp-bench-sync-'));
  cleanup.add(async () => fs.rmSync(tmp, { recursive: true, force: true }));

  progress('starting a private in-memory Azurite and the tenant simulator (its own process)');
  const azurite = await startTestAzurite();
  cleanup.addChild(azurite.child);
  const certFile = path.join(tmp, 'tenant-simulator-cert.pem');
  const sim = await startSimulatorProcess({ tenantId, certFile });
  cleanup.addChild(sim.child);
  await trustInThisProcess(fs.readFileSync(certFile, 'utf8'));

  progress(`seeding ${options.users} people`);
  const seeded = await control(sim.httpUrl, 'seed', { tenantId, users: options.users });
  progress(`seeded: ${JSON.stringify(seeded)}`);

  // The worker's wiring (src/main.ts → compose → composeDirectory), against the simulator.
  const config = loadConfig({
    DRYPP_MODE: 'test',
    DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
    DRYPP_DIRECTORY_TENANTS: tenantId,
    DRYPP_GRAPH_CLIENT_ID: sandboxGraphApp.clientId,
    DRYPP_GRAPH_CLIENT_SECRET: sandboxGraphApp.clientSecret,
    DRYPP_AUTHORITY_HOST: sim.url,
    DRYPP_GRAPH_BASE_URL: sim.url,
    DRYPP_TEAMS_APP_CATALOG_ID: sandboxTeamsApp.id,
  });
  const log = createLogger('warn');
  const composed = await compose(config, log);
  let cardsSent = 0;
  // Manager notices go on the outbound pipeline (no worker sends them here): counted as enqueued.
  const pipeline = composed.deps.outbound;
  const learning = withCalendar({
    ...composed.deps,
    outbound: {
      enqueue: async (items, options) => {
        const report = await pipeline.enqueue(items, options);
        cardsSent += report.queued;
        return report;
      },
      counts: (t, b) => pipeline.counts(t, b),
      recipients: (t, b, p) => pipeline.recipients(t, b, p),
      recipient: (target) => pipeline.recipient(target),
      updateSent: (targets) => pipeline.updateSent(targets),
      deleteSent: (targets) => pipeline.deleteSent(targets),
    },
  });
  const directory = composeDirectory(config.directory!, composed, learning, log);

  // The floor: the same rows written straight to Azurite, before the sync, into tables of their own
  // (dropped afterwards, so the sync starts on an Azurite that holds no people).
  progress('raw write: the same rows straight to Azurite with TableClient transactions');
  const rawTables = {
    people: composed.storage.table('BenchRawPeople'),
    managerIndex: composed.storage.table('BenchRawManagerIndex'),
  };
  const raw = await rawMirrorWrite(directory.sync.reader, rawTables, tenantId, new Date().toISOString());
  progress(`raw write: ${raw.rows} people and ${raw.manager_index_rows} index rows in ${raw.s} s`);

  const times = new PortTimes();
  const picked: string[] = [];
  const pickEvery = Math.max(1, Math.floor(options.users / options.changes));
  let seen = 0;
  const sync: SyncDeps = { ...directory.sync, ...timedPorts(directory.sync, times) };
  const reader = sync.reader;
  // Page by page: remembers a few people spread over the directory (to change them afterwards),
  // reports progress every 10 pages with where that stretch's time went, and stops the initial
  // round at --initial-max-s.
  let deadline = Infinity;
  const pageStarts: number[] = [];
  let last = { at: 0, seen: 0, ms: {} as Record<string, number> };
  sync.reader = {
    deltaPage: async (tid, link) => {
      const now = performance.now();
      if (now > deadline) throw new InitialDeadline();
      pageStarts.push(now);
      if (pageStarts.length % 10 === 1 && pageStarts.length > 1) {
        const stretch = Object.fromEntries(
          Object.entries(times.ms).map(([port, ms]) => [port, round1((ms - (last.ms[port] ?? 0)) / 1000)]),
        );
        progress(
          `page ${pageStarts.length - 1}: ${seen} people in ${round1((now - pageStarts[0]!) / 1000)} s; ` +
            `last ${seen - last.seen} in ${round1((now - last.at) / 1000)} s ${JSON.stringify(stretch)}`,
        );
        last = { at: now, seen, ms: { ...times.ms } };
      }
      if (pageStarts.length === 1) last = { at: now, seen: 0, ms: {} };
      const page = await reader.deltaPage(tid, link);
      for (const p of page.people) {
        // Offset by 7: every 25th seeded person is a manager, and the picks should be staff.
        if (seen++ % pickEvery === Math.min(7, pickEvery - 1) && picked.length < options.changes)
          picked.push(p.id);
      }
      return page;
    },
  };

  progress(`initial sync (stops after ${options.initialMaxS} s)`);
  const cpu = cpuMeter({
    bench: process.pid,
    azurite: azurite.child.process.pid,
    simulator: sim.child.process.pid,
  });
  const memory = sampleMemory(100);
  const azuriteRss = sampleChildRss(azurite.child.process.pid, 100);
  const simulatorRss = sampleChildRss(sim.child.process.pid, 100);
  const started = performance.now();
  deadline = started + options.initialMaxS * 1000;
  let initial: SyncReport | undefined;
  try {
    initial = await syncDirectory(sync, tenantId);
  } catch (error) {
    if (!(error instanceof InitialDeadline)) throw error;
  }
  const initialMs = performance.now() - started;
  const initialMemory = memory.stop();
  const initialCpu = cpu();
  const initialBreakdown = times.breakdown(initialMs);
  const initialCalls = { ...times.calls };
  const azuritePeak = azuriteRss.stop();
  const simulatorPeak = simulatorRss.stop();
  // Seconds per 1,000 people over the first and the last ten pages: a rising cost shows here.
  const per1000 = (from: number, to: number) => {
    const pages = pageStarts.slice(from, to + 1);
    if (pages.length < 2) return null;
    return round2((pages.at(-1)! - pages[0]!) / 1000 / (((pages.length - 1) * 999) / 1000));
  };
  const trend = {
    s_per_1000_first_10_pages: per1000(0, 10),
    s_per_1000_last_10_pages: per1000(Math.max(0, pageStarts.length - 11), pageStarts.length - 1),
  };
  progress(
    `initial sync: ${initial ? 'done' : 'stopped'} after ${round1(initialMs / 1000)} s, ${seen} people, ` +
      `breakdown ${JSON.stringify(initialBreakdown)}, memory ${JSON.stringify(initialMemory)}`,
  );

  let incremental: Record<string, unknown> | undefined;
  let incrementalMs: number | undefined;
  let changes: Awaited<ReturnType<typeof applyChanges>> | undefined;
  if (initial) {
    changes = await applyChanges(sim.httpUrl, picked, options.changes);
    progress(`applied ${changes.total} changes (${JSON.stringify(changes.kinds)}); incremental round`);
    times.reset();
    const cpu2 = cpuMeter({ bench: process.pid, azurite: azurite.child.process.pid });
    const started2 = performance.now();
    const report = await syncDirectory(sync, tenantId);
    incrementalMs = performance.now() - started2;
    incremental = {
      report,
      change_kinds: changes.kinds,
      breakdown_s: times.breakdown(incrementalMs, round2),
      calls: { ...times.calls },
      cpu_s: mapValues(cpu2(), (ms) => round2(ms / 1000)),
      manager_notices: cardsSent,
    };
  }
  const initialS = initial ? round1(initialMs / 1000) : null;
  const ratioToRaw = initialS !== null && raw.s > 0 ? round2(initialS / raw.s) : null;
  const { s_per_1000_first_10_pages: first10, s_per_1000_last_10_pages: last10 } = trend;
  const trendRatio = first10 && last10 ? round2(last10 / first10) : null;
  const remaining = options.users - seen;
  const recentPer1000 = trend.s_per_1000_last_10_pages;

  publishResult('sync', {
    bench: 'sync',
    users: options.users,
    initial_s: initialS,
    raw_write_s: raw.s,
    ratio_to_raw_write: ratioToRaw,
    s_per_1000_first_10_pages: first10,
    s_per_1000_last_10_pages: last10,
    last_to_first_10_pages: trendRatio,
    // Azurite's own slowdown as its tables grow, writing the same rows (see the README).
    raw_last_to_first_10_pages: raw.last_to_first_10_pages,
    initial_peak_rss_mb: initialMemory.peak_rss_mb,
    initial_peak_heap_used_mb: initialMemory.peak_heap_used_mb,
    azurite_peak_rss_mb: procStatusMb(azurite.child.process.pid, 'VmHWM') ?? azuritePeak ?? null,
    incremental_changes: changes?.total ?? 0,
    incremental_s: incrementalMs === undefined ? null : round2(incrementalMs / 1000),
    target_initial_s: TARGET_INITIAL_S,
    target_ratio_to_raw_write: TARGET_RATIO_TO_RAW,
    target_last_to_first_10_pages: TARGET_TREND,
    target_met: Boolean(initial) && initialMs / 1000 <= TARGET_INITIAL_S,
    targets_met: {
      initial_s: Boolean(initial) && initialMs / 1000 <= TARGET_INITIAL_S,
      ratio_to_raw_write: ratioToRaw !== null && ratioToRaw <= TARGET_RATIO_TO_RAW,
      last_to_first_10_pages: trendRatio !== null && trendRatio <= TARGET_TREND,
    },
    machine: machine(),
    initial: {
      completed: Boolean(initial),
      ...(initial
        ? { report: initial }
        : {
            stopped_after_s: round1(initialMs / 1000),
            people_synced: seen,
            // A floor: at the last pages' pace, though the pace was still falling.
            projected_s_at_last_pace:
              recentPer1000 === null
                ? null
                : Math.round(initialMs / 1000 + (remaining / 1000) * recentPer1000),
          }),
      pages: pageStarts.length,
      users_per_s: Math.round(seen / (initialMs / 1000)),
      ...trend,
      breakdown_s: initialBreakdown,
      calls: initialCalls,
      cpu_s: mapValues(initialCpu, (ms) => round1(ms / 1000)),
      bench_vm_hwm_mb: initialMemory.vm_hwm_mb ?? null,
      simulator_peak_rss_mb: simulatorPeak ?? null,
    },
    incremental: incremental ?? { skipped: 'the initial sync did not finish within --initial-max-s' },
    raw_write: raw,
    setup:
      'sync in the bench process with the worker wiring (compose + composeDirectory, content/ rules); ' +
      'tenant simulator (https, no data file) and in-memory azurite as child processes; Graph page size 999',
  });
  if (!initial)
    progress(`initial sync stopped at ${options.initialMaxS} s with ${seen} of ${options.users} people`);
  else if (initialMs / 1000 > TARGET_INITIAL_S)
    progress(`initial sync ${round1(initialMs / 1000)} s is over the ${TARGET_INITIAL_S} s target`);
  return 0;
}

/** Thrown by the bench's page hook to stop the initial round at its time limit. */
class InitialDeadline extends Error {}

/** The sync's ports, each call timed under its name; behaviour unchanged. */
function timedPorts(
  deps: SyncDeps,
  times: PortTimes,
): { reader: DirectoryReader; mirror: DirectoryMirror; syncState: SyncStateStore } {
  const { reader, mirror, syncState } = deps;
  return {
    reader: { deltaPage: (t, link) => times.time('graph_delta_pages', () => reader.deltaPage(t, link)) },
    mirror: {
      get: (t, id) => times.time('mirror_reads', () => mirror.get(t, id)),
      putMany: (t, rows) => times.time('mirror_writes', () => mirror.putMany(t, rows)),
      registerTenant: (t) => times.time('mirror_register', () => mirror.registerTenant(t)),
    },
    syncState: {
      get: (t) => times.time('sync_state', () => syncState.get(t)),
      save: (s) => times.time('sync_state', () => syncState.save(s)),
    },
  };
}

/**
 * What HR and IT change in a day: most are moves to another department, some take a leading role
 * (the content's rules enroll leaders on roleChanged), a few are hires (enrolled, with a manager notice).
 */
async function applyChanges(
  simUrl: string,
  people: string[],
  total: number,
): Promise<{ total: number; kinds: Record<string, number> }> {
  const kinds: Record<string, number> = { move: 0, promotion: 0, hire: 0 };
  const hires = Math.max(1, Math.round(total / 10));
  const promotions = Math.round(total / 10);
  for (let i = 0; i < total; i++) {
    const user = people[i % Math.max(1, people.length)];
    if (i < hires || !user) {
      await control(simUrl, 'hire', {
        tenantId,
        name: `Ny Ansatt ${i + 1}`,
        department: 'Helse og omsorg',
        jobTitle: 'Sykepleier',
        ...(people[0] ? { manager: people[0] } : {}),
      });
      kinds.hire!++;
    } else if (i < hires + promotions) {
      await control(simUrl, 'move', { tenantId, user, jobTitle: 'Avdelingsleder' });
      kinds.promotion!++;
    } else {
      await control(simUrl, 'move', { tenantId, user, department: i % 2 ? 'IT' : 'Teknisk' });
      kinds.move!++;
    }
  }
  return { total, kinds };
}

async function control(simUrl: string, action: string, body: object): Promise<unknown> {
  const response = await fetch(`${simUrl}/_sim/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const answer = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`/_sim/${action} failed: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

function mapValues(o: Record<string, number>, f: (n: number) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
