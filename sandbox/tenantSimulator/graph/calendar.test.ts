import { afterEach, describe, expect, it } from 'vitest';
import { POWERLESS_APP, startTestSimulator, type TestSimulator } from '../testing.ts';

let sim: TestSimulator | undefined;
afterEach(() => sim?.stop());

const event = (transactionId?: string) =>
  JSON.stringify({
    subject: 'Learning time',
    start: { dateTime: '2026-01-12T09:00:00', timeZone: 'Europe/Oslo' },
    end: { dateTime: '2026-01-12T10:00:00', timeZone: 'Europe/Oslo' },
    ...(transactionId ? { transactionId } : {}),
  });

describe('calendar events', () => {
  it('creates with 201 and returns the first event again for a repeated transactionId', async () => {
    sim = await startTestSimulator();
    const post = (body: string) => sim!.graph('/users/kari@contoso.example/events', { method: 'POST', body });
    const first = await post(event('tx-1'));
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; transactionId: string };
    const retried = await post(event('tx-1'));
    expect(retried.status).toBe(201);
    expect(((await retried.json()) as { id: string }).id).toBe(created.id);
    expect((await post(event('tx-2'))).status).toBe(201);
    const list = (await (await sim.graph('/users/kari@contoso.example/events')).json()) as {
      value: unknown[];
    };
    expect(list.value).toHaveLength(2);
  });

  it('needs Calendars.ReadWrite, a mailbox and start/end', async () => {
    sim = await startTestSimulator();
    const powerless = await sim.token(POWERLESS_APP);
    const denied = await sim.graph('/users/kari@contoso.example/events', {
      method: 'POST',
      body: event(),
      token: powerless,
    });
    expect(denied.status).toBe(403);
    const noMailbox = await sim.graph('/users/frida@contoso.example/events', {
      method: 'POST',
      body: event(),
    });
    expect(noMailbox.status).toBe(404);
    expect(((await noMailbox.json()) as { error: { code: string } }).error.code).toBe(
      'MailboxNotEnabledForRESTAPI',
    );
    const noEnd = await sim.graph('/users/kari@contoso.example/events', {
      method: 'POST',
      body: JSON.stringify({ subject: 'x', start: { dateTime: '2026-01-12T09:00:00', timeZone: 'UTC' } }),
    });
    expect(noEnd.status).toBe(400);
    const list = (await (await sim.graph('/users/kari@contoso.example/events')).json()) as {
      value: unknown[];
    };
    expect(list.value).toEqual([]);
  });

  it('moves an event with PATCH and removes it with DELETE (404 once gone)', async () => {
    sim = await startTestSimulator();
    const base = '/users/kari@contoso.example/events';
    const created = (await (await sim.graph(base, { method: 'POST', body: event('tx-3') })).json()) as {
      id: string;
    };
    const moved = await sim.graph(`${base}/${created.id}`, {
      method: 'PATCH',
      body: JSON.stringify({
        start: { dateTime: '2026-02-02T13:00:00', timeZone: 'Europe/Oslo' },
        location: { displayName: 'The training ground' },
      }),
    });
    expect(moved.status).toBe(200);
    const list = async () =>
      ((await (await sim!.graph(base)).json()) as { value: Array<Record<string, unknown>> }).value;
    expect(await list()).toMatchObject([
      {
        id: created.id,
        subject: 'Learning time',
        start: { dateTime: '2026-02-02T13:00:00' },
        location: { displayName: 'The training ground' },
      },
    ]);
    expect((await sim.graph(`${base}/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await list()).toEqual([]);
    expect((await sim.graph(`${base}/${created.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await sim.graph(`${base}/nope`, { method: 'PATCH', body: '{}' })).status).toBe(404);
  });
});
