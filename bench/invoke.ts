import path from 'node:path';
import { wholeNumber } from './support/options.ts';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { enrollPerson } from '../src/usecases/learning/enrollPerson.ts';
import { startTestAzurite } from '../test/support/azurite.ts';
import { startFakeConnector } from '../test/support/fakeConnector.ts';
import { composeForTest, rememberChat, testPerson } from '../test/support/learningFixtures.ts';
import {
  learnerScript,
  plannedInvoke,
  sendInvoke,
  type BenchLearner,
  type InvokeKind,
  type InvokeOutcome,
} from './support/cardInvokes.ts';
import { Cleanup } from './support/cleanup.ts';
import { cpuMeter } from './support/cpuTime.ts';
import { startDryppProcess } from './support/dryppProcess.ts';
import { machine, progress, publishResult } from './support/results.ts';
import { summarize } from './support/stats.ts';
import { startTableProxy } from './support/tableProxy.ts';
import { profileTableCalls, summarizeTableCalls } from './support/tableProfile.ts';

/**
 * `npm run bench -- invoke`: card answers (adaptiveCard/action invokes, as Teams sends them) from
 * concurrent learners against Drypp running as its own process on a private, in-memory Azurite.
 * Each virtual learner clicks back to back (a closed loop, no think time unless --think-ms).
 */
const usage = `Usage: npm run bench -- invoke [--concurrency 50] [--requests 1000] [--warmup 50]
       [--max-seconds 120] [--think-ms 0] [--count-table-calls] [--drypp-cpu-prof <dir>]`;
const TARGET_P95_MS = 300;
const tenantId = '66666666-6666-4666-8666-666666666666';
const programId = 'e2e-short';
const env = {
  DRYPP_CONTENT_DIR: 'test/fixtures/content',
  DRYPP_WORKING_HOURS: '00:00-23:59',
  DRYPP_WORKING_DAYS: 'monday,tuesday,wednesday,thursday,friday,saturday,sunday',
  DRYPP_MAX_CARDS_PER_DAY: '20',
  DRYPP_SCHEDULER_INTERVAL_MS: '1000',
};

interface Options {
  concurrency: number;
  requests: number;
  warmup: number;
  maxSeconds: number;
  thinkMs: number;
  countTableCalls: boolean;
  /** Where Drypp writes a V8 CPU profile (node --cpu-prof) when it stops. */
  dryppCpuProf?: string;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      concurrency: { type: 'string', default: '50' },
      requests: { type: 'string', default: '1000' },
      warmup: { type: 'string', default: '50' },
      'max-seconds': { type: 'string', default: '120' },
      'think-ms': { type: 'string', default: '0' },
      'count-table-calls': { type: 'boolean', default: false },
      'drypp-cpu-prof': { type: 'string' },
    },
  });
  const int = wholeNumber;
  return {
    concurrency: int('concurrency', values.concurrency, 1, 500),
    requests: int('requests', values.requests, 1, 1_000_000),
    warmup: int('warmup', values.warmup, 0, 100_000),
    maxSeconds: int('max-seconds', values['max-seconds'], 1, 3600),
    thinkMs: int('think-ms', values['think-ms'], 0, 60_000),
    countTableCalls: values['count-table-calls'],
    dryppCpuProf: values['drypp-cpu-prof'],
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
  // Setting up takes well under a minute; past this, something hangs and the bench gives up.
  const hardLimit = setTimeout(
    () => {
      progress('hard time limit reached: stopping');
      void cleanup.run().finally(() => process.exit(1));
    },
    (options.maxSeconds + 180) * 1000,
  );
  try {
    return await runBench(options, cleanup);
  } finally {
    clearTimeout(hardLimit);
    await cleanup.run();
  }
}

async function runBench(options: Options, cleanup: Cleanup): Promise<number> {
  progress('starting a private Azurite and the fake Bot Connector');
  const azurite = await startTestAzurite();
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
  for (let i = 0; i < people.length; i += 10) {
    await Promise.all(
      people.slice(i, i + 10).map(async (person) => {
        await composed.deps.people.upsert(person);
        await rememberChat(composed, person, connector.url);
        const outcome = await enrollPerson(composed.deps, { person, programId });
        if (outcome.kind !== 'enrolled') throw new Error(`could not enroll ${person.id}: ${outcome.kind}`);
      }),
    );
  }
  const learners = await Promise.all(
    people.map(async (person): Promise<BenchLearner> => {
      // The data the step cards carry (src/cards/learning/steps/stepActionSchemas.ts), read from the StepState rows.
      const data = async (stepId: string) => {
        const state = await composed.deps.steps.get(tenantId, person.id, programId, stepId);
        if (!state) throw new Error(`no ${stepId} row for ${person.id}`);
        return { programId, programVersion: state.programVersion, stepId, learnerId: person.id };
      };
      const quiz = await data('check');
      return {
        id: person.id,
        lesson: await data('first-lesson'),
        quiz: { ...quiz, attempt: 1 },
        reflection: await data('think'),
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
  const target = { dryppUrl: drypp.url, serviceUrl: connector.url, tenantId };

  const lessonCards = await waitForLessonCards(connector.sent, people.length, 30_000);
  progress(`${lessonCards} of ${people.length} day-0 lesson cards delivered by the scheduler`);

  if (options.warmup > 0) {
    progress(`warming up: ${options.warmup} requests`);
    let next = 0;
    await Promise.all(
      learners.map(async (learner) => {
        while (next < options.warmup) {
          next++;
          await sendInvoke(target, learner.id, plannedInvoke(learner, 'quizEmpty'));
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
        outcomes.push(await sendInvoke(target, learner.id, learnerScript(learner, n)));
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
        per_invoke: await profileTableCalls(proxy.calls, target, probeLearner),
      }
    : undefined;

  const all = summarize(outcomes.map((o) => o.ms));
  const errors = outcomes.filter((o) => o.problem);
  const byAction: Record<string, ReturnType<typeof summarize>> = {};
  for (const kind of new Set<InvokeKind>(outcomes.map((o) => o.kind))) {
    byAction[kind] = summarize(outcomes.filter((o) => o.kind === kind).map((o) => o.ms));
  }
  const errorKinds: Record<string, number> = {};
  for (const e of errors) errorKinds[e.problem!] = (errorKinds[e.problem!] ?? 0) + 1;

  publishResult('invoke', {
    bench: 'invoke',
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
    lesson_cards_delivered: lessonCards,
    setup: 'drypp child process (web,worker), private in-memory azurite, fake connector',
    ...(tableCalls ? { table_calls: tableCalls, table_proxy: true } : {}),
  });
  if (errors.length) progress(`${errors.length} errors: ${JSON.stringify(errorKinds)}`);
  if (all.p95_ms > TARGET_P95_MS) progress(`p95 ${all.p95_ms} ms is over the ${TARGET_P95_MS} ms target`);
  return 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How many learners got their day-0 lesson card, once all have or the time is up. */
async function waitForLessonCards(
  sent: Array<{ conversationId: string; activity: unknown }>,
  expected: number,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const chats = new Set(
      sent.filter((s) => JSON.stringify(s.activity).includes('A first lesson')).map((s) => s.conversationId),
    );
    if (chats.size >= expected || Date.now() > deadline) return chats.size;
    await sleep(250);
  }
}
