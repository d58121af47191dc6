import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TENANT, startReceiver, startTestSimulator, type TestSimulator } from '../testing.ts';

let sim: TestSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const now = new Date('2025-03-03T08:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

beforeEach(async () => {
  sim = await startTestSimulator({ clock: () => now, notificationRetryDelaysMs: [] });
  receiver = await startReceiver();
});
afterEach(async () => {
  await sim.stop();
  await receiver.close();
});

const subscribe = (body: Record<string, unknown>) =>
  sim.graph('/subscriptions', {
    method: 'POST',
    body: JSON.stringify({
      changeType: 'updated,deleted',
      resource: 'users',
      notificationUrl: receiver.url,
      lifecycleNotificationUrl: receiver.url,
      expirationDateTime: inDays(20),
      clientState: 'secret-state',
      ...body,
    }),
  });

describe('subscriptions on users', () => {
  it('validates the endpoint with ?validationToken= and creates the subscription', async () => {
    const response = await subscribe({});
    expect(response.status).toBe(201);
    const subscription = (await response.json()) as Record<string, string>;
    expect(subscription).toMatchObject({
      resource: 'users',
      changeType: 'updated,deleted',
      clientState: 'secret-state',
      expirationDateTime: inDays(20),
    });
    const validations = sim.state.deliveries.filter((d) => d.kind === 'validation');
    expect(validations).toEqual([expect.objectContaining({ url: receiver.url, status: 200 })]);
    const list = (await (await sim.graph('/subscriptions')).json()) as { value: unknown[] };
    expect(list.value).toHaveLength(1);
  });

  it('refuses the subscription when the endpoint does not echo the token', async () => {
    const silent = await startReceiver({ answerHandshake: false });
    try {
      const response = await subscribe({ notificationUrl: silent.url, lifecycleNotificationUrl: undefined });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /validation request failed/,
      );
      expect(sim.state.tenant(TENANT)!.subscriptions.size).toBe(0);
    } finally {
      await silent.close();
    }
  });

  it('refuses created, a life over 41,760 minutes, and a missing permission', async () => {
    expect((await subscribe({ changeType: 'created' })).status).toBe(400);
    expect((await subscribe({ expirationDateTime: inDays(30) })).status).toBe(400);
    expect((await subscribe({ expirationDateTime: inDays(-1) })).status).toBe(400);
  });

  it('notifies a hire as updated and a deletion as deleted, with clientState', async () => {
    const { id } = (await (await subscribe({})).json()) as { id: string };
    const hired = (await (await sim.control('hire', { name: 'Maja Berg', department: 'Care' })).json()) as {
      user: { id: string };
    };
    await receiver.waitFor(1);
    expect(receiver.received[0]).toEqual({
      value: [
        {
          subscriptionId: id,
          subscriptionExpirationDateTime: inDays(20),
          changeType: 'updated',
          resource: `Users/${hired.user.id}`,
          resourceData: {
            '@odata.type': '#Microsoft.Graph.User',
            '@odata.id': `Users/${hired.user.id}`,
            id: hired.user.id,
            organizationId: TENANT,
          },
          clientState: 'secret-state',
          tenantId: TENANT,
        },
      ],
    });
    await sim.control('leave', { user: hired.user.id, mode: 'delete' });
    await receiver.waitFor(2);
    expect(receiver.received[1]).toMatchObject({
      value: [{ changeType: 'deleted', resourceData: { id: hired.user.id } }],
    });
  });

  it('renews with PATCH, deletes with DELETE', async () => {
    const { id } = (await (await subscribe({})).json()) as { id: string };
    const renewed = await sim.graph(`/subscriptions/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ expirationDateTime: inDays(28) }),
    });
    expect(((await renewed.json()) as { expirationDateTime: string }).expirationDateTime).toBe(inDays(28));
    expect(
      (
        await sim.graph(`/subscriptions/${id}`, {
          method: 'PATCH',
          body: JSON.stringify({ expirationDateTime: inDays(40) }),
        })
      ).status,
    ).toBe(400);
    expect((await sim.graph(`/subscriptions/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await sim.graph(`/subscriptions/${id}`)).status).toBe(404);
  });

  it('sends lifecycle notifications on demand; subscriptionRemoved removes the subscription', async () => {
    const { id } = (await (await subscribe({})).json()) as { id: string };
    expect((await sim.control('lifecycle', { subscriptionId: id, event: 'missed' })).status).toBe(200);
    await receiver.waitFor(1);
    expect(receiver.received[0]).toEqual({
      value: [
        {
          subscriptionId: id,
          subscriptionExpirationDateTime: inDays(20),
          tenantId: TENANT,
          clientState: 'secret-state',
          lifecycleEvent: 'missed',
        },
      ],
    });
    await sim.control('lifecycle', { subscriptionId: id, event: 'subscriptionRemoved' });
    await receiver.waitFor(2);
    expect((await sim.graph(`/subscriptions/${id}`)).status).toBe(404);
  });
});
