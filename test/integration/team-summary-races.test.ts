import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { Composed } from '../../src/compose.ts';
import type { Person } from '../../src/domain/directory/person.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import {
  refreshTeamSummary,
  type TeamSummaryDeps,
} from '../../src/usecases/managers/team/refreshTeamSummary.ts';
import { TablePeopleStore } from '../../src/store/directory/peopleStore.ts';
import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { composeForTest, testPerson } from '../support/learningFixtures.ts';

/**
 * Refreshes of one person's summary that overlap: the one that read its sources first can never
 * leave its older picture behind, neither over a newer copy nor back on a former manager's list.
 */
const TENANT = '5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
let azurite: AzuriteInstance;
let composed: Composed;

const person = (n: number, name: string, managerId?: string): Person =>
  testPerson(TENANT, n, { displayName: name, managerId });
const boss = person(1, 'Boss');
const ada = person(2, 'Ada', boss.id);
const ben = person(3, 'Ben', boss.id);
const kim = person(4, 'Kim', ada.id);
const lou = person(5, 'Lou');

beforeAll(async () => {
  azurite = await startTestAzurite();
  composed = await composeForTest(azurite.connectionString);
  for (const p of [boss, ada, ben, kim]) await composed.deps.people.upsert(p);
  await enrollPerson(composed.deps, { person: kim, programId: 'welcome-onboarding' });
  await composed.deps.people.upsert(lou);
  await enrollPerson(composed.deps, { person: lou, programId: 'welcome-onboarding' });
});
afterAll(async () => {
  await azurite?.child.stop();
});

/** The summary deps with a refresh that reads the person's progress and then waits until released. */
function heldAfterReading() {
  const deps = composed.teamSummaries;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reads = 0;
  const held: TeamSummaryDeps = {
    ...deps,
    progress: {
      loadPerson: async (tenantId, userId) => {
        const progress = await deps.progress.loadPerson(tenantId, userId);
        if (++reads === 1) await gate;
        return progress;
      },
    },
  };
  return { held, release, hasRead: () => reads > 0 };
}

async function until(condition: () => boolean) {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const listed = async (managerId: string) =>
  (await composed.teamSummaries.teamSummaries.listTeam(TENANT, managerId)).map((m) => m.personId);

describe('overlapping refreshes of one person', () => {
  it('a refresh that read before a change does not overwrite the summary written after it', async () => {
    const { held, release, hasRead } = heldAfterReading();
    const slow = refreshTeamSummary(held, TENANT, kim.id, 'learning');
    await until(hasRead);
    const program = composed.deps.catalog.find('welcome-onboarding')!;
    const lesson = (await composed.deps.steps.get(TENANT, kim.id, program.id, program.steps[0]!.id))!;
    const doneAt = new Date().toISOString();
    await composed.deps.steps.update({ ...lesson, status: 'done', doneAt });
    release();
    await slow;
    const [copy] = await composed.teamSummaries.teamSummaries.listTeam(TENANT, ada.id);
    expect(copy!.learning.steps.find((s) => s.stepId === lesson.stepId)).toMatchObject({
      status: 'done',
      doneAt,
    });
  });

  it('a refresh that read the old place does not put the person back on a former manager’s list', async () => {
    const { held, release, hasRead } = heldAfterReading();
    const slow = refreshTeamSummary(held, TENANT, kim.id, 'learning');
    await until(hasRead);
    await composed.deps.people.upsert({ ...kim, managerId: ben.id });
    expect(await listed(ada.id)).toEqual([]);
    release();
    await slow;
    expect(await listed(ada.id)).toEqual([]);
    expect(await listed(ben.id)).toEqual([kim.id]);
    expect(await listed(boss.id)).toContain(kim.id);
  });

  it('a change while someone gets their first manager reaches that manager, though its own refresh had nothing to do', async () => {
    expect(await composed.teamSummaries.teamSummaries.getHome(TENANT, lou.id)).toMatchObject({
      ancestors: [],
    });
    // Lou's new manager written to the directory without the refresh that follows it: the held one is it.
    const quietDirectory = new TablePeopleStore(
      composed.storage.table(tableNames.people),
      composed.storage.table(tableNames.tenants),
      new TableManagerIndex(composed.storage.table(tableNames.managerIndex)),
    );
    await quietDirectory.upsert({ ...lou, managerId: boss.id });
    const { held, release, hasRead } = heldAfterReading();
    const slow = refreshTeamSummary(held, TENANT, lou.id, 'directory');
    await until(hasRead);
    // No copies yet, so this write's own refresh writes nothing; the held refresh has read before it.
    const program = composed.deps.catalog.find('welcome-onboarding')!;
    const lesson = (await composed.deps.steps.get(TENANT, lou.id, program.id, program.steps[0]!.id))!;
    const doneAt = new Date().toISOString();
    await composed.deps.steps.update({ ...lesson, status: 'done', doneAt });
    release();
    await slow;
    const copy = (await composed.teamSummaries.teamSummaries.listTeam(TENANT, boss.id)).find(
      (m) => m.personId === lou.id,
    );
    expect(copy!.learning.steps.find((s) => s.stepId === lesson.stepId)).toMatchObject({
      status: 'done',
      doneAt,
    });
  });

  it('never lets an older version replace a newer copy or a removal', async () => {
    const store = composed.teamSummaries.teamSummaries;
    const [copy] = await store.listTeam(TENANT, ben.id);
    expect(await store.putMember(TENANT, ben.id, { ...copy!, version: copy!.version - 1 })).toBe('newer');
    expect(await store.removeMember(TENANT, ben.id, kim.id, copy!.version + 5)).toBe('removed');
    expect(await store.putMember(TENANT, ben.id, { ...copy!, version: copy!.version + 4 })).toBe('newer');
    expect(await listed(ben.id)).toEqual([]);
    expect(await store.putMember(TENANT, ben.id, { ...copy!, version: copy!.version + 6 })).toBe('written');
    expect(await listed(ben.id)).toEqual([kim.id]);
  });
});
