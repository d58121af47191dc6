import { beforeEach, describe, expect, it } from 'vitest';
import { deliveryKey } from '../../../domain/delivery/dueWork.ts';
import { enrollAgain } from './enrollAgain.ts';
import { enrollPerson } from './enrollPerson.ts';
import { fakeLearningDeps, testPerson, testProgram, type FakeLearningDeps } from '../testing/fakes.ts';

const program = testProgram();
const person = testPerson(1);
let deps: FakeLearningDeps;

beforeEach(() => {
  deps = fakeLearningDeps([program]);
});

async function completeEverything(): Promise<void> {
  for (const s of deps.steps.rows.all()) {
    const stored = await deps.steps.get(s.tenantId, s.userId, s.programId, s.stepId);
    await deps.steps.update({
      ...stored!,
      status: 'done',
      doneAt: deps.clock.now().toISOString(),
      answer: '"x"',
    });
  }
  const e = await deps.enrollments.get(person.tenantId, person.id, program.id);
  await deps.enrollments.update({
    ...e!,
    status: 'completed',
    completedAt: deps.clock.now().toISOString(),
    completedSteps: 3,
  });
  for (const w of deps.dueWork.all()) await deps.dueWork.remove(w);
}

describe('enrollAgain', () => {
  it('enrolls someone for the first time like enrollPerson', async () => {
    expect((await enrollAgain(deps, { person, programId: program.id, roundKey: 'k1' })).kind).toBe(
      'enrolled',
    );
  });

  it('starts a completed program again: steps scheduled from today, cards keyed by the round', async () => {
    await enrollPerson(deps, { person, programId: program.id });
    const firstKeys = deps.dueWork.all().map(deliveryKey);
    await completeEverything();
    deps.clock.advance(300 * 86_400_000);

    const outcome = await enrollAgain(deps, { person, programId: program.id, roundKey: 'cert|c1|window' });
    expect(outcome).toEqual({ kind: 'startedAgain', round: 1 });
    expect(deps.enrollments.rows.all()).toEqual([
      expect.objectContaining({ status: 'active', round: 1, roundKey: 'cert|c1|window', completedSteps: 0 }),
    ]);
    expect(deps.enrollments.rows.all()[0]?.completedAt).toBeUndefined();
    expect(deps.steps.rows.all().map((s) => [s.stepId, s.status, s.answer])).toEqual([
      ['welcome', 'scheduled', undefined],
      ['check', 'scheduled', undefined],
      ['think', 'scheduled', undefined],
    ]);
    const keys = deps.dueWork.all().map(deliveryKey);
    expect(keys).toHaveLength(3);
    expect(keys.filter((k) => firstKeys.includes(k))).toEqual([]);
    expect(deps.dueWork.all()[0]?.at).toBe(deps.clock.now().toISOString());
  });

  it('starts a round once, whoever asks again with the same key', async () => {
    await enrollPerson(deps, { person, programId: program.id });
    await completeEverything();
    await enrollAgain(deps, { person, programId: program.id, roundKey: 'k' });
    await completeEverything();
    expect(await enrollAgain(deps, { person, programId: program.id, roundKey: 'k' })).toEqual({
      kind: 'alreadyStarted',
      round: 1,
    });
    expect(deps.enrollments.rows.all()[0]?.status).toBe('completed');
  });

  it('keeps the progress of someone in the middle of the program', async () => {
    await enrollPerson(deps, { person, programId: program.id });
    expect((await enrollAgain(deps, { person, programId: program.id, roundKey: 'k' })).kind).toBe(
      'stillActive',
    );
  });

  it('after a crash between the steps and the enrollment, the next call finishes the round', async () => {
    await enrollPerson(deps, { person, programId: program.id });
    await completeEverything();
    deps.faults.throwOn('enrollments.update', new Error('worker killed'));
    await expect(enrollAgain(deps, { person, programId: program.id, roundKey: 'k' })).rejects.toThrow(
      'worker killed',
    );
    expect(deps.enrollments.rows.all()[0]?.status).toBe('completed');
    expect(await enrollAgain(deps, { person, programId: program.id, roundKey: 'k' })).toEqual({
      kind: 'startedAgain',
      round: 1,
    });
  });
});
