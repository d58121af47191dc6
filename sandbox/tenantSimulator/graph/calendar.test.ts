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
});
