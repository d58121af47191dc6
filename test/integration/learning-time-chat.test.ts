import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { Composed } from '../../src/compose.ts';
import { loadConfig } from '../../src/config/config.ts';
import { localDay } from '../../src/domain/delivery/deliveryPolicy.ts';
import { createLogger } from '../../src/log/logger.ts';
import { startDrypp, type RunningDrypp } from '../../src/main.ts';
import { personalActivity } from '../support/activities.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { startFakeConnector, type SentActivity } from '../support/fakeConnector.ts';
import { composeForTest } from '../support/learningFixtures.ts';
import { demo, seedDemoTeam } from '../support/managersFixtures.ts';

/**
 * Learning time in chat, through the bot endpoint as Teams calls it and the worker's follow-up job:
 * the command, the form (a mistake keeps what was typed), the manager's card from the worker,
 * approve in the card, a second click and the learner's own click changing nothing, the refresh
 * showing the decision, and the learner's answer card.
 */
let azurite: AzuriteInstance;
let drypp: RunningDrypp;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let composed: Composed;
const env = { DRYPP_SCHEDULER_INTERVAL_MS: '200', DRYPP_TENANTS: demo.tenantId };

beforeAll(async () => {
  azurite = await startTestAzurite();
  connector = await startFakeConnector();
  composed = await composeForTest(azurite.connectionString, env);
  await seedDemoTeam(composed, connector.url);
  drypp = await startDrypp(
    loadConfig({
      DRYPP_MODE: 'test',
      PORT: '0',
      DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
      ...env,
    }),
    createLogger('silent'),
  );
});
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await azurite?.child.stop();
});

type Card = { body: unknown[]; actions?: Array<{ verb?: string; data?: Record<string, unknown> }> };
const cardOf = (s: SentActivity) => s.activity.attachments?.[0]?.content as Card;

async function waitForCard(to: string, text: string, after: number, ms = 10_000): Promise<Card> {
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

async function post(who: string, fields: Record<string, unknown>) {
  const res = await fetch(`http://127.0.0.1:${drypp.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(personalActivity(connector.url, { tenantId: demo.tenantId, userId: who }, fields)),
  });
  expect(res.status).toBe(200);
  return res;
}

async function click(who: string, verb: string, data: Record<string, unknown>) {
  const res = await post(who, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  });
  return (await res.json()) as { type: string; value: unknown };
}

const actionOf = (card: Card, verb: string, data: Record<string, unknown> = {}) => {
  const found: Array<{ verb: string; data: Record<string, unknown> }> = [];
  JSON.stringify(card, (_k, v: unknown) => {
    const x = v as { type?: string; verb?: string; data?: Record<string, unknown> };
    if (x?.type === 'Action.Execute' && x.verb === verb) found.push({ verb: x.verb, data: x.data ?? {} });
    return v;
  });
  const match = found.find((a) => Object.entries(data).every(([k, v]) => a.data[k] === v));
  if (!match) throw new Error(`no ${verb} action on the card`);
  return match;
};

describe('learning time in chat', () => {
  it('asks, is decided in the manager’s card once, and answers the learner', async () => {
    let sent = connector.sent.length;
    await post(demo.alex, { type: 'message', text: 'request learning time' });
    const form = await waitForCard(demo.alex, 'Ask for learning time', sent);
    const submit = actionOf(form, 'learningTime.request');
    const day = localDay(new Date(composed.deps.clock.now().getTime() + 2 * 86_400_000), 'Europe/Oslo');

    const wrong = await click(demo.alex, submit.verb, {
      ...submit.data,
      learningDate: day,
      learningMinutes: '5',
      learningProgram: 'other',
      learningPurpose: 'the hygiene course',
    });
    const again = JSON.stringify(wrong.value);
    expect(again).toContain('Ask for 15 to 480 minutes.');
    expect(again).toContain('the hygiene course'); // what was typed is kept
    expect(await composed.deps.learningTime.listForLearner(demo.tenantId, demo.alex)).toEqual([]);

    sent = connector.sent.length;
    const ok = await click(demo.alex, submit.verb, {
      ...submit.data,
      learningDate: day,
      learningMinutes: '60',
      learningProgram: 'other',
      learningPurpose: 'the hygiene course',
    });
    expect(JSON.stringify(ok.value)).toContain('Request sent');

    // The worker sends Adele (nb-NO) her card; approving in it replaces it with the decision.
    const managerCard = await waitForCard(demo.adele, 'ber om læringstid', sent);
    const approve = actionOf(managerCard, 'learningTime.decide', { verdict: 'approve' });
    const own = await click(demo.alex, approve.verb, approve.data);
    expect(String(own.value)).toContain('cannot decide your own request');
    sent = connector.sent.length;
    const decided = await click(demo.adele, approve.verb, { ...approve.data, decisionComment: 'Kos deg' });
    expect(JSON.stringify(decided.value)).toContain('Godkjent av Adele Vance');
    const late = await click(demo.megan, approve.verb, { ...approve.data, verdict: 'deny' });
    expect(JSON.stringify(late.value)).toContain('allerede avgjort');
    const refreshed = await click(demo.adele, 'learningTime.show', { requestId: approve.data.requestId });
    expect(JSON.stringify(refreshed.value)).toContain('Godkjent av Adele Vance');

    const answer = await waitForCard(demo.alex, 'Learning time approved', sent);
    expect(JSON.stringify(answer)).toContain('Kos deg');
    // No Graph is configured here: the learner is told to put it in the calendar themselves.
    expect(JSON.stringify(answer)).toContain('could not put it in your calendar');
    const [stored] = await composed.deps.learningTime.listForLearner(demo.tenantId, demo.alex);
    expect(stored).toMatchObject({ status: 'approved', decidedBy: demo.adele, booking: 'failed' });
  }, 30_000);
});
