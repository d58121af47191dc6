import { performance } from 'node:perf_hooks';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { DirectoryPerson } from '../../src/domain/directory/directoryPerson.ts';
import { mirrorActions } from '../../src/store/directory/directoryMirror.ts';
import { BATCHES_IN_FLIGHT } from '../../src/store/platform/transactionBatches.ts';
import type { DirectoryReader } from '../../src/usecases/directory/ports.ts';
import { progress } from './results.ts';

export interface RawWriteResult {
  s: number;
  rows: number;
  pages: number;
  s_per_1000_first_10_pages: number | null;
  s_per_1000_last_10_pages: number | null;
}

/**
 * The floor for the mirror: the same people written straight to Azurite with raw TableClient
 * transactions, nothing of Drypp's sync in between. The tenant's Graph pages are read again (not
 * timed); each page's rows are the mirror's own rows (same partitions, same fields, so the same
 * size), grouped the same way (one partition, at most 100 rows a transaction) and sent as many at a
 * time as the mirror sends them. Only the writes are timed; the table is dropped at the end.
 */
export async function rawMirrorWrite(
  reader: DirectoryReader,
  table: TableClient,
  tenantId: string,
  firstSeenAt: string,
  warmupPages = 5,
): Promise<RawWriteResult> {
  // Warm up (JIT in this process and in Azurite, connections) as the sync will be by the time it
  // runs: a few pages written, untimed, then the table emptied.
  await table.createTable();
  await eachPage(reader, tenantId, firstSeenAt, warmupPages, (batches) => sendBatches(table, batches));
  await table.deleteTable();
  await table.createTable();

  let writeMs = 0;
  let rows = 0;
  // After each page: the write time so far and the rows so far.
  const pageEnds: number[] = [0];
  const rowsAt: number[] = [0];
  await eachPage(reader, tenantId, firstSeenAt, Infinity, async (batches, people) => {
    const started = performance.now();
    await sendBatches(table, batches);
    writeMs += performance.now() - started;
    rows += people;
    pageEnds.push(writeMs);
    rowsAt.push(rows);
    if (pageEnds.length % 10 === 1) progress(`raw write: ${rows} rows in ${round1(writeMs / 1000)} s`);
  });
  await table.deleteTable();
  const per1000 = (from: number, to: number) =>
    rowsAt[to]! > rowsAt[from]!
      ? round2((pageEnds[to]! - pageEnds[from]!) / (rowsAt[to]! - rowsAt[from]!))
      : null;
  const pages = pageEnds.length - 1;
  return {
    s: round1(writeMs / 1000),
    rows,
    pages,
    s_per_1000_first_10_pages: per1000(0, Math.min(10, pages)),
    s_per_1000_last_10_pages: per1000(Math.max(0, pages - 10), pages),
  };
}

/** The tenant's delta pages from the start, each as the mirror's transactions for a fresh first sync. */
async function eachPage(
  reader: DirectoryReader,
  tenantId: string,
  firstSeenAt: string,
  maxPages: number,
  write: (batches: TransactionAction[][], people: number) => Promise<void>,
): Promise<void> {
  let link: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const page = await reader.deltaPage(tenantId, link);
    const mirrored = page.people.map((change) => ({
      person: { accountEnabled: true, userType: 'Member', ...change } as DirectoryPerson,
      firstSeenAt,
    }));
    await write(mirrorActions(tenantId, mirrored), mirrored.length);
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
