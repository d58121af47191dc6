import { compose, type Composed } from '../../src/compose.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { Person } from '../../src/domain/directory/person.ts';

/** The use-case dependencies on a test's own Azurite, exactly as the server composes them. */
export async function composeForTest(
  connectionString: string,
  env: Record<string, string> = {},
): Promise<Composed> {
  const config = loadConfig({
    DRYPP_MODE: 'test',
    DRYPP_STORAGE_CONNECTION_STRING: connectionString,
    ...env,
  });
  return compose(config, createLogger('silent'));
}

export function testPerson(tenantId: string, n: number, overrides: Partial<Person> = {}): Person {
  const suffix = String(n).padStart(12, '0');
  return {
    tenantId,
    id: `0f0e0d0c-0000-4000-8000-${suffix}`,
    userPrincipalName: `learner${n}@example.test`,
    displayName: `Learner ${n}`,
    timeZone: 'Europe/Oslo',
    ...overrides,
  };
}

/** Where Teams would reach the person: a conversation reference pointing at the given connector. */
export async function rememberChat(composed: Composed, person: Person, serviceUrl: string): Promise<void> {
  await composed.deps.conversations.save({
    tenantId: person.tenantId,
    userId: person.id,
    conversationId: `a:${person.id}`,
    locale: 'en-US',
    updatedAt: new Date().toISOString(),
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: `a:${person.id}`, conversationType: 'personal', tenantId: person.tenantId },
      user: { id: `29:${person.id}`, aadObjectId: person.id },
      bot: { id: '28:drypp' },
    },
  });
}

/**
 * Moves the store's sandbox clock forward to the next 14:00 in the test people's time zone, for
 * tests that enroll people "2.5 days ago" and count the cards due by now. Day N of a program is due
 * at 09:00 local N days after the start, so which days are due depends on the hour the test runs:
 * between 09:00 and 12:00 local, day 3 is due as well. From 14:00 local, days 0–2 are due and day 3
 * is 19 hours away, whatever the hour of the machine's clock.
 */
export async function moveClockToAfternoon(composed: Composed, timeZone = 'Europe/Oslo'): Promise<Date> {
  const clock = composed.adjustableClock;
  if (!clock) throw new Error('this test needs the sandbox clock (DRYPP_MODE=test)');
  await clock.refresh();
  const now = clock.now();
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const minutesIntoDay = part('hour') * 60 + part('minute');
  const untilAfternoon = (14 * 60 - minutesIntoDay + 24 * 60) % (24 * 60);
  return clock.advance(untilAfternoon * 60_000);
}
