import { beforeEach, describe, expect, it } from 'vitest';
import { deliveryKey } from '../../../domain/delivery/dueWork.ts';
import { enrollPerson } from './enrollPerson.ts';
import { fakeLearningDeps, testPerson, testProgram, type FakeLearningDeps } from '../testing/fakes.ts';

const program = testProgram();
const person = testPerson(1);
let deps: FakeLearningDeps;

beforeEach(() => {
  deps = fakeLearningDeps([program]);
});

/** The cards scheduled for the person, one line per card. */
const scheduled = () => deps.dueWork.all().map((w) => `${w.stepId} ${w.kind} ${w.at}`);

describe('enrollPerson', () => {
  it('creates the enrollment, a progress row per step and one card per step on its due day', async () => {
    const outcome = await enrollPerson(deps, { person, programId: program.id });
    expect(outcome.kind).toBe('enrolled');
    expect(deps.enrollments.rows.all()).toEqual([
      expect.objectContaining({
        status: 'active',
        completedSteps: 0,
        totalSteps: 3,
        timeZone: 'Europe/Oslo',
      }),
    ]);
    expect(deps.steps.rows.all().map((s) => [s.stepId, s.status])).toEqual([
      ['welcome', 'scheduled'],
      ['check', 'scheduled'],
      ['think', 'scheduled'],
    ]);
    const due = deps.dueWork.all();
    expect(due.map((w) => w.stepId)).toEqual(['welcome', 'check', 'think']);
    // Each card is due when its step is, a day apart here (offsetDays 0, 1, 2).
    for (const work of due) {
      const step = deps.steps.rows.all().find((s) => s.stepId === work.stepId)!;
      expect(work.at).toBe(step.dueAt);
    }
    expect(Date.parse(due[1]!.at) - Date.parse(due[0]!.at)).toBeGreaterThanOrEqual(23 * 3600_000);
  });

  it('enrolls nobody twice: a second run keeps the first enrollment and its schedule', async () => {
    await enrollPerson(deps, { person, programId: program.id });
    const first = {
      enrollments: deps.enrollments.rows.all(),
      steps: deps.steps.rows.all(),
      due: scheduled(),
    };
    deps.clock.advance(3 * 3600_000);
    const outcome = await enrollPerson(deps, { person, programId: program.id });
    expect(outcome.kind).toBe('alreadyEnrolled');
    expect(deps.enrollments.rows.all()).toEqual(first.enrollments);
    expect(deps.steps.rows.all()).toEqual(first.steps);
    expect(scheduled()).toEqual(first.due);
  });

  it('after a crash half-way through the steps, the next run adds what is missing', async () => {
    deps.faults.throwOn('steps.create', new Error('worker killed'), {
      when: ([state]) => (state as { stepId: string }).stepId === 'check',
    });
    await expect(enrollPerson(deps, { person, programId: program.id })).rejects.toThrow('worker killed');
    expect(deps.steps.rows.all().map((s) => s.stepId)).toEqual(['welcome']);

    await enrollPerson(deps, { person, programId: program.id });
    expect(deps.steps.rows.all().map((s) => s.stepId)).toEqual(['welcome', 'check', 'think']);
    // Every step has exactly one card waiting, at the time the first run chose.
    const keys = deps.dueWork.all().map((w) => deliveryKey(w));
    expect(new Set(keys).size).toBe(3);
    expect(deps.dueWork.all().map((w) => w.stepId)).toEqual(['welcome', 'check', 'think']);
  });

  it('leaves a withdrawn enrollment alone', async () => {
    await enrollPerson(deps, { person, programId: program.id });
    const enrollment = deps.enrollments.rows.all()[0]!;
    deps.enrollments.rows.update({ ...enrollment, status: 'withdrawn' });
    const before = scheduled();
    expect((await enrollPerson(deps, { person, programId: program.id })).kind).toBe('alreadyEnrolled');
    expect(deps.enrollments.rows.all()[0]?.status).toBe('withdrawn');
    expect(scheduled()).toEqual(before);
  });

  it('answers an unknown program without writing anything', async () => {
    expect(await enrollPerson(deps, { person, programId: 'no-such-program' })).toEqual({
      kind: 'unknownProgram',
    });
    expect(deps.faults.calls.filter((c) => !c.method.endsWith('.get'))).toEqual([]);
  });

  it('passes a storage failure on before anything is scheduled', async () => {
    deps.faults.throwOn('enrollments.create', new Error('storage unavailable'));
    await expect(enrollPerson(deps, { person, programId: program.id })).rejects.toThrow(
      'storage unavailable',
    );
    expect(deps.steps.rows.all()).toEqual([]);
    expect(deps.dueWork.all()).toEqual([]);
  });
});
