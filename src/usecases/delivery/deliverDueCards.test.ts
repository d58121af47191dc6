import { beforeEach, describe, expect, it } from 'vitest';
import { deliveryKey, type DueWork } from '../../domain/delivery/dueWork.ts';
import { enrollPerson } from '../learning/enrollPerson.ts';
import {
  fakeLearningDeps,
  MONDAY_MORNING,
  stepKey,
  testPerson,
  testProgram,
  type FakeLearningDeps,
} from '../learning/testing/fakes.ts';
import { deliverDueCards, type RenderDueCard } from './deliverDueCards.ts';

const program = testProgram();
const person = testPerson(1);
const tenantId = person.tenantId;
const MINUTE = 60_000;

/** The card names its work, so a test can tell which card went out. */
const render: RenderDueCard = (work) => ({ type: 'AdaptiveCard', work: deliveryKey(work) });
const round = () => deliverDueCards(deps, render, tenantId, { holder: 'worker-1' });
const sentKeys = () => deps.sender.sent.map((s) => (s.card as { work: string }).work);
const welcomeKey = deliveryKey({
  userId: person.id,
  programId: program.id,
  stepId: 'welcome',
  kind: 'step',
  n: 0,
});
const deliveryOf = (key: string) => deps.deliveries.records.get(`${tenantId}|${key}`);
const stepRow = (stepId: string) =>
  deps.steps.rows.get(stepKey({ tenantId, userId: person.id, programId: program.id, stepId }));

let deps: FakeLearningDeps;

beforeEach(async () => {
  deps = fakeLearningDeps([program]);
  await enrollPerson(deps, { person, programId: program.id });
});

describe('deliverDueCards', () => {
  it('sends the card that is due, records the send, marks the step sent and schedules its reminder', async () => {
    const report = await round();
    expect(report).toEqual({ sent: 1, deferred: 0, dropped: 0, failed: 0 });
    expect(sentKeys()).toEqual([welcomeKey]);
    expect(deliveryOf(welcomeKey)).toMatchObject({ status: 'sent', activityId: 'activity-1' });
    expect(stepRow('welcome')).toMatchObject({ status: 'sent', sentAt: MONDAY_MORNING.toISOString() });
    const waiting = deps.dueWork.all().filter((w) => w.stepId === 'welcome');
    expect(waiting).toEqual([expect.objectContaining({ kind: 'reminder', n: 1 })]);
  });

  it('sends a card once, however many rounds run', async () => {
    await round();
    const second = await round();
    expect(second.sent).toBe(0);
    expect(sentKeys()).toEqual([welcomeKey]);
  });

  it('does not send again when a worker died after the send but before the work was removed', async () => {
    deps.faults.throwOn('dueWork.remove', new Error('worker killed'));
    await expect(round()).rejects.toThrow('worker killed');
    expect(sentKeys()).toEqual([welcomeKey]);
    const again = await round();
    expect(again).toMatchObject({ sent: 0, dropped: 1 });
    expect(sentKeys()).toEqual([welcomeKey]);
    expect(deps.dueWork.all().some((w) => w.stepId === 'welcome' && w.kind === 'step')).toBe(false);
  });

  it('a send lost in flight is retried only after the stale window, and then once', async () => {
    deps.faults.throwOn('sender.sendCard', new Error('worker killed mid-send'));
    await expect(round()).rejects.toThrow('worker killed mid-send');
    expect(deliveryOf(welcomeKey)?.status).toBe('sending');

    deps.clock.advance(1 * MINUTE); // another worker's send may still be under way: leave it
    expect(await round()).toMatchObject({ sent: 0, dropped: 1 });
    expect(sentKeys()).toEqual([]);

    deps.clock.advance(2 * MINUTE); // now it is taken as lost
    expect(await round()).toMatchObject({ sent: 1 });
    expect(sentKeys()).toEqual([welcomeKey]);
    expect(deliveryOf(welcomeKey)?.status).toBe('sent');
  });

  it('when Teams answers 429, records the failure and tries again after Retry-After', async () => {
    deps.sender.answerNext({ ok: false, retryable: true, retryAfterMs: 30_000, reason: 'throttled (429)' });
    expect(await round()).toMatchObject({ sent: 0, failed: 1 });
    expect(deliveryOf(welcomeKey)).toMatchObject({ status: 'failed', failure: 'throttled (429)' });
    const moved = deps.dueWork.all().find((w) => w.stepId === 'welcome')!;
    expect(Date.parse(moved.at) - MONDAY_MORNING.getTime()).toBe(30_000);

    deps.clock.advance(10_000);
    expect((await round()).sent).toBe(0); // not before Retry-After
    deps.clock.advance(20_000);
    expect((await round()).sent).toBe(1);
    expect(sentKeys()).toEqual([welcomeKey]);
  });

  it('waits for working hours in the person’s own zone', async () => {
    deps.clock.set('2025-12-06T10:00:00Z'); // Saturday: all three steps are due by now
    expect(await round()).toMatchObject({ sent: 0, deferred: 3 });
    expect(sentKeys()).toEqual([]);
    // Monday 08:00 in Oslo
    expect(deps.dueWork.all().map((w) => w.at)).toEqual(Array(3).fill('2025-12-08T07:00:00.000Z'));
  });

  it('keeps to the daily cap and moves the rest to the person’s next day', async () => {
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
    const report = await round();
    expect(report).toMatchObject({ sent: 3, deferred: 1 });
    const later = deps.dueWork
      .all()
      .filter((w) => Date.parse(w.at) > MONDAY_MORNING.getTime() && w.kind === 'review');
    expect(later.map((w) => w.at)).toEqual(['2025-12-02T07:00:00.000Z']); // Tuesday 08:00 in Oslo
  });

  it('drops the card of a step the person already did, and sends nothing', async () => {
    const step = stepRow('welcome')!;
    deps.steps.rows.update({ ...step, status: 'done', doneAt: MONDAY_MORNING.toISOString() });
    expect(await round()).toMatchObject({ sent: 0, dropped: 1 });
    expect(sentKeys()).toEqual([]);
  });

  it('the person’s answer wins when it lands while the card is being recorded as sent', async () => {
    // The person answers the moment the card lands: their write comes between our read and write.
    const key = stepKey({ tenantId, userId: person.id, programId: program.id, stepId: 'welcome' });
    deps.faults.answer('steps.update', 'conflict', {
      when: () => {
        const step = deps.steps.rows.get(key)!;
        deps.steps.rows.update({ ...step, status: 'done', doneAt: MONDAY_MORNING.toISOString() });
        return true;
      },
    });
    expect((await round()).sent).toBe(1);
    expect(stepRow('welcome')?.status).toBe('done');
    // No reminder for a step that is done.
    expect(deps.dueWork.all().filter((w) => w.stepId === 'welcome')).toEqual([]);
  });

  it('a person who cannot be reached is tried again in an hour, not every round', async () => {
    deps.sender.answerNext({ ok: false, retryable: false, reason: 'no conversation' });
    expect(await round()).toMatchObject({ failed: 1 });
    const moved = deps.dueWork.all().find((w) => w.stepId === 'welcome')!;
    expect(Date.parse(moved.at) - MONDAY_MORNING.getTime()).toBe(60 * MINUTE);
  });
});
