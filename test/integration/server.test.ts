import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAzurite } from '../support/azurite.ts';
import { startFakeConnector } from '../support/fakeConnector.ts';
import { personalActivity } from '../support/activities.ts';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import { startDrypp, type RunningDrypp } from '../../src/main.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { TableConversationStore } from '../../src/store/delivery/conversationStore.ts';
import { tableNames } from '../../src/store/platform/tables.ts';

let azurite: AzuriteInstance;
const log = createLogger('silent');
const tenantId = '33333333-3333-3333-3333-333333333333';

beforeAll(async () => {
  azurite = await startTestAzurite();
});
afterAll(async () => {
  await azurite?.child.stop();
});

async function start(env: Record<string, string> = {}): Promise<RunningDrypp & { base: string }> {
  const config = loadConfig({
    DRYPP_MODE: 'test',
    PORT: '0',
    DRYPP_ROLES: 'web',
    DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
    ...env,
  });
  const drypp = await startDrypp(config, log);
  return { ...drypp, base: `http://127.0.0.1:${drypp.port}` };
}

function conversations() {
  const clients = new StorageClients({
    kind: 'connectionString',
    connectionString: azurite.connectionString,
  });
  return new TableConversationStore(
    clients.table(tableNames.conversations),
    clients.table(tableNames.welcomes),
  );
}

describe('web role', () => {
  it('answers /healthz with storage status and the outbound messages set aside', async () => {
    const drypp = await start();
    try {
      const res = await fetch(`${drypp.base}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        status: 'ok',
        checks: { storage: { ok: true }, outbound: { ok: true, detail: '0 set aside' } },
      });
    } finally {
      await drypp.stop();
    }
  });

  it('runs the worker role alone with only a health endpoint', async () => {
    const drypp = await start({ DRYPP_ROLES: 'worker' });
    try {
      expect((await fetch(`${drypp.base}/healthz`)).status).toBe(200);
      expect((await fetch(`${drypp.base}/api/messages`, { method: 'POST' })).status).toBe(404);
    } finally {
      await drypp.stop();
    }
  });

  it('rejects a bot request without a token when an app id is configured, and stores nothing', async () => {
    const drypp = await start({
      MicrosoftAppId: '0f6a2c3e-0000-4000-8000-000000000001',
      MicrosoftAppPassword: 'x',
    });
    const connector = await startFakeConnector();
    try {
      const userId = 'forged-user';
      const res = await fetch(`${drypp.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          personalActivity(
            connector.url,
            { tenantId, userId },
            { type: 'installationUpdate', action: 'add' },
          ),
        ),
      });
      expect(res.status).toBe(401);
      // A forged token is refused by botbuilder's JWT validation too.
      const forged = await fetch(`${drypp.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' },
        body: JSON.stringify(
          personalActivity(connector.url, { tenantId, userId }, { type: 'message', text: 'my learning' }),
        ),
      });
      expect(forged.status).toBe(401);
      expect(await conversations().find(tenantId, userId)).toBeUndefined();
      expect(connector.sent).toEqual([]);
    } finally {
      await drypp.stop();
      await connector.stop();
    }
  });

  it('remembers an installation and welcomes once, though Teams announces it twice', async () => {
    const drypp = await start();
    const connector = await startFakeConnector();
    const person = { tenantId, userId: 'new-hire-1', locale: 'nb-NO' };
    const post = (fields: Record<string, unknown>) =>
      fetch(`${drypp.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(personalActivity(connector.url, person, fields)),
      });
    try {
      expect((await post({ type: 'installationUpdate', action: 'add' })).status).toBe(200);
      expect(
        (
          await post({
            type: 'conversationUpdate',
            membersAdded: [{ id: '28:drypp-bot' }, { id: '29:new-hire-1' }],
          })
        ).status,
      ).toBe(200);

      const stored = await conversations().find(tenantId, 'new-hire-1');
      expect(stored?.conversationId).toBe('a:new-hire-1');
      expect(stored?.reference).toMatchObject({ serviceUrl: connector.url });
      const cards = connector.sent.map((s) => JSON.stringify(s.activity.attachments?.[0]?.content));
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain('Velkommen til Drypp'); // the person's locale is nb-NO
    } finally {
      await drypp.stop();
      await connector.stop();
    }
  });

  it('answers commands and anything else with a card, never an error', async () => {
    const drypp = await start();
    const connector = await startFakeConnector();
    const person = { tenantId, userId: 'learner-2' };
    const say = (text: unknown) =>
      fetch(`${drypp.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(personalActivity(connector.url, person, { type: 'message', text })),
      });
    try {
      for (const text of [
        'help',
        'my learning',
        'what?',
        '',
        '<script>alert(1)</script>',
        'x'.repeat(20_000),
      ]) {
        expect((await say(text)).status).toBe(200);
      }
      const texts = connector.sent.map((s) => JSON.stringify(s.activity.attachments?.[0]?.content));
      expect(texts).toHaveLength(6);
      expect(texts[0]).toContain('What I can do');
      expect(texts[1]).toContain('Nothing to learn just yet');
      expect(texts[2]).toContain('I did not understand that');
      expect(texts.join('')).not.toContain('Something went wrong');
    } finally {
      await drypp.stop();
      await connector.stop();
    }
  });

  it('answers card actions through the verb table, and an unknown verb changes nothing', async () => {
    const drypp = await start();
    const connector = await startFakeConnector();
    const person = { tenantId, userId: 'clicker-3' };
    const click = async (action: Record<string, unknown>) => {
      const res = await fetch(`${drypp.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          personalActivity(connector.url, person, {
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: { action: { type: 'Action.Execute', ...action } },
          }),
        ),
      });
      return {
        status: res.status,
        body: (await res.json()) as { statusCode: number; type: string; value: unknown },
      };
    };
    try {
      const help = await click({ verb: 'showHelp', data: {} });
      expect(help.status).toBe(200);
      expect(help.body.type).toBe('application/vnd.microsoft.activity.message');
      expect(JSON.stringify(connector.sent.at(-1)?.activity.attachments?.[0]?.content)).toContain(
        'What I can do',
      );

      const sentBefore = connector.sent.length;
      const stale = await click({ verb: 'answerQuizFromAnOldVersion', data: { x: 1 } });
      expect(stale.status).toBe(200);
      expect(stale.body.value).toBe('This card is out of date. Type help to see what you can do now.');
      expect(connector.sent.length).toBe(sentBefore);
    } finally {
      await drypp.stop();
      await connector.stop();
    }
  });
});
