import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAzurite } from '../support/azurite.ts';
import { waitFor } from '../support/directoryFixtures.ts';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, queueNames, tableNames } from '../../src/store/platform/tables.ts';
import { TableConversationStore } from '../../src/store/delivery/conversationStore.ts';
import { TableEnrollmentStore } from '../../src/store/learning/enrollmentStore.ts';
import { WorkQueue } from '../../src/store/platform/workQueue.ts';
import { storageHealthProbe } from '../../src/store/platform/storageHealth.ts';
import type { Enrollment } from '../../src/domain/learning/enrollment.ts';

let azurite: AzuriteInstance;
let clients: StorageClients;

beforeAll(async () => {
  azurite = await startTestAzurite();
  clients = new StorageClients({ kind: 'connectionString', connectionString: azurite.connectionString });
  await ensureStorage(clients);
  await ensureStorage(clients); // a second start on the same storage must not fail
});
afterAll(async () => {
  await azurite?.child.stop();
});

const tenantA = '11111111-1111-1111-1111-111111111111';
const tenantB = '22222222-2222-2222-2222-222222222222';

function enrollment(overrides: Partial<Enrollment>): Enrollment {
  return {
    tenantId: tenantA,
    userId: 'user-1',
    programId: 'welcome-onboarding',
    programVersion: 1,
    status: 'active',
    enrolledAt: '2026-11-01T08:00:00.000Z',
    completedSteps: 0,
    totalSteps: 9,
    ...overrides,
  };
}

describe('conversation store', () => {
  it('stores and finds a conversation reference by tenant and person', async () => {
    const store = new TableConversationStore(
      clients.table(tableNames.conversations),
      clients.table(tableNames.welcomes),
    );
    await store.save({
      tenantId: tenantA,
      userId: 'user-1',
      conversationId: 'a:1',
      locale: 'nb-NO',
      reference: { serviceUrl: 'http://127.0.0.1/x', conversation: { id: 'a:1' } },
      updatedAt: '2026-11-24T00:00:00.000Z',
    });
    const found = await store.find(tenantA, 'user-1');
    expect(found?.reference).toEqual({ serviceUrl: 'http://127.0.0.1/x', conversation: { id: 'a:1' } });
    expect(found?.locale).toBe('nb-NO');
    expect(await store.find(tenantB, 'user-1')).toBeUndefined();
  });

  it('welcomes a person once even when installs race', async () => {
    const store = new TableConversationStore(
      clients.table(tableNames.conversations),
      clients.table(tableNames.welcomes),
    );
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.markWelcomed(tenantA, 'user-race', 'a:race', '2026-11-24T00:00:00Z'),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('welcomes again when the app is installed again long after', async () => {
    const store = new TableConversationStore(
      clients.table(tableNames.conversations),
      clients.table(tableNames.welcomes),
    );
    expect(await store.markWelcomed(tenantA, 'user-back', 'a:back', '2026-11-24T08:00:00Z')).toBe(true);
    expect(await store.markWelcomed(tenantA, 'user-back', 'a:back', '2026-11-24T08:00:05Z')).toBe(false);
    expect(await store.markWelcomed(tenantA, 'user-back', 'a:back', '2026-11-25T08:00:00Z')).toBe(true);
  });
});

describe('enrollment store', () => {
  it("lists only the person's own enrollments in their own tenant", async () => {
    const store = new TableEnrollmentStore(clients.table(tableNames.learnerProgress));
    await store.create(enrollment({ userId: 'maja', programId: 'welcome-onboarding' }));
    await store.create(enrollment({ userId: 'maja', programId: 'leading-digital' }));
    await store.create(enrollment({ userId: 'maja2', programId: 'welcome-onboarding' }));
    await store.create(enrollment({ tenantId: tenantB, userId: 'maja', programId: 'other' }));

    const mine = await store.listForPerson(tenantA, 'maja');
    expect(mine.map((e) => e.programId).sort()).toEqual(['leading-digital', 'welcome-onboarding']);
    expect(mine.every((e) => e.tenantId === tenantA && e.userId === 'maja')).toBe(true);
  });

  it('keeps the first enrollment when the same one is created twice', async () => {
    const store = new TableEnrollmentStore(clients.table(tableNames.learnerProgress));
    expect(await store.create(enrollment({ userId: 'twice', completedSteps: 3 }))).toBe('created');
    expect(await store.create(enrollment({ userId: 'twice', completedSteps: 0 }))).toBe('exists');
    const [only] = await store.listForPerson(tenantA, 'twice');
    expect(only?.completedSteps).toBe(3);
  });
});

describe('ETag updates', () => {
  it('writes only over the version it read, and refuses a write without one', async () => {
    const store = new TableEnrollmentStore(clients.table(tableNames.learnerProgress));
    await store.create(enrollment({ userId: 'guarded' }));
    const read = (await store.get(tenantA, 'guarded', 'welcome-onboarding'))!;
    expect(await store.update({ ...read, completedSteps: 1 })).toBe('updated');
    // The same old version again: someone (this very writer) changed the row since it was read.
    expect(await store.update({ ...read, completedSteps: 5 })).toBe('conflict');
    const { etag: _etag, ...withoutEtag } = read;
    await expect(store.update(withoutEtag as typeof read)).rejects.toThrow(/ETag/);
    expect((await store.get(tenantA, 'guarded', 'welcome-onboarding'))?.completedSteps).toBe(1);
  });
});

describe('work queue', () => {
  it('delivers a message until it is acknowledged', async () => {
    const queue = new WorkQueue<{ key: string }>(clients.queue(queueNames.deliveries), {
      parse: (json) => json as { key: string },
      poison: clients.queue(queueNames.directoryHintsPoison),
    });
    await queue.send({ key: 'card-1' });
    const [first] = await queue.receive(1, 1);
    expect(first?.body).toEqual({ key: 'card-1' });
    // Not acknowledged: it comes back after the visibility timeout (1 s), for another worker.
    const again = await waitFor('the message back after its visibility timeout', async () => {
      const [message] = await queue.receive(1, 30);
      return message;
    });
    expect(again.body).toEqual({ key: 'card-1' });
    expect(again.dequeueCount).toBe(2);
    await again.ack();
    expect(await queue.receive(1, 1)).toEqual([]);
  });
});

describe('storage health', () => {
  it('says ok while storage answers, and not ok when it does not', async () => {
    expect(await storageHealthProbe(clients).check()).toEqual({ ok: true });
    const nowhere = new StorageClients({
      kind: 'connectionString',
      connectionString: azurite.connectionString.replace(
        /TableEndpoint=http:\/\/127\.0\.0\.1:\d+/,
        'TableEndpoint=http://127.0.0.1:9',
      ),
    });
    expect((await storageHealthProbe(nowhere, 1000).check()).ok).toBe(false);
  });
});
