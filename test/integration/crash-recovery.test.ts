import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child } from '../../sandbox/child.ts';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { waitFor } from '../support/directoryFixtures.ts';
import { startFakeConnector } from '../support/fakeConnector.ts';
import {
  composeForTest,
  moveClockToAfternoon,
  rememberChat,
  testPerson,
} from '../support/learningFixtures.ts';
import { startWorkerProcess } from '../support/workerProcess.ts';

/**
 * Workers killed with SIGKILL in the middle of sending, at random moments, three times; the sandbox
 * clock is then moved past the dead workers' scheduler leases, and their outbound messages come
 * back after the queue's visibility timeout (then a send that never finished counts as lost). What
 * must hold: no card is lost, and a card is sent twice only if its send was in flight when a worker
 * died (Teams had it, the worker never recorded it: the one duplicate records cannot prevent).
 */
const tenants = ['88888888-8888-4888-8888-888888888881', '88888888-8888-4888-8888-888888888882'];
const learnersPerTenant = 15;
const cardsEach = 4; // welcome-onboarding's steps due on days 0, 1 (a lesson and the self-assessment) and 2
const kills = 3;
/** The outbound queue's visibility timeout: a message (and a send) of a killed worker comes back after it. */
const VISIBILITY_S = 10;
/** Past the dead workers' scheduler leases (sandbox time). */
const LEASE_MS = 2 * 60_000;

let azurite: AzuriteInstance;
let composed: Awaited<ReturnType<typeof composeForTest>>;
const workers: Child[] = [];

beforeAll(async () => {
  azurite = await startTestAzurite();
  composed = await composeForTest(azurite.connectionString);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await azurite?.child.stop();
});

async function startWorker(): Promise<Child> {
  const worker = await startWorkerProcess(azurite.connectionString, {
    DRYPP_OUTBOUND_VISIBILITY_S: String(VISIBILITY_S),
  });
  workers.push(worker);
  return worker;
}

/** SIGKILL: no shutdown handler runs, nothing in flight is finished or recorded. */
async function kill(worker: Child): Promise<void> {
  if (worker.process.exitCode !== null || worker.process.signalCode !== null) return;
  const exited = new Promise((resolve) => worker.process.once('exit', resolve));
  process.kill(-worker.process.pid!, 'SIGKILL');
  await exited;
}

/**
 * The outbound pipeline's status rows of the step cards, by status. "sending" after a kill: exactly
 * the sends that were in flight. A row taken over once its message came back gets a new start
 * time, so card and start name one attempt.
 */
async function stepCardRows(): Promise<{ sending: string[]; unsettled: number; sent: number }> {
  const result = { sending: [] as string[], unsettled: 0, sent: 0 };
  const rows = composed.storage
    .table(tableNames.outboundStatus)
    .listEntities<{ kind: string; key: string; status: string; startedAt: string }>({
      queryOptions: { filter: `kind eq 'drip'` },
    });
  for await (const row of rows) {
    if (!row.key.includes('|step|')) continue; // reminders follow the steps; not counted here
    if (row.status === 'sending') result.sending.push(`${row.partitionKey} ${row.rowKey} ${row.startedAt}`);
    if (row.status === 'sent') result.sent++;
    else if (row.status !== 'failed' && row.status !== 'skipped') result.unsettled++;
  }
  return result;
}

/** Step cards due by now that are not on the pipeline yet (later steps of the program are not due yet). */
async function dueCardsLeft(): Promise<number> {
  let left = 0;
  for (const tenantId of tenants) {
    const due = await composed.deps.dueWork.listDue(tenantId, composed.deps.clock.now(), 1000);
    left += due.filter((w) => w.kind === 'step').length;
  }
  return left;
}

describe('sends recovered after workers are killed', () => {
  it('loses no card, and sends twice only what was in flight at a kill', async () => {
    const connector = await startFakeConnector({ delayMs: () => 40 + Math.random() * 160 });
    // Days 0–2 due and day 3 far off, whatever the hour the test runs at.
    const start = new Date((await moveClockToAfternoon(composed)).getTime() - 2.5 * 24 * 3600_000);
    for (const [t, tenantId] of tenants.entries()) {
      for (let n = 1; n <= learnersPerTenant; n++) {
        const person = testPerson(tenantId, 100 * (t + 1) + n); // distinct people in each tenant
        await composed.deps.people.upsert(person);
        await rememberChat(composed, person, connector.url);
        expect(
          (await enrollPerson(composed.deps, { person, programId: 'welcome-onboarding', start })).kind,
        ).toBe('enrolled');
      }
    }
    const expected = tenants.length * learnersPerTenant * cardsEach;

    const inFlightAtKills = new Set<string>();
    const killedAt: string[] = [];
    let running = [await startWorker(), await startWorker()];
    for (let k = 1; k <= kills; k++) {
      // A random moment while cards flow, and one with a send in flight at Teams' end.
      const before = connector.sent.length;
      await waitFor('cards flowing', () => connector.sent.length > before, 60_000, 20);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 800));
      await waitFor('a send in flight', () => connector.inFlight() > 0, 30_000, 1);
      killedAt.push(`${connector.sent.length}/${expected}`);
      await Promise.all(running.map(kill));
      for (const key of (await stepCardRows()).sending) inFlightAtKills.add(key);
      // Past the dead workers' scheduler leases, without waiting for them (their queue messages
      // come back by themselves after the visibility timeout).
      await composed.adjustableClock!.advance(LEASE_MS + 60_000);
      running = [await startWorker(), await startWorker()];
    }

    // Done when every step card is sent and recorded and none is left; nothing can be sent after that.
    await waitFor(
      'every card delivered and recorded',
      async () => {
        const rows = await stepCardRows();
        return rows.sent === expected && rows.unsettled === 0 && (await dueCardsLeft()) === 0;
      },
      120_000,
      200,
    ).catch(async (error: unknown) => {
      const left = await dueCardsLeft();
      const rows = await stepCardRows();
      throw new Error(
        `${(error as Error).message}: ${left} cards left, ${rows.sent} rows sent, ${rows.unsettled} unsettled, sending ${rows.sending.join(', ')}, ${connector.sent.length} sent\n${running.map((w) => w.tail()).join('\n')}`,
      );
    });
    await Promise.all(running.map((w) => w.stop()));
    await connector.stop();

    const perCard = new Map<string, number>();
    for (const s of connector.sent) {
      const key = `${s.conversationId} ${JSON.stringify(s.activity.attachments?.[0]?.content)}`;
      perCard.set(key, (perCard.get(key) ?? 0) + 1);
    }
    const perPerson = new Map<string, number>();
    for (const key of perCard.keys()) {
      const person = key.split(' ')[0]!;
      perPerson.set(person, (perPerson.get(person) ?? 0) + 1);
    }
    const duplicates = connector.sent.length - perCard.size;
    console.info(
      `crash recovery: ${kills} SIGKILLs at ${killedAt.join(', ')} cards; ${inFlightAtKills.size} sends in flight at the kills; ` +
        `${perCard.size} of ${expected} cards delivered, ${duplicates} duplicates`,
    );
    expect(inFlightAtKills.size).toBeGreaterThanOrEqual(kills); // the stale-send path really ran
    expect(perCard.size).toBe(expected); // 0 cards lost
    expect(perPerson.size).toBe(tenants.length * learnersPerTenant);
    expect([...perPerson.values()].every((count) => count === cardsEach)).toBe(true);
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKills.size);
  }, 300_000);
});
