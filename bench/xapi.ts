import { startLrs } from '../sandbox/lrs/lrs.ts';
import { learningRecordQueue, learningRecordSenderDeps } from '../src/composePrivacy.ts';
import { loadConfig } from '../src/config/config.ts';
import type { LearningRecord } from '../src/domain/privacy/learningRecord.ts';
import { statementsOf, type XapiStatement } from '../src/domain/privacy/xapiStatements.ts';
import { MAX_RECORDS_PER_MESSAGE } from '../src/domain/privacy/learningRecord.ts';
import { XapiLearningRecordStore } from '../src/xapi/learningRecordStore.ts';
import { createLogger } from '../src/log/logger.ts';
import { StorageClients } from '../src/store/platform/storageClients.ts';
import { ensureStorage, queueNames } from '../src/store/platform/tables.ts';
import { catalogOf } from '../src/usecases/learning/programCatalog.ts';
import { sendLearningRecords } from '../src/usecases/privacy/sendLearningRecords.ts';
import { startTestAzurite } from '../test/support/azurite.ts';
import { startFaultProxy } from '../test/support/faultProxy.ts';
import { statementsInLrs } from '../test/support/xapiFixtures.ts';
import { Cleanup } from './support/cleanup.ts';
import { wholeNumber } from './support/options.ts';
import { cpuMeter } from './support/cpuTime.ts';
import { machine, progress, publishResult } from './support/results.ts';

/**
 * `npm run bench -- xapi [--statements 50000] [--outage-ms 3000]`: learning records through the real
 * queue (Azurite) and sender to the sandbox's real LRS (xapi-statements, in memory): 16 records to a
 * queue message (a bulk producer's shape), 32 messages a receive, their statements in POSTs of up to
 * 512, 4 lanes at once. Before that, the same statements go straight to a second LRS (`raw`), and
 * the JSON line gives Drypp's rate as a share of that (`ratioToRaw`). Each record is a quiz attempt that finishes the quiz (answered + passed:
 * two statements), for 2,000 learners. Part-way, the LRS goes down for `outage-ms` (its port refuses
 * connections) and comes back. Then every statement in the LRS is read back: `lost` are expected ids
 * missing, `duplicated` are statements stored more than once or not expected at all.
 */
const tenantId = '6a1f3c5e-2b4d-4e6f-8a0b-1c2d3e4f5a6b';
const LANES = 4;
/** 32 messages of 16 records of two statements: 1,024 statements a receive, two POSTs of 512. */
const POST_SIZE = 512;
const usage = 'Usage: npm run bench -- xapi [--statements 50000] [--outage-ms 3000]';

export async function main(args: string[]): Promise<number> {
  const options = { statements: 50_000, 'outage-ms': 3000 };
  try {
    for (let i = 0; i < args.length; i += 2) {
      const key = args[i]?.replace(/^--/, '') as keyof typeof options;
      if (!(key in options)) throw new Error(`unknown option ${args[i]}`);
      options[key] = wholeNumber(key, args[i + 1] ?? '', key === 'statements' ? 2 : 0, 1_000_000);
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 1;
  }
  const cleanup = new Cleanup();
  try {
    progress('starting a private Azurite and the learning record store');
    const azurite = await startTestAzurite();
    cleanup.addChild(azurite.child);
    const lrs = await startLrs();
    cleanup.addChild(lrs.child);
    const proxy = await startFaultProxy(Number(new URL(lrs.endpoint).port));
    cleanup.add(() => proxy.stop()); // its listening socket would keep the bench from ending
    const config = loadConfig({
      DRYPP_MODE: 'test',
      DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
      DRYPP_XAPI_ENDPOINT: `http://127.0.0.1:${proxy.port}/xAPI/`,
      DRYPP_XAPI_USERNAME: lrs.key,
      DRYPP_XAPI_PASSWORD: lrs.secret,
    });
    const storage = new StorageClients(config.storage);
    await ensureStorage(storage);
    const log = createLogger('silent');
    const catalog = catalogOf([]);
    const sender = learningRecordSenderDeps(config.xapi!, storage, catalog, log);
    const queue = learningRecordQueue(storage, log);

    const recordCount = Math.ceil(options.statements / 2);
    const records: LearningRecord[] = Array.from({ length: recordCount }, (_, i) => ({
      tenantId,
      personId: `0f0e0d0c-0000-4000-8000-${String(i % 2000).padStart(12, '0')}`,
      at: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
      events: [
        {
          kind: 'quizAnswered',
          programId: 'welcome-onboarding',
          stepId: `quiz-${Math.floor(i / 2000)}`,
          attempt: 1,
          score: 1,
          passed: true,
          finished: true,
        },
      ],
    }));
    progress(`queueing ${recordCount} records (${recordCount * 2} statements), 16 to a message`);
    const perMessage = MAX_RECORDS_PER_MESSAGE;
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < records.length) {
          const from = next;
          next += perMessage * 4;
          await queue.addMany(records.slice(from, from + perMessage * 4));
        }
      }),
    );

    // The same statements straight to a second, empty LRS, in POSTs of the sender's size and as many at
    // once as its lanes: what the LRS itself can take on this machine, for the ratio.
    progress('raw: the same statements straight to a second LRS');
    const rawLrs = await startLrs();
    cleanup.addChild(rawLrs.child);
    const rawStore = new XapiLearningRecordStore({
      endpoint: rawLrs.endpoint,
      username: rawLrs.key,
      password: rawLrs.secret,
    });
    const rawStatements: XapiStatement[] = [];
    for (const r of records)
      rawStatements.push(
        ...statementsOf(
          r,
          await sender.pseudonyms.pseudonymOf({ tenantId, personId: r.personId }),
          sender.settings,
          sender.names,
        ),
      );
    const rawCpu = cpuMeter({ lrs: rawLrs.child.process.pid });
    const rawStarted = performance.now();
    let rawNext = 0;
    await Promise.all(
      Array.from({ length: LANES }, async () => {
        while (rawNext < rawStatements.length) {
          const from = rawNext;
          rawNext += POST_SIZE;
          const answer = await rawStore.send(rawStatements.slice(from, from + POST_SIZE));
          if (answer.kind !== 'stored') throw new Error(`the raw write was not stored: ${answer.kind}`);
        }
      }),
    );
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    const rawCpuMs = rawCpu();
    await rawLrs.child.stop();

    progress('sending');
    const cpu = cpuMeter({
      drypp: process.pid,
      lrs: lrs.child.process.pid,
      azurite: azurite.child.process.pid,
    });
    const started = performance.now();
    const outageAt = started + 2000;
    let outage: 'before' | 'down' | 'over' = options['outage-ms'] > 0 ? 'before' : 'over';
    let sentRecords = 0;
    let unavailableRounds = 0;
    // Done when the queue is empty, invisible messages included (a message whose POST timed out under
    // load comes back after its visibility timeout): rounds that find nothing to receive prove nothing.
    const queued = async () =>
      (await storage.queue(queueNames.xapiRecords).getProperties()).approximateMessagesCount ?? 0;
    let idle = 0;
    while (idle < 1 || (await queued()) > 0) {
      if (outage === 'before' && performance.now() >= outageAt) {
        progress(`the LRS goes down for ${options['outage-ms']} ms`);
        await proxy.down();
        outage = 'down';
        setTimeout(() => {
          void proxy.up().then(() => {
            outage = 'over';
            progress('the LRS is back');
          });
        }, options['outage-ms']);
      }
      const round = await sendLearningRecords(sender, {
        lanes: LANES,
        maxBatches: 20,
        visibilitySeconds: 10,
      });
      sentRecords += round.records;
      if (round.lrsUnavailable) {
        unavailableRounds++;
        await new Promise((r) => setTimeout(r, 200));
      }
      idle = round.records === 0 && !round.lrsUnavailable && outage === 'over' ? idle + 1 : 0;
      if (idle > 0) await new Promise((r) => setTimeout(r, 1000)); // messages handed out earlier come back
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = cpu();

    progress('reading every statement back from the LRS');
    const stored = await statementsInLrs({ endpoint: `${lrs.endpoint}`, key: lrs.key, secret: lrs.secret });
    const pseudonyms = new Map<string, string>();
    for (const r of records) {
      if (!pseudonyms.has(r.personId))
        pseudonyms.set(r.personId, await sender.pseudonyms.pseudonymOf({ tenantId, personId: r.personId }));
    }
    const expected = new Set(
      records.flatMap((r) =>
        statementsOf(r, pseudonyms.get(r.personId)!, sender.settings, sender.names).map((s) => s.id),
      ),
    );
    const storedIds = new Set(stored.map((s) => s.id));
    const lost = [...expected].filter((id) => !storedIds.has(id)).length;
    const duplicated =
      stored.length - storedIds.size + [...storedIds].filter((id) => !expected.has(id)).length;

    publishResult('xapi', {
      bench: 'xapi',
      at: new Date().toISOString(),
      statements: expected.size,
      records: recordCount,
      recordsAcknowledged: sentRecords,
      seconds: Math.round(seconds * 10) / 10,
      statementsPerSecond: Math.round(expected.size / seconds),
      lost,
      duplicated,
      outageMs: options['outage-ms'],
      roundsWithLrsDown: unavailableRounds,
      // CPU ms per statement while sending, per process (this one is Drypp's sender): holds under load.
      cpuMsPerStatement: perStatement(cpuMs, expected.size),
      raw: {
        seconds: Math.round(rawSeconds * 10) / 10,
        statementsPerSecond: Math.round(rawStatements.length / rawSeconds),
        cpuMsPerStatement: perStatement(rawCpuMs, rawStatements.length),
      },
      // Drypp's rate over the raw rate; Drypp's run includes the outage, so the ratio is below 1 by it.
      ratioToRaw: Math.round((expected.size / seconds / (rawStatements.length / rawSeconds)) * 100) / 100,
      batch: {
        messagesPerReceive: 32,
        recordsPerMessage: perMessage,
        statementsPerPost: POST_SIZE,
        lanes: LANES,
      },
      target: { statementsPerSecond: 500, lost: 0, duplicated: 0 },
      machine: machine(),
    });
    return lost === 0 && duplicated === 0 ? 0 : 1;
  } finally {
    await cleanup.run();
  }
}

function perStatement(cpuMs: Record<string, number>, statements: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(cpuMs).map(([name, ms]) => [name, Math.round((ms / statements) * 1000) / 1000]),
  );
}
