import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { DirectoryPerson } from '../../src/domain/directory/directoryPerson.ts';
import { TableDirectoryMirror } from '../../src/store/directory/directoryMirror.ts';
import { TablePeopleStore } from '../../src/store/directory/peopleStore.ts';
import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { composeForTest } from '../support/learningFixtures.ts';

/**
 * The directory mirror's writes are guarded by what the sync read, on a real Azurite: a person it
 * did not have is written only if there is still no row, one it read only if the row is unchanged
 * (its ETag). A person whose row changed is answered back, not written; everyone else is written.
 */
const tenantId = '77777777-7777-4777-8777-777777777777';
let azurite: AzuriteInstance;
let mirror: TableDirectoryMirror;
let people: TablePeopleStore;
let index: TableManagerIndex;

beforeAll(async () => {
  azurite = await startTestAzurite();
  const { storage } = await composeForTest(azurite.connectionString);
  index = new TableManagerIndex(storage.table(tableNames.managerIndex));
  const [peopleTable, tenants] = [storage.table(tableNames.people), storage.table(tableNames.tenants)];
  mirror = new TableDirectoryMirror(peopleTable, tenants, index);
  people = new TablePeopleStore(peopleTable, tenants, index);
});
afterAll(async () => {
  await azurite?.child.stop();
});

const person = (n: number, overrides: Partial<DirectoryPerson> = {}): DirectoryPerson => ({
  id: `${String(n).padStart(2, '0')}0e0d0c-0000-4000-8000-000000000000`,
  displayName: `Person ${n}`,
  userPrincipalName: `person${n}@example.test`,
  accountEnabled: true,
  userType: 'Member',
  ...overrides,
});
const firstSeenAt = '2026-11-30T08:00:00.000Z';
const reportsOf = async (managerId: string) => (await index.reportsOf(tenantId, managerId)).map((r) => r.id);

describe('the directory mirror', () => {
  it('does not write a person it did not have over a row that appeared meanwhile', async () => {
    const [a, b] = [person(1), person(2)];
    expect(await mirror.putMany(tenantId, [{ person: a, firstSeenAt }])).toEqual({ conflicts: [] });
    // As if a second page named the same person again, read as absent: the row is there now.
    const again = await mirror.putMany(tenantId, [
      { person: { ...a, department: 'Wrong' }, firstSeenAt },
      { person: b, firstSeenAt },
    ]);
    expect(again).toEqual({ conflicts: [a.id] });
    expect((await mirror.get(tenantId, a.id))?.person.department).toBeUndefined();
    expect((await mirror.get(tenantId, b.id))?.person).toMatchObject({ displayName: 'Person 2' });
  });

  it('does not overwrite a row that changed since it was read, and writes it once read again', async () => {
    const manager = person(3);
    const c = person(4, { managerId: manager.id });
    await mirror.putMany(tenantId, [
      { person: manager, firstSeenAt },
      { person: c, firstSeenAt },
    ]);
    const read = (await mirror.get(tenantId, c.id))!;
    await people.setTimeZone(tenantId, c.id, 'Asia/Tokyo'); // learnTimeZones, between read and write

    const newManager = person(5);
    const moved = {
      ...read,
      person: { ...read.person, managerId: newManager.id },
      previousManagerId: manager.id,
    };
    expect(await mirror.putMany(tenantId, [moved])).toEqual({ conflicts: [c.id] });
    expect((await mirror.get(tenantId, c.id))?.person).toMatchObject({
      managerId: manager.id,
      timeZone: 'Asia/Tokyo',
    });
    expect(await reportsOf(newManager.id)).toEqual([]); // the index follows only rows written
    expect(await reportsOf(manager.id)).toEqual([c.id]);

    const reread = (await mirror.get(tenantId, c.id))!;
    const retried = {
      ...reread,
      person: { ...reread.person, managerId: newManager.id },
      previousManagerId: manager.id,
    };
    expect(await mirror.putMany(tenantId, [retried])).toEqual({ conflicts: [] });
    expect((await mirror.get(tenantId, c.id))?.person).toMatchObject({
      managerId: newManager.id,
      timeZone: 'Asia/Tokyo',
    });
    expect(await reportsOf(newManager.id)).toEqual([c.id]);
    expect(await reportsOf(manager.id)).toEqual([]);
  });
});
