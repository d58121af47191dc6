import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { AdjustableClock } from '../../src/store/platform/adjustableClock.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, tableNames } from '../../src/store/platform/tables.ts';

/**
 * `drypp sandbox clock --advance` writes an offset that every process of a sandbox follows: the
 * worker reads it at each round, and a process without rounds (the web role, which shows what is due
 * and which sessions have begun) follows it on a timer.
 */
let azurite: AzuriteInstance;
let clients: StorageClients;
const DAY = 86_400_000;

beforeAll(async () => {
  azurite = await startTestAzurite();
  clients = new StorageClients({ kind: 'connectionString', connectionString: azurite.connectionString });
  await ensureStorage(clients);
});
afterAll(async () => {
  await azurite?.child.stop();
});

describe('the sandbox clock', () => {
  it('moves for a following process within its reading interval when another process advances it', async () => {
    const realNow = () => Date.parse('2026-12-02T12:00:00Z');
    const web = new AdjustableClock(clients.table(tableNames.sandboxClock), realNow);
    const cli = new AdjustableClock(clients.table(tableNames.sandboxClock), realNow);
    await web.refresh();
    const before = web.now().getTime();
    const unfollow = web.follow(50, (error) => {
      throw error;
    });
    try {
      await cli.advance(7 * DAY);
      await expect.poll(() => web.now().getTime() - before, { timeout: 5_000 }).toBe(7 * DAY);
      await cli.advance(DAY);
      await expect.poll(() => web.now().getTime() - before, { timeout: 5_000 }).toBe(8 * DAY);
    } finally {
      unfollow();
    }
    // Stopped: a later advance no longer moves it (checked after more than 20 reading intervals).
    await cli.advance(DAY);
    const deadline = Date.now() + 1_000;
    while (Date.now() < deadline) {
      expect(web.now().getTime() - before).toBe(8 * DAY);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});
