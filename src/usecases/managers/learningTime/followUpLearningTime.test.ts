import { beforeEach, describe, expect, it } from 'vitest';
import { testProgram } from '../../learning/testing/fakes.ts';
import { decideLearningTime } from './decideLearningTime.ts';
import { followUpLearningTime } from './followUpLearningTime.ts';
import type { LearningTimePresenter } from './learningTimeCards.ts';
import { learningTimeCardKind } from './learningTimeCardKind.ts';
import { requestLearningTime } from './requestLearningTime.ts';
import { fakeManagersDeps, seedTeam, team, type FakeManagersDeps } from '../testing/fakes.ts';

/** Cards that name what they are, so a test can tell them apart. */
const presenter: LearningTimePresenter = {
  managerCard: (v) => ({ card: 'manager', status: v.request.status }),
  learnerCard: (v) => ({ card: 'learner', status: v.request.status, booking: v.request.booking }),
  calendarText: () => ({ subject: 'Learning time', body: 'Approved' }),
};
let deps: FakeManagersDeps;
/** A follow-up round, then the pipeline's worker sends what it enqueued. */
const round = async () => {
  const report = await followUpLearningTime(deps, presenter, team.tenantId);
  await deps.outbound.drain();
  return report;
};
const stored = () => deps.learningTime.rows.get(`${team.tenantId}|request-1`);
const cardsTo = (userId: string) => deps.sender.sent.filter((s) => s.userId === userId).map((s) => s.card);

beforeEach(async () => {
  deps = fakeManagersDeps([testProgram()]);
  deps.outbound.register(learningTimeCardKind(deps, presenter));
  await seedTeam(deps);
  await requestLearningTime(
    deps,
    { tenantId: team.tenantId, userId: team.learner },
    'request-1',
    { date: '2025-12-05', minutes: '90', text: 'first aid' },
    'Europe/Oslo',
  );
});

const approve = () =>
  decideLearningTime(
    deps,
    { tenantId: team.tenantId, userId: team.manager },
    { requestId: 'request-1', verdict: 'approve', in: 'card' },
  );

describe('followUpLearningTime', () => {
  it('sends the manager one card, then after approval books once and tells the learner once', async () => {
    await round();
    await round();
    expect(cardsTo(team.manager)).toEqual([{ card: 'manager', status: 'pending' }]);
    expect(deps.outbound.enqueued[0]).toMatchObject({ kind: 'learningTime', lane: 'interactive' });
    await approve();
    await Promise.all([round(), round()]);
    await round();
    expect(deps.calendar.events).toHaveLength(1);
    expect(deps.calendar.events[0]).toMatchObject({
      userId: team.learner,
      start: '2025-12-05T09:00:00',
      end: '2025-12-05T10:30:00',
      timeZone: 'Europe/Oslo',
      transactionId: 'drypp-learning-time-request-1',
    });
    expect(cardsTo(team.learner)).toEqual([{ card: 'learner', status: 'approved', booking: 'booked' }]);
    expect(stored()).toMatchObject({ booking: 'booked', eventId: 'event-1', followUp: false });
  });

  it('a booking that crashed after Graph made the event books nothing more on the retry', async () => {
    await round();
    await approve();
    deps.faults.throwOn('learningTime.update', new Error('worker killed'), {
      when: ([r]) => (r as { booking?: string }).booking === 'booked',
    });
    await expect(round()).rejects.toThrow('worker killed');
    await round();
    expect(deps.calendar.calls).toHaveLength(2);
    expect(deps.calendar.events).toHaveLength(1);
    expect(stored()).toMatchObject({ booking: 'booked', eventId: 'event-1' });
  });

  it('waits and tries again when Graph asks to, instead of trying every round', async () => {
    await round();
    await approve();
    deps.calendar.answerNext({ kind: 'retry', afterMs: 0, reason: 'Graph answered 429' });
    await round();
    expect(stored()).toMatchObject({ booking: 'waiting', followUpAttempts: 1 });
    await round();
    expect(deps.calendar.calls).toHaveLength(1);
    deps.clock.advance(31_000);
    await round();
    expect(deps.calendar.events).toHaveLength(1);
    expect(stored()).toMatchObject({ booking: 'booked', followUp: false });
  });

  it('tells the learner when the time could not be booked', async () => {
    await round();
    await approve();
    deps.calendar.answerNext({ kind: 'failed', reason: 'Graph answered 403' });
    await round();
    expect(stored()).toMatchObject({
      booking: 'failed',
      bookingFailure: 'Graph answered 403',
      followUp: false,
    });
    expect(cardsTo(team.learner)).toEqual([{ card: 'learner', status: 'approved', booking: 'failed' }]);
  });

  it('sends a denial to the learner and books nothing', async () => {
    await round();
    await decideLearningTime(
      deps,
      { tenantId: team.tenantId, userId: team.director },
      { requestId: 'request-1', verdict: 'deny', in: 'tab' },
    );
    await round();
    expect(deps.calendar.calls).toEqual([]);
    expect(cardsTo(team.learner)).toEqual([{ card: 'learner', status: 'denied', booking: undefined }]);
  });
});
