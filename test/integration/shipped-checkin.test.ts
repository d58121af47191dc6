import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { sandboxTabApp } from '../../sandbox/tenantSimulator/index.ts';
import type { RunningSimulator } from '../../sandbox/tenantSimulator/server.ts';
import type { Composed } from '../../src/compose.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { PersonDetailResponse } from '../../src/http/tabs/contract.ts';
import { createLogger } from '../../src/log/logger.ts';
import { startDrypp, type RunningDrypp } from '../../src/main.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { personalActivity } from '../support/activities.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { startFakeConnector, type SentActivity } from '../support/fakeConnector.ts';
import { composeForTest } from '../support/learningFixtures.ts';
import { demo, seedDemoTeam } from '../support/managersFixtures.ts';
import { startDemoSimulator, tabToken } from '../support/tabApi.ts';

/**
 * The check-in of the shipped onboarding program (content/programs/welcome-onboarding), end to end
 * through the server and the worker: two weeks after Alex starts, his manager Adele (Norwegian) gets
 * the card "Hvordan går det med Alex etter to uker?", answers it in the card, and the answer shows in
 * My team's drill-down of Alex.
 */
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let drypp: RunningDrypp;
let composed: Composed;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
const DAY = 86_400_000;
const env = {
  DRYPP_SCHEDULER_INTERVAL_MS: '200',
  DRYPP_TENANTS: demo.tenantId,
  DRYPP_TAB_CLIENT_ID: sandboxTabApp.clientId,
  DRYPP_WORKING_HOURS: '00:00-23:59',
  DRYPP_WORKING_DAYS: 'monday,tuesday,wednesday,thursday,friday,saturday,sunday',
};

beforeAll(async () => {
  [azurite, sim, connector] = await Promise.all([
    startTestAzurite(),
    startDemoSimulator(),
    startFakeConnector(),
  ]);
  const withAuthority = { ...env, DRYPP_AUTHORITY_HOST: sim.url };
  composed = await composeForTest(azurite.connectionString, withAuthority);
  await seedDemoTeam(composed, connector.url);
  // Alex started 15 days ago and has done his own steps, so that his daily cap of cards does not
  // hold back the check-in (the cap counts the cards of his program, whoever gets them).
  const alex = (await composed.deps.people.get(demo.tenantId, demo.alex))!;
  await enrollPerson(composed.deps, {
    person: alex,
    programId: 'welcome-onboarding',
    start: new Date(Date.now() - 15 * DAY),
  });
  for (const step of composed.deps.catalog.find('welcome-onboarding')!.steps) {
    if (step.kind === 'checkin') continue;
    const state = (await composed.deps.steps.get(demo.tenantId, demo.alex, 'welcome-onboarding', step.id))!;
    await composed.deps.steps.update({
      ...state,
      status: 'done',
      doneAt: new Date(Date.now() - DAY).toISOString(),
    });
  }
  drypp = await startDrypp(
    loadConfig({
      DRYPP_MODE: 'test',
      PORT: '0',
      DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
      ...withAuthority,
    }),
    createLogger('silent'),
  );
});
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await sim?.stop();
  await azurite?.child.stop();
});

type Card = Record<string, unknown>;
const cardOf = (s: SentActivity) => s.activity.attachments?.[0]?.content as Card;

async function waitForCard(to: string, text: string, after: number, ms = 20_000): Promise<Card> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = connector.sent
      .slice(after)
      .find((s) => s.conversationId === `a:${to}` && JSON.stringify(cardOf(s)).includes(text));
    if (found) return cardOf(found);
    if (Date.now() > deadline) throw new Error(`no card with "${text}" reached ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function checkinAction(card: Card): Record<string, unknown> {
  let data: Record<string, unknown> | undefined;
  JSON.stringify(card, (_k, v: unknown) => {
    const x = v as { type?: string; verb?: string; data?: Record<string, unknown> };
    if (x?.type === 'Action.Execute' && x.verb === 'checkin.answer') data = x.data ?? {};
    return v;
  });
  if (!data) throw new Error('no checkin.answer action on the card');
  return data;
}

describe('the shipped onboarding’s check-in', () => {
  it('reaches the manager after two weeks, and the answer shows in My team', async () => {
    const program = composed.deps.catalog.find('welcome-onboarding')!;
    const checkin = program.steps.find((s) => s.kind === 'checkin');
    expect(checkin, 'welcome-onboarding has a checkin step').toBeDefined();
    const sent = 0; // every card since the worker started

    // Adele reads Norwegian; the card names Alex by his first name.
    const card = await waitForCard(demo.adele, 'Hvordan går det med Alex etter to uker?', sent);
    const cardsToAlex = connector.sent
      .slice(sent)
      .filter((s) => s.conversationId === `a:${demo.alex}`)
      .map((s) => JSON.stringify(cardOf(s)));
    expect(cardsToAlex.some((c) => c.includes('etter to uker') || c.includes('after two weeks'))).toBe(false);

    const res = await fetch(`http://127.0.0.1:${drypp.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        personalActivity(
          connector.url,
          { tenantId: demo.tenantId, userId: demo.adele },
          {
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: {
              action: {
                type: 'Action.Execute',
                verb: 'checkin.answer',
                data: {
                  ...checkinAction(card),
                  checkinOption: '1',
                  checkinComment: 'Trenger litt tid med Teams',
                },
              },
            },
          },
        ),
      ),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('Svaret ditt er lagret');

    // My team's drill-down of Alex, in English: the question, the chosen answer and the comment.
    const detail = await fetch(`http://127.0.0.1:${drypp.port}/api/tab/my-team/people/${demo.alex}`, {
      headers: {
        authorization: `Bearer ${await tabToken(sim, { user: demo.adele })}`,
        'accept-language': 'en-GB',
      },
    });
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as PersonDetailResponse;
    expect(body.checkIns).toEqual([
      expect.objectContaining({
        programId: 'welcome-onboarding',
        stepId: checkin!.id,
        question: 'How is Alex doing after two weeks?',
        answer: 'Getting there',
        comment: 'Trenger litt tid med Teams',
      }),
    ]);
  }, 60_000);
});
