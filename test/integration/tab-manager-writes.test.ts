import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoTenant } from '../../sandbox/demoOrganisation.ts';
import { sandboxTabApp } from '../../sandbox/tenantSimulator/index.ts';
import type { RunningSimulator } from '../../sandbox/tenantSimulator/server.ts';
import type { Composed } from '../../src/compose.ts';
import { loadConfig } from '../../src/config/config.ts';
import { localDay } from '../../src/domain/delivery/deliveryPolicy.ts';
import type {
  LearningTimeRequestResponse,
  MyTeamResponse,
  NudgeResponse,
  TabErrorBody,
} from '../../src/http/tabs/contract.ts';
import { createLogger } from '../../src/log/logger.ts';
import { startDrypp, type RunningDrypp } from '../../src/main.ts';
import { teamCardPresenter } from '../../src/cards/managers/presenters/teamCardPresenter.ts';
import { teamCardKinds } from '../../src/usecases/managers/team/teamCardKinds.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { startFakeConnector } from '../support/fakeConnector.ts';
import { composeForTest } from '../support/learningFixtures.ts';
import { cardsTo, demo, seedDemoTeam } from '../support/managersFixtures.ts';
import { inProcessOutbound } from '../support/inProcessOutbound.ts';
import { startDemoSimulator, tabToken } from '../support/tabApi.ts';

/**
 * The tab API's writes for learning time, nudges and recognition, through Drypp's HTTP server with
 * real SSO tokens from the simulator: 201/200 for what is allowed, 403 with no detail for anyone
 * outside the person's managers and for the requester deciding their own, 409 for a second decision
 * (showing the first), 429 for a second nudge in a week, 400 for bad input, and nothing changed.
 */
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let drypp: RunningDrypp;
let composed: Composed;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let base: string;

beforeAll(async () => {
  [azurite, sim, connector] = await Promise.all([
    startTestAzurite(),
    startDemoSimulator(),
    startFakeConnector(),
  ]);
  const env = {
    DRYPP_TAB_CLIENT_ID: sandboxTabApp.clientId,
    DRYPP_AUTHORITY_HOST: sim.url,
    DRYPP_TENANTS: demoTenant.id,
  };
  composed = await composeForTest(azurite.connectionString, env);
  await seedDemoTeam(composed, connector.url);
  drypp = await startDrypp(
    loadConfig({
      DRYPP_MODE: 'test',
      PORT: '0',
      DRYPP_ROLES: 'web',
      DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
      ...env,
    }),
    createLogger('silent'),
  );
  base = `http://127.0.0.1:${drypp.port}/api/tab`;
});
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await sim?.stop();
  await azurite?.child.stop();
});

async function post(path: string, user: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await tabToken(sim, { user })}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

const inDays = (days: number) =>
  localDay(new Date(composed.deps.clock.now().getTime() + days * 86_400_000), 'Europe/Oslo');

async function askAsAlex(purpose: string) {
  const created = await post('/learning-time-requests', demo.alex, { date: inDays(2), minutes: 45, purpose });
  expect(created.status).toBe(201);
  return (created.body as LearningTimeRequestResponse).request;
}

describe('tab API: learning-time requests', () => {
  it('a learner asks; their manager (and theirs) see it pending; the learner may cancel, not decide', async () => {
    const request = await askAsAlex('the wound-care module');
    expect(request).toMatchObject({
      status: 'pending',
      minutes: 45,
      purpose: 'the wound-care module',
      requester: { id: demo.alex, displayName: 'Alex Wilber' },
      actions: ['cancelRequest'],
    });
    const team = await fetch(`${base}/my-team`, {
      headers: { authorization: `Bearer ${await tabToken(sim, { user: demo.megan })}` },
    });
    const pending = ((await team.json()) as MyTeamResponse).pendingRequests.find((r) => r.id === request.id);
    expect(pending?.actions).toEqual(['decideRequest']);

    const own = await post(`/learning-time-requests/${request.id}/decision`, demo.alex, {
      decision: 'approve',
    });
    expect(own.status).toBe(403);
    expect((await composed.deps.learningTime.get(demo.tenantId, request.id))?.status).toBe('pending');
  });

  it('anyone outside the learner’s managers gets 403 with no detail, and nothing changes', async () => {
    const request = await askAsAlex('only managers decide');
    for (const user of [demo.lynne, demo.isaiah]) {
      const refused = await post(`/learning-time-requests/${request.id}/decision`, user, {
        decision: 'deny',
      });
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).not.toContain('Alex');
    }
    // A request that does not exist answers exactly as one that is not theirs: nothing leaks.
    const unknown = await post('/learning-time-requests/no-such-request/decision', demo.isaiah, {
      decision: 'deny',
    });
    const notTheirs = await post(`/learning-time-requests/${request.id}/decision`, demo.isaiah, {
      decision: 'deny',
    });
    expect(unknown).toEqual(notTheirs);
    expect((await composed.deps.learningTime.get(demo.tenantId, request.id))?.status).toBe('pending');
  });

  it('the manager approves; a second decision gets 409 showing the first', async () => {
    const request = await askAsAlex('first decision wins');
    const approved = await post(`/learning-time-requests/${request.id}/decision`, demo.adele, {
      decision: 'approve',
      comment: 'Go for it',
    });
    expect(approved.status).toBe(200);
    expect((approved.body as LearningTimeRequestResponse).request).toMatchObject({
      status: 'approved',
      comment: 'Go for it',
      decidedBy: { id: demo.adele, displayName: 'Adele Vance' },
      calendar: 'booking',
      actions: [],
    });
    const late = await post(`/learning-time-requests/${request.id}/decision`, demo.megan, {
      decision: 'deny',
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      error: { code: 'conflict' },
      request: { status: 'approved', decidedBy: { id: demo.adele } },
    });
    const cancel = await post(`/learning-time-requests/${request.id}/cancel`, demo.alex);
    expect(cancel.status).toBe(409);
  });

  it('refuses bad input with the fields named, storing nothing', async () => {
    const before = (await composed.deps.learningTime.listForLearner(demo.tenantId, demo.alex)).length;
    const past = await post('/learning-time-requests', demo.alex, {
      date: inDays(-3),
      minutes: 30,
      purpose: 'x',
    });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain('"path":"date"');
    const long = await post('/learning-time-requests', demo.alex, {
      date: inDays(1),
      minutes: 30,
      purpose: 'x'.repeat(201),
    });
    expect(long.status).toBe(400);
    const notMine = await post('/learning-time-requests', demo.alex, {
      date: inDays(1),
      minutes: 30,
      programId: 'leading-digital-workplace',
    });
    expect(notMine.status).toBe(400);
    expect(JSON.stringify(notMine.body)).toContain('"path":"programId"');
    const tooMuch = await post(`/learning-time-requests/x/decision`, demo.adele, {
      decision: 'approve',
      comment: 'y'.repeat(501),
    });
    expect(tooMuch.status).toBe(400);
    expect((await composed.deps.learningTime.listForLearner(demo.tenantId, demo.alex)).length).toBe(before);
  });
});

function refusedBody(body: unknown) {
  return (body as TabErrorBody).error;
}

describe('tab API: nudges and recognition', () => {
  it('a nudge goes out once a week: the second answers 429 with when it is allowed again', async () => {
    const count = () =>
      cardsTo(connector.sent, demo.alex).filter((c) => JSON.stringify(c).includes('friendly nudge')).length;
    const before = count();
    const first = await post(`/my-team/people/${demo.alex}/nudge`, demo.adele);
    expect(first.status).toBe(202);
    const { nextAllowedAt } = first.body as NudgeResponse;
    const second = await post(`/my-team/people/${demo.alex}/nudge`, demo.megan);
    expect(second.status).toBe(429);
    // The web role only enqueues: a worker (the production consumer, here in this process) sends.
    const outbound = inProcessOutbound(composed, { kinds: teamCardKinds(composed.deps, teamCardPresenter) });
    expect(await outbound.drain()).toMatchObject({ sent: 1 });
    expect(refusedBody(second.body)).toMatchObject({ code: 'tooMany', retryAt: nextAllowedAt });
    expect(new Date(nextAllowedAt).getTime()).toBeGreaterThan(composed.deps.clock.now().getTime());
    expect(count() - before).toBe(1);
    expect((await post(`/my-team/people/${demo.alex}/nudge`, demo.lynne)).status).toBe(403);
    expect((await post(`/my-team/people/${demo.alex}/nudge`, demo.alex)).status).toBe(403);
  });

  it('recognition needs something completed, and is for the person’s managers only', async () => {
    const nothingYet = await post(`/my-team/people/${demo.lynne}/recognition`, demo.adele, {
      text: 'Thank you!',
    });
    expect(nothingYet.status).toBe(400);
    expect(
      (await post(`/my-team/people/${demo.lynne}/recognition`, demo.isaiah, { text: 'Hi' })).status,
    ).toBe(403);
    const multiLine = await post(`/my-team/people/${demo.lynne}/recognition`, demo.adele, { text: 'a\nb' });
    expect(multiLine.status).toBe(400);
  });
});
