import { fileURLToPath } from 'node:url';
import { startAzurite, type AzuriteInstance } from '../../sandbox/azurite.ts';
import { freePort } from '../../sandbox/ports.ts';

const rowKeyLookups = fileURLToPath(new URL('./azuriteRowKeyLookups.cjs', import.meta.url));

/**
 * An in-memory Azurite that finds rows as Azure Table Storage does (azuriteRowKeyLookups.cjs):
 * entities by their row key first, and `PartitionKey eq` queries within their partition. The stock
 * emulator scans a partition on every point operation (seeding a large partition is quadratic) and
 * the whole table on every query (a card answer's read grows with the number of people), so the
 * measured time would be the emulator's. The requests Drypp makes, their count and their answers are
 * the same either way (test/integration/bench-azurite.test.ts).
 */
export async function startBenchAzurite(): Promise<AzuriteInstance> {
  return startAzurite({
    ports: { blob: await freePort(), queue: await freePort(), table: await freePort() },
    env: { NODE_OPTIONS: `--require ${rowKeyLookups}` },
  });
}
