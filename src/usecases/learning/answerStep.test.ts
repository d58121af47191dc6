import { beforeEach, describe, expect, it } from 'vitest';
import { KeptChangingError } from '../platform/retryOnConflict.ts';
import { learnerActor } from '../../domain/access/index.ts';
import { answerQuiz, completeLesson, retryQuiz, submitReflection } from './answerStep.ts';
import { enrollPerson } from './enrolling/enrollPerson.ts';
import type { StepActionRequest } from './stepAction.ts';
import {
  fakeLearningDeps,
  stepKey,
  testPerson,
  testProgram,
  type FakeLearningDeps,
} from './testing/fakes.ts';

const program = testProgram();
const person = testPerson(1);

let deps: FakeLearningDeps;

/** The person is enrolled and the step's card went out (the scheduler marked it sent). */
async function cardSent(stepId: string): Promise<StepActionRequest> {
  await enrollPerson(deps, { person, programId: program.id });
  const key = stepKey({ tenantId: person.tenantId, userId: person.id, programId: program.id, stepId });
  const step = deps.steps.rows.get(key)!;
  expect(deps.steps.rows.update({ ...step, status: 'sent', sentAt: deps.clock.now().toISOString() })).toBe(
    'updated',
  );
  return {
    actor: learnerActor(person.tenantId, person.id),
    tenantId: person.tenantId,
    learnerId: person.id,
    programId: program.id,
    programVersion: program.version,
    stepId,
  };
}

const SAVE = 'progress.saveStepAndEnrollment';
const keyOf = (stepId: string) =>
  stepKey({ tenantId: person.tenantId, userId: person.id, programId: program.id, stepId });
const stepRow = (stepId: string) => deps.steps.rows.get(keyOf(stepId));
const enrollmentRow = () => deps.enrollments.rows.get(`${person.tenantId}|${person.id}|${program.id}`);

beforeEach(() => {
  deps = fakeLearningDeps([program]);
});

describe('completing a lesson', () => {
  it('refuses "mark as done" on a step of another kind, or on a lesson whose card was not sent', async () => {
    const think = await cardSent('think');
    expect(await completeLesson(deps, think)).toEqual({ kind: 'refused', refusal: 'unknown' });
    expect(stepRow('think')).toMatchObject({ status: 'sent' });
    const notSent = { ...think, stepId: 'welcome' };
    const key = keyOf('welcome');
    deps.steps.rows.update({ ...deps.steps.rows.get(key)!, status: 'scheduled', sentAt: undefined });
    expect(await completeLesson(deps, notSent)).toEqual({ kind: 'refused', refusal: 'unknown' });
    expect(stepRow('welcome')).toMatchObject({ status: 'scheduled' });
    expect(enrollmentRow()).toMatchObject({ completedSteps: 0 });
  });

  it('marks the step done and counts it on the enrollment', async () => {
    const request = await cardSent('welcome');
    const answer = await completeLesson(deps, request);
    expect(answer.kind).toBe('done');
    expect(stepRow('welcome')).toMatchObject({ status: 'done', doneAt: deps.clock.now().toISOString() });
    expect(enrollmentRow()).toMatchObject({
      completedSteps: 1,
      lastActiveAt: deps.clock.now().toISOString(),
    });
  });

  it('answers a double click "already done" and writes nothing the second time', async () => {
    const request = await cardSent('welcome');
    await completeLesson(deps, request);
    const before = stepRow('welcome');
    const writes = deps.faults.calls.length;
    expect(await completeLesson(deps, request)).toEqual({ kind: 'refused', refusal: 'alreadyDone' });
    expect(deps.faults.calls.slice(writes).map((c) => c.method)).toEqual(['progress.load']);
    expect(stepRow('welcome')).toEqual(before);
  });

  it("refuses someone else's card and changes nothing", async () => {
    const request = await cardSent('welcome');
    const answer = await completeLesson(deps, {
      ...request,
      actor: learnerActor(person.tenantId, testPerson(2).id),
    });
    expect(answer).toEqual({ kind: 'refused', refusal: 'notYours' });
    expect(stepRow('welcome')?.status).toBe('sent');
    expect(enrollmentRow()?.completedSteps).toBe(0);
  });

  it('refuses a card from an older program version', async () => {
    const request = await cardSent('welcome');
    expect(await completeLesson(deps, { ...request, programVersion: 2 })).toEqual({
      kind: 'refused',
      refusal: 'oldVersion',
    });
    expect(stepRow('welcome')?.status).toBe('sent');
  });

  it('saves the click when the scheduler wrote the step a moment before (a lost race is tried again)', async () => {
    const request = await cardSent('welcome');
    // The scheduler's own update lands between the click's read and its write.
    deps.faults.before(SAVE, () => deps.steps.rows.touch(keyOf('welcome')));
    const answer = await completeLesson(deps, request);
    expect(answer.kind).toBe('done');
    expect(stepRow('welcome')?.status).toBe('done');
    expect(deps.faults.count(SAVE)).toBe(2);
  });

  it('fails, rather than saying "already done", when every write loses its race', async () => {
    const request = await cardSent('welcome');
    deps.faults.answer(SAVE, 'conflict', { times: 100 });
    await expect(completeLesson(deps, request)).rejects.toBeInstanceOf(KeptChangingError);
    expect(stepRow('welcome')?.status).toBe('sent');
  });

  it('counts both steps when two answers race on the enrollment', async () => {
    await cardSent('welcome');
    const think = await cardSent('think');
    // The lesson, answered on another device, is saved between this answer's read and its write.
    deps.faults.before(SAVE, async () => void (await completeLesson(deps, { ...think, stepId: 'welcome' })), {
      when: ([step]) => (step as { stepId: string }).stepId === 'think',
    });
    await submitReflection(deps, { ...think, text: 'More questions.', share: false });
    expect(stepRow('welcome')?.status).toBe('done');
    expect(stepRow('think')?.status).toBe('done');
    expect(enrollmentRow()?.completedSteps).toBe(2);
  });

  it('passes a storage failure on, so the person is told something went wrong', async () => {
    const request = await cardSent('welcome');
    deps.faults.throwOn(SAVE, new Error('storage unavailable'));
    await expect(completeLesson(deps, request)).rejects.toThrow('storage unavailable');
    expect(stepRow('welcome')?.status).toBe('sent');
  });
});

describe('answering a quiz', () => {
  it('scores a wrong first attempt, keeps the step open and offers another attempt', async () => {
    const request = await cardSent('check');
    const answer = await answerQuiz(deps, { ...request, attempt: 1, selected: { q1: [1] } });
    expect(answer).toMatchObject({ kind: 'quizScored', attemptsLeft: 1, reviewLater: false });
    // Scored here, once: the card shows each question's verdict and the chosen option's feedback.
    expect(answer.kind === 'quizScored' && answer.perQuestion).toEqual([
      {
        questionId: 'q1',
        chosen: [1],
        scored: {
          correct: false,
          feedback: [{ option: 1, correct: false, text: { en: 'Not so.', nb: 'Nei.' } }],
        },
      },
    ]);
    expect(answer.kind === 'quizScored' && answer.result.passed).toBe(false);
    expect(stepRow('check')).toMatchObject({ status: 'sent', attempts: 1, firstScore: 0, lastScore: 0 });
    expect((await retryQuiz(deps, { ...request, attempt: 2 })).kind).toBe('quizRetry');
  });

  it('keeps which questions were right at the first attempt, and which at the latest', async () => {
    const request = await cardSent('check');
    await answerQuiz(deps, { ...request, attempt: 1, selected: { q1: [1] } });
    expect(stepRow('check')).toMatchObject({ firstRight: '[]', lastRight: '[]' });
    await answerQuiz(deps, { ...request, attempt: 2, selected: { q1: [0] } });
    expect(stepRow('check')).toMatchObject({ firstRight: '[]', lastRight: '["q1"]', status: 'done' });
  });

  it('refuses a replayed submit of an attempt already scored', async () => {
    const request = await cardSent('check');
    await answerQuiz(deps, { ...request, attempt: 1, selected: { q1: [1] } });
    expect(await answerQuiz(deps, { ...request, attempt: 1, selected: { q1: [0] } })).toEqual({
      kind: 'refused',
      refusal: 'alreadyDone',
    });
    expect(stepRow('check')?.lastScore).toBe(0);
  });

  it('asks again, saving nothing, when a question has no answer', async () => {
    const request = await cardSent('check');
    const answer = await answerQuiz(deps, { ...request, attempt: 1, selected: {} });
    expect(answer).toMatchObject({ kind: 'quizIncomplete', missing: ['q1'] });
    expect(stepRow('check')?.attempts).toBe(0);
  });

  it('after the last wrong attempt, finishes the step and brings the question back later', async () => {
    const request = await cardSent('check');
    await answerQuiz(deps, { ...request, attempt: 1, selected: { q1: [1] } });
    const answer = await answerQuiz(deps, { ...request, attempt: 2, selected: { q1: [1] } });
    expect(answer).toMatchObject({ kind: 'quizScored', attemptsLeft: 0, reviewLater: true });
    expect(stepRow('check')?.status).toBe('done');
    const reviews = deps.dueWork.all().filter((w) => w.kind === 'review');
    expect(reviews).toEqual([expect.objectContaining({ stepId: 'check', questionId: 'q1', n: 1 })]);
    expect(Date.parse(reviews[0]!.at)).toBeGreaterThan(deps.clock.now().getTime());
  });
});

describe('submitting a reflection', () => {
  it('refuses an empty or too long text and saves nothing', async () => {
    const request = await cardSent('think');
    expect(await submitReflection(deps, { ...request, text: '   ', share: true })).toMatchObject({
      kind: 'reflectionInvalid',
      reason: 'empty',
    });
    expect(await submitReflection(deps, { ...request, text: 'x'.repeat(101), share: true })).toMatchObject({
      kind: 'reflectionInvalid',
      reason: 'tooLong',
    });
    expect(stepRow('think')).toMatchObject({ status: 'sent' });
    expect(stepRow('think')?.answer).toBeUndefined();
  });

  it('completes the program when the last mandatory step is done', async () => {
    await cardSent('welcome');
    await cardSent('check');
    const request = await cardSent('think');
    await completeLesson(deps, { ...request, stepId: 'welcome' });
    const quiz = await answerQuiz(deps, { ...request, stepId: 'check', attempt: 1, selected: { q1: [0] } });
    expect(quiz).toMatchObject({ kind: 'quizScored', programCompleted: false });
    const answer = await submitReflection(deps, { ...request, text: 'Ask more.', share: true });
    expect(answer).toMatchObject({
      kind: 'done',
      programCompleted: true,
      answer: { text: 'Ask more.', shared: true },
    });
    expect(enrollmentRow()).toMatchObject({ status: 'completed', completedSteps: 3 });
    expect(stepRow('think')?.sharedWithManager).toBe(true);
  });
});
