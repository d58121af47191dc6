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
