import { performance } from 'node:perf_hooks';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { DirectoryPerson } from '../../src/domain/directory/directoryPerson.ts';
import { mirrorActions, reportingChange } from '../../src/store/directory/directoryMirror.ts';
import { managerIndexUpserts } from '../../src/store/managers/managerIndexStore.ts';
import { BATCHES_IN_FLIGHT } from '../../src/store/platform/transactionBatches.ts';
import type { DirectoryReader } from '../../src/usecases/directory/ports.ts';
import { progress } from './results.ts';

export interface RawWriteResult {
  s: number;
  /** People rows; the manager index's rows come on top. */
  rows: number;
  manager_index_rows: number;
  pages: number;
  s_per_1000_first_10_pages: number | null;
  s_per_1000_last_10_pages: number | null;
  /** How much slower per person Azurite wrote the last ten pages than the first ten. */
  last_to_first_10_pages: number | null;
}

/**
 * The floor for the mirror: the same rows written straight to Azurite with raw TableClient
 * transactions, nothing of Drypp's sync in between. The tenant's Graph pages are read again (not
 * timed); each page's rows are the rows the sync must write for it: the People rows (same
 * partitions, same fields, so the same size) and the manager index's rows (one per person with a
 * manager, under the manager: what My team reads), grouped the same way (one partition, at most
 * 100 rows a transaction), people first, and sent as many at a time as the mirror sends them. Only
 * the writes are timed; the tables are dropped at the end.
 */
export async function rawMirrorWrite(
  reader: DirectoryReader,
  tables: { people: TableClient; managerIndex: TableClient },
  tenantId: string,
  firstSeenAt: string,
  warmupPages = 5,
): Promise<RawWriteResult> {
  const all = [tables.people, tables.managerIndex];
  const write = async (page: PageWrites) => {
    await sendBatches(tables.people, page.people);
    await sendBatches(tables.managerIndex, page.managerIndex);
  };
  // Warm up (JIT in this process and in Azurite, connections) as the sync will be by the time it
  // runs: a few pages written, untimed, then the tables emptied.
  for (const t of all) await t.createTable();
  await eachPage(reader, tenantId, firstSeenAt, warmupPages, write);
  for (const t of all) await t.deleteTable();
  for (const t of all) await t.createTable();

  let writeMs = 0;
  let rows = 0;
  let indexRows = 0;
  // After each page: the write time so far and the people so far.
  const pageEnds: number[] = [0];
  const rowsAt: number[] = [0];
  await eachPage(reader, tenantId, firstSeenAt, Infinity, async (page, people) => {
    const started = performance.now();
    await write(page);
    writeMs += performance.now() - started;
    rows += people;
    indexRows += page.managerIndex.reduce((n, batch) => n + batch.length, 0);
    pageEnds.push(writeMs);
    rowsAt.push(rows);
    if (pageEnds.length % 10 === 1) progress(`raw write: ${rows} people in ${round1(writeMs / 1000)} s`);
  });
  for (const t of all) await t.deleteTable();
  const per1000 = (from: number, to: number) =>
    rowsAt[to]! > rowsAt[from]!
      ? round2((pageEnds[to]! - pageEnds[from]!) / (rowsAt[to]! - rowsAt[from]!))
      : null;
  const pages = pageEnds.length - 1;
  const first10 = per1000(0, Math.min(10, pages));
  const last10 = per1000(Math.max(0, pages - 10), pages);
  return {
    s: round1(writeMs / 1000),
    rows,
    manager_index_rows: indexRows,
    pages,
    s_per_1000_first_10_pages: first10,
    s_per_1000_last_10_pages: last10,
    last_to_first_10_pages: first10 && last10 ? round2(last10 / first10) : null,
  };
}

interface PageWrites {
  people: TransactionAction[][];
  managerIndex: TransactionAction[][];
}

/** The tenant's delta pages from the start, each as the mirror's transactions for a fresh first sync. */
async function eachPage(
  reader: DirectoryReader,
  tenantId: string,
  firstSeenAt: string,
  maxPages: number,
  write: (page: PageWrites, people: number) => Promise<void>,
): Promise<void> {
  let link: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const page = await reader.deltaPage(tenantId, link);
    const mirrored = page.people.map((change) => ({
      person: { accountEnabled: true, userType: 'Member', ...change } as DirectoryPerson,
      firstSeenAt,
    }));
    await write(
      {
        people: mirrorActions(tenantId, mirrored),
        managerIndex: managerIndexUpserts(tenantId, mirrored.map(reportingChange)),
      },
      mirrored.length,
    );
    link = page.nextLink;
    if (!link) return;
  }
}

async function sendBatches(table: TableClient, batches: readonly TransactionAction[][]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < batches.length) await table.submitTransaction(batches[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, lane));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
