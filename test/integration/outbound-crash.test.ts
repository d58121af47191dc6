import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { startConnectorSimulator } from '../../sandbox/teamsConnector/server.ts';
import { systemClock } from '../../src/domain/platform/clock.ts';
import type { OutboundItem, OutboundRecipient } from '../../src/domain/delivery/outbound.ts';
import { StorageOutboundQueue } from '../../src/store/delivery/outboundQueue.ts';
import { TableOutboundStatusStore } from '../../src/store/delivery/outboundStatusStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, queueNames, tableNames } from '../../src/store/platform/tables.ts';
import { QueuedOutboundPipeline } from '../../src/usecases/delivery/outboundPipeline.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { waitFor } from '../support/directoryFixtures.ts';
import {
  killHard,
  seedPeopleWithChats,
  startOutboundWorker,
  type OutboundWorker,
} from '../support/outboundFixtures.ts';

/**
 * The outbound pipeline when workers die and messages cannot be handled: a worker killed with
 * SIGKILL in the middle of a send and started again loses no card and repeats at most the sends it
 * had in flight; a message that can never be handled ends in the poison queue, counted, and is not
 * tried again.
 */
let azurite: AzuriteInstance;
let storage: StorageClients;
let pipeline: QueuedOutboundPipeline;
let sim: Awaited<ReturnType<typeof startConnectorSimulator>>;
const workers: OutboundWorker[] = [];

beforeAll(async () => {
  azurite = await startTestAzurite();
  storage = new StorageClients({ kind: 'connectionString', connectionString: azurite.connectionString });
  await ensureStorage(storage);
  pipeline = new QueuedOutboundPipeline({
    clock: systemClock,
    status: new TableOutboundStatusStore(storage.table(tableNames.outboundStatus)),
    queue: new StorageOutboundQueue({
      interactive: storage.queue(queueNames.outbound),
      bulk: storage.queue(queueNames.outboundBulk),
      poison: storage.queue(queueNames.outboundPoison),
    }),
  });
  sim = await startConnectorSimulator({ keep: 10 });
}, 60_000);
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  await sim?.stop();
  await azurite?.child.stop();
});

async function start(name: string, env: Record<string, string> = {}) {
  const worker = await startOutboundWorker(name, azurite.connectionString, env);
  workers.push(worker);
  return worker;
}

function items(tenantId: string, userIds: string[], batchId: string): OutboundItem[] {
  return userIds.map((userId) => ({
    tenantId,
    userId,
    key: `plain|${batchId}|${userId}`,
    kind: 'plain',
    ref: { text: `Guideline ${batchId} for ${userId}` },
    batchId,
  }));
}

async function allRows(tenantId: string, batchId: string): Promise<OutboundRecipient[]> {
  const rows: OutboundRecipient[] = [];
  let continuation: string | undefined;
  do {
    const page = await pipeline.recipients(tenantId, batchId, { continuation });
    rows.push(...page.rows);
    continuation = page.continuation;
  } while (continuation);
  return rows;
}

describe('the outbound pipeline when things break', () => {
  it('a worker killed with SIGKILL mid-send and started again: no card lost, repeats only what was in flight', async () => {
    const tenantId = '22222222-0000-4000-8000-000000000001';
    const people = await seedPeopleWithChats(storage, tenantId, 240, sim.url, 'd1');
    const duplicatesBefore = sim.state.counters.duplicates;
    await fetch(`${sim.url}_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 150 }), // Teams takes a while: sends are in flight
    });
    const env = { DRYPP_TENANT_SENDS_PER_SECOND: '45' };
    const [victim] = [await start('k1', env), await start('k2', env), await start('k3', env)];
    await pipeline.enqueue(items(tenantId, people, 'kill'));

    const mine = () => people.filter((p) => sim.state.firstSentAt.has(`a:${p}`)).length;
    await waitFor('cards flowing', () => mine() > 40, 60_000, 20);
    await waitFor(
      'a send of the victim in flight',
      async () => {
        const rows = await allRows(tenantId, 'kill');
        return sim.state.inFlight > 0 && rows.some((r) => r.status === 'sending' && r.worker === 'k1');
      },
      30_000,
      10,
    );
    await killHard(victim!);
    // Its sends in flight at the kill: rows it began and never finished (nobody else may touch them
    // before the visibility timeout, 5 s here).
    const inFlightAtKill = (await allRows(tenantId, 'kill')).filter(
      (r) => r.status === 'sending' && r.worker === 'k1',
    ).length;
    const deliveredAtKill = mine();
    await start('k1-again', env);

    const counts = await waitFor(
      'every card sent',
      async () => {
        const c = await pipeline.counts(tenantId, 'kill');
        return c.sent === people.length && c;
      },
      120_000,
      250,
    );
    const duplicates = sim.state.counters.duplicates - duplicatesBefore;
    console.info(
      `SIGKILL mid-send: killed at ${deliveredAtKill}/${people.length} delivered with ${inFlightAtKill} sends in flight; ` +
        `${mine()} of ${people.length} delivered, ${duplicates} duplicates`,
    );
    expect(inFlightAtKill).toBeGreaterThan(0); // the kill really was mid-send
    expect(counts).toMatchObject({ sent: people.length, failed: 0 });
    expect(mine()).toBe(people.length); // 0 lost
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKill);
    await fetch(`${sim.url}_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 0 }),
    });
  }, 240_000);

  it('poison: a card that cannot be rendered, an unknown kind and an unreadable message are set aside, counted, not retried', async () => {
    const tenantId = '22222222-0000-4000-8000-000000000002';
    const people = await seedPeopleWithChats(storage, tenantId, 3, sim.url, 'd2');
    const queue = new StorageOutboundQueue({
      interactive: storage.queue(queueNames.outbound),
      bulk: storage.queue(queueNames.outboundBulk),
      poison: storage.queue(queueNames.outboundPoison),
    });
    const poisonBefore = await queue.setAsideCount();
    const worker = await start('p1', { DRYPP_OUTBOUND_VISIBILITY_S: '3' });
    const [good, explode, unknown] = items(tenantId, people, 'poison');
    await pipeline.enqueue([
      good!,
      { ...explode!, ref: { explode: true } },
      { ...unknown!, kind: 'nonesuch' },
    ]);
    await storage
      .queue(queueNames.outboundBulk)
      .sendMessage(Buffer.from('{"not":"a card"}').toString('base64'));

    const counts = await waitFor(
      'the batch settled',
      async () => {
        const c = await pipeline.counts(tenantId, 'poison');
        return c.sent + c.failed === 3 && c;
      },
      90_000,
      250,
    );
    expect(counts).toMatchObject({ sent: 1, failed: 2, byReason: { tooManyAttempts: 1, unknownKind: 1 } });
    await waitFor('three set aside', async () => (await queue.setAsideCount()) - poisonBefore === 3, 10_000);
    // The card that breaks its renderer was tried five times; polled past two more visibility
    // timeouts, it was not tried again.
    await waitFor('outcomes printed', () => worker.outcomes().errors === 5, 5000);
    const deadline = Date.now() + 7000;
    await waitFor('7 s passed', () => Date.now() > deadline, 10_000, 250);
    expect(worker.outcomes().errors).toBe(5);
    expect(worker.outcomes().setAside).toBe(2);
  }, 150_000);
});
