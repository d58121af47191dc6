import { afterEach, describe, expect, it } from 'vitest';
import { startConnectorSimulator } from './server.ts';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function start(now: () => number, random?: () => number) {
  const sim = await startConnectorSimulator({ now, random });
  stop = sim.stop;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(new URL(path, sim.url), {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: text ? JSON.parse(text) : undefined,
    };
  };
  return { sim, call };
}

const card = (n: number) => ({
  type: 'message',
  conversation: { id: 'ignored', tenantId: 'tenant-a' },
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { n } }],
});

describe('the Teams connector simulator over HTTP', () => {
  it('creates a conversation, sends, updates and deletes an activity as the Bot Connector does', async () => {
    const { call, sim } = await start(() => 1_000_000);
    const created = await call('POST', '/v3/conversations', {
      bot: { id: '28:bot' },
      members: [{ id: '29:person' }],
      channelData: { tenant: { id: 'tenant-a' } },
    });
    expect(created.status).toBe(201);
    const conversationId = created.body.id as string;
    const sent = await call(
      'POST',
      `/v3/conversations/${encodeURIComponent(conversationId)}/activities`,
      card(1),
    );
    expect(sent.status).toBe(201);
    const activityId = sent.body.id as string;
    const path = `/v3/conversations/${encodeURIComponent(conversationId)}/activities/${activityId}`;
    expect((await call('PUT', path, card(2))).body).toEqual({ id: activityId });
    expect((await call('DELETE', path)).status).toBe(200);
    expect((await call('DELETE', path)).status).toBe(404);
    expect((await call('PUT', path, card(3))).status).toBe(404);
    const counters = (await call('GET', '/_sim/counters')).body;
    expect(counters).toMatchObject({ sent: 1, created: 1, updates: 1, deletes: 1, duplicates: 0 });
    expect(sim.state.tenantOf.get(conversationId)).toBe('tenant-a');
  });

  it('answers 429 with Retry-After over the per-conversation limit and counts the cause', async () => {
    const { call } = await start(() => 42_000);
    for (let i = 0; i < 7; i++)
      expect((await call('POST', '/v3/conversations/c1/activities', card(i))).status).toBe(201);
    const refused = await call('POST', '/v3/conversations/c1/activities', card(7));
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect((await call('POST', '/v3/conversations/c2/activities', card(7))).status).toBe(201);
    const counters = (await call('GET', '/_sim/counters')).body;
    expect(counters.refused.conversationLimit).toBe(1);
    expect(counters.tenants['tenant-a']).toMatchObject({ sends: 8, peakPerSecond: 8 });
  });

  it('answers 429 over 50 sends a second per tenant', async () => {
    const { call } = await start(() => 7_000);
    for (let i = 0; i < 50; i++)
      expect((await call('POST', `/v3/conversations/c${i}/activities`, card(i))).status).toBe(201);
    const refused = await call('POST', '/v3/conversations/c99/activities', card(99));
    expect([refused.status, refused.retryAfter]).toEqual([429, '1']);
    expect((await call('GET', '/_sim/counters')).body.refused.tenantLimit).toBe(1);
  });

  it('counts the same content accepted twice in one conversation as a duplicate', async () => {
    const { call } = await start(() => 1);
    await call('POST', '/v3/conversations/c1/activities', card(1));
    await call('POST', '/v3/conversations/c2/activities', card(1)); // same card, someone else: fine
    await call('POST', '/v3/conversations/c1/activities', card(1));
    const counters = (await call('GET', '/_sim/counters')).body;
    expect([counters.sent, counters.duplicates]).toEqual([3, 1]);
  });

  it('injects 403 with the documented bodies, 5xx and 429 by knob, and refuses bad knobs', async () => {
    const { call } = await start(
      () => 1,
      () => 0,
    ); // every draw hits
    expect((await call('POST', '/_sim/faults', { forbidden: 2 })).status).toBe(400);
    await call('POST', '/_sim/faults', { forbidden: 1, forbiddenReason: 'appDisabled' });
    const disabled = await call('POST', '/v3/conversations/c1/activities', card(1));
    expect([disabled.status, disabled.body.error.code]).toEqual([403, 'BotDisabledByAdmin']);
    await call('POST', '/_sim/faults', { forbidden: 0, serverErrors: 1, serverErrorStatuses: [502] });
    expect((await call('POST', '/v3/conversations/c1/activities', card(1))).status).toBe(502);
    await call('POST', '/_sim/faults', { serverErrors: 0, throttled: 1, throttledRetryAfterS: 3 });
    const throttled = await call('POST', '/v3/conversations/c1/activities', card(1));
    expect([throttled.status, throttled.retryAfter]).toEqual([429, '3']);
    await call('POST', '/_sim/faults', { throttled: 0, blockedConversations: ['c9'] });
    const blocked = await call('POST', '/v3/conversations/c9/activities', card(1));
    expect([blocked.status, blocked.body.error.code]).toEqual([403, 'ConversationBlockedByUser']);
    expect((await call('POST', '/v3/conversations/c1/activities', card(1))).status).toBe(201);
    const counters = (await call('GET', '/_sim/counters')).body;
    expect(counters.refused).toMatchObject({ forbidden: 2, serverErrors: 1, injected429: 1 });
    expect(counters.sent).toBe(1);
  });

  it('adds the configured latency before answering', async () => {
    const { call } = await start(() => Date.now());
    await call('POST', '/_sim/faults', { latencyMs: 150 });
    const started = performance.now();
    await call('POST', '/v3/conversations/c1/activities', card(1));
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });
});
