import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { RunningDrypp } from '../../src/main.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { loadEngagementReport } from '../../src/usecases/learning/engagementReport.ts';
import { personalActivity } from '../support/activities.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { startFakeConnector, type SentActivity } from '../support/fakeConnector.ts';
import { composeForTest, rememberChat, testPerson } from '../support/learningFixtures.ts';
import { alwaysWorkingEnv, startTestDrypp } from '../support/testDrypp.ts';

/**
 * A learner who edits the data of their own card actions, a colleague who replays them, and people
 * of a tenant Drypp does not serve: none of it marks anything done. Each verb acts only on its own
 * kind of step, only on a step that was sent, only as the person it was sent to; a guideline is
 * acknowledged only at the server's version; the engagement report shows what really happened.
 */
const tenantId = '77777777-7777-4777-8777-777777777777';
const otherTenant = '88888888-8888-4888-8888-888888888888';
const program = 'every-kind';
let azurite: AzuriteInstance;
let drypp: RunningDrypp;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let composed: Awaited<ReturnType<typeof composeForTest>>;
const learner = testPerson(tenantId, 1);
const colleague = testPerson(tenantId, 2);
const env = {
  ...alwaysWorkingEnv,
  DRYPP_CONTENT_DIR: 'test/fixtures/content-every-kind',
  DRYPP_MAX_CARDS_PER_DAY: '20',
};

beforeAll(async () => {
  azurite = await startTestAzurite();
  connector = await startFakeConnector();
  composed = await composeForTest(azurite.connectionString, env);
  drypp = await startTestDrypp(azurite.connectionString, { ...env, DRYPP_TENANTS: tenantId });
  for (const person of [learner, colleague]) {
    await composed.deps.people.upsert(person);
    await rememberChat(composed, person, connector.url);
  }
});
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await azurite?.child.stop();
});

type InvokeAnswer = { statusCode: number; type: string; value: unknown };

async function post(activity: Record<string, unknown>): Promise<Response> {
  return fetch(`http://127.0.0.1:${drypp.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}

async function click(
  verb: string,
  data: Record<string, unknown>,
  who: { tenantId: string; userId: string } = { tenantId, userId: learner.id },
): Promise<InvokeAnswer> {
  const res = await post(
    personalActivity(connector.url, who, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    }),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as InvokeAnswer;
}

const cardText = (s: SentActivity) => JSON.stringify(s.activity.attachments?.[0]?.content ?? {});

async function waitForCards(count: number, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (connector.sent.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${connector.sent.length} of ${count} cards arrived`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stepStatus = async (stepId: string, userId = learner.id) =>
  (await composed.deps.steps.get(tenantId, userId, program, stepId))?.status;

/** The data a step card carries, for any step of the program: what a crafted action would send. */
const dataFor = (stepId: string, extra: Record<string, unknown> = {}) => ({
  programId: program,
  programVersion: 1,
  stepId,
  learnerId: learner.id,
  ...extra,
});

const UNMATCHED = 'Drypp could not match this card to anything you are doing now';
const OLD_VERSION = 'The program has been updated since this card was sent';

describe('card actions that must change nothing', () => {
  it('sends the six cards due today, and the lesson for next month stays unsent', async () => {
    const now = composed.deps.clock.now();
    const monday = new Date(now);
    monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7));
    monday.setUTCHours(9, 0, 0, 0);
    await composed.adjustableClock!.advance(monday.getTime() - now.getTime());
    expect((await enrollPerson(composed.deps, { person: learner, programId: program })).kind).toBe(
      'enrolled',
    );
    await waitForCards(6);
    for (const step of [
      'read-this',
      'answer-this',
      'think-about-this',
      'acknowledge-this',
      'attend-and-confirm',
      'attend-facilitated',
    ]) {
      expect(await stepStatus(step), step).toBe('sent');
    }
    expect(await stepStatus('read-later')).toBe('scheduled');
    const facilitated = connector.sent.map(cardText).find((c) => c.includes('the facilitator confirms'));
    expect(facilitated).toBeDefined();
    expect(facilitated).not.toContain('"verb":"confirmAttendance"'); // no button to press
  });

  it('refuses every verb on a step of another kind, and every verb on a step that was not sent', async () => {
    const sentBefore = connector.sent.length;
    const wrongKind: Array<[string, string, Record<string, unknown>?]> = [
      ['completeStep', 'answer-this'],
      ['completeStep', 'think-about-this'],
      ['completeStep', 'acknowledge-this'],
      ['completeStep', 'attend-and-confirm'],
      ['completeStep', 'attend-facilitated'],
      ['acknowledge', 'read-this', { textVersion: '3' }],
      ['acknowledge', 'answer-this', { textVersion: '3' }],
      ['confirmAttendance', 'read-this'],
      ['confirmAttendance', 'attend-facilitated'], // only the facilitator confirms this one
      ['confirmAttendance', 'acknowledge-this'],
      ['submitReflection', 'answer-this', { reflection: 'x' }],
      ['submitReflection', 'acknowledge-this', { reflection: 'x' }],
      ['answerQuiz', 'think-about-this', { attempt: 1 }],
      ['answerQuiz', 'read-this', { attempt: 1 }],
      ['retryQuiz', 'read-this', { attempt: 1 }],
      ['answerReview', 'answer-this', { questionId: 'colour', reviewNumber: 1, q_colour: '0' }],
      // Never sent: due next month.
      ['completeStep', 'read-later'],
      ['acknowledge', 'read-later', { textVersion: '3' }],
    ];
    for (const [verb, stepId, extra] of wrongKind) {
      const answer = await click(verb, dataFor(stepId, extra));
      expect(JSON.stringify(answer.value), `${verb} on ${stepId}`).toContain(UNMATCHED);
    }
    for (const step of ['read-this', 'answer-this', 'think-about-this', 'acknowledge-this']) {
      expect(await stepStatus(step), step).toBe('sent');
    }
    expect(await stepStatus('attend-facilitated')).toBe('sent');
    expect(await stepStatus('read-later')).toBe('scheduled');
    expect(connector.sent.length).toBe(sentBefore);
  });

  it("refuses a colleague's replay of the learner's card, and a card naming the colleague", async () => {
    const asColleague = { tenantId, userId: colleague.id };
    const replay = await click('completeStep', dataFor('read-this'), asColleague);
    expect(String(replay.value)).toContain('Only the person it was sent to');
    const claimed = await click('completeStep', { ...dataFor('read-this'), learnerId: colleague.id });
    expect(String(claimed.value)).toContain('Only the person it was sent to');
    expect(await stepStatus('read-this')).toBe('sent');
  });

  it('acknowledges a guideline only at the version the server holds, and records that version', async () => {
    for (const textVersion of ['2', '4', '999']) {
      const stale = await click('acknowledge', dataFor('acknowledge-this', { textVersion }));
      expect(JSON.stringify(stale.value)).toContain(OLD_VERSION);
    }
    expect(await stepStatus('acknowledge-this')).toBe('sent');
    const genuine = await click('acknowledge', dataFor('acknowledge-this', { textVersion: '3' }));
    expect(JSON.stringify(genuine.value)).toContain('that you have read and understood version 3');
    const state = await composed.deps.steps.get(tenantId, learner.id, program, 'acknowledge-this');
    expect(state?.status).toBe('done');
    expect(JSON.parse(state?.answer ?? '{}')).toEqual({ textVersion: '3' });
  });

  it('answers verbs that are Object.prototype names with the outdated note, changing nothing', async () => {
    const sentBefore = connector.sent.length;
    for (const verb of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const answer = await click(verb, dataFor('read-this'));
      expect(answer.type, verb).toBe('application/vnd.microsoft.activity.message');
      expect(answer.value).toBe('This card is out of date. Type help to see what you can do now.');
    }
    expect(await stepStatus('read-this')).toBe('sent');
    expect(connector.sent.length).toBe(sentBefore);
  });

  it('refuses data beyond its limits or of the wrong type with the outdated card', async () => {
    const crafted: Array<[string, Record<string, unknown>]> = [
      ['completeStep', dataFor('read-this', { programVersion: '1' })],
      ['completeStep', dataFor('read-this', { stepId: 'read-this'.repeat(20) })],
      ['completeStep', dataFor('read-this', { learnerId: { $ne: null } })],
      ['answerQuiz', dataFor('answer-this', { attempt: 1, q_colour: '0,1,x' })],
      ['answerQuiz', dataFor('answer-this', { attempt: 1e9, q_colour: '0' })],
      ['submitReflection', dataFor('think-about-this', { reflection: 'x'.repeat(20_000) })],
      [
        'completeStep',
        {
          ...dataFor('read-this'),
          ...Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, 'v'])),
        },
      ],
    ];
    for (const [verb, data] of crafted) {
      const answer = await click(verb, data);
      expect(JSON.stringify(answer.value), verb).toMatch(/out of date/);
    }
    expect(await stepStatus('read-this')).toBe('sent');
    expect(await stepStatus('answer-this')).toBe('sent');
    expect(await stepStatus('think-about-this')).toBe('sent');
  });

  it('changes nothing for a tenant Drypp does not serve, and says so where Teams expects an answer', async () => {
    const stranger = { tenantId: otherTenant, userId: learner.id };
    const sentBefore = connector.sent.length;
    const answer = await click('completeStep', { ...dataFor('read-this') }, stranger);
    expect(JSON.stringify(answer.value)).toContain('Drypp is not set up for your organisation');
    expect(await stepStatus('read-this')).toBe('sent');

    const said = await post(
      personalActivity(connector.url, stranger, { type: 'message', text: 'my learning' }),
    );
    expect(said.status).toBe(200);
    expect(connector.sent.length).toBe(sentBefore + 1);
    expect(cardText(connector.sent.at(-1)!)).toContain('Drypp is not set up for your organisation');

    const newcomer = { tenantId: otherTenant, userId: testPerson(otherTenant, 5).id };
    for (const fields of [
      { type: 'installationUpdate', action: 'add' },
      { type: 'conversationUpdate', membersAdded: [{ id: '28:drypp-bot' }, { id: `29:${newcomer.userId}` }] },
    ]) {
      expect((await post(personalActivity(connector.url, newcomer, fields))).status).toBe(200);
    }
    expect(await composed.deps.conversations.find(otherTenant, newcomer.userId)).toBeUndefined();
    expect(connector.sent.length).toBe(sentBefore + 1); // no welcome for them
  });

  it('reports only what was really done: one guideline of six mandatory steps, not 100 %', async () => {
    const outcome = await loadEngagementReport(composed.deps, { tenantId, programId: program });
    expect(outcome.kind).toBe('report');
    if (outcome.kind !== 'report') return;
    expect(outcome.report.stepsDone).toBe(1);
    expect(outcome.report.completed).toBe(0);
    expect(outcome.report.completionPercent).toBe(0);
    const enrollment = await composed.deps.enrollments.get(tenantId, learner.id, program);
    expect(enrollment).toMatchObject({ status: 'active', completedSteps: 1 });
  });
});
