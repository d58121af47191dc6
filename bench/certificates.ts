import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { TransactionAction } from '@azure/data-tables';
import { compose, withCalendar } from '../src/compose.ts';
import { composeCertificates } from '../src/composeCertificates.ts';
import { loadConfig } from '../src/config/config.ts';
import { addDays, dayIn, type Day } from '../src/domain/certificates/calendarDays.ts';
import type { CertificationRecord } from '../src/domain/certificates/certificationRecord.ts';
import { testCertification } from '../src/domain/certificates/testCertifications.ts';
import { createLogger } from '../src/log/logger.ts';
import { scheduleRow, toRow } from '../src/store/certificates/certificationStore.ts';
import { StorageClients } from '../src/store/platform/storageClients.ts';
import { tableNames } from '../src/store/platform/tables.ts';
import { certificationCatalogOf } from '../src/usecases/certificates/ports.ts';
import { sweepCertifications } from '../src/usecases/certificates/sweepCertifications.ts';
import { mapLimit } from '../src/usecases/platform/mapLimit.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { machine, progress, publishResult } from './support/results.ts';
import { wholeNumber } from './support/options.ts';

/**
 * `npm run bench -- certificates --people 100000 [--due 0.01]`: the daily certification sweep over
 * `people` people with three certifications each (every record certified, its next check spread
 * over the coming year), `due` of the people with one check due today (the 30-day "expires soon"
 * reminder). Seeded with raw batch transactions straight to Azurite (in memory), in the store's own
 * row format: every check of the schedule (300,000 for 100,000 people, 100 a transaction), and the
 * certification records and People rows of the due people (the sweep reads no one else's; with
 * `--all-records` every person's records too, one transaction per person, which takes minutes). Then one sweep,
 * as the worker runs it, timed, with every storage request counted by method (reads: GET, point
 * reads and query pages). Its cost should follow the number due, not the number of people.
 */
const usage = 'Usage: npm run bench -- certificates [--people 100000] [--due 0.01] [--all-records]';
const TARGET_S = 10;
const tenantId = '3c9d2b1a-7e6f-4a5b-9c8d-1e2f3a4b5c6d';
const CERTIFICATIONS = ['bench-cpr', 'bench-smoke-diving', 'bench-forklift'];
const SEED_IN_FLIGHT = 32;

export async function main(args: string[]): Promise<number> {
  let people: number;
  let due: number;
  let allRecords: boolean;
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        people: { type: 'string', default: '100000' },
        due: { type: 'string', default: '0.01' },
        'all-records': { type: 'boolean', default: false },
      },
    });
    people = wholeNumber('people', values.people, 100, 1_000_000);
    allRecords = values['all-records'];
    due = Number(values.due);
    if (!(due > 0 && due <= 1))
      throw new Error('--due must be a fraction above 0 and at most 1 (0.01 is 1 %)');
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 1;
  }

  // Every storage request of this process, counted by method, through a policy on each table client.
  const counts = { reads: 0, writes: 0, counting: false };
  const counting: PipelinePolicy = {
    name: 'benchCounting',
    async sendRequest(request, next) {
      if (counts.counting) {
        if (request.method === 'GET') counts.reads++;
        else counts.writes++;
      }
      return next(request);
    },
  };
  const table = StorageClients.prototype.table;
  StorageClients.prototype.table = function (this: StorageClients, name: string) {
    const client = table.call(this, name);
    client.pipeline.addPolicy(counting);
    return client;
  };

  const azurite = await startBenchAzurite();
  try {
    const config = loadConfig({
      DRYPP_MODE: 'test',
      DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
      DRYPP_LOG_LEVEL: 'silent',
    });
    const composed = await compose(config, createLogger('silent'));
    const catalog = certificationCatalogOf(
      CERTIFICATIONS.map((id) =>
        testCertification({
          id,
          title: { en: id },
          program: 'smoke-diving-course',
          refresherProgram: 'smoke-diving-refresher',
          renewalWindowDays: 60,
          reminders: { beforeDueDays: [14], beforeExpiryDays: [30, 7] },
        }),
      ),
    );
    const app = withCalendar(composed.deps);
    const { deps } = composeCertificates(
      { certificates: { ...composed.certificates, catalog } },
      app,
      // The real pipeline (status rows and queue messages), with no worker consuming it.
      (await import('../src/composeOutbound.ts')).composeOutbound({
        config,
        storage: composed.storage,
        clock: composed.deps.clock,
        conversations: composed.deps.conversations,
        reachability: composed.deps.reachability,
        log: createLogger('silent'),
        connector: { send: () => Promise.reject(new Error('no sends')) } as never,
      }).pipeline,
    );
    const today = dayIn(composed.deps.clock.now(), config.defaultTimeZone);
    const dueEvery = Math.round(1 / due);
    const days = Array.from({ length: 366 }, (_, k) => addDays(today, k));

    progress(`seeding ${people} people × ${CERTIFICATIONS.length} certifications…`);
    const seedStarted = performance.now();
    const records = composed.storage.table(tableNames.certifications);
    const schedule = composed.storage.table(tableNames.certificationSchedule);
    const checks: TransactionAction[] = [];
    const duePeople: number[] = [];
    await mapLimit(
      Array.from({ length: people }, (_, i) => i),
      SEED_IN_FLIGHT,
      async (i) => {
        const userId = personId(i);
        const isDue = i % dueEvery === 0;
        if (isDue) duePeople.push(i);
        const withRecords = allRecords || isDue;
        const rows = CERTIFICATIONS.map((certificationId, c) => {
          // One certification of a due person has its 30-day reminder today; every other next check
          // falls on a day of the coming year (never today).
          const nextCheckOn = isDue && c === 0 ? today : days[1 + ((i * 7 + c * 113) % 364)]!;
          checks.push([
            'upsert',
            scheduleRow({ tenantId, userId, certificationId, on: nextCheckOn }),
            'Replace',
          ]);
          return withRecords
            ? ([
                'create',
                toRow(certifiedRecord(userId, certificationId, nextCheckOn, today)),
              ] as TransactionAction)
            : undefined;
        });
        // Records are one partition per person, a transaction each: with --all-records every person's,
        // else the due people's only (the sweep reads no other record; the schedule has every check).
        if (withRecords) await records.submitTransaction(rows.filter((r) => r !== undefined));
        if (i > 0 && i % 20_000 === 0) progress(`  ${i} people`);
      },
    );
    const batches: TransactionAction[][] = [];
    for (let i = 0; i < checks.length; i += 100) batches.push(checks.slice(i, i + 100));
    await mapLimit(batches, SEED_IN_FLIGHT, (batch) => schedule.submitTransaction(batch));
    await mapLimit(duePeople, SEED_IN_FLIGHT, (i) =>
      composed.deps.people.upsert({
        tenantId,
        id: personId(i),
        userPrincipalName: `p${i}@bench.example`,
        displayName: `Person ${i}`,
        timeZone: config.defaultTimeZone,
      }),
    );
    const seedS = (performance.now() - seedStarted) / 1000;
    progress(`seeded in ${seedS.toFixed(1)} s; sweeping`);

    counts.counting = true;
    const started = performance.now();
    const report = await sweepCertifications(deps, tenantId);
    const seconds = (performance.now() - started) / 1000;
    counts.counting = false;
    const result = {
      bench: 'certificates',
      at: new Date().toISOString(),
      people,
      certifications_per_person: CERTIFICATIONS.length,
      records: people * CERTIFICATIONS.length,
      schedule_rows: checks.length,
      records_seeded: allRecords ? 'all' : 'due people only',
      due_fraction: due,
      due_people: duePeople.length,
      seconds: Math.round(seconds * 100) / 100,
      storage_reads: counts.reads,
      storage_writes: counts.writes,
      reads_per_due: report.checked === 0 ? null : Math.round((counts.reads / report.checked) * 100) / 100,
      sweep: report,
      target_s: TARGET_S,
      meets_target: seconds <= TARGET_S && report.advanced === duePeople.length,
      seed_s: Math.round(seedS * 10) / 10,
      machine: machine(),
    };
    publishResult(`certificates-due-${due}`, result);
    return result.meets_target ? 0 : 1;
  } finally {
    StorageClients.prototype.table = table;
    await azurite.child.stop();
  }
}

function personId(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

/** Certified a year ago (more or less), its next check on `nextCheckOn` (a 30-day reminder then). */
function certifiedRecord(
  userId: string,
  certificationId: string,
  nextCheckOn: Day,
  today: Day,
): CertificationRecord {
  const validUntil = addDays(nextCheckOn, 30);
  const certifiedOn = addDays(validUntil, -365);
  return {
    tenantId,
    userId,
    certificationId,
    assignedOn: addDays(certifiedOn, -10),
    dueOn: addDays(certifiedOn, 20),
    status: nextCheckOn === today ? 'renewalOpen' : 'certified',
    cycles: [
      {
        n: 1,
        certifiedOn,
        validUntil,
        basis: 'first',
        via: 'program',
        programId: 'smoke-diving-course',
        certificationVersion: 1,
      },
    ],
    checkedThrough: addDays(today, -1),
    nextCheckOn,
    assignedBy: 'bench',
    rulesVersion: 1,
  };
}
