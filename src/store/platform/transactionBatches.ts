import type { TableClient, TransactionAction } from '@azure/data-tables';

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
  let next = 0;
  const lane = async () => {
    while (next < batches.length) await table.submitTransaction(batches[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, lane));
}
