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
 * A person whose directory language is Swedish gets Drypp's cards in Swedish, even though their Teams
 * client reports English (the chat is remembered, and every activity arrives, with locale en-US): the
 * shipped welcome program, delivered by the scheduler through the bot connector as in production, and
 * the bot's answers to a card action and to a typed command.
 */
const tenantId = '77777777-7777-4777-8777-777777777777';
let azurite: AzuriteInstance;
let drypp: RunningDrypp;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let composed: Awaited<ReturnType<typeof composeForTest>>;
const swede = testPerson(tenantId, 1, { preferredLanguage: 'sv-SE', timeZone: 'Europe/Stockholm' });
const english = testPerson(tenantId, 2, { preferredLanguage: 'en-GB', timeZone: 'Europe/Stockholm' });
const env = alwaysWorkingEnv;

beforeAll(async () => {
  azurite = await startTestAzurite();
  connector = await startFakeConnector();
  composed = await composeForTest(azurite.connectionString, env);
  drypp = await startTestDrypp(azurite.connectionString, env);
  for (const person of [swede, english]) {
    await composed.deps.people.upsert(person);
    await rememberChat(composed, person, connector.url);
  }
});
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await azurite?.child.stop();
});

function cardsTo(userId: string): string[] {
  return connector.sent
    .filter((s: SentActivity) => s.conversationId === `a:${userId}`)
    .map((s) => JSON.stringify(s.activity.attachments?.[0]?.content));
}

/** Posts an activity from the person to the bot endpoint, as Teams would, with an English Teams client. */
async function fromTeams(userId: string, fields: Record<string, unknown>): Promise<Response> {
  const res = await fetch(`http://127.0.0.1:${drypp.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(personalActivity(connector.url, { tenantId, userId, locale: 'en-US' }, fields)),
  });
  expect(res.status).toBe(200);
  return res;
}

async function firstCardTo(userId: string, ms = 10_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const [card] = cardsTo(userId);
    if (card !== undefined) return card;
    if (Date.now() > deadline) throw new Error(`no card reached ${userId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('cards in Swedish', () => {
  it('writes to a person with preferredLanguage sv-SE in Swedish, and to an English one in English', async () => {
    expect(cardsTo(swede.id)).toEqual([]);
    for (const person of [swede, english]) {
      const enrolled = await enrollPerson(composed.deps, { person, programId: 'welcome-onboarding' });
      expect(enrolled.kind).toBe('enrolled');
    }
    const swedish = await firstCardTo(swede.id);
    expect(swedish).toContain('Välkommen till ditt nya jobb'); // the program's own Swedish text
    expect(swedish).toContain('HR:s självservice'); // the Swedish lesson file
    expect(swedish).toContain('Steg 1 av');
    expect(swedish).toContain('Obligatoriskt');
    expect(swedish).toContain('Markera som klar');
    expect(swedish).not.toContain('Mark as done');

    // Marking the lesson done from a Teams client in English: the answer stays in Swedish.
    const card = JSON.parse(swedish) as { actions: Array<{ verb: string; data: unknown }> };
    const done = card.actions.find((a) => a.verb === 'completeStep');
    expect(done).toBeDefined();
    const clicked = await fromTeams(swede.id, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: done!.verb, data: done!.data } },
    });
    const answer = JSON.stringify(await clicked.json());
    expect(answer).toContain('Klart ✓');
    expect(answer).not.toContain('Done ✓');

    // A typed Swedish command gets the Swedish help card.
    const before = cardsTo(swede.id).length;
    await fromTeams(swede.id, { type: 'message', text: 'hjälp' });
    const help = cardsTo(swede.id).slice(before);
    expect(help).toHaveLength(1);
    expect(help[0]).toContain('Det här kan jag hjälpa till med');

    const control = await firstCardTo(english.id);
    expect(control).toContain('Step 1 of');
    expect(control).toContain('Welcome to your new job');
    expect(control).toContain('Mark as done');
  }, 30_000);
});
