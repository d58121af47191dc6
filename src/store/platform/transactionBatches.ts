import type { TableClient, TransactionAction } from '@azure/data-tables';
import { isStatus } from './errors.ts';

/** Table storage's limit of operations in one entity-group transaction. */
export const MAX_TRANSACTION_ROWS = 100;

/**
 * The indexes of `items` grouped into transactions: one partition each (a transaction covers one),
 * at most `size` each (a caller that adds a row of its own to each asks for fewer), in the items'
 * order within a partition.
 */
export function transactionChunks<T>(
  items: readonly T[],
  partitionOf: (item: T) => string,
  size = MAX_TRANSACTION_ROWS,
): number[][] {
  const byPartition = new Map<string, number[]>();
  items.forEach((item, i) => {
    const pk = partitionOf(item);
    byPartition.set(pk, [...(byPartition.get(pk) ?? []), i]);
  });
  const chunks: number[][] = [];
  for (const indexes of byPartition.values())
    for (let from = 0; from < indexes.length; from += size) chunks.push(indexes.slice(from, from + size));
  return chunks;
}

/** How many entity-group transactions are sent at once. */
export const BATCHES_IN_FLIGHT = 4;

/**
 * Sends transactions a few at a time: a directory page of 999 people spreads over up to 256 People
 * partitions (and as many managers' index partitions), so its batches are many and small, and their
 * costs, here and in the store, overlap instead of adding up. Each batch covers its own partition
 * (callers group them so), so their order does not matter; a failure fails the whole call, which the
 * caller retries (every write is an idempotent upsert or delete).
 */
export async function submitInBatches(
  table: TableClient,
  batches: readonly TransactionAction[][],
): Promise<void> {
  await submitGuardedBatches(table, batches, () => false);
}

/**
 * As submitInBatches, for batches of guarded writes (create, or update with an ETag): a batch that
 * loses a race (409: the row exists, 412: it changed, 404: it is gone) is all or nothing, so it is
 * left unwritten and its index answered; every other batch is written. Other failures are thrown.
 */
export async function submitGuardedBatches(
  table: TableClient,
  batches: readonly TransactionAction[][],
  isLostRace: (error: unknown) => boolean = lostRace,
): Promise<number[]> {
  const lost: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < batches.length) {
      const index = next++;
      try {
        await table.submitTransaction(batches[index]!);
      } catch (error) {
        if (!isLostRace(error)) throw error;
        lost.push(index);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, lane));
  return lost.sort((a, b) => a - b);
}

function lostRace(error: unknown): boolean {
  return isStatus(error, 409) || isStatus(error, 412) || isStatus(error, 404);
}
