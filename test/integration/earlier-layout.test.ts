import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { composeForTest } from '../support/learningFixtures.ts';

let azurite: AzuriteInstance;

beforeAll(async () => {
  azurite = await startTestAzurite();
}, 60_000);
afterAll(async () => {
  await azurite?.child.stop();
});

describe('storage from an earlier layout', () => {
  it('starts on fresh storage, and refuses storage that still has the old Enrollments table', async () => {
    await expect(composeForTest(azurite.connectionString)).resolves.toBeDefined();
    const clients = new StorageClients({
      kind: 'connectionString',
      connectionString: azurite.connectionString,
    });
    await clients.table('Enrollments').createTable();
    await expect(composeForTest(azurite.connectionString)).rejects.toThrow(
      /earlier layout of Drypp \(tables Enrollments\).*npm run sandbox:reset/,
    );
  });
});
