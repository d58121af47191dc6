import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { Composed } from '../../src/compose.ts';
import type { Person } from '../../src/domain/directory/person.ts';
import { learnerActor } from '../../src/domain/access/index.ts';
import { completeLesson } from '../../src/usecases/learning/answerStep.ts';
import type { ProgressStore } from '../../src/usecases/learning/ports.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { keepTeamSummaries } from '../../src/usecases/managers/team/keepTeamSummaries.ts';
import {
  refreshTeamSummary,
  type TeamSummaryDeps,
} from '../../src/usecases/managers/team/refreshTeamSummary.ts';
import { TablePeopleStore } from '../../src/store/directory/peopleStore.ts';
import { TableProgressStore } from '../../src/store/learning/progressStore.ts';
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
const max = person(6, 'Max');
const mia = person(7, 'Mia');
const PROGRAM = 'welcome-onboarding';

beforeAll(async () => {
  azurite = await startTestAzurite();
  composed = await composeForTest(azurite.connectionString);
  for (const p of [boss, ada, ben, kim]) await composed.deps.people.upsert(p);
  await enrollPerson(composed.deps, { person: kim, programId: 'welcome-onboarding' });
  await composed.deps.people.upsert(lou);
  await enrollPerson(composed.deps, { person: lou, programId: 'welcome-onboarding' });
  for (const p of [max, mia]) {
    await composed.deps.people.upsert(p);
    await enrollPerson(composed.deps, { person: p, programId: PROGRAM });
    // Every card sent, so each lesson can be answered.
    for (const s of await composed.deps.steps.listForEnrollment(TENANT, p.id, PROGRAM))
      await composed.deps.steps.update({ ...s, status: 'sent', sentAt: new Date().toISOString() });
  }
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
      markTeamCopies: (enrollments) => deps.progress.markTeamCopies(enrollments),
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

/** The directory without the refreshes that follow its writes: a manager given, nobody told yet. */
function quietDirectory() {
  return new TablePeopleStore(
    composed.storage.table(tableNames.people),
    composed.storage.table(tableNames.tenants),
    new TableManagerIndex(composed.storage.table(tableNames.managerIndex)),
  );
}

function lessonDone(progress: ProgressStore, p: Person, stepId: string) {
  const request = {
    actor: learnerActor(TENANT, p.id),
    tenantId: TENANT,
    learnerId: p.id,
    programId: PROGRAM,
    programVersion: composed.deps.catalog.find(PROGRAM)!.version,
    stepId,
  };
  return completeLesson({ ...composed.deps, progress }, request);
}

/** Two lessons of the program (a lesson is done with one click). */
const stepIds = () => ['welcome', 'working-in-the-public-sector'];
const copyAt = async (managerId: string, personId: string) =>
  (await composed.teamSummaries.teamSummaries.listTeam(TENANT, managerId)).find(
    (m) => m.personId === personId,
  );

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
    await quietDirectory().upsert({ ...lou, managerId: boss.id });
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

  it('an answer of someone no manager lists is marked so, and the next one reads no summary', async () => {
    const [first, second] = stepIds();
    expect(await lessonDone(composed.deps.progress, max, first!)).toMatchObject({ kind: 'done' });
    expect((await composed.deps.enrollments.get(TENANT, max.id, PROGRAM))?.teamCopies).toBe('none');
    const reads = { home: 0 };
    const store = composed.teamSummaries.teamSummaries;
    const counted = { ...store, getHome: (t: string, id: string) => (reads.home++, store.getHome(t, id)) };
    const keep = keepTeamSummaries(
      { ...composed.teamSummaries, teamSummaries: counted, clock: composed.deps.clock },
      (e) => {
        throw e;
      },
    );
    expect(
      (
        await lessonDone(
          keep.progress(new TableProgressStore(composed.storage.table(tableNames.learnerProgress))),
          max,
          second!,
        )
      ).kind,
    ).toBe('done');
    expect(reads.home).toBe(0);
  });

  it('an answer read as nobody’s, saved after someone got their first manager, reaches that manager', async () => {
    const [first, second] = stepIds();
    await lessonDone(composed.deps.progress, mia, first!); // marked: no copies
    // The answer reads its step and enrollment, then waits; meanwhile Mia gets a manager, refreshed.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let loads = 0;
    const progress: ProgressStore = {
      ...composed.deps.progress,
      load: async (t, u, p) => {
        const loaded = await composed.deps.progress.load(t, u, p);
        if (++loads === 1) await gate;
        return loaded;
      },
    };
    const answer = lessonDone(progress, mia, second!);
    await until(() => loads > 0);
    await quietDirectory().upsert({ ...mia, managerId: boss.id });
    await refreshTeamSummary(composed.teamSummaries, TENANT, mia.id, 'directory');
    expect((await copyAt(boss.id, mia.id))?.learning.steps.find((s) => s.stepId === second)?.status).toBe(
      'sent',
    );
    release();
    expect(await answer).toMatchObject({ kind: 'done' });
    expect(loads).toBe(2); // its first save lost to the marking, and it ran again
    expect((await copyAt(boss.id, mia.id))?.learning.steps.find((s) => s.stepId === second)?.status).toBe(
      'done',
    );
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
