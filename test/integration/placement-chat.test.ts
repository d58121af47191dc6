import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { RunningDrypp } from '../../src/main.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { loadEngagementReport } from '../../src/usecases/learning/engagementReport.ts';
import { showMyLearningInTab } from '../../src/usecases/learning/showMyLearningInTab.ts';
import { TabPresenter } from '../../src/http/tabs/presentTab.ts';
import { personalActivity } from '../support/activities.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { startFakeConnector } from '../support/fakeConnector.ts';
import { composeForTest, rememberChat, testPerson } from '../support/learningFixtures.ts';
import { alwaysWorkingEnv, startTestDrypp } from '../support/testDrypp.ts';

/**
 * Testing out of first aid's CPR part in chat, with the shipped content, through the bot endpoint as
 * Teams calls it: the placement card comes before the part's cards; passing means the CPR cards are
 * never sent (checked after the round that sends them to someone who did not answer), failing lets
 * them come; a forged answer changes nothing; the report counts recognised steps apart.
 */
const tenantId = '99999999-9999-4999-8999-999999999999';
const programId = 'first-aid-course';
let azurite: AzuriteInstance;
let drypp: RunningDrypp;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let composed: Awaited<ReturnType<typeof composeForTest>>;
const [ada, bo, cy, dee] = [1, 2, 3, 4].map((n) => testPerson(tenantId, n));
const env = { ...alwaysWorkingEnv, DRYPP_MAX_CARDS_PER_DAY: '20' };

const PLACEMENT = 'Already know CPR basics?';
const CPR_LESSON = 'Cardiopulmonary resuscitation';
const CPR_QUIZ = 'Quiz: first aid';
// Right: 30 compressions and 2 breaths; check response and breathing first.
const RIGHT = { 'q_placement-ratio': '1', 'q_placement-first': '1' };
const WRONG = { 'q_placement-ratio': '0', 'q_placement-first': '1' };

beforeAll(async () => {
  azurite = await startTestAzurite();
  connector = await startFakeConnector();
  composed = await composeForTest(azurite.connectionString, env);
  drypp = await startTestDrypp(azurite.connectionString, { ...env, DRYPP_TENANTS: tenantId });
  for (const person of [ada!, bo!, cy!, dee!]) {
    await composed.deps.people.upsert(person);
    await rememberChat(composed, person, connector.url);
  }
});
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await azurite?.child.stop();
});

/** The cards sent to one person so far, as JSON text. */
const cardsOf = (userId: string) =>
  connector.sent
    .filter((s) => s.conversationId === `a:${userId}`)
    .map((s) => JSON.stringify(s.activity.attachments?.[0]?.content ?? {}));

async function waitForCard(userId: string, text: string, ms = 15_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = cardsOf(userId).find((c) => c.includes(text));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no card with "${text}" for ${userId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The data of the card's answer button, as Teams would send it with the given inputs. */
function answerData(card: string, inputs: Record<string, string>): Record<string, unknown> {
  const button = (
    JSON.parse(card) as { actions: Array<{ verb: string; data: Record<string, unknown> }> }
  ).actions.find((a) => a.verb === 'placement.answer');
  return { ...button!.data, ...inputs };
}

async function click(verb: string, data: Record<string, unknown>, userId: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${drypp.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      personalActivity(
        connector.url,
        { tenantId, userId },
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data } },
        },
      ),
    ),
  });
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json());
}

const stepsOf = (userId: string) => composed.deps.steps.listForEnrollment(tenantId, userId, programId);

describe('testing out of a part in chat', () => {
  it('sends the placement quiz before the CPR part, and nothing of the part meanwhile', async () => {
    for (const person of [ada!, bo!, cy!]) {
      expect((await enrollPerson(composed.deps, { person, programId })).kind).toBe('enrolled');
    }
    for (const person of [ada!, bo!, cy!]) await waitForCard(person.id, PLACEMENT);
    const cpr = (await stepsOf(ada!.id)).find((s) => s.stepId === 'cpr')!;
    expect(cpr).toMatchObject({ status: 'scheduled', placementSentAt: expect.any(String) });
    for (const person of [ada!, bo!, cy!]) {
      expect(cardsOf(person.id).filter((c) => c.includes(CPR_LESSON) || c.includes(CPR_QUIZ))).toEqual([]);
    }
  });

  it('changes nothing for a colleague’s click, a quiz never sent, or a score in the data', async () => {
    const card = await waitForCard(ada!.id, PLACEMENT);
    const before = JSON.stringify(await stepsOf(ada!.id));
    // A colleague replays Ada's card with the right answers.
    expect(await click('placement.answer', answerData(card, RIGHT), dee!.id)).toContain(
      'Nothing was changed',
    );
    // Dee was never sent a placement quiz (not enrolled): nothing to answer.
    const own = await click('placement.answer', { ...answerData(card, RIGHT), learnerId: dee!.id }, dee!.id);
    expect(own).toContain('Nothing was changed');
    expect(await stepsOf(dee!.id)).toEqual([]);
    expect(JSON.stringify(await stepsOf(ada!.id))).toBe(before);

    // Bo answers wrong and claims a pass in the data: the server scores the choices.
    const boCard = await waitForCard(bo!.id, PLACEMENT);
    const claimed = { ...answerData(boCard, WRONG), passed: 'true', score: '1', placementResult: 'passed' };
    const answer = await click('placement.answer', claimed, bo!.id);
    expect(answer).toContain('Not this time: 1 of 2 right');
    const boSteps = await stepsOf(bo!.id);
    expect(boSteps.filter((s) => s.recognisedAt !== undefined)).toEqual([]);
    expect(boSteps.find((s) => s.stepId === 'cpr')).toMatchObject({
      placementResult: 'failed',
      placementScore: 0.5,
    });
  });

  it('failing lets the CPR cards come as usual', async () => {
    await waitForCard(bo!.id, CPR_LESSON);
  });

  it('passing recognises the part: the answer replaces the card, and a second answer changes nothing', async () => {
    const card = await waitForCard(ada!.id, PLACEMENT);
    const answer = await click('placement.answer', answerData(card, RIGHT), ada!.id);
    expect(answer).toContain('Passed: 2 of 2 right');
    expect(answer).toContain('recognised by test');
    const steps = await stepsOf(ada!.id);
    for (const id of ['cpr', 'cpr-quiz']) {
      expect(steps.find((s) => s.stepId === id)).toMatchObject({
        status: 'done',
        recognisedAt: expect.any(String),
      });
    }
    const again = await click('placement.answer', answerData(card, WRONG), ada!.id);
    expect(again).toContain('Passed: 2 of 2 right');
    expect(JSON.stringify(await stepsOf(ada!.id))).toBe(JSON.stringify(steps));
    const declined = await click('placement.decline', answerData(card, {}), ada!.id);
    expect(declined).toContain('Passed: 2 of 2 right');
  });

  it('never sends the recognised CPR cards, past the round that sends them to someone who did not answer', async () => {
    await composed.adjustableClock!.advance(3 * 24 * 3600_000);
    // Cy did not answer: after the wait the part's cards come. The scheduler has looked at Ada's
    // cards by then too (they were due at the same time).
    await waitForCard(cy!.id, CPR_LESSON, 20_000);
    await waitForCard(cy!.id, CPR_QUIZ, 20_000);
    expect(cardsOf(ada!.id).filter((c) => c.includes(CPR_LESSON) || c.includes(CPR_QUIZ))).toEqual([]);
    expect(await composed.deps.dueWork.listForPerson(tenantId, ada!.id)).toEqual([]);
  });

  it('reports steps recognised by test apart from steps done', async () => {
    const outcome = await loadEngagementReport(composed.deps, { tenantId, programId });
    expect(outcome.kind).toBe('report');
    if (outcome.kind !== 'report') return;
    expect(outcome.report).toMatchObject({ enrolled: 3, completed: 1, stepsRecognised: 2, stepsDone: 0 });
  });

  it('shows the part as recognised by test in My learning', async () => {
    const reads = {
      ...composed.deps,
      defaultTimeZone: 'Europe/Oslo',
      managerIndex: composed.managerIndex,
      teamSummaries: composed.teamSummaries.teamSummaries,
    };
    const view = (userId: string) =>
      showMyLearningInTab(reads, { tenantId, userId, appRoles: [] }).then((mine) =>
        new TabPresenter(reads.catalog, 'en').myLearning(mine, ''),
      );
    const [adas] = (await view(ada!.id)).programs;
    expect(adas).toMatchObject({
      programId,
      status: 'completed',
      completedSteps: 2,
      stepsRecognised: 2,
      recognisedParts: [{ id: 'cpr-basics', title: 'CPR basics', status: 'recognised' }],
    });
    const [bos] = (await view(bo!.id)).programs;
    expect(bos).toMatchObject({ stepsRecognised: 0, recognisedParts: [] });
  });
});
