import { beforeEach, describe, expect, it } from 'vitest';
import { learnerActor } from '../../domain/access/index.ts';
import { effectProgram } from '../../domain/effect/testing/effectPrograms.ts';
import { answerPulse } from './answerPulse.ts';
import { answerSelfAssessment } from './answerSelfAssessment.ts';
import { completeLesson } from './answerStep.ts';
import { enrollPerson } from './enrolling/enrollPerson.ts';
import type { StepActionRequest } from './stepAction.ts';
import { fakeLearningDeps, stepKey, testPerson, type FakeLearningDeps } from './testing/fakes.ts';

const program = effectProgram({
  steps: effectProgram().steps.map((s) => (s.id === 'before' ? { ...s, shareWithManager: true } : s)),
});
const person = testPerson(1);
let deps: FakeLearningDeps;

const keyOf = (stepId: string) =>
  stepKey({ tenantId: person.tenantId, userId: person.id, programId: program.id, stepId });
const stepRow = (stepId: string) => deps.steps.rows.get(keyOf(stepId));

async function cardSent(stepId: string): Promise<StepActionRequest> {
  await enrollPerson(deps, { person, programId: program.id });
  const step = deps.steps.rows.get(keyOf(stepId))!;
  deps.steps.rows.update({ ...step, status: 'sent', sentAt: deps.clock.now().toISOString() });
  return {
    actor: learnerActor(person.tenantId, person.id),
    tenantId: person.tenantId,
    learnerId: person.id,
    programId: program.id,
    programVersion: program.version,
    stepId,
  };
}

beforeEach(() => {
  deps = fakeLearningDeps([program]);
});

describe('answering a self-assessment', () => {
  it('stores every rating and marks the step done, shared with the manager as the program says', async () => {
    const request = await cardSent('before');
    const answer = await answerSelfAssessment(deps, { ...request, ratings: { s1: '2', s2: '4' } });
    expect(answer).toMatchObject({ kind: 'done', answer: { ratings: { s1: 2, s2: 4 } } });
    expect(stepRow('before')).toMatchObject({
      status: 'done',
      answer: '{"ratings":{"s1":2,"s2":4}}',
      sharedWithManager: true,
    });
  });

  it('brings the card back, saving nothing, when a statement is unrated or out of the scale', async () => {
    const request = await cardSent('before');
    const answer = await answerSelfAssessment(deps, { ...request, ratings: { s1: '3', s2: '7' } });
    expect(answer).toMatchObject({ kind: 'selfAssessmentIncomplete', missing: ['s2'], kept: { s1: 3 } });
    expect(stepRow('before')?.status).toBe('sent');
    expect(stepRow('before')?.answer).toBeUndefined();
  });

  it('refuses someone else, a second answer, and the verb on another kind of step', async () => {
    const request = await cardSent('before');
    const other = { ...request, actor: learnerActor(person.tenantId, 'someone-else') };
    expect(await answerSelfAssessment(deps, { ...other, ratings: { s1: '1', s2: '1' } })).toEqual({
      kind: 'refused',
      refusal: 'notYours',
    });
    await answerSelfAssessment(deps, { ...request, ratings: { s1: '1', s2: '1' } });
    expect(await answerSelfAssessment(deps, { ...request, ratings: { s1: '5', s2: '5' } })).toEqual({
      kind: 'refused',
      refusal: 'alreadyDone',
    });
    expect(stepRow('before')?.answer).toBe('{"ratings":{"s1":1,"s2":1}}');
    const lesson = await cardSent('read');
    expect(await answerSelfAssessment(deps, { ...lesson, ratings: { s1: '1', s2: '1' } })).toMatchObject({
      kind: 'refused',
    });
  });
});

describe('the pulse after an item', () => {
  it('is refused before the item is done, and stored on the step once it is; the latest answer counts', async () => {
    const request = await cardSent('read');
    expect(await answerPulse(deps, { ...request, useful: true, comment: '' })).toMatchObject({
      kind: 'refused',
    });
    await completeLesson(deps, request);
    expect(await answerPulse(deps, { ...request, useful: false, comment: ' too\nlong winded ' })).toEqual({
      kind: 'saved',
      useful: false,
      hasComment: true,
    });
    expect(stepRow('read')).toMatchObject({ pulseUseful: false, pulseComment: 'too long winded' });
    await answerPulse(deps, { ...request, useful: true, comment: '' });
    expect(stepRow('read')).toMatchObject({ pulseUseful: true, status: 'done' });
    expect(stepRow('read')?.pulseComment).toBeUndefined();
  });

  it('refuses a comment over 280 characters and anyone but the learner, changing nothing', async () => {
    const request = await cardSent('read');
    await completeLesson(deps, request);
    expect(await answerPulse(deps, { ...request, useful: true, comment: 'x'.repeat(281) })).toEqual({
      kind: 'tooLong',
    });
    const other = { ...request, actor: learnerActor(person.tenantId, 'someone-else') };
    expect(await answerPulse(deps, { ...other, useful: true, comment: '' })).toEqual({
      kind: 'refused',
      refusal: 'notYours',
    });
    expect(stepRow('read')?.pulseUseful).toBeUndefined();
  });

  it('is not offered on a self-assessment', async () => {
    const request = await cardSent('before');
    await answerSelfAssessment(deps, { ...request, ratings: { s1: '1', s2: '1' } });
    expect(await answerPulse(deps, { ...request, useful: true, comment: '' })).toMatchObject({
      kind: 'refused',
    });
  });
});
