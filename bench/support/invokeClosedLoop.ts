import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBenchAzurite } from './benchAzurite.ts';
import { startFakeConnector } from '../../test/support/fakeConnector.ts';
import { composeForTest, testPerson } from '../../test/support/learningFixtures.ts';
import { enrollAndDeliver } from './answerSetup.ts';
import {
  learnerScript,
  plannedInvoke,
  sendInvoke,
  type BenchLearner,
  type InvokeKind,
  type InvokeOutcome,
} from './cardInvokes.ts';
import type { Cleanup } from './cleanup.ts';
import { cpuMeter } from './cpuTime.ts';
import { startDryppProcess } from './dryppProcess.ts';
import { machine, progress, publishResult } from './results.ts';
import { summarize } from './stats.ts';
import { startTableProxy } from './tableProxy.ts';
import { profileTableCalls, summarizeTableCalls } from './tableProfile.ts';

/**
 * `npm run bench -- invoke --closed`: the first version of the invoke bench, kept for comparison.
 * Concurrent learners click back to back (a closed loop, no think time unless --think-ms): the
 * lesson marked done once, then what people do with cards left in a chat (the lesson clicked
 * again, the quiz sent empty, a reflection that is too long), so most requests change nothing.
 * Latency here is bounded by throughput: with 50 learners and no pause it is about 50 / throughput.
 */
export interface ClosedLoopOptions {
  concurrency: number;
  requests: number;
  warmup: number;
  maxSeconds: number;
  thinkMs: number;
  countTableCalls: boolean;
  /** Where Drypp writes a V8 CPU profile (node --cpu-prof) when it stops. */
  dryppCpuProf?: string;
}

const TARGET_P95_MS = 300;
const tenantId = '66666666-6666-4666-8666-666666666666';
const programId = 'bench-answers';
const probeKinds: InvokeKind[] = ['completeLesson', 'completeLessonAgain', 'quizEmpty', 'reflectionTooLong'];
const env = {
  DRYPP_CONTENT_DIR: 'bench/fixtures/content',
  DRYPP_WORKING_HOURS: '00:00-23:59',
  DRYPP_WORKING_DAYS: 'monday,tuesday,wednesday,thursday,friday,saturday,sunday',
  DRYPP_MAX_CARDS_PER_DAY: '20',
  DRYPP_SCHEDULER_INTERVAL_MS: '1000',
};

export async function runClosedLoop(options: ClosedLoopOptions, cleanup: Cleanup): Promise<number> {
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

  // One extra learner is kept out of the load, for the sequential Table-call probe.
  const people = Array.from({ length: options.concurrency + 1 }, (_, i) => testPerson(tenantId, i + 1));
  progress(`enrolling ${people.length} learners in ${programId}`);
  const composed = await composeForTest(azurite.connectionString, env);
  // Every card sent first (the answers act only on steps whose card was sent), as in the open loop.
  const cards = await enrollAndDeliver(composed, people, programId, connector.url);
  progress(`${cards.size} cards delivered by deliverDueCards`);
  const learners = await Promise.all(
    people.map(async (person): Promise<BenchLearner> => {
      // The data the step cards carry (src/cards/learning/steps/stepActionSchemas.ts), read from the StepState rows.
      const data = async (stepId: string) => {
        const state = await composed.deps.steps.get(tenantId, person.id, programId, stepId);
        if (!state) throw new Error(`no ${stepId} row for ${person.id}`);
        return { programId, programVersion: state.programVersion, stepId, learnerId: person.id };
      };
      const quiz = await data('quiz-1');
      return {
        id: person.id,
        lesson: await data('lesson-1'),
        quiz: { ...quiz, attempt: 1 },
        reflection: await data('reflection-1'),
      };
    }),
  );
  const probeLearner = learners.pop()!;

  progress('starting Drypp (node --import tsx src/main.ts, roles web,worker)');
  const drypp = await startDryppProcess(
    {
      DRYPP_MODE: 'test',
      DRYPP_ROLES: 'web,worker',
      DRYPP_STORAGE_CONNECTION_STRING: connectionString,
      DRYPP_TENANTS: tenantId,
      LOG_LEVEL: 'warn',
      ...env,
    },
    {
      nodeArgs: options.dryppCpuProf
        ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.dryppCpuProf)}`]
        : [],
    },
  );
  cleanup.addChild(drypp.child);
  const target = { dryppUrl: drypp.url, serviceUrl: connector.url };
  const who = (learner: BenchLearner) => ({ tenantId, userId: learner.id });

  if (options.warmup > 0) {
    progress(`warming up: ${options.warmup} requests`);
    let next = 0;
    await Promise.all(
      learners.map(async (learner) => {
        while (next < options.warmup) {
          next++;
          await sendInvoke(target, who(learner), plannedInvoke(learner, 'quizEmpty'));
        }
      }),
    );
  }

  progress(`measuring: ${options.requests} requests from ${learners.length} concurrent learners`);
  const callsBefore = proxy?.calls.length ?? 0;
  const cpu = cpuMeter({
    drypp: drypp.child.process.pid,
    azurite: azurite.child.process.pid,
    bench: process.pid,
  });
  const outcomes: InvokeOutcome[] = [];
  let issued = 0;
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  await Promise.all(
    learners.map(async (learner) => {
      // With think time, learners start at random moments and pause 0.5–1.5 × --think-ms between
      // clicks, so they do not all click in step.
      if (options.thinkMs > 0) await sleep(Math.random() * options.thinkMs);
      for (let n = 0; issued < options.requests && performance.now() < deadline; n++) {
        issued++;
        outcomes.push(await sendInvoke(target, who(learner), learnerScript(learner, n)));
        if (options.thinkMs > 0) await sleep(options.thinkMs * (0.5 + Math.random()));
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  const cpuSpent = cpu();
  const loadCalls = proxy?.calls.slice(callsBefore) ?? [];

  const tableCalls = proxy
    ? {
        during_load: summarizeTableCalls(loadCalls, outcomes.length),
        per_invoke: await profileTableCalls(
          proxy.calls,
          target,
          probeKinds.map((kind) => ({ who: who(probeLearner), planned: plannedInvoke(probeLearner, kind) })),
        ),
      }
    : undefined;

  const all = summarize(outcomes.map((o) => o.ms));
  const errors = outcomes.filter((o) => o.problem);
  const byAction: Record<string, ReturnType<typeof summarize>> = {};
  for (const kind of new Set(outcomes.map((o) => o.kind))) {
    byAction[kind] = summarize(outcomes.filter((o) => o.kind === kind).map((o) => o.ms));
  }
  const errorKinds: Record<string, number> = {};
  for (const e of errors) errorKinds[e.problem!] = (errorKinds[e.problem!] ?? 0) + 1;

  publishResult('invoke', {
    bench: 'invoke',
    mode: 'closed',
    concurrency: learners.length,
    requests: outcomes.length,
    p50_ms: all.p50_ms,
    p95_ms: all.p95_ms,
    p99_ms: all.p99_ms,
    errors: errors.length,
    target_p95_ms: TARGET_P95_MS,
    machine: machine(),
    mean_ms: all.mean_ms,
    max_ms: all.max_ms,
    throughput_rps: Math.round((outcomes.length / elapsedS) * 10) / 10,
    duration_s: Math.round(elapsedS * 10) / 10,
    stopped_by: outcomes.length >= options.requests ? 'count' : 'time limit',
    warmup: options.warmup,
    think_ms: options.thinkMs,
    by_action: byAction,
    ...(errors.length ? { error_kinds: errorKinds } : {}),
    // CPU ms per request in each process (the bench's includes the fake connector and any proxy).
    cpu_ms_per_request: Object.fromEntries(
      Object.entries(cpuSpent).map(([name, ms]) => [name, Math.round((ms / outcomes.length) * 100) / 100]),
    ),
    cards_delivered: cards.size,
    setup:
      'drypp child process (web,worker), private in-memory azurite (partition-scoped lookups, bench/support/benchAzurite.ts), fake connector',
    ...(tableCalls ? { table_calls: tableCalls, table_proxy: true } : {}),
  });
  if (errors.length) progress(`${errors.length} errors: ${JSON.stringify(errorKinds)}`);
  if (all.p95_ms > TARGET_P95_MS) progress(`p95 ${all.p95_ms} ms is over the ${TARGET_P95_MS} ms target`);
  return 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
