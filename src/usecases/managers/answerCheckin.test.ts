import { beforeEach, describe, expect, it } from 'vitest';
import { deliverDueCards, type RenderDueCard } from '../delivery/deliverDueCards.ts';
import { enrollPerson } from '../learning/enrolling/enrollPerson.ts';
import { stepKey, testProgram } from '../learning/testing/fakes.ts';
import { answerCheckin } from './answerCheckin.ts';
import { fakeManagersDeps, seedTeam, team, type FakeManagersDeps } from './testing/fakes.ts';

/** One check-in, due at once: "How is {name} doing?" with two answers. */
const program = testProgram({
  steps: [
    {
      id: 'week-two',
      kind: 'checkin',
      due: { offsetDays: 0 },
      minutes: 2,
      title: { en: 'Check-in', nb: 'Innsjekk' },
      question: { en: 'How is {name} doing?', nb: 'Hvordan går det med {name}?' },
      options: [
        { en: 'Well', nb: 'Bra' },
        { en: 'Needs help', nb: 'Trenger hjelp' },
      ],
    },
  ],
});
const render: RenderDueCard = (work, context) => ({
  to: 'card',
  stepId: work.stepId,
  about: context.learnerName,
});
const ref = {
  learnerId: team.learner,
  programId: program.id,
  programVersion: program.version,
  stepId: 'week-two',
};
const as = (userId: string) => ({ tenantId: team.tenantId, userId });
let deps: FakeManagersDeps;

beforeEach(async () => {
  deps = fakeManagersDeps([program]);
  deps.dripCards.render = render;
  await seedTeam(deps);
  const learner = await deps.people.get(team.tenantId, team.learner);
  await enrollPerson(deps, { person: learner!, programId: program.id });
});

describe('check-ins', () => {
  it('reach the learner’s manager as a card about the learner, not the learner', async () => {
    const report = await deliverDueCards(deps, team.tenantId, { holder: 'w' });
    expect(report.queued).toBe(1);
    expect(await deps.outbound.drain()).toBe(1);
    expect(deps.sender.sent).toEqual([
      {
        tenantId: team.tenantId,
        userId: team.manager,
        card: { to: 'card', stepId: 'week-two', about: 'Maja Learner' },
      },
    ]);
  });

  it('are dropped, not sent to the learner, when the directory names no manager', async () => {
    await deps.people.upsert({
      ...(await deps.people.get(team.tenantId, team.learner))!,
      managerId: undefined,
    });
    const report = await deliverDueCards(deps, team.tenantId, { holder: 'w' });
    expect(report).toMatchObject({ queued: 0, dropped: 1 });
    await deps.outbound.drain();
    expect(deps.sender.sent).toEqual([]);
  });

  it('store the manager’s answer once and complete the learner’s step', async () => {
    await deliverDueCards(deps, team.tenantId, { holder: 'w' });
    await deps.outbound.drain();
    const saved = await answerCheckin(deps, as(team.manager), ref, {
      option: '1',
      comment: ' Struggling with the rota ',
    });
    expect(saved).toMatchObject({
      kind: 'saved',
      answer: { option: 1, comment: 'Struggling with the rota' },
    });
    const again = await answerCheckin(deps, as(team.director), ref, { option: '0' });
    expect(again).toMatchObject({ kind: 'alreadyAnswered', answer: { option: 1, managerId: team.manager } });
    expect(
      deps.steps.rows.get(
        stepKey({ tenantId: team.tenantId, userId: team.learner, programId: program.id, stepId: 'week-two' }),
      ),
    ).toMatchObject({ status: 'done' });
    expect(await deps.checkins.listForLearner(team.tenantId, team.learner)).toHaveLength(1);
  });

  it('refuse anyone but the learner’s managers, and an answer without a choice', async () => {
    expect((await answerCheckin(deps, as(team.learner), ref, { option: '0' })).kind).toBe('notAllowed');
    expect((await answerCheckin(deps, as(team.colleague), ref, { option: '0' })).kind).toBe('notAllowed');
    expect(await answerCheckin(deps, as(team.manager), ref, { option: '', comment: 'kept' })).toMatchObject({
      kind: 'invalid',
      problem: 'noOption',
      comment: 'kept',
    });
    expect(await deps.checkins.listForLearner(team.tenantId, team.learner)).toEqual([]);
  });
});
