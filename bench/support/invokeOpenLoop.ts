import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBenchAzurite } from './benchAzurite.ts';
import { startFakeConnector } from '../../test/support/fakeConnector.ts';
import { composeForTest, testPerson } from '../../test/support/learningFixtures.ts';
import { answerFor, answerKindOf, answerKinds, type PlannedAnswer } from './answerPlan.ts';
import { cardKey, enrollAndDeliver } from './answerSetup.ts';
import { sendInvoke, type InvokeOutcome, type InvokeTarget } from './cardInvokes.ts';
import type { Cleanup } from './cleanup.ts';
import { cpuMeter, cpuSplitOf } from './cpuTime.ts';
import { startDryppProcess } from './dryppProcess.ts';
import { procStatusMb } from './memory.ts';
import { machine, progress, publishResult } from './results.ts';
import { roundMs, summarize } from './stats.ts';
import { startTableProxy } from './tableProxy.ts';
import { profileTableCalls, summarizeTableCalls } from './tableProfile.ts';

/**
 * `npm run bench -- invoke`: what people feel when they answer cards. Answers arrive at a fixed
 * rate (an open loop: the next one goes out on time whether or not earlier ones were answered, as
 * when many people click at once), each a real answer that is stored: a lesson marked done, a quiz
 * scored, a reflection saved, a guideline acknowledged. Latency counts from the planned arrival,
 * so a late send counts against the answer. Drypp runs as production's web role (its own process,
 * `node --import tsx src/main.ts`, log level info) on a private in-memory Azurite; the CPU it
 * used while the answers came, per answer, is read from /proc.
 */
export interface OpenLoopOptions {
  rate: number;
  durationS: number;
  warmupS: number;
  tenants: number;
  countTableCalls: boolean;
  dryppCpuProf?: string;
}

const TARGET_P95_MS = 300;
const TARGET_CPU_MS = 3;
const programId = 'bench-answers';
const contentDir = 'bench/fixtures/content';
const env = {
  DRYPP_CONTENT_DIR: contentDir,
  DRYPP_WORKING_HOURS: '00:00-23:59',
  DRYPP_WORKING_DAYS: 'monday,tuesday,wednesday,thursday,friday,saturday,sunday',
  DRYPP_MAX_CARDS_PER_DAY: '20',
};

export function benchTenants(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `7e000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
}

export async function runOpenLoop(options: OpenLoopOptions, cleanup: Cleanup): Promise<number> {
  progress('starting a private Azurite and the fake Bot Connector');
  const azurite = await startBenchAzurite();
  cleanup.addChild(azurite.child);
  const connector = await startFakeConnector();
  cleanup.add(() => connector.stop());
  let connectionString = azurite.connectionString;
  let proxy: Awaited<ReturnType<typeof startTableProxy>> | undefined;
  if (options.countTableCalls) {
    const tablePort = Number(/TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(connectionString)?.[1]);
    proxy = await startTableProxy({ host: '127.0.0.1', port: tablePort });
    cleanup.add(() => proxy!.stop());
    connectionString = connectionString.replace(`:${tablePort}/`, `:${proxy.port}/`);
  }

  const composed = await composeForTest(azurite.connectionString, env);
  const program = composed.deps.catalog.find(programId);
  if (!program) throw new Error(`${contentDir} has no program ${programId}`);
  const warmupAnswers = Math.round(options.rate * options.warmupS);
  const measuredAnswers = Math.round(options.rate * options.durationS);
  const stepsEach = program.steps.length;
  // One learner more than the load needs, kept apart for the Table-call probe.
  const learnerCount = Math.ceil((warmupAnswers + measuredAnswers) / stepsEach) + 1;
  const tenants = benchTenants(options.tenants);
  const people = Array.from({ length: learnerCount }, (_, i) =>
    testPerson(tenants[i % tenants.length]!, i + 1),
  );
  progress(
    `enrolling ${people.length} learners in ${programId} (${stepsEach} steps) over ${tenants.length} tenants`,
  );
  const setupStarted = performance.now();
  const cards = await enrollAndDeliver(composed, people, programId, connector.url);
  progress(`${cards.size} cards delivered in ${Math.round((performance.now() - setupStarted) / 1000)} s`);

  // Round r: learner l answers step (r + l) mod S, so kinds mix at every moment and one person's
  // answers are a whole round (learners / rate seconds) apart, as people answer one card at a time.
  const plan = (learnerIndex: number, stepIndex: number): PlannedAnswer => {
    const person = people[learnerIndex]!;
    const step = program.steps[stepIndex]!;
    const who = { tenantId: person.tenantId, userId: person.id };
    const answer = answerFor(step, cards.get(cardKey(who.tenantId, who.userId, step.id)), who);
    if (!answer) throw new Error(`no card with a button for ${step.id} of ${person.id}`);
    return answer;
  };
  const answers: PlannedAnswer[] = [];
  const loadLearners = learnerCount - 1;
  for (let r = 0; r < stepsEach; r++) {
    for (let l = 0; l < loadLearners; l++) answers.push(plan(l, (r + l) % stepsEach));
  }
  answers.length = warmupAnswers + measuredAnswers;
  const probes = answerKinds.map((kind) =>
    plan(
      learnerCount - 1,
      program.steps.findIndex((s) => answerKindOf(s) === kind),
    ),
  );

  progress('starting Drypp (node --import tsx src/main.ts, role web)');
  const drypp = await startDryppProcess(
    {
      DRYPP_MODE: 'test',
      DRYPP_ROLES: 'web',
      DRYPP_STORAGE_CONNECTION_STRING: connectionString,
      // As in production: only the tenants Drypp is set up for are served.
      DRYPP_TENANTS: tenants.join(','),
      ...env,
    },
    {
      nodeArgs: options.dryppCpuProf
        ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.dryppCpuProf)}`]
        : [],
    },
  );
  cleanup.addChild(drypp.child);
  const target: InvokeTarget = { dryppUrl: drypp.url, serviceUrl: connector.url };

  progress(
    `answering at ${options.rate}/s: ${options.warmupS} s of warm-up, then ${options.durationS} s measured`,
  );
  const callsBefore = { n: 0 };
  const measured = await openLoop(target, answers, options.rate, warmupAnswers, {
    onMeasureStart: () => {
      callsBefore.n = proxy?.calls.length ?? 0;
      const dryppSplit = cpuSplitOf(drypp.child.process.pid);
      return {
        dryppSystemMs: () => (cpuSplitOf(drypp.child.process.pid)?.system ?? 0) - (dryppSplit?.system ?? 0),
        cpu: cpuMeter({
          drypp: drypp.child.process.pid,
          azurite: azurite.child.process.pid,
          bench: process.pid,
        }),
        loadavg: loadavg(),
        monotonicUs: monotonicUs(),
      };
    },
  });
  const loadCalls = proxy?.calls.slice(callsBefore.n) ?? [];
  const tableCalls = proxy
    ? {
        during_load: summarizeTableCalls(loadCalls, measured.outcomes.length),
        per_answer: await profileTableCalls(
          proxy.calls,
          target,
          probes.map((p) => ({ who: p.who, planned: p })),
        ),
      }
    : undefined;

  // The stack's floor, in the same run on the same rows: Drypp stopped first, so both had the machine.
  await drypp.stop();
  const floor = await measureStackFloor(
    cleanup,
    connectionString,
    target.serviceUrl,
    answers,
    options.rate,
    warmupAnswers,
  );

  const outcomes = measured.outcomes;
  const errors = outcomes.filter((o) => o.problem);
  const byKind: Record<string, ReturnType<typeof summarize> & { errors: number }> = {};
  for (const kind of answerKinds) {
    const mine = outcomes.filter((o) => o.kind === kind);
    byKind[kind] = { ...summarize(mine.map((o) => o.ms)), errors: mine.filter((o) => o.problem).length };
  }
  const errorKinds: Record<string, number> = {};
  for (const e of errors) errorKinds[e.problem!] = (errorKinds[e.problem!] ?? 0) + 1;
  const all = summarize(outcomes.map((o) => o.ms));
  const cpuPerAnswer = Object.fromEntries(
    Object.entries(measured.cpuMs).map(([name, ms]) => [
      name,
      Math.round((ms / outcomes.length) * 100) / 100,
    ]),
  );
  const worstP95 = Math.max(...Object.values(byKind).map((k) => k.p95_ms));
  const dryppCpu = cpuPerAnswer.drypp ?? Number.NaN;

  publishResult('invoke', {
    bench: 'invoke',
    mode: 'open',
    rate_per_s: options.rate,
    answers: outcomes.length,
    p50_ms: all.p50_ms,
    p95_ms: all.p95_ms,
    p99_ms: all.p99_ms,
    worst_kind_p95_ms: worstP95,
    drypp_cpu_ms_per_answer: dryppCpu,
    errors: errors.length,
    target_p95_ms: TARGET_P95_MS,
    target_drypp_cpu_ms_per_answer: TARGET_CPU_MS,
    targets_met: { p95_every_kind: worstP95 <= TARGET_P95_MS, drypp_cpu: dryppCpu <= TARGET_CPU_MS },
    machine: { ...machine(), loadavg_at_start: measured.startLoadavg },
    by_kind: byKind,
    ...(errors.length ? { error_kinds: errorKinds } : {}),
    cpu_ms_per_answer: cpuPerAnswer,
    // What any answer costs on Drypp's fixed stack (express, botbuilder's adapter, the SDK's two
    // calls), measured right after Drypp at the same rate: the part of Drypp's CPU that is its own.
    stack_floor: floor.result,
    ratio_to_stack_floor: Math.round((dryppCpu / floor.result.cpu_ms_per_answer) * 100) / 100,
    // Of Drypp's CPU, the kernel's part (syscalls; loopback TCP is processed in the sender's time).
    drypp_system_cpu_ms_per_answer: Math.round((measured.dryppSystemMs / outcomes.length) * 100) / 100,
    achieved_rate_per_s: Math.round((outcomes.length / measured.sendSpanS) * 10) / 10,
    send_lag_ms: summarize(measured.lagMs),
    duration_s: options.durationS,
    warmup_s: options.warmupS,
    learners: loadLearners,
    tenants: tenants.length,
    drypp_rss_mb: procStatusMb(drypp.child.process.pid, 'VmRSS') ?? null,
    ...(measured.profileWindowUs ? { cpu_profile_window_us: measured.profileWindowUs } : {}),
    setup:
      `drypp web role as a child process (log level info), private in-memory azurite (partition-scoped lookups, bench/support/benchAzurite.ts), fake connector; ` +
      `${program.id}: ${stepsEach} steps per learner, every card delivered by deliverDueCards before the load`,
    ...(tableCalls ? { table_calls: tableCalls, table_proxy: true } : {}),
  });
  if (errors.length) progress(`${errors.length} errors: ${JSON.stringify(errorKinds)}`);
  if (worstP95 > TARGET_P95_MS)
    progress(`a kind's p95 (${worstP95} ms) is over the ${TARGET_P95_MS} ms target`);
  if (!(dryppCpu <= TARGET_CPU_MS))
    progress(`Drypp used ${dryppCpu} ms of CPU per answer, over the ${TARGET_CPU_MS} ms target`);
  return 0;
}

/**
 * The same answers at the same rate against bench/support/stackFloor.ts (two storage calls an
 * answer cannot do without, on the stack Drypp is built on, and nothing else): its CPU per answer.
 */
async function measureStackFloor(
  cleanup: Cleanup,
  connectionString: string,
  serviceUrl: string,
  answers: readonly PlannedAnswer[],
  rate: number,
  warmup: number,
) {
  progress('measuring the stack floor (bench/support/stackFloor.ts) with the same answers');
  const floor = await startDryppProcess(
    { DRYPP_STORAGE_CONNECTION_STRING: connectionString },
    { script: 'bench/support/stackFloor.ts' },
  );
  cleanup.addChild(floor.child);
  // It answers with the rows it found, not Drypp's words.
  const floorAnswers = answers.map((a) => ({ ...a, expect: '"found":true' }));
  const measured = await openLoop({ dryppUrl: floor.url, serviceUrl }, floorAnswers, rate, warmup, {
    onMeasureStart: () => ({
      dryppSystemMs: () => 0,
      cpu: cpuMeter({ floor: floor.child.process.pid }),
      loadavg: loadavg(),
      monotonicUs: monotonicUs(),
    }),
  });
  const n = measured.outcomes.length;
  const errors = measured.outcomes.filter((o) => o.problem).length;
  if (errors) progress(`stack floor: ${errors} answers failed`);
  await floor.stop();
  return {
    result: {
      cpu_ms_per_answer: Math.round(((measured.cpuMs.floor ?? Number.NaN) / n) * 100) / 100,
      p95_ms: summarize(measured.outcomes.map((o) => o.ms)).p95_ms,
      answers: n,
      errors,
      setup:
        'bench/support/stackFloor.ts: express, botbuilder CloudAdapter + ActivityHandler, the partition query and the two-row transaction through StorageClients; no Drypp logic',
    },
  };
}

interface MeasureStart {
  cpu: () => Record<string, number>;
  dryppSystemMs: () => number;
  loadavg: number[];
  monotonicUs: number;
}

/**
 * Sends answer i at start + i / rate, without waiting for earlier answers. The first `warmup`
 * answers are not counted; CPU is read from the first counted send to the last counted answer.
 */
async function openLoop(
  target: InvokeTarget,
  answers: readonly PlannedAnswer[],
  rate: number,
  warmup: number,
  hooks: { onMeasureStart: () => MeasureStart },
): Promise<{
  outcomes: InvokeOutcome[];
  lagMs: number[];
  cpuMs: Record<string, number>;
  dryppSystemMs: number;
  startLoadavg: number[];
  sendSpanS: number;
  profileWindowUs?: [number, number];
}> {
  const intervalMs = 1000 / rate;
  const start = performance.now() + 100;
  const counted: Array<Promise<InvokeOutcome>> = [];
  const warming: Array<Promise<InvokeOutcome>> = [];
  const lagMs: number[] = [];
  let measureStart: MeasureStart | undefined;
  let firstCounted = 0;
  let lastCounted = 0;
  for (let i = 0; i < answers.length; i++) {
    const at = start + i * intervalMs;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (i === warmup) {
      measureStart = hooks.onMeasureStart();
      firstCounted = performance.now();
    }
    const answer = answers[i]!;
    const sending = sendInvoke(target, answer.who, answer, { since: at });
    if (i < warmup) {
      warming.push(sending);
    } else {
      lagMs.push(performance.now() - at);
      lastCounted = performance.now();
      counted.push(sending);
    }
  }
  const outcomes = await Promise.all(counted);
  const cpuMs = measureStart!.cpu();
  const dryppSystemMs = measureStart!.dryppSystemMs();
  const endUs = monotonicUs();
  await Promise.all(warming);
  return {
    outcomes,
    lagMs: lagMs.map(roundMs),
    cpuMs,
    dryppSystemMs,
    startLoadavg: measureStart!.loadavg,
    sendSpanS: (lastCounted - firstCounted) / 1000 + 1 / rate,
    profileWindowUs: [measureStart!.monotonicUs, endUs],
  };
}

function loadavg(): number[] {
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}

/** CLOCK_MONOTONIC in µs: the clock of V8's CPU profile timestamps, to cut Drypp's profile to the load. */
function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
