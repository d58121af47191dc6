import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoPeople, demoTenant } from '../../sandbox/demoOrganisation.ts';
import { seedFromDemoOrganisation, type RunningSimulator } from '../../sandbox/tenantSimulator/index.ts';
import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { syncDirectory } from '../../src/usecases/directory/syncDirectory.ts';
import { reportingTreeOf } from '../../src/usecases/managers/team/reportingTree.ts';
import { startTestAzurite } from '../support/azurite.ts';
import {
  directorySyncFor,
  simControl,
  startSimulator,
  type DirectorySync,
} from '../support/directoryFixtures.ts';
import { composeForTest } from '../support/learningFixtures.ts';

/**
 * The manager index follows the directory through sync: the initial sync fills it, a move takes the
 * person out of the old manager's list and into the new one's, a leaver leaves every list.
 */
const tenantId: string = demoTenant.id;
const [alex, megan, adele, isaiah, , lynne] = demoPeople.map((p) => p.id) as [
  string,
  string,
  string,
  string,
  string,
  string,
];

let azurite: AzuriteInstance;
let sim: RunningSimulator;
let dir: DirectorySync;
let index: TableManagerIndex;

beforeAll(async () => {
  azurite = await startTestAzurite();
  sim = await startSimulator([seedFromDemoOrganisation()]);
  const composed = await composeForTest(azurite.connectionString);
  dir = directorySyncFor(composed, sim, { pageSize: 4 });
  index = new TableManagerIndex(composed.storage.table(tableNames.managerIndex));
});
afterAll(async () => {
  await sim?.stop();
  await azurite?.child.stop();
});

const reportsOf = async (managerId: string) =>
  (await index.reportsOf(tenantId, managerId)).map((r) => r.id).sort();

describe('manager index', () => {
  it('is filled by the initial sync, and gives the tree over two levels', async () => {
    await syncDirectory(dir.deps, tenantId);
    expect(await reportsOf(adele)).toEqual([alex, lynne].sort());
    const tree = await reportingTreeOf({ managerIndex: index }, tenantId, megan);
    expect(tree.map((m) => [m.displayName, m.depth])).toEqual([
      ['Adele Vance', 1],
      ['Isaiah Langer', 1],
      ['Patti Fernandez', 1],
      ['Alex Wilber', 2],
      ['Lynne Robbins', 2],
    ]);
  });

  it('moves a person whose manager changes, and drops a leaver', async () => {
    await simControl(sim, '/move', { tenantId, user: lynne, manager: isaiah });
    await syncDirectory(dir.deps, tenantId);
    expect(await reportsOf(adele)).toEqual([alex]);
    expect(await reportsOf(isaiah)).toEqual([lynne]);

    await simControl(sim, '/leave', { tenantId, user: alex, mode: 'delete' });
    await syncDirectory(dir.deps, tenantId);
    expect(await reportsOf(adele)).toEqual([]);
  });
});
