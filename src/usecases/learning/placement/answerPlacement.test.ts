import { beforeEach, describe, expect, it } from 'vitest';
import { learnerActor } from '../../../domain/access/index.ts';
import type { ProgramInput } from '../../../domain/learning/program.ts';
import { deliverDueCards } from '../../delivery/deliverDueCards.ts';
import { enrollPerson } from '../enrolling/enrollPerson.ts';
import {
  fakeLearningDeps,
  stepKey,
  testPerson,
  testProgram,
  type FakeLearningDeps,
} from '../testing/fakes.ts';
import { answerPlacement, type PlacementRequest } from './answerPlacement.ts';
import { PLACEMENT_WAIT_MS } from './offerPlacement.ts';
import { placementCardKind } from './placementCardKind.ts';

const question = (id: string) => ({
  id,
  type: 'single' as const,
  prompt: { en: 'Which?', nb: 'Hvilken?' },
  options: [
    { text: { en: 'Right', nb: 'Riktig' }, correct: true, feedback: { en: 'Yes', nb: 'Ja' } },
    { text: { en: 'Wrong', nb: 'Feil' }, feedback: { en: 'No', nb: 'Nei' } },
  ],
});
const program = testProgram({
  parts: [
    {
      id: 'basics-part',
      title: { en: 'The basics', nb: 'Det grunnleggende' },
      steps: ['welcome', 'check'],
      placement: { questions: [question('p1'), question('p2')] },
    },
  ],
} as Partial<ProgramInput>);
const person = testPerson(1);
const other = testPerson(2);
const { tenantId } = person;
const HOUR = 3600_000;

let deps: FakeLearningDeps;
/** A scheduler round, then the pipeline's worker; answers the cards sent in it, by what they are. */
async function roundAndSend(): Promise<string[]> {
  const before = deps.sender.sent.length;
  await deliverDueCards(deps, tenantId, { holder: 'worker-1' });
  await deps.outbound.drain();
  return deps.sender.sent.slice(before).map((s) => {
    const c = s.card as { work?: string; placement?: string };
    return c.placement ? `placement:${c.placement}` : c.work!.split('|').slice(2, 4).join('|');
  });
}
const step = (stepId: string) =>
  deps.steps.rows.get(stepKey({ tenantId, userId: person.id, programId: program.id, stepId }));
const request = (answer: PlacementRequest['answer'], who = person.id): PlacementRequest => ({
  actor: learnerActor(tenantId, who),
  tenantId,
  learnerId: person.id,
  programId: program.id,
  programVersion: program.version,
  partId: 'basics-part',
  answer,
});
const right = { answers: { p1: [0], p2: [0] } };
const wrong = { answers: { p1: [0], p2: [1] } };

beforeEach(async () => {
  deps = fakeLearningDeps([program]);
  deps.outbound.register(
    placementCardKind(deps, ({ part }) => ({ type: 'AdaptiveCard', placement: part.id })),
  );
  await enrollPerson(deps, { person, programId: program.id });
});

describe('placement quizzes in chat', () => {
  it('sends the quiz instead of the part’s first card, once; the card waits for it', async () => {
    expect(await roundAndSend()).toEqual(['placement:basics-part']);
    expect(step('welcome')).toMatchObject({ status: 'scheduled', placementSentAt: expect.any(String) });
    expect(await roundAndSend()).toEqual([]);
    // Unanswered after the wait: the part's cards come as usual, and the quiz is not sent again.
    deps.clock.advance(PLACEMENT_WAIT_MS + HOUR);
    expect((await roundAndSend()).includes('welcome|step')).toBe(true);
    // The part's next card, due meanwhile, follows the first one instead of coming before it.
    deps.clock.advance(1_000);
    expect(await roundAndSend()).toEqual(['check|step']);
  });

  it('holds a later card of the part while the quiz waits for an answer', async () => {
    // The part's quiz due the same day as its lesson.
    const sameDay = testProgram({
      parts: program.parts,
      steps: program.steps.map((s) => (s.id === 'check' ? { ...s, due: { offsetDays: 0 } } : s)),
    } as Partial<ProgramInput>);
    deps = fakeLearningDeps([sameDay]);
    deps.outbound.register(
      placementCardKind(deps, ({ part }) => ({ type: 'AdaptiveCard', placement: part.id })),
    );
    await enrollPerson(deps, { person, programId: program.id });
    expect(await roundAndSend()).toEqual(['placement:basics-part']);
    deps.clock.advance(PLACEMENT_WAIT_MS - HOUR);
    expect(await roundAndSend()).toEqual([]);
    expect(await answerPlacement(deps, request('decline'))).toMatchObject({ outcome: 'declined' });
    expect((await roundAndSend()).sort()).toEqual(['check|step', 'welcome|step']);
  });

  it('counts the quiz toward the daily cap, as the card it stands in for', async () => {
    // One card a day, and a card outside the part due the same day as the quiz.
    const oneQuizPart = testProgram({
      parts: [{ ...program.parts[0]!, steps: ['welcome'] }],
      steps: program.steps.map((s) => (s.id === 'check' ? { ...s, due: { offsetDays: 0 } } : s)),
    } as Partial<ProgramInput>);
    deps = fakeLearningDeps([oneQuizPart]);
    deps.policy = { ...deps.policy, maxCardsPerDay: 1 };
    deps.outbound.register(
      placementCardKind(deps, ({ part }) => ({ type: 'AdaptiveCard', placement: part.id })),
    );
    await enrollPerson(deps, { person, programId: program.id });
    const first = await roundAndSend();
    expect(first).toHaveLength(1);
    expect(await roundAndSend()).toEqual([]);
    // The person's next working day: the other one.
    deps.clock.advance(24 * HOUR);
    const second = await roundAndSend();
    expect([...first, ...second].sort()).toEqual(['check|step', 'placement:basics-part']);
  });

  it('passing recognises the part: its cards are never sent, and a second answer changes nothing', async () => {
    await roundAndSend();
    const answer = await answerPlacement(deps, request(right));
    expect(answer).toMatchObject({ kind: 'answered', outcome: 'passed', right: 2, total: 2, again: false });
    for (const id of ['welcome', 'check']) {
      expect(step(id)).toMatchObject({ status: 'done', recognisedAt: deps.clock.now().toISOString() });
    }
    expect(step('welcome')).toMatchObject({ placementResult: 'passed', placementScore: 1 });
    const enrollment = [...deps.enrollments.rows.all()][0]!;
    expect(enrollment.completedSteps).toBe(2);

    const again = await answerPlacement(deps, request(wrong));
    expect(again).toMatchObject({ kind: 'answered', outcome: 'passed', again: true });
    expect(step('welcome')).toMatchObject({ placementResult: 'passed', placementScore: 1 });

    // Past the wait and the quiz's due date: only the step after the part comes.
    deps.clock.advance(3 * 24 * HOUR);
    expect(await roundAndSend()).toEqual(['think|step']);
  });

  it('failing or declining lets the part’s first card come at once', async () => {
    await roundAndSend();
    expect(await answerPlacement(deps, request(wrong))).toMatchObject({
      kind: 'answered',
      outcome: 'failed',
      right: 1,
    });
    expect(step('welcome')).toMatchObject({
      status: 'scheduled',
      placementResult: 'failed',
      placementScore: 0.5,
    });
    expect(step('check')?.recognisedAt).toBeUndefined();
    expect(await roundAndSend()).toEqual(['welcome|step']);
    // Answering right afterwards does not turn a failed test into a pass.
    expect(await answerPlacement(deps, request(right))).toMatchObject({ outcome: 'failed', again: true });
    expect(step('check')?.status).not.toBe('done');

    deps = fakeLearningDeps([program]);
    deps.outbound.register(
      placementCardKind(deps, ({ part }) => ({ type: 'AdaptiveCard', placement: part.id })),
    );
    await enrollPerson(deps, { person, programId: program.id });
    await roundAndSend();
    expect(await answerPlacement(deps, request('decline'))).toMatchObject({ outcome: 'declined' });
    expect(await roundAndSend()).toEqual(['welcome|step']);
  });

  it('changes nothing for someone else, a quiz never sent, or answers left out', async () => {
    // Not sent yet: nothing to answer.
    expect(await answerPlacement(deps, request(right))).toEqual({ kind: 'refused', refusal: 'unknown' });
    await roundAndSend();
    const before = JSON.stringify([...deps.steps.rows.all()]);
    expect(await answerPlacement(deps, request(right, other.id))).toEqual({
      kind: 'refused',
      refusal: 'notYours',
    });
    expect(await answerPlacement(deps, { ...request(right), partId: 'no-such-part' })).toEqual({
      kind: 'refused',
      refusal: 'unknown',
    });
    expect(await answerPlacement(deps, { ...request(right), programVersion: 2 })).toEqual({
      kind: 'refused',
      refusal: 'oldVersion',
    });
    expect(await answerPlacement(deps, request({ answers: { p1: [0] } }))).toMatchObject({
      kind: 'incomplete',
    });
    expect(JSON.stringify([...deps.steps.rows.all()])).toBe(before);
  });
});
