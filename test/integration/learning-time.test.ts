import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { seedFromDemoOrganisation, type RunningSimulator } from '../../sandbox/tenantSimulator/index.ts';
import { learningTimePresenter } from '../../src/cards/managers/presenters/learningTimePresenter.ts';
import { teamCardPresenter } from '../../src/cards/managers/presenters/teamCardPresenter.ts';
import type { AppDeps } from '../../src/compose.ts';
import { localDay } from '../../src/domain/delivery/deliveryPolicy.ts';
import {
  cancelLearningTime,
  decideLearningTime,
} from '../../src/usecases/managers/learningTime/decideLearningTime.ts';
import { followUpLearningTime } from '../../src/usecases/managers/learningTime/followUpLearningTime.ts';
import { requestLearningTime } from '../../src/usecases/managers/learningTime/requestLearningTime.ts';
import { nudgePerson } from '../../src/usecases/managers/team/teamActions.ts';
import { teamCardKinds } from '../../src/usecases/managers/team/teamCardKinds.ts';
import { learningTimeCardKind } from '../../src/usecases/managers/learningTime/learningTimeCardKind.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { simControl, startSimulator } from '../support/directoryFixtures.ts';
import { startFakeConnector } from '../support/fakeConnector.ts';
import { inProcessOutbound } from '../support/inProcessOutbound.ts';
import { composeForTest } from '../support/learningFixtures.ts';
import { cardsTo, demo, eventsOf, managersDepsFor, seedDemoTeam } from '../support/managersFixtures.ts';

/**
 * Learning-time requests end to end on the real adapters: Azurite, the tenant simulator's Graph
 * calendar (msal-node + the Graph client) and Teams sends through the outbound pipeline (in this
 * process) and botbuilder to a fake connector. The follow-up job's round is called directly, so a
 * test can run it twice or at once.
 */
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let deps: AppDeps;
let composed: Awaited<ReturnType<typeof composeForTest>>;
let outbound: ReturnType<typeof inProcessOutbound>;
const presenter = () => learningTimePresenter(deps.catalog);
const alex = { tenantId: demo.tenantId, userId: demo.alex };
const adele = { tenantId: demo.tenantId, userId: demo.adele };
const megan = { tenantId: demo.tenantId, userId: demo.megan };
const isaiah = { tenantId: demo.tenantId, userId: demo.isaiah };

beforeAll(async () => {
  azurite = await startTestAzurite();
  sim = await startSimulator([seedFromDemoOrganisation()]);
  connector = await startFakeConnector();
  composed = await composeForTest(azurite.connectionString);
  await seedDemoTeam(composed, connector.url);
  deps = managersDepsFor(composed, sim);
  outbound = inProcessOutbound(composed, {
    deps,
    kinds: [learningTimeCardKind(deps, presenter()), ...teamCardKinds(deps, teamCardPresenter)],
  });
});
afterAll(async () => {
  await connector?.stop();
  await sim?.stop();
  await azurite?.child.stop();
});

function dayAhead(days: number): string {
  return localDay(new Date(deps.clock.now().getTime() + days * 86_400_000), 'Europe/Oslo');
}

async function ask(text: string, days = 3, minutes = 60) {
  const outcome = await requestLearningTime(
    deps,
    alex,
    randomUUID(),
    { date: dayAhead(days), minutes: String(minutes), programId: 'other', text },
    'Europe/Oslo',
  );
  if (outcome.kind !== 'requested') throw new Error(`not requested: ${outcome.kind}`);
  return outcome.request;
}

/** The follow-up job's round, then the outbound pipeline's worker (in this process) sends its cards. */
async function followUp() {
  await followUpLearningTime(deps, presenter(), demo.tenantId);
  await outbound.drain();
}

/** A nudge, and what the pipeline's worker then sends. */
async function nudge(...args: Parameters<typeof nudgePerson> extends [unknown, ...infer R] ? R : never) {
  const outcome = await nudgePerson(deps, ...args);
  await outbound.drain();
  return outcome;
}

const mentions = (cards: unknown[], text: string) => cards.filter((c) => JSON.stringify(c).includes(text));

describe('learning-time requests', () => {
  it('request → manager card → approve → learner card and exactly one calendar event, though the job runs twice and Graph answers 429 once', async () => {
    const request = await ask('the dementia course');
    const managerCardsBefore = mentions(cardsTo(connector.sent, demo.adele), request.id).length;
    await followUp();
    const managerCards = mentions(cardsTo(connector.sent, demo.adele), request.id);
    expect(managerCards.length - managerCardsBefore).toBe(1);
    expect(JSON.stringify(managerCards.at(-1))).toContain('learningTime.decide');

    const decided = await decideLearningTime(deps, adele, {
      requestId: request.id,
      verdict: 'approve',
      comment: 'Enjoy it',
      in: 'card',
    });
    expect(decided.kind).toBe('decided');

    const learnerCardsBefore = mentions(cardsTo(connector.sent, demo.alex), 'the dementia course').length;
    await simControl(sim, '/faults', { throttleNextCalls: 1, retryAfterSeconds: 0 }, 'PUT');
    await Promise.all([followUp(), followUp()]);
    await followUp();

    const stored = await deps.learningTime.get(demo.tenantId, request.id);
    expect(stored).toMatchObject({
      status: 'approved',
      booking: 'booked',
      learnerCardSent: true,
      followUp: false,
    });
    const events = (await eventsOf(sim, demo.alex)).filter((e) => e.transactionId.includes(request.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: stored!.eventId, start: { dateTime: `${request.date}T09:00:00` } });
    const learnerCards = mentions(cardsTo(connector.sent, demo.alex), 'the dementia course');
    expect(learnerCards.length - learnerCardsBefore).toBe(1);
    expect(JSON.stringify(learnerCards.at(-1))).toContain('Enjoy it');
  });

  it('deny: the learner hears it and nothing is booked', async () => {
    const request = await ask('a conference talk');
    await followUp();
    expect(
      (await decideLearningTime(deps, adele, { requestId: request.id, verdict: 'deny', in: 'tab' })).kind,
    ).toBe('decided');
    await followUp();
    const stored = await deps.learningTime.get(demo.tenantId, request.id);
    expect(stored).toMatchObject({ status: 'denied', learnerCardSent: true, followUp: false });
    expect(stored?.booking).toBeUndefined();
    expect((await eventsOf(sim, demo.alex)).filter((e) => e.transactionId.includes(request.id))).toEqual([]);
    const answer = mentions(cardsTo(connector.sent, demo.alex), 'a conference talk').at(-1);
    expect(JSON.stringify(answer)).toContain('not approved');
  });

  it('the first decision wins when the tab and the card decide at once', async () => {
    const request = await ask('first one wins');
    const [tab, card] = await Promise.all([
      decideLearningTime(deps, megan, { requestId: request.id, verdict: 'approve', in: 'tab' }),
      decideLearningTime(deps, adele, { requestId: request.id, verdict: 'deny', in: 'card' }),
    ]);
    expect([tab.kind, card.kind].sort()).toEqual(['alreadyDecided', 'decided']);
    const stored = await deps.learningTime.get(demo.tenantId, request.id);
    const winner = tab.kind === 'decided' ? tab : card;
    const loser = tab.kind === 'decided' ? card : tab;
    if (winner.kind !== 'decided' || loser.kind !== 'alreadyDecided') throw new Error('unreachable');
    expect(stored?.status).toBe(winner.request.status);
    // The late surface is shown what the first one decided.
    expect(loser.request.status).toBe(winner.request.status);
    expect(loser.request.decidedBy).toBe(winner.request.decidedBy);
  });

  it('a learner cannot approve their own request, and a non-manager is refused; neither changes anything', async () => {
    const request = await ask('self approval');
    expect(
      (await decideLearningTime(deps, alex, { requestId: request.id, verdict: 'approve', in: 'tab' })).kind,
    ).toBe('ownRequest');
    const lynne = { tenantId: demo.tenantId, userId: demo.lynne };
    expect(
      (await decideLearningTime(deps, lynne, { requestId: request.id, verdict: 'approve', in: 'tab' })).kind,
    ).toBe('notAllowed');
    expect(
      (await decideLearningTime(deps, isaiah, { requestId: request.id, verdict: 'deny', in: 'card' })).kind,
    ).toBe('notAllowed');
    const otherTenant = { tenantId: '00000000-0000-4000-8000-000000000000', userId: demo.adele };
    expect(
      (await decideLearningTime(deps, otherTenant, { requestId: request.id, verdict: 'approve', in: 'tab' }))
        .kind,
    ).toBe('notAllowed');
    expect((await deps.learningTime.get(demo.tenantId, request.id))?.status).toBe('pending');
    // Only the learner can take it back, and then nobody decides it any more.
    expect((await cancelLearningTime(deps, adele, request.id)).kind).toBe('notAllowed');
    expect((await cancelLearningTime(deps, alex, request.id)).kind).toBe('cancelled');
    expect(
      (await decideLearningTime(deps, adele, { requestId: request.id, verdict: 'approve', in: 'tab' })).kind,
    ).toBe('alreadyDecided');
  });

  it('a double submit of one form stores one request', async () => {
    const formId = randomUUID();
    const input = { date: dayAhead(5), minutes: '30', programId: 'other', text: 'double click' };
    const [a, b] = await Promise.all([
      requestLearningTime(deps, alex, formId, input, 'Europe/Oslo'),
      requestLearningTime(deps, alex, formId, input, 'Europe/Oslo'),
    ]);
    expect([a.kind, b.kind]).toEqual(['requested', 'requested']);
    const mine = await deps.learningTime.listForLearner(demo.tenantId, demo.alex);
    expect(mine.filter((r) => r.id === formId)).toHaveLength(1);
  });
});

describe('nudges', () => {
  it('a second nudge in the same week sends nothing; the next week sends again', async () => {
    // Lynne reads Norwegian: the nudge is "Et vennlig dytt".
    const count = () => mentions(cardsTo(connector.sent, demo.lynne), 'Et vennlig dytt').length;
    const before = count();
    expect((await nudge(adele, demo.lynne, 'Europe/Oslo')).kind).toBe('sent');
    const again = await nudge(megan, demo.lynne, 'Europe/Oslo');
    expect(again.kind).toBe('alreadyNudgedThisWeek');
    expect(count() - before).toBe(1);
    expect((await nudge(isaiah, demo.lynne, 'Europe/Oslo')).kind).toBe('notAllowed');
    expect((await nudge({ ...alex }, demo.alex, 'Europe/Oslo')).kind).toBe('notAllowed');
    await composed.adjustableClock!.advance(7 * 86_400_000);
    expect((await nudge(megan, demo.lynne, 'Europe/Oslo')).kind).toBe('sent');
    expect(count() - before).toBe(2);
  });
});
