import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAzurite } from '../support/azurite.ts';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { Enrollment } from '../../src/domain/learning/enrollment.ts';
import type { StepState } from '../../src/domain/learning/stepState.ts';
import { TableEnrollmentStore } from '../../src/store/learning/enrollmentStore.ts';
import { TableProgressStore } from '../../src/store/learning/progressStore.ts';
import { TableStepStore } from '../../src/store/learning/stepStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, tableNames } from '../../src/store/platform/tables.ts';

let azurite: AzuriteInstance;
let enrollments: TableEnrollmentStore;
let steps: TableStepStore;
let progress: TableProgressStore;

beforeAll(async () => {
  azurite = await startTestAzurite();
  const clients = new StorageClients({
    kind: 'connectionString',
    connectionString: azurite.connectionString,
  });
  await ensureStorage(clients);
  const table = clients.table(tableNames.learnerProgress);
  enrollments = new TableEnrollmentStore(table);
  steps = new TableStepStore(table);
  progress = new TableProgressStore(table);
}, 60_000);
afterAll(async () => {
  await azurite?.child.stop();
});

const tenantA = '11111111-1111-4111-8111-111111111111';
const tenantB = '22222222-2222-4222-8222-222222222222';

function enrollment(overrides: Partial<Enrollment> = {}): Enrollment {
  return {
    tenantId: tenantA,
    userId: 'ada',
    programId: 'welcome',
    programVersion: 1,
    status: 'active',
    enrolledAt: '2026-11-01T08:00:00.000Z',
    completedSteps: 0,
    totalSteps: 2,
    ...overrides,
  };
}

function step(overrides: Partial<StepState> = {}): StepState {
  return {
    tenantId: tenantA,
    userId: 'ada',
    programId: 'welcome',
    stepId: 'one',
    programVersion: 1,
    dueAt: '2026-11-01T08:00:00.000Z',
    status: 'sent',
    remindersSent: 0,
    attempts: 0,
    ...overrides,
  };
}

/** An enrollment with two steps, for a person and program of its own. */
async function enrolled(key: { tenantId?: string; userId: string; programId: string }): Promise<void> {
  await enrollments.create(enrollment(key));
  await steps.create(step({ ...key, stepId: 'one' }));
  await steps.create(step({ ...key, stepId: 'two', dueAt: '2026-11-02T08:00:00.000Z' }));
}

describe('learner progress: an enrollment and its steps in one partition per person', () => {
  it('reads an enrollment with its own steps, and no other program, person or tenant', async () => {
    await enrolled({ userId: 'ada', programId: 'welcome' });
    // Ids that share a prefix with the program, the person or sit in another tenant.
    await enrolled({ userId: 'ada', programId: 'welcome-2' });
    await enrolled({ userId: 'ada2', programId: 'welcome' });
    await enrolled({ tenantId: tenantB, userId: 'ada', programId: 'welcome' });

    const loaded = await progress.load(tenantA, 'ada', 'welcome');
    expect(loaded.enrollment).toMatchObject({ tenantId: tenantA, userId: 'ada', programId: 'welcome' });
    expect(loaded.enrollment?.etag).toBeTruthy();
    expect(loaded.steps.map((s) => [s.userId, s.programId, s.stepId])).toEqual([
      ['ada', 'welcome', 'one'],
      ['ada', 'welcome', 'two'],
    ]);
    expect(loaded.steps.every((s) => s.tenantId === tenantA && s.etag)).toBe(true);

    const listed = await steps.listForEnrollment(tenantA, 'ada', 'welcome');
    expect(listed.map((s) => s.stepId)).toEqual(['one', 'two']);
    const mine = await enrollments.listForPerson(tenantA, 'ada');
    expect(mine.map((e) => e.programId).sort()).toEqual(['welcome', 'welcome-2']);
    const ofProgram = await enrollments.listForProgram(tenantA, 'welcome');
    expect(ofProgram.map((e) => `${e.tenantId} ${e.userId}`).sort()).toEqual([
      `${tenantA} ada`,
      `${tenantA} ada2`,
    ]);
    expect(await progress.load(tenantA, 'nobody', 'welcome')).toEqual({ enrollment: undefined, steps: [] });
  });

  it('writes a step and its enrollment together, or neither when one changed since it was read', async () => {
    await enrolled({ userId: 'bo', programId: 'welcome' });
    const read = await progress.load(tenantA, 'bo', 'welcome');
    const one = read.steps.find((s) => s.stepId === 'one')!;

    // The enrollment changed after it was read (a withdrawal, another answer): nothing is written.
    const changed = await enrollments.get(tenantA, 'bo', 'welcome');
    expect(await enrollments.update({ ...changed!, lastActiveAt: '2026-11-03T08:00:00.000Z' })).toBe(
      'updated',
    );
    expect(
      await progress.saveStepAndEnrollment(
        { ...one, status: 'done' },
        { ...read.enrollment!, completedSteps: 1 },
      ),
    ).toBe('conflict');
    expect((await steps.get(tenantA, 'bo', 'welcome', 'one'))?.status).toBe('sent');

    // The step changed after it was read (the scheduler recorded a reminder): nothing is written.
    const fresh = await progress.load(tenantA, 'bo', 'welcome');
    const freshOne = fresh.steps.find((s) => s.stepId === 'one')!;
    expect(await steps.update({ ...freshOne, remindersSent: 1 })).toBe('updated');
    expect(
      await progress.saveStepAndEnrollment(
        { ...freshOne, status: 'done' },
        { ...fresh.enrollment!, completedSteps: 1 },
      ),
    ).toBe('conflict');
    expect((await enrollments.get(tenantA, 'bo', 'welcome'))?.completedSteps).toBe(0);

    // Read again, both unchanged since: both are written.
    const again = await progress.load(tenantA, 'bo', 'welcome');
    const againOne = again.steps.find((s) => s.stepId === 'one')!;
    expect(
      await progress.saveStepAndEnrollment(
        { ...againOne, status: 'done' },
        { ...again.enrollment!, completedSteps: 1 },
      ),
    ).toBe('updated');
    const after = await progress.load(tenantA, 'bo', 'welcome');
    expect(after.enrollment?.completedSteps).toBe(1);
    expect(after.steps.find((s) => s.stepId === 'one')).toMatchObject({ status: 'done', remindersSent: 1 });
  });

  it("marks a person's enrollments as shown to managers, or none when one changed since it was read", async () => {
    await enrolled({ userId: 'cy', programId: 'welcome' });
    await enrolled({ userId: 'cy', programId: 'safety' });
    const read = await progress.loadPerson(tenantA, 'cy');
    expect(read.enrollments).toHaveLength(2);

    const safety = read.enrollments.find((e) => e.programId === 'safety')!;
    expect(await enrollments.update({ ...safety, lastActiveAt: '2026-11-03T08:00:00.000Z' })).toBe('updated');
    expect(await progress.markTeamCopies(read.enrollments)).toBe('conflict');
    expect((await progress.loadPerson(tenantA, 'cy')).enrollments.map((e) => e.teamCopies)).toEqual([
      undefined,
      undefined,
    ]);

    const again = await progress.loadPerson(tenantA, 'cy');
    expect(await progress.markTeamCopies(again.enrollments)).toBe('updated');
    const marked = (await progress.loadPerson(tenantA, 'cy')).enrollments;
    expect(marked.map((e) => e.teamCopies)).toEqual(['some', 'some']);
    // Only the flag: the progress the rows hold is kept.
    expect(marked.find((e) => e.programId === 'safety')?.lastActiveAt).toBe('2026-11-03T08:00:00.000Z');
  });
});

describe("creating an enrollment's new steps together", () => {
  it('writes them in one transaction per person, and a re-run keeps every step already there', async () => {
    const of = (userId: string, stepId: string, status: StepState['status'] = 'scheduled') =>
      step({ userId, programId: 'together', stepId, status });
    const first = [of('cleo', 'a'), of('cleo', 'b'), of('dan', 'a')];
    expect(await steps.createAll(first)).toEqual(['created', 'created', 'created']);
    // Cleo's step b moved on meanwhile; the re-run (after a crash) must not put it back.
    const b = (await steps.get(tenantA, 'cleo', 'together', 'b'))!;
    expect(await steps.update({ ...b, status: 'done' })).toBe('updated');

    const rerun = [of('cleo', 'a'), of('cleo', 'b'), of('cleo', 'c'), of('dan', 'b')];
    expect(await steps.createAll(rerun)).toEqual(['exists', 'exists', 'created', 'created']);
    const cleo = await steps.listForEnrollment(tenantA, 'cleo', 'together');
    expect(cleo.map((s) => [s.stepId, s.status])).toEqual([
      ['a', 'scheduled'],
      ['b', 'done'],
      ['c', 'scheduled'],
    ]);
    expect((await steps.listForEnrollment(tenantA, 'dan', 'together')).map((s) => s.stepId)).toEqual([
      'a',
      'b',
    ]);
    expect(await steps.createAll([])).toEqual([]);
  });
});
