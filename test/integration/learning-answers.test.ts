import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { RunningDrypp } from '../../src/main.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { personalActivity } from '../support/activities.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { startFakeConnector, type SentActivity } from '../support/fakeConnector.ts';
import { composeForTest, rememberChat, testPerson } from '../support/learningFixtures.ts';
import { alwaysWorkingEnv, startTestDrypp } from '../support/testDrypp.ts';

/**
 * Cards delivered by the scheduler and answered in place, through the bot endpoint as Teams calls it:
 * lesson, quiz (incomplete, wrong, replayed), the question coming back, reflection (too long, saved),
 * completion, and actions that must change nothing.
 */
const tenantId = '55555555-5555-5555-5555-555555555555';
const fixtures = 'test/fixtures/content';
let azurite: AzuriteInstance;
let drypp: RunningDrypp;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let composed: Awaited<ReturnType<typeof composeForTest>>;
const person = testPerson(tenantId, 1);
const env = {
  ...alwaysWorkingEnv,
  DRYPP_CONTENT_DIR: fixtures,
  DRYPP_MAX_CARDS_PER_DAY: '20',
};

beforeAll(async () => {
  azurite = await startTestAzurite();
  connector = await startFakeConnector();
  composed = await composeForTest(azurite.connectionString, env);
  drypp = await startTestDrypp(azurite.connectionString, env);
  await composed.deps.people.upsert(person);
  await rememberChat(composed, person, connector.url);
});
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await azurite?.child.stop();
});

type Card = {
  body: unknown[];
  actions?: Array<{ verb?: string; data?: Record<string, unknown>; title: string }>;
};

function cardOf(s: SentActivity | undefined): Card {
  return s?.activity.attachments?.[0]?.content as Card;
}

/**
 * Waits for a card with the text among those sent after the first `after` (count the cards before
 * acting, so that an earlier card with the same text cannot satisfy the wait).
 */
async function waitForCard(text: string, after: number, ms = 10_000): Promise<Card> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = connector.sent.slice(after).find((s) => JSON.stringify(cardOf(s)).includes(text));
    if (found) return cardOf(found);
    if (Date.now() > deadline) throw new Error(`no card with "${text}" arrived`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every Action.Execute in a card, wherever it sits. */
function executeActions(
  card: unknown,
): Array<{ verb: string; data: Record<string, unknown>; title: string }> {
  const found: Array<{ verb: string; data: Record<string, unknown>; title: string }> = [];
  JSON.stringify(card, (_k, v: unknown) => {
    const x = v as { type?: string; verb?: string; data?: Record<string, unknown>; title?: string };
    if (x && x.type === 'Action.Execute')
      found.push({ verb: x.verb!, data: x.data ?? {}, title: x.title ?? '' });
    return v;
  });
  return found;
}

async function click(verb: string, data: Record<string, unknown>, who = person.id) {
  const res = await fetch(`http://127.0.0.1:${drypp.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      personalActivity(
        connector.url,
        { tenantId, userId: who },
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data } },
        },
      ),
    ),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { statusCode: number; type: string; value: unknown };
}

/** Moves the shared clock to the next Monday 10:00 in Oslo, so the test never depends on the hour it runs. */
async function moveToMondayMorning() {
  const now = composed.deps.clock.now();
  const target = new Date(now);
  target.setUTCDate(target.getUTCDate() + ((8 - target.getUTCDay()) % 7 || 7));
  target.setUTCHours(9, 0, 0, 0); // 10:00 in Oslo in winter, 11:00 in summer: inside working hours either way
  await composed.adjustableClock!.advance(target.getTime() - now.getTime());
}

async function advance(days: number) {
  await composed.adjustableClock!.advance(days * 24 * 3600_000);
}

describe('learning in chat, answered in place', () => {
  it('runs lesson → quiz → wrong answer → question returns → reflection → completion', async () => {
    await moveToMondayMorning();
    let sent = connector.sent.length;
    expect((await enrollPerson(composed.deps, { person, programId: 'e2e-short' })).kind).toBe('enrolled');

    // Day 0: the lesson, marked done in place; a second click changes nothing.
    const lesson = await waitForCard('A first lesson', sent);
    const done = executeActions(lesson).find((a) => a.verb === 'completeStep')!;
    const first = await click(done.verb, done.data);
    expect(JSON.stringify(first.value)).toContain('Done ✓');
    const again = await click(done.verb, done.data);
    expect(again.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(again.value)).toContain('already done');
    // Someone else clicking the learner's card changes nothing either.
    const stranger = await click(done.verb, done.data, testPerson(tenantId, 99).id);
    expect(String(stranger.value)).toContain('Only the person it was sent to');

    // Day 1: the quiz. Submitted empty, it comes back with a message; answered wrong, feedback shows.
    sent = connector.sent.length;
    await advance(1);
    const quiz = await waitForCard('Where do you report a lost phone?', sent);
    const submit = executeActions(quiz).find((a) => a.verb === 'answerQuiz')!;
    const empty = await click(submit.verb, submit.data);
    expect(JSON.stringify(empty.value)).toContain('Choose an answer for every question');
    const wrong = await click(submit.verb, { ...submit.data, q_report: '1' });
    const result = JSON.stringify(wrong.value);
    expect(result).toContain('a lost phone must be reported at once');
    expect(result).toContain('come back');
    const replay = await click(submit.verb, { ...submit.data, q_report: '0' });
    expect(replay.type).toBe('application/vnd.microsoft.activity.message');

    // Day 2: the reflection. Too long: kept, with a message. Then saved.
    sent = connector.sent.length;
    await advance(1);
    const reflection = await waitForCard('What will you do differently tomorrow?', sent);
    const save = executeActions(reflection).find((a) => a.verb === 'submitReflection')!;
    const tooLong = await click(save.verb, {
      ...save.data,
      reflection: 'x'.repeat(501),
      shareWithManager: 'true',
    });
    expect(JSON.stringify(tooLong.value)).toContain('501 of 500 characters');
    expect(JSON.stringify(tooLong.value)).toContain('x'.repeat(501));
    sent = connector.sent.length;
    const saved = await click(save.verb, {
      ...save.data,
      reflection: 'Lock my screen.',
      shareWithManager: 'true',
    });
    expect(JSON.stringify(saved.value)).toContain('Lock my screen.');
    await waitForCard('You have completed Short test program', sent);

    // Two days after the wrong answer, the question comes back; answered right, it is done.
    sent = connector.sent.length;
    await advance(1);
    const review = await waitForCard('You missed this one last time', sent);
    const answer = executeActions(review).find((a) => a.verb === 'answerReview')!;
    const right = await click(answer.verb, { ...answer.data, q_report: '0' });
    expect(JSON.stringify(right.value)).toContain('Right this time');

    const enrollment = await composed.deps.enrollments.get(tenantId, person.id, 'e2e-short');
    expect(enrollment?.status).toBe('completed');
    expect(enrollment?.completedSteps).toBe(3);
  }, 60_000);

  it('answers a card from an older program version with an explanation', async () => {
    const res = await click('completeStep', {
      programId: 'e2e-short',
      programVersion: 0 + 7,
      stepId: 'first-lesson',
      learnerId: person.id,
    });
    expect(JSON.stringify(res.value)).toContain('The program has been updated since this card was sent');
  });
});
