import { fileURLToPath } from 'node:url';
import { startAzurite, type AzuriteInstance } from '../../sandbox/azurite.ts';
import { freePort } from '../../sandbox/ports.ts';

const rowKeyLookups = fileURLToPath(new URL('./azuriteRowKeyLookups.cjs', import.meta.url));

/**
 * An in-memory Azurite for a benchmark that stores hundreds of thousands of rows in one partition,
 * with entities found by their row key first (azuriteRowKeyLookups.cjs): the stock emulator scans a
 * partition on every point operation, which makes seeding it quadratic and the measured seconds the
 * emulator's. The requests Drypp makes, and their count, are the same either way.
 */
export async function startBenchAzurite(): Promise<AzuriteInstance> {
  return startAzurite({
    ports: { blob: await freePort(), queue: await freePort(), table: await freePort() },
    env: { NODE_OPTIONS: `--require ${rowKeyLookups}` },
  });
}
