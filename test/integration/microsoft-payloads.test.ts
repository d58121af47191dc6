import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { RunningDrypp } from '../../src/main.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { logCollector } from '../support/directoryFixtures.ts';
import { startFakeConnector } from '../support/fakeConnector.ts';
import { composeForTest } from '../support/learningFixtures.ts';
import { graphPayloads, teamsPayloads } from '../support/microsoftPayloads.ts';
import { startTestDrypp, webOnlyEnv } from '../support/testDrypp.ts';

/**
 * Teams activities and Graph notifications in the shapes Microsoft documents, replayed against a
 * running Drypp: every one is answered with the status Teams or Graph expects, none with a 5xx, and
 * none is logged as an error. Where a payload must change nothing (an install in a team channel),
 * the test checks that it did not.
 */
const tenantId = '9a9a9a9a-1111-4222-8333-444455556666';
const userId = 'eddfa9d4-346e-4cce-a18f-fa6261ad776b';
const clientState = 'payload-replay-test-client-state';
let azurite: AzuriteInstance;
let drypp: RunningDrypp;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
const logs = logCollector();

beforeAll(async () => {
  azurite = await startTestAzurite();
  connector = await startFakeConnector();
  drypp = await startTestDrypp(
    azurite.connectionString,
    webOnlyEnv(tenantId, clientState),
    createLogger('info', logs.stream),
  );
});
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await azurite?.child.stop();
});

const post = (path: string, body: unknown) =>
  fetch(`http://127.0.0.1:${drypp.port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('payloads from Microsoft documentation', () => {
  it('answers every documented Teams activity with 200, never a 5xx, and logs no error', async () => {
    const payloads = teamsPayloads({ tenantId, serviceUrl: connector.url, userId, botId: '28:drypp-bot' });
    const linesBefore = logs.lines.length;
    for (const [name, activity] of Object.entries(payloads)) {
      const res = await post('/api/messages', activity);
      expect(res.status, name).toBe(200);
      if (name.startsWith('invoke adaptiveCard/action')) {
        const body = (await res.json()) as { statusCode: number; value: unknown };
        expect(body.statusCode, name).toBe(200);
        expect(String(body.value), name).toContain('This card is out of date');
      }
    }
    const errors = logs.lines.slice(linesBefore).filter((l) => l.level === 'error');
    expect(errors).toEqual([]);
  });

  it('welcomes in the one-to-one chat, and records no chat from an install in a team channel', async () => {
    const composed = await composeForTest(azurite.connectionString);
    const stored = await composed.deps.conversations.find(tenantId, userId);
    // Only the one-to-one conversationUpdate names a personal chat; the team install must not win.
    expect(stored?.conversationId).toBe(`a:personal-${userId}`);
    const welcomes = connector.sent.filter((s) => JSON.stringify(s.activity).includes('Welcome to Drypp'));
    expect(welcomes.map((w) => w.conversationId)).toEqual([`a:personal-${userId}`]);
  });

  it('acknowledges documented Graph change and lifecycle notifications with 202, the handshake with 200', async () => {
    const { notifications, lifecycle } = graphPayloads({ tenantId, clientState });
    for (const [name, body] of Object.entries(notifications)) {
      expect((await post('/api/graph/notifications', body)).status, name).toBe(202);
    }
    for (const [name, body] of Object.entries(lifecycle)) {
      expect((await post('/api/graph/lifecycle', body)).status, name).toBe(202);
    }
    const token = encodeURIComponent(
      'Validation: Testing client application reachability for subscription Request-Id: 1',
    );
    for (const path of ['notifications', 'lifecycle']) {
      const res = await fetch(`http://127.0.0.1:${drypp.port}/api/graph/${path}?validationToken=${token}`, {
        method: 'POST',
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(decodeURIComponent(token));
    }
  });
});
