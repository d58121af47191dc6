import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child } from '../../sandbox/child.ts';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { startFakeConnector } from '../support/fakeConnector.ts';
import { holdsFor } from '../support/directoryFixtures.ts';
import {
  composeForTest,
  moveClockToAfternoon,
  rememberChat,
  testPerson,
} from '../support/learningFixtures.ts';
import { startWorkerProcess } from '../support/workerProcess.ts';

/**
 * Two worker processes on one store, one of them restarted half-way: every due card reaches its
 * person exactly once.
 */
const tenantId = '44444444-4444-4444-4444-444444444444';
const learners = 20;
const cardsEach = 4; // welcome-onboarding's steps due on days 0, 1 (a lesson and the self-assessment) and 2

let azurite: AzuriteInstance;
const workers: Child[] = [];

beforeAll(async () => {
  azurite = await startTestAzurite();
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await azurite?.child.stop();
});

async function startWorker(): Promise<Child> {
  const worker = await startWorkerProcess(azurite.connectionString);
  workers.push(worker);
  return worker;
}

describe('the scheduler with two workers', () => {
  it('delivers each due card exactly once, through a restart', async () => {
    const connector = await startFakeConnector();
    const composed = await composeForTest(azurite.connectionString);
    // Days 0–2 due and day 3 far off, whatever the hour the test runs at.
    const start = new Date((await moveClockToAfternoon(composed)).getTime() - 2.5 * 24 * 3600_000);
    for (let n = 1; n <= learners; n++) {
      const person = testPerson(tenantId, n);
      await composed.deps.people.upsert(person);
      await rememberChat(composed, person, connector.url);
      const outcome = await enrollPerson(composed.deps, { person, programId: 'welcome-onboarding', start });
      expect(outcome.kind).toBe('enrolled');
    }

    const first = await startWorker();
    await startWorker();
    const expected = learners * cardsEach;
    const until = async (count: number, ms: number) => {
      const deadline = Date.now() + ms;
      while (connector.sent.length < count && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
    };
    await until(expected / 3, 60_000);
    await first.stop(); // a restart half-way: the stopped worker's lease expires or is released
    await startWorker();
    // Generous deadlines: worker processes start slowly on a loaded two-core machine; the counts below decide.
    await until(expected, 150_000);
    // A duplicate would show up within a few scheduler rounds (200 ms each) after the last card.
    await holdsFor('no card beyond the expected ones', () => connector.sent.length <= expected, 2000);

    const perCard = new Map<string, number>();
    for (const s of connector.sent) {
      const key = `${s.conversationId} ${JSON.stringify(s.activity.attachments?.[0]?.content)}`;
      perCard.set(key, (perCard.get(key) ?? 0) + 1);
    }
    const duplicates = [...perCard.values()].filter((count) => count > 1);
    expect(duplicates).toEqual([]);
    expect(connector.sent).toHaveLength(expected);
    const perPerson = new Map<string, number>();
    for (const s of connector.sent)
      perPerson.set(s.conversationId, (perPerson.get(s.conversationId) ?? 0) + 1);
    expect([...perPerson.values()].every((count) => count === cardsEach)).toBe(true);
    await connector.stop();
  }, 300_000);
});
