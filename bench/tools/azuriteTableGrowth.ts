import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { startTestAzurite } from '../../test/support/azurite.ts';
import { cpuMsOf } from '../support/cpuTime.ts';

/**
 * `node --import tsx bench/tools/azuriteTableGrowth.ts [--rows 100000] [--tables 1] [--partitions 256]`:
 * whether Azurite's cost per row grows with a table's size, apart from anything Drypp does. Writes
 * rows of the People row's size straight to a private Azurite, in transactions of one partition (as
 * the mirror does, 999 rows a "page" spread over the partitions), spread round-robin over `--tables`
 * tables, and prints Azurite's CPU ms (and wall ms) per 1,000 rows for each tenth of the rows.
 * Azurite keeps each table in one LokiJS collection with sorted indexes on PartitionKey and RowKey:
 * an insert splices both index arrays, which are as long as the table, and a lookup filters the
 * whole partition, so a slope, if any, is the table's size, and more tables would flatten it.
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    tables: { type: 'string', default: '1' },
    partitions: { type: 'string', default: '256' },
  },
});
const rows = Number(values.rows);
const tableCount = Number(values.tables);
const partitions = Number(values.partitions);
const digits = Math.max(1, Math.ceil(Math.log(partitions) / Math.log(16)));

const azurite = await startTestAzurite();
try {
  const clients = new StorageClients({
    kind: 'connectionString',
    connectionString: azurite.connectionString,
  });
  // Warm up (JIT here and in Azurite, connections) on a table dropped afterwards.
  const warmup = clients.table('GrowthWarmup');
  await warmup.createTable();
  for (let i = 0; i < 5; i++) await writePage([warmup], 999);
  await warmup.deleteTable();
  const tables = Array.from({ length: tableCount }, (_, i) => clients.table(`Growth${i}`));
  for (const t of tables) await t.createTable();
  const tenths: Array<{ rows: number; azurite_cpu_ms_per_1000: number; wall_ms_per_1000: number }> = [];
  const step = Math.ceil(rows / 10);
  let written = 0;
  let mark = { cpu: cpuMsOf(azurite.child.process.pid) ?? 0, at: performance.now(), rows: 0 };
  while (written < rows) {
    const size = Math.min(999, rows - written);
    await writePage(tables, size);
    written += size;
    if (written - mark.rows >= step || written === rows) {
      const cpu = cpuMsOf(azurite.child.process.pid) ?? 0;
      const n = (written - mark.rows) / 1000;
      tenths.push({
        rows: written,
        azurite_cpu_ms_per_1000: Math.round((cpu - mark.cpu) / n),
        wall_ms_per_1000: Math.round((performance.now() - mark.at) / n),
      });
      mark = { cpu, at: performance.now(), rows: written };
    }
  }
  const first = tenths[0]!.azurite_cpu_ms_per_1000;
  const last = tenths.at(-1)!.azurite_cpu_ms_per_1000;
  process.stdout.write(
    `${JSON.stringify({ rows, tables: tableCount, partitions: 16 ** digits, last_to_first_tenth_cpu: Math.round((last / first) * 100) / 100, tenths })}\n`,
  );
} finally {
  await azurite.child.stop();
}

/** A page of people, spread round-robin over the tables, then by partition within each table. */
async function writePage(tables: TableClient[], size: number): Promise<void> {
  const byTable = tables.map(() => new Map<string, TransactionAction[]>());
  for (let i = 0; i < size; i++) {
    const row = personLikeRow(digits);
    const batches = byTable[i % tables.length]!;
    const actions = batches.get(row.partitionKey) ?? [];
    actions.push(['create', row]);
    batches.set(row.partitionKey, actions);
  }
  await sendFourAtATime(
    byTable.flatMap((batches, t) => [...batches.values()].map((actions) => ({ table: tables[t]!, actions }))),
  );
}

function personLikeRow(hexDigits: number) {
  const id = randomUUID();
  return {
    partitionKey: `5b1c7e3a-9d2f-4e8b-a6c1-0f3e5d7b9a24|${id.slice(0, hexDigits)}`,
    rowKey: id,
    id,
    userPrincipalName: `person.${id.slice(0, 8)}@example.test`,
    upnLower: `person.${id.slice(0, 8)}@example.test`,
    displayName: 'Kari Nordmann',
    mail: `person.${id.slice(0, 8)}@example.test`,
    accountEnabled: true,
    userType: 'Member',
    department: 'Helse og omsorg',
    jobTitle: 'Sykepleier',
    hireDate: '2019-03-01T00:00:00Z',
    createdDateTime: '2019-02-20T08:00:00Z',
    preferredLanguage: 'nb-NO',
    managerId: randomUUID(),
    firstSeenAt: new Date().toISOString(),
  };
}

async function sendFourAtATime(work: Array<{ table: TableClient; actions: TransactionAction[] }>) {
  let next = 0;
  const lane = async () => {
    while (next < work.length) {
      const { table, actions } = work[next++]!;
      await table.submitTransaction(actions);
    }
  };
  await Promise.all(Array.from({ length: 4 }, lane));
}
