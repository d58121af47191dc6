import { beforeEach, describe, expect, it } from 'vitest';
import { deliveryKey, type DueWork } from '../../domain/delivery/dueWork.ts';
import { enrollPerson } from '../learning/enrolling/enrollPerson.ts';
import {
  fakeLearningDeps,
  MONDAY_MORNING,
  stepKey,
  testPerson,
  testProgram,
  type FakeLearningDeps,
} from '../learning/testing/fakes.ts';
import { deliverDueCards } from './deliverDueCards.ts';
import { dripKey } from './drip/dripItem.ts';

const program = testProgram();
const person = testPerson(1);
const tenantId = person.tenantId;
const MINUTE = 60_000;

/** A scheduler round, then the pipeline's worker (the fake's drain: one attempt per queued card). */
const round = () => deliverDueCards(deps, tenantId, { holder: 'worker-1' });
const roundAndSend = async () => {
  const report = await round();
  await deps.outbound.drain();
  return report;
};
const sentKeys = () => deps.sender.sent.map((s) => (s.card as { work: string }).work);
const welcome = { userId: person.id, programId: program.id, stepId: 'welcome', kind: 'step', n: 0 } as const;
const welcomeKey = deliveryKey(welcome);
const rowOf = (work: typeof welcome) => deps.outbound.rows.get(`${tenantId}|${dripKey(work)}`);
const stepRow = (stepId: string) =>
  deps.steps.rows.get(stepKey({ tenantId, userId: person.id, programId: program.id, stepId }));
const welcomeWork = () => deps.dueWork.all().filter((w) => w.stepId === 'welcome');

let deps: FakeLearningDeps;

beforeEach(async () => {
  deps = fakeLearningDeps([program]);
  await enrollPerson(deps, { person, programId: program.id });
});

describe('deliverDueCards', () => {
  it('puts the due card on the pipeline; once sent: the step is sent and its reminder scheduled', async () => {
    expect(await round()).toEqual({ queued: 1, deferred: 0, dropped: 0 });
    expect(rowOf(welcome)).toMatchObject({ kind: 'drip', status: 'queued', userId: person.id });
    expect(deps.outbound.enqueued[0]?.lane).toBe('bulk');
    // Queued is not sent: the step is not reached yet.
    expect(stepRow('welcome')).toMatchObject({ status: 'scheduled' });
    expect(stepRow('welcome')?.sentAt).toBeUndefined();

    expect(await deps.outbound.drain()).toBe(1);
    expect(sentKeys()).toEqual([welcomeKey]);
    expect(rowOf(welcome)).toMatchObject({ status: 'sent', activityId: 'activity-1' });
    expect(stepRow('welcome')).toMatchObject({ status: 'sent', sentAt: MONDAY_MORNING.toISOString() });
    expect(welcomeWork()).toEqual([expect.objectContaining({ kind: 'reminder', n: 1 })]);
  });

  it('enqueues a card once, however many rounds run, and sends it once', async () => {
    await roundAndSend();
    const second = await roundAndSend();
    expect(second.queued).toBe(0);
    expect(deps.outbound.enqueued.filter((i) => i.key === dripKey(welcome))).toHaveLength(1);
    expect(sentKeys()).toEqual([welcomeKey]);
  });

  it('a round that died after the enqueue enqueues the same card again: one row, one send', async () => {
    deps.faults.throwOn('dueWork.move', new Error('worker killed'));
    await expect(round()).rejects.toThrow('worker killed');
    // On its way already: enqueued again (its message may have been lost with the worker), same key.
    expect(await round()).toMatchObject({ queued: 0, deferred: 1 });
    expect(deps.outbound.enqueued.map((i) => i.key)).toEqual([dripKey(welcome), dripKey(welcome)]);
    expect(deps.outbound.rows.size).toBe(1);
    await deps.outbound.drain();
    expect(sentKeys()).toEqual([welcomeKey]);
    // Delivered: the step's own work is gone, only its reminder is left.
    expect(welcomeWork().map((w) => w.kind)).toEqual(['reminder']);
  });

  it('removes work whose card was delivered when the schedule was not told (a crash after the send)', async () => {
    await round();
    deps.faults.throwOn('dueWork.remove', new Error('worker killed'));
    await expect(deps.outbound.drain()).rejects.toThrow('worker killed');
    expect(sentKeys()).toEqual([welcomeKey]);
    deps.clock.advance(31 * MINUTE); // the work comes due again
    expect(await roundAndSend()).toMatchObject({ queued: 0, dropped: 1 });
    expect(sentKeys()).toEqual([welcomeKey]);
    expect(welcomeWork().some((w) => w.kind === 'step')).toBe(false);
  });

  it('a card that could not be delivered leaves the step not reached and is tried again in an hour', async () => {
    await enrollPerson(deps, { person: testPerson(2), programId: program.id }); // reached: for contrast
    deps.sender.answerNext({ ok: false, retryable: false, reason: 'botBlocked' });
    await roundAndSend();
    expect(rowOf(welcome)).toMatchObject({ status: 'failed', reason: 'botBlocked' });
    expect(stepRow('welcome')).toMatchObject({ status: 'scheduled' });
    expect(stepRow('welcome')?.sentAt).toBeUndefined();
    const [again] = welcomeWork();
    expect(again?.kind).toBe('step');
    expect(Date.parse(again!.at) - MONDAY_MORNING.getTime()).toBe(24 * 60 * MINUTE); // a 403: a day

    deps.clock.advance(24 * 60 * MINUTE + MINUTE);
    deps.clock.set('2025-12-02T08:01:00Z'); // Tuesday morning, inside working hours
    await roundAndSend();
    expect(rowOf(welcome)).toMatchObject({ status: 'sent' });
    expect(stepRow('welcome')).toMatchObject({ status: 'sent' });
  });

  it('a person who cannot be reached is tried again in an hour, not every round', async () => {
    deps.sender.answerNext({ ok: false, retryable: true, retryAfterMs: 0, reason: 'notReachable' });
    deps.outbound.giveUp = true;
    await roundAndSend();
    expect(rowOf(welcome)).toMatchObject({ status: 'failed', reason: 'notReachable' });
    const moved = welcomeWork().find((w) => w.kind === 'step')!;
    expect(Date.parse(moved.at) - MONDAY_MORNING.getTime()).toBe(60 * MINUTE);
    expect(await round()).toMatchObject({ queued: 0 });
  });

  it('waits for working hours in the person’s own zone', async () => {
    deps.clock.set('2025-12-06T10:00:00Z'); // Saturday: all three steps are due by now
    expect(await round()).toMatchObject({ queued: 0, deferred: 3 });
    expect(deps.outbound.enqueued).toEqual([]);
    // Monday 08:00 in Oslo
    expect(deps.dueWork.all().map((w) => w.at)).toEqual(Array(3).fill('2025-12-08T07:00:00.000Z'));
  });

  it('keeps to the daily cap, counting cards as they are enqueued, and moves the rest to the next day', async () => {
    const extra: DueWork[] = ['e1', 'e2', 'e3'].map((stepId) => ({
      tenantId,
      at: MONDAY_MORNING.toISOString(),
      userId: person.id,
      programId: program.id,
      stepId: 'welcome',
      kind: 'review',
      n: 1,
      questionId: stepId,
    }));
    for (const work of extra) await deps.dueWork.add(work);
    // Nothing sent yet: the cap holds for cards still in the pipeline.
    expect(await round()).toMatchObject({ queued: 3, deferred: 1 });
    const later = deps.dueWork
      .all()
      .filter((w) => w.kind === 'review' && w.at === '2025-12-02T07:00:00.000Z'); // Tuesday 08:00 in Oslo
    expect(later).toHaveLength(1);
  });

  it('drops the card of a step the person already did, and sends nothing', async () => {
    const step = stepRow('welcome')!;
    deps.steps.rows.update({ ...step, status: 'done', doneAt: MONDAY_MORNING.toISOString() });
    expect(await roundAndSend()).toMatchObject({ queued: 0, dropped: 1 });
    expect(sentKeys()).toEqual([]);
  });

  it('a step answered while its card waited in the pipeline is skipped, and its work removed', async () => {
    await round();
    const step = stepRow('welcome')!;
    deps.steps.rows.update({ ...step, status: 'done', doneAt: MONDAY_MORNING.toISOString() });
    await deps.outbound.drain();
    expect(sentKeys()).toEqual([]);
    expect(rowOf(welcome)).toMatchObject({ status: 'skipped', reason: 'answered' });
    expect(welcomeWork()).toEqual([]);
  });

  it('the person’s answer wins when it lands while the card is being recorded as sent', async () => {
    await round();
    // The person answers the moment the card lands: their write comes between our read and write.
    const key = stepKey({ tenantId, userId: person.id, programId: program.id, stepId: 'welcome' });
    deps.faults.answer('steps.update', 'conflict', {
      when: () => {
        const step = deps.steps.rows.get(key)!;
        deps.steps.rows.update({ ...step, status: 'done', doneAt: MONDAY_MORNING.toISOString() });
        return true;
      },
    });
    expect(await deps.outbound.drain()).toBe(1);
    expect(stepRow('welcome')?.status).toBe('done');
    // No reminder for a step that is done.
    expect(welcomeWork()).toEqual([]);
  });
});
