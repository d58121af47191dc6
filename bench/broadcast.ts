import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { startConnectorSimulator } from '../sandbox/teamsConnector/server.ts';
import { systemClock } from '../src/domain/platform/clock.ts';
import type { OutboundItem } from '../src/domain/delivery/outbound.ts';
import { StorageOutboundQueue } from '../src/store/delivery/outboundQueue.ts';
import { TableOutboundStatusStore } from '../src/store/delivery/outboundStatusStore.ts';
import { StorageClients } from '../src/store/platform/storageClients.ts';
import { ensureStorage, queueNames, tableNames } from '../src/store/platform/tables.ts';
import { QueuedOutboundPipeline } from '../src/usecases/delivery/outboundPipeline.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { seedPeopleWithChats, startOutboundWorker } from '../test/support/outboundFixtures.ts';
import { runAcks, type AcksOptions } from './support/broadcastAcks.ts';
import { Cleanup } from './support/cleanup.ts';
import { rawRowWrites, startStorageCounter } from './support/storageOps.ts';
import { wholeNumber } from './support/options.ts';
import { machine, progress, publishResult } from './support/results.ts';
import { coreShares, cpuMeter } from './support/cpuTime.ts';
import { percentile } from './support/stats.ts';

/**
 * `npm run bench -- broadcast`: one card to each of --recipients people through the outbound
 * pipeline (status rows, Storage queues on a private Azurite, worker processes of the production
 * pipeline, botbuilder's connector) into the Teams connector simulator, which enforces Teams' limits
 * and counts what it accepted. One JSON line per mode:
 * - limits: Teams' 50/s per tenant (and per conversation) enforced, 2 % of calls answered 429 with
 *   Retry-After 1 s, Drypp's rate at 50, three workers. Target ≥ 48/s, 0 duplicates, 0 lost.
 * - lifted: the simulator's limits lifted and Drypp's (DRYPP_TEAMS_LIMITS_LIFTED), two workers:
 *   what the pipeline itself can do. Target ≥ 1,000/s.
 * Every figure is read from the simulator (what Teams accepted) and the status rows. Each mode also
 * reports what each process used of a core (`cpu_core_share`: the one near 1 is what everything
 * waits for), and lifted mode the production connector alone into the same simulator, without
 * storage (`connector_floor`, bench/support/connectorFloor.ts): the send side's own ceiling here.
 * - acks (`--acks 20000`, alone): that many people acknowledge the guideline through the bot
 *   endpoint, arriving open-loop at --ack-rate a second (bench/support/broadcastAcks.ts). Target
 *   p95 ≤ 300 ms, every acknowledgement counted.
 */
const usage = `Usage: npm run bench -- broadcast [--recipients 2000] [--mode both|limits|lifted]
       [--workers-limits 3] [--workers-lifted 2]
       npm run bench -- broadcast --acks 20000 [--ack-rate 100]`;
const execFileAsync = promisify(execFile);
const tenantId = 'bbbbbbbb-0000-4000-8000-00000000b0ad';
const TEAMS_LIMIT = 50;
/** Cards of the probe that counts storage calls per card. */
const PROBE_CARDS = 200;

type Mode = 'limits' | 'lifted';

interface Options {
  acks?: AcksOptions;
  recipients: number;
  modes: Mode[];
  workers: Record<Mode, number>;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      recipients: { type: 'string', default: '2000' },
      mode: { type: 'string', default: 'both' },
      'workers-limits': { type: 'string', default: '3' },
      'workers-lifted': { type: 'string', default: '2' },
      acks: { type: 'string' },
      'ack-rate': { type: 'string', default: '100' },
    },
  });
  const mode = values.mode;
  if (mode !== 'both' && mode !== 'limits' && mode !== 'lifted')
    throw new Error('--mode must be both, limits or lifted');
  return {
    acks:
      values.acks === undefined
        ? undefined
        : {
            acks: wholeNumber('acks', values.acks, 100, 100_000),
            ratePerS: wholeNumber('ack-rate', values['ack-rate'], 1, 1000),
          },
    recipients: wholeNumber('recipients', values.recipients, 10, 100_000),
    modes: mode === 'both' ? ['limits', 'lifted'] : [mode],
    workers: {
      limits: wholeNumber('workers-limits', values['workers-limits'], 1, 8),
      lifted: wholeNumber('workers-lifted', values['workers-lifted'], 1, 8),
    },
  };
}

/** Longest a mode may take: setup, enqueue, and the sends at a fifth of the expected rate. */
function modeLimitS(options: Options, mode: Mode): number {
  const expectedPerS = mode === 'limits' ? 48 : 500;
  return 180 + Math.ceil(options.recipients / (expectedPerS / 2));
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
  if (options.acks) return acksMain(options.acks, cleanup);
  const limitS = options.modes.reduce((s, m) => s + modeLimitS(options, m), 30);
  progress(
    `broadcast: ${options.recipients} recipients, modes ${options.modes.join(', ')}; at most ${limitS} s`,
  );
  const hardLimit = setTimeout(() => {
    progress(`hard time limit (${limitS} s) reached: stopping`);
    void cleanup.run().finally(() => process.exit(1));
  }, limitS * 1000);
  try {
    for (const mode of options.modes) {
      const result = await runMode(options, mode, cleanup);
      publishResult(`broadcast-${mode}`, result);
    }
    return 0;
  } finally {
    clearTimeout(hardLimit);
    await cleanup.run();
  }
}

async function acksMain(options: AcksOptions, cleanup: Cleanup): Promise<number> {
  const limitS = 240 + Math.ceil(options.acks / options.ratePerS) * 2;
  const hardLimit = setTimeout(() => {
    progress(`hard time limit (${limitS} s) reached: stopping`);
    void cleanup.run().finally(() => process.exit(1));
  }, limitS * 1000);
  try {
    publishResult('broadcast-acks', await runAcks(options, cleanup));
    return 0;
  } finally {
    clearTimeout(hardLimit);
    await cleanup.run();
  }
}

async function runMode(options: Options, mode: Mode, outer: Cleanup) {
  const cleanup = new Cleanup();
  outer.add(() => cleanup.run());
  try {
    const workers = options.workers[mode];
    progress(`${mode}: a private Azurite, the connector simulator, ${options.recipients} chats`);
    const azurite = await startBenchAzurite();
    cleanup.addChild(azurite.child);
    const sim = await startConnectorSimulator({ keep: 10 });
    cleanup.add(() => sim.stop());
    const storage = new StorageClients({
      kind: 'connectionString',
      connectionString: azurite.connectionString,
    });
    await ensureStorage(storage);
    const people = await seedPeopleWithChats(storage, tenantId, options.recipients, sim.url, 'c0');
    const faults = mode === 'limits' ? { throttled: 0.02, throttledRetryAfterS: 1 } : {};
    await post(`${sim.url}_sim/faults`, faults);
    await post(`${sim.url}_sim/limits`, { lifted: mode === 'lifted' });

    const env: Record<string, string> =
      mode === 'limits'
        ? { DRYPP_TENANT_SENDS_PER_SECOND: String(TEAMS_LIMIT), DRYPP_OUTBOUND_CONCURRENCY: '32' }
        : { DRYPP_TEAMS_LIMITS_LIFTED: 'true', DRYPP_OUTBOUND_CONCURRENCY: '128' };
    // The probe: a few cards through one worker whose storage calls are counted (a proxy's hop
    // each), so the timed run below goes straight to Azurite.
    progress(`${mode}: counting storage calls per card on ${PROBE_CARDS} cards (one worker)`);
    const counter = await startStorageCounter(azurite.connectionString);
    cleanup.add(() => counter.stop());
    const probeWorker = await startOutboundWorker(`${mode}-probe`, counter.connectionString, {
      ...env,
      DRYPP_OUTBOUND_VISIBILITY_S: '30',
    });
    cleanup.addChild(probeWorker);
    const probePeople = await seedPeopleWithChats(storage, tenantId, PROBE_CARDS, sim.url, 'p0');
    const probeStorage = new StorageClients({
      kind: 'connectionString',
      connectionString: counter.connectionString,
    });
    const mark = counter.mark();
    await pipelineOn(probeStorage).enqueue(
      probePeople.map((userId) => ({
        tenantId,
        userId,
        key: `plain|probe-${mode}|${userId}`,
        kind: 'plain',
        ref: { text: 'Probe' },
        batchId: `probe-${mode}`,
      })),
    );
    const probeDeadline = Date.now() + 120_000;
    while (probePeople.some((p) => !sim.state.firstSentAt.has(`a:${p}`)) && Date.now() < probeDeadline)
      await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1500)); // the last rows written and messages deleted
    const storageCalls = counter.perCard(mark, PROBE_CARDS);
    await probeWorker.stop();
    const beforeRun = sim.state.counters.snapshot();

    progress(`${mode}: starting ${workers} worker processes`);
    const started = await Promise.all(
      Array.from({ length: workers }, (_, i) =>
        startOutboundWorker(`${mode}-w${i + 1}`, azurite.connectionString, {
          ...env,
          DRYPP_OUTBOUND_VISIBILITY_S: '30',
        }),
      ),
    );
    for (const w of started) cleanup.addChild(w);

    const pipeline = pipelineOn(storage);
    const batchId = `bench-${mode}`;
    const items: OutboundItem[] = people.map((userId, i) => ({
      tenantId,
      userId,
      key: `plain|${batchId}|${userId}`,
      kind: 'plain',
      ref: { text: `New guideline: hand hygiene, version 3 (${i + 1})` },
      batchId,
    }));
    progress(`${mode}: enqueueing ${items.length} cards`);
    const enqueuedAt = Date.now();
    const cpu = cpuMeter({
      azurite: azurite.child.process.pid,
      bench_and_simulator: process.pid,
      ...Object.fromEntries(started.map((w, i) => [`worker${i + 1}`, w.process.pid])),
    });
    const enqueued = await pipeline.enqueue(items);
    const enqueueS = (Date.now() - enqueuedAt) / 1000;
    progress(`${mode}: enqueued in ${enqueueS.toFixed(1)} s; waiting for every card`);

    const deadline = enqueuedAt + (modeLimitS(options, mode) - 120) * 1000;
    let last = 0;
    // This run's recipients only: the simulator also holds the probe's.
    const deliveredOfRun = () => people.filter((p) => sim.state.firstSentAt.has(`a:${p}`)).length;
    for (;;) {
      const delivered = deliveredOfRun();
      if (delivered >= items.length || Date.now() > deadline) break;
      // Cards that failed for good (none expected) count as settled too.
      if (delivered === last && delivered > 0 && (await settledCount(pipeline, batchId)) >= items.length)
        break;
      if (Math.floor(delivered / 1000) > Math.floor(last / 1000))
        progress(
          `${mode}: ${delivered} of ${items.length} delivered after ${Math.round((Date.now() - enqueuedAt) / 1000)} s`,
        );
      last = delivered;
      await new Promise((r) => setTimeout(r, 500));
    }
    const cores = coreShares(cpu(), Date.now() - enqueuedAt);
    const counts = await pipeline.counts(tenantId, batchId);
    const after = sim.state.counters.snapshot();
    const snapshot = {
      duplicates: after.duplicates - beforeRun.duplicates,
      refused: Object.fromEntries(
        Object.entries(after.refused).map(([k, n]) => [
          k,
          n - (beforeRun.refused as Record<string, number>)[k]!,
        ]),
      ),
    };
    for (const w of started) await w.stop();
    progress(`${mode}: the same number of rows written straight to Azurite`);
    const raw = await rawRowWrites(storage.table(`BenchRaw${mode}`), items.length);
    const floor = mode === 'lifted' ? await connectorFloor(sim.url, workers, items.length) : undefined;
    const firsts = people
      .map((p) => sim.state.firstSentAt.get(`a:${p}`))
      .filter((t): t is number => t !== undefined);
    firsts.sort((a, b) => a - b);
    const spanS = firsts.length > 1 ? (firsts[firsts.length - 1]! - firsts[0]!) / 1000 : 0;
    const msgsPerS = spanS > 0 ? (firsts.length - 1) / spanS : 0;
    const steady = steadyRate(firsts, enqueuedAt + enqueueS * 1000);
    const latencies = firsts.map((t) => (t - enqueuedAt) / 1000);
    const rate = sim.state.counters.rateOf(tenantId);
    return {
      bench: 'broadcast',
      mode,
      recipients: items.length,
      workers,
      msgs_per_s: round(msgsPerS),
      ratio_to_limit: mode === 'limits' ? round(msgsPerS / TEAMS_LIMIT, 3) : null,
      // Where the time went: the rate while the fan-out was still enqueueing, and after it up to the
      // last 2 % of cards (their tail is the retries' Retry-After).
      rate_while_enqueueing_msgs_per_s: steady.whileEnqueueing,
      rate_after_enqueue_msgs_per_s: steady.after,
      duplicates: snapshot.duplicates,
      lost: items.length - firsts.length - counts.failed,
      failed: counts.failed,
      failed_by_reason: counts.byReason,
      p95_enqueue_to_delivery_s: round(percentile(latencies, 95)),
      p50_enqueue_to_delivery_s: round(percentile(latencies, 50)),
      p99_enqueue_to_delivery_s: round(percentile(latencies, 99)),
      max_enqueue_to_delivery_s: round(Math.max(0, ...latencies)),
      enqueue_s: round(enqueueS),
      enqueued,
      teams_refused: snapshot.refused,
      teams_peak_per_s: rate.peakPerSecond,
      storage_calls_per_card: storageCalls,
      raw_write: raw,
      // What the pipeline managed, over what Azurite alone writes here (one call per row).
      ratio_to_raw_write: round(msgsPerS / raw.rows_per_s, 3),
      // Azurite's calls a second here over the pipeline's calls per card: the storage-bound ceiling.
      storage_bound_msgs_per_s: round(raw.rows_per_s / storageCalls.total),
      // Of one core, what each process used from the enqueue to the last card (the machine has two;
      // each process is one Node.js thread, so near 1 is the one everything waits for).
      cpu_core_share: cores,
      // The production connector alone (botbuilder into the same simulator, as many processes as
      // workers, no storage): what the stack allows here before any pipeline work.
      ...(floor
        ? { connector_floor: floor, ratio_to_connector_floor: round(msgsPerS / floor.msgs_per_s, 3) }
        : {}),
      target: mode === 'limits' ? { msgs_per_s: 48, duplicates: 0, lost: 0 } : { msgs_per_s: 1000 },
      machine: machine(),
      setup:
        `private in-memory azurite; connector simulator in the bench process (${mode === 'limits' ? "Teams' limits on, 2 % injected 429 with Retry-After 1 s" : 'limits lifted'}); ` +
        `${workers} worker processes of the production pipeline (test/support/outboundWorker.ts, botbuilder connector); ` +
        'msgs_per_s over first to last card accepted; latencies from the enqueue call',
    };
  } finally {
    await cleanup.run();
  }
}

/** Cards a second before `enqueuedBy`, and from then to the 98th percentile card. */
function steadyRate(firsts: readonly number[], enqueuedBy: number) {
  const before = firsts.filter((t) => t <= enqueuedBy);
  const end = firsts[Math.floor(firsts.length * 0.98)] ?? enqueuedBy;
  const after = firsts.filter((t) => t > enqueuedBy && t <= end);
  const perS = (n: number, ms: number) => (ms > 0 ? round(n / (ms / 1000)) : null);
  return {
    whileEnqueueing: before.length > 1 ? perS(before.length, enqueuedBy - firsts[0]!) : null,
    after: perS(after.length, end - enqueuedBy),
  };
}

/**
 * bench/support/connectorFloor.ts in `processes` processes at once, a share of `sends` each (at most
 * 5,000: enough for a steady rate), 128 calls in flight each as a lifted worker has.
 */
async function connectorFloor(simUrl: string, processes: number, sends: number) {
  const each = Math.min(5000, Math.ceil(sends / processes));
  progress(`connector floor: ${processes} processes, ${each} sends each, no storage`);
  const runs = await Promise.all(
    Array.from({ length: processes }, (_, i) =>
      execFileAsync(process.execPath, ['--import', 'tsx', 'bench/support/connectorFloor.ts'], {
        env: {
          ...process.env,
          SIM_URL: simUrl,
          TENANT: tenantId,
          SENDS: String(each),
          CONCURRENCY: '128',
          PREFIX: `f${i}`,
        },
        timeout: 300_000,
      }).then(({ stdout }) => JSON.parse(stdout.trim().split('\n').at(-1)!) as FloorRun),
    ),
  );
  const sent = runs.reduce((n, r) => n + r.sent, 0);
  const failed = runs.reduce((n, r) => n + r.failed, 0);
  const s = Math.max(...runs.map((r) => r.ms)) / 1000;
  return { processes, sent, failed, s: round(s), msgs_per_s: round(sent / s) };
}

interface FloorRun {
  sent: number;
  failed: number;
  ms: number;
}

function pipelineOn(storage: StorageClients): QueuedOutboundPipeline {
  return new QueuedOutboundPipeline({
    clock: systemClock,
    status: new TableOutboundStatusStore(storage.table(tableNames.outboundStatus)),
    queue: new StorageOutboundQueue({
      interactive: storage.queue(queueNames.outbound),
      bulk: storage.queue(queueNames.outboundBulk),
      poison: storage.queue(queueNames.outboundPoison),
    }),
  });
}

async function settledCount(pipeline: QueuedOutboundPipeline, batchId: string): Promise<number> {
  const c = await pipeline.counts(tenantId, batchId);
  return c.sent + c.failed + c.skipped;
}

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  await response.body?.cancel();
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
