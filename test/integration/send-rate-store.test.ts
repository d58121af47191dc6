import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { TableSendRateStore } from '../../src/store/delivery/sendRateStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, tableNames } from '../../src/store/platform/tables.ts';
import { startTestAzurite } from '../support/azurite.ts';

let azurite: AzuriteInstance;
let store: TableSendRateStore;
beforeAll(async () => {
  azurite = await startTestAzurite();
  const clients = new StorageClients({
    kind: 'connectionString',
    connectionString: azurite.connectionString,
  });
  await ensureStorage(clients);
  store = new TableSendRateStore(clients.table(tableNames.sendRate));
});
afterAll(async () => {
  await azurite?.child.stop();
});

describe('the stored per-tenant send log', () => {
  it('lets only the first of two workers that read the same window write it', async () => {
    const empty = await store.read('tenant-1');
    expect(empty).toEqual({ log: [] });
    expect(await store.write('tenant-1', [10, 12], empty.etag)).toBe('updated');
    expect(await store.write('tenant-1', [10, 12], empty.etag)).toBe('conflict'); // created meanwhile

    const read = await store.read('tenant-1');
    expect(read.log).toEqual([10, 12]);
    expect(await store.write('tenant-1', [10, 12, 14], read.etag)).toBe('updated');
    expect(await store.write('tenant-1', [10, 12, 14], read.etag)).toBe('conflict'); // changed meanwhile
    expect((await store.read('tenant-1')).log).toEqual([10, 12, 14]);
    expect((await store.read('tenant-2')).log).toEqual([]); // tenants do not share a log
    // Graph installs have a budget of their own.
    const installs = new TableSendRateStore(store['table'], 'graphInstalls');
    expect((await installs.read('tenant-1')).log).toEqual([]);
  });
});
