import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { Person } from '../../src/domain/directory/person.ts';
import type { StepState } from '../../src/domain/learning/stepState.ts';
import type { Enrollment } from '../../src/domain/learning/enrollment.ts';
import type { Reachability } from '../../src/domain/directory/reachability.ts';
import { deliverDueCards } from '../../src/usecases/delivery/deliverDueCards.ts';
import { dripKey } from '../../src/usecases/delivery/drip/dripItem.ts';
import {
  markChatKnown,
  markFirstCardDelivered,
  reachNewHires,
} from '../../src/usecases/directory/reachNewHires.ts';
import { completeLesson } from '../../src/usecases/learning/answerStep.ts';
import { learnerActor } from '../../src/domain/access/index.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { withdrawEnrollment } from '../../src/usecases/learning/enrolling/withdrawEnrollment.ts';
import { answerCheckin } from '../../src/usecases/managers/answerCheckin.ts';
import type { Stored } from '../../src/usecases/platform/ports.ts';
import { KeptChangingError } from '../../src/usecases/platform/retryOnConflict.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { inProcessOutbound } from '../support/inProcessOutbound.ts';
import { composeForTest, rememberChat, testPerson } from '../support/learningFixtures.ts';
import { racing } from '../support/racing.ts';

/**
 * Every place that retries an ETag-guarded write, raced for real on Azurite: either truly at once
 * (Promise.all), or with another writer's real write landing between the read and the write (see
 * test/support/racing.ts). What must hold: nobody's change is lost, and a lost race is never
 * reported as "already done" when nothing was saved.
 */
const tenantId = '66666666-6666-4666-8666-666666666666';
const program = 'welcome-onboarding';
const lessons = ['welcome', 'working-in-the-public-sector', 'teams-and-files', 'signing-in-safely'];
let azurite: AzuriteInstance;
let composed: Awaited<ReturnType<typeof composeForTest>>;
let n = 0;

beforeAll(async () => {
  azurite = await startTestAzurite();
  composed = await composeForTest(azurite.connectionString, {
    DRYPP_WORKING_HOURS: '00:00-23:59',
    DRYPP_WORKING_DAYS: 'monday,tuesday,wednesday,thursday,friday,saturday,sunday',
  });
});
afterAll(async () => {
  await azurite?.child.stop();
});

/** A new person enrolled a week ago, with every step's card already sent. */
async function enrolledLearner(): Promise<Person> {
  const person = testPerson(tenantId, ++n);
  await composed.deps.people.upsert(person);
  const start = new Date(composed.deps.clock.now().getTime() - 7 * 24 * 3600_000);
  await enrollPerson(composed.deps, { person, programId: program, start });
  for (const s of await composed.deps.steps.listForEnrollment(tenantId, person.id, program)) {
    expect(await composed.deps.steps.update({ ...s, status: 'sent', sentAt: start.toISOString() })).toBe(
      'updated',
    );
  }
  return person;
}

const request = (person: Person, stepId: string) => ({
  actor: learnerActor(tenantId, person.id),
  tenantId,
  learnerId: person.id,
  programId: program,
  programVersion: composed.deps.catalog.find(program)!.version,
  stepId,
});
const stepOf = (person: Person, stepId: string) =>
  composed.deps.steps.get(tenantId, person.id, program, stepId);

/** The scheduler's kind of write to a step: it counts a reminder, it does not answer. */
const schedulerTouch =
  (steps = composed.deps.steps) =>
  async (row: Stored<StepState>) => {
    const current = (await steps.get(row.tenantId, row.userId, row.programId, row.stepId))!;
    expect(await steps.update({ ...current, remindersSent: current.remindersSent + 1 })).toBe('updated');
  };

describe('answers racing other writers', () => {
  it('counts every lesson when four are answered at the same moment', async () => {
    const person = await enrolledLearner();
    const answers = await Promise.all(lessons.map((s) => completeLesson(composed.deps, request(person, s))));
    expect(answers.map((a) => a.kind)).toEqual(['done', 'done', 'done', 'done']);
    const enrollment = await composed.deps.enrollments.get(tenantId, person.id, program);
    expect(enrollment?.completedSteps).toBe(4);
  });

  it("saves a click that loses four races to the scheduler, and keeps the scheduler's writes", async () => {
    const person = await enrolledLearner();
    // An answer writes its step together with the enrollment's progress, in one transaction.
    const progress = racing(composed.deps.progress, 4, schedulerTouch(), undefined, 'saveStepAndEnrollment');
    const answer = await completeLesson({ ...composed.deps, progress }, request(person, 'welcome'));
    expect(progress.races()).toBe(4);
    expect(answer.kind).toBe('done');
    expect(await stepOf(person, 'welcome')).toMatchObject({ status: 'done', remindersSent: 4 });
  });

  it('fails a click that loses every race instead of calling it "already done"', async () => {
    const person = await enrolledLearner();
    const progress = racing(
      composed.deps.progress,
      1000,
      schedulerTouch(),
      undefined,
      'saveStepAndEnrollment',
    );
    await expect(
      completeLesson({ ...composed.deps, progress }, request(person, 'welcome')),
    ).rejects.toBeInstanceOf(KeptChangingError);
    expect((await stepOf(person, 'welcome'))?.status).toBe('sent');
  });

  it('withdraws an enrollment whose progress is being recorded, and keeps that progress', async () => {
    const person = await enrolledLearner();
    const progress = async (row: Stored<Enrollment>) => {
      const current = (await composed.deps.enrollments.get(row.tenantId, row.userId, row.programId))!;
      await composed.deps.enrollments.update({ ...current, completedSteps: current.completedSteps + 1 });
    };
    const enrollments = racing(composed.deps.enrollments, 3, progress);
    const outcome = await withdrawEnrollment(
      { ...composed.deps, enrollments },
      { tenantId, userId: person.id, programId: program },
    );
    expect(outcome).toEqual({ kind: 'withdrawn' });
    expect(await composed.deps.enrollments.get(tenantId, person.id, program)).toMatchObject({
      status: 'withdrawn',
      completedSteps: 3,
    });
  });
});

describe('the scheduler racing the person', () => {
  it('never turns an answer given while the card was being sent back into "sent"', async () => {
    const person = testPerson(tenantId, ++n);
    await composed.deps.people.upsert(person);
    const now = composed.deps.clock.now();
    await enrollPerson(composed.deps, {
      person,
      programId: program,
      start: new Date(now.getTime() - 60_000),
    });
    // The person answers the first card the moment it lands, between the scheduler's read and write.
    const answered = async (row: Stored<StepState>) => {
      const current = (await composed.deps.steps.get(row.tenantId, row.userId, row.programId, row.stepId))!;
      expect(
        await composed.deps.steps.update({ ...current, status: 'done', doneAt: now.toISOString() }),
      ).toBe('updated');
    };
    const steps = racing(
      composed.deps.steps,
      1,
      answered,
      (row) => row.userId === person.id && row.stepId === 'welcome',
    );
    const deps = { ...composed.deps, steps };
    const report = await deliverDueCards(deps, tenantId, { holder: 'test' });
    expect(report.queued).toBeGreaterThanOrEqual(1);
    // The pipeline's drip kind marks the step sent right before the call to Teams: the race is there.
    await rememberChat(composed, person, 'http://127.0.0.1:9');
    const sent: string[] = [];
    const worker = inProcessOutbound(composed, {
      deps,
      connector: {
        send: async (chat) => (sent.push(chat.conversationId), { ok: true, activityId: 'sent-1' }),
        update: async () => ({ ok: true, activityId: '' }),
        delete: async () => ({ ok: true, activityId: '' }),
      },
    });
    const welcome = dripKey({ userId: person.id, programId: program, stepId: 'welcome', kind: 'step', n: 0 });
    await worker.drainUntil('the welcome card sent', async () => {
      const row = await worker.pipeline.recipient({ tenantId, key: welcome });
      return row?.status === 'sent' && row.settled !== false;
    });
    expect(sent).toContain(`a:${person.id}`);
    expect(steps.races()).toBe(1);
    expect((await stepOf(person, 'welcome'))?.status).toBe('done');
    const work = await composed.deps.dueWork.listForPerson(tenantId, person.id);
    expect(work.filter((w) => w.stepId === 'welcome')).toEqual([]); // no reminder for a done step
  });
});

describe('reachability racing the bot', () => {
  const detected = async (): Promise<string> => {
    const userId = testPerson(tenantId, ++n).id;
    const at = new Date(composed.deps.clock.now().getTime() - 1000).toISOString();
    await composed.deps.reachability.create({
      tenantId,
      userId,
      stage: 'detected',
      detectedAt: at,
      attempts: 0,
      nextAttemptAt: at,
    });
    return userId;
  };
  const rivalWrite = (change: Partial<Reachability>) => async (row: Stored<Reachability>) => {
    const current = (await composed.deps.reachability.get(row.tenantId, row.userId))!;
    await composed.deps.reachability.update({ ...current, ...change });
  };

  it('records a known chat even when the install is recorded at the same moment', async () => {
    const userId = await detected();
    const installed = { stage: 'appInstalled' as const, appInstalledAt: '2026-01-01T00:00:00.000Z' };
    const reachability = racing(composed.deps.reachability, 2, rivalWrite(installed));
    await markChatKnown({ clock: composed.deps.clock, reachability }, tenantId, userId);
    expect(reachability.races()).toBe(2);
    expect(await composed.deps.reachability.get(tenantId, userId)).toMatchObject({
      stage: 'chatKnown',
      appInstalledAt: installed.appInstalledAt,
    });
    expect((await composed.deps.reachability.get(tenantId, userId))?.chatKnownAt).toBeDefined();
  });

  it('does not put a person whose chat became known back to "app installed"', async () => {
    const userId = await detected();
    const chat = { stage: 'chatKnown' as const, chatKnownAt: '2026-01-01T00:00:00.000Z' };
    const reachability = racing(composed.deps.reachability, 1, rivalWrite(chat));
    const installer = { installForUser: async () => ({ kind: 'installed' as const }) };
    await reachNewHires({ clock: composed.deps.clock, reachability, installer }, tenantId);
    expect(reachability.races()).toBe(1);
    expect(await composed.deps.reachability.get(tenantId, userId)).toMatchObject(chat);
  });

  it('records the first card even when the chat is recorded at the same moment', async () => {
    const userId = await detected();
    const chat = { stage: 'chatKnown' as const, chatKnownAt: '2026-01-01T00:00:00.000Z' };
    const reachability = racing(composed.deps.reachability, 1, rivalWrite(chat));
    await markFirstCardDelivered({ clock: composed.deps.clock, reachability }, tenantId, userId);
    expect(await composed.deps.reachability.get(tenantId, userId)).toMatchObject({
      stage: 'firstCardDelivered',
      chatKnownAt: chat.chatKnownAt,
    });
  });
});

describe('a check-in answer racing the scheduler', () => {
  const checkinProgram = 'manager-checkin';
  let checkins: Awaited<ReturnType<typeof composeForTest>>;
  beforeAll(async () => {
    checkins = await composeForTest(azurite.connectionString, {
      DRYPP_CONTENT_DIR: 'test/fixtures/content-checkin',
    });
  });

  /** A learner with a manager, enrolled a week ago, the check-in card sent to the manager. */
  async function checkinSent(): Promise<{ learner: Person; manager: Person }> {
    const manager = testPerson(tenantId, ++n);
    const learner = testPerson(tenantId, ++n, { managerId: manager.id });
    await checkins.deps.people.upsert(manager);
    await checkins.deps.people.upsert(learner);
    const start = new Date(checkins.deps.clock.now().getTime() - 7 * 24 * 3600_000);
    await enrollPerson(checkins.deps, { person: learner, programId: checkinProgram, start });
    const step = (await checkins.deps.steps.get(tenantId, learner.id, checkinProgram, 'week-two'))!;
    expect(await checkins.deps.steps.update({ ...step, status: 'sent', sentAt: start.toISOString() })).toBe(
      'updated',
    );
    return { learner, manager };
  }
  const ref = (learner: Person) => ({
    learnerId: learner.id,
    programId: checkinProgram,
    programVersion: checkins.deps.catalog.find(checkinProgram)!.version,
    stepId: 'week-two',
  });
  const checkinStep = (learner: Person) =>
    checkins.deps.steps.get(tenantId, learner.id, checkinProgram, 'week-two');

  it("marks the learner's check-in done after losing three races, and keeps the scheduler's writes", async () => {
    const { learner, manager } = await checkinSent();
    const progress = racing(
      checkins.deps.progress,
      3,
      schedulerTouch(checkins.deps.steps),
      undefined,
      'saveStepAndEnrollment',
    );
    const outcome = await answerCheckin(
      { ...checkins.deps, progress },
      { tenantId, userId: manager.id },
      ref(learner),
      { option: '0' },
    );
    expect(progress.races()).toBe(3);
    expect(outcome.kind).toBe('saved');
    expect(await checkinStep(learner)).toMatchObject({ status: 'done', remindersSent: 3 });
    expect((await checkins.deps.enrollments.get(tenantId, learner.id, checkinProgram))?.completedSteps).toBe(
      1,
    );
  });

  it('fails an answer that loses every race, and the next click completes the step', async () => {
    const { learner, manager } = await checkinSent();
    const progress = racing(
      checkins.deps.progress,
      1000,
      schedulerTouch(checkins.deps.steps),
      undefined,
      'saveStepAndEnrollment',
    );
    const manager_ = { tenantId, userId: manager.id };
    await expect(
      answerCheckin({ ...checkins.deps, progress }, manager_, ref(learner), { option: '1' }),
    ).rejects.toBeInstanceOf(KeptChangingError);
    expect((await checkinStep(learner))?.status).toBe('sent');
    // The answer itself was kept (insert-only): the manager's next click finds it and finishes the step.
    const again = await answerCheckin(checkins.deps, manager_, ref(learner), { option: '0' });
    expect(again).toMatchObject({ kind: 'alreadyAnswered', answer: { option: 1 } });
    expect((await checkinStep(learner))?.status).toBe('done');
  });
});
