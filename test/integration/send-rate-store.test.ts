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

describe('the stored per-tenant send window', () => {
  it('lets only the first of two workers that read the same window write it', async () => {
    const empty = await store.read('tenant-1');
    expect(empty).toEqual({ window: [] });
    expect(await store.write('tenant-1', [[10, 2]], empty.etag)).toBe('updated');
    expect(await store.write('tenant-1', [[10, 2]], empty.etag)).toBe('conflict'); // created meanwhile

    const read = await store.read('tenant-1');
    expect(read.window).toEqual([[10, 2]]);
    expect(await store.write('tenant-1', [[10, 4]], read.etag)).toBe('updated');
    expect(await store.write('tenant-1', [[10, 4]], read.etag)).toBe('conflict'); // changed meanwhile
    expect((await store.read('tenant-1')).window).toEqual([[10, 4]]);
    expect((await store.read('tenant-2')).window).toEqual([]); // tenants do not share a window
  });
});
