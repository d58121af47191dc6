import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { newBroadcast, correctBroadcast, scheduleSend } from '../../src/domain/broadcasts/broadcast.ts';
import type { MirroredPerson } from '../../src/domain/directory/directoryPerson.ts';
import { TableAudienceDirectory } from '../../src/store/broadcasts/audienceDirectory.ts';
import { TableBroadcastStore } from '../../src/store/broadcasts/broadcastStore.ts';
import { TableRecipientStore } from '../../src/store/broadcasts/recipientStore.ts';
import { TableDirectoryMirror } from '../../src/store/directory/directoryMirror.ts';
import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, tableNames } from '../../src/store/platform/tables.ts';
import { startTestAzurite } from '../support/azurite.ts';

let azurite: AzuriteInstance;
let clients: StorageClients;
let broadcasts: TableBroadcastStore;
let recipients: TableRecipientStore;

const tenant = '11111111-1111-4111-8111-111111111111';
const otherTenant = '22222222-2222-4222-8222-222222222222';
const now = new Date('2026-12-01T09:00:00Z');
const content = {
  variants: {
    en: { title: 'Hand hygiene', body: 'Wash your hands.\n\n- 20 seconds' },
    nb: { title: 'Håndhygiene', body: 'Vask hendene.' },
    sv: { title: 'Handhygien', body: 'Tvätta händerna.' },
  },
  defaultLanguage: 'nb' as const,
  link: 'https://intranett.example/hygiene',
};

beforeAll(async () => {
  azurite = await startTestAzurite();
  clients = new StorageClients({ kind: 'connectionString', connectionString: azurite.connectionString });
  await ensureStorage(clients);
  broadcasts = new TableBroadcastStore(
    clients.table(tableNames.broadcasts),
    clients.table(tableNames.broadcastVersions),
    clients.table(tableNames.broadcastAudiences),
  );
  recipients = new TableRecipientStore(clients.table(tableNames.broadcastRecipients));
});
afterAll(async () => {
  await azurite?.child.stop();
});

describe('the broadcast store (Azurite)', () => {
  it('keeps a broadcast whole: three languages, a list of 3,000 addresses, every version', async () => {
    const addresses = Array.from({ length: 3000 }, (_, i) => `person.${i}@kommune.example`);
    const b = newBroadcast({
      tenantId: tenant,
      id: 'b-1',
      createdBy: 'megan',
      now,
      content,
      requiresAcknowledgement: true,
      dueDate: '2026-12-15',
      audience: { expression: 'department:"Helse og omsorg"', addresses },
    });
    expect(await broadcasts.create(b)).toBe('created');
    expect(await broadcasts.create(b)).toBe('exists');
    const stored = await broadcasts.get(tenant, 'b-1');
    const { etag: _etag, ...read } = stored!;
    expect(read).toEqual({ ...b, audience: { ...b.audience, addressCount: 3000 } });
    expect(await broadcasts.get(otherTenant, 'b-1')).toBeUndefined();

    const sent = scheduleSend(stored!, now);
    if (!sent.ok) throw new Error('not sent');
    expect(await broadcasts.update({ ...sent.broadcast, etag: stored!.etag })).toBe('updated');
    expect(await broadcasts.update({ ...sent.broadcast, etag: stored!.etag })).toBe('conflict');
    const sending = (await broadcasts.get(tenant, 'b-1'))!;
    const changed = {
      ...content,
      variants: { ...content.variants, nb: { title: 'Håndhygiene', body: 'Vask i 30 s.' } },
    };
    const corrected = correctBroadcast(sending, changed, '30 s', 'megan', new Date(now.getTime() + 60_000));
    if (!corrected.ok) throw new Error('not corrected');
    expect(await broadcasts.update({ ...corrected.broadcast, etag: sending.etag })).toBe('updated');
    const after = (await broadcasts.get(tenant, 'b-1'))!;
    expect(after.version).toBe(2);
    expect(after.versions.map((v) => [v.version, v.content.variants.nb?.body, v.changeNote])).toEqual([
      [1, 'Vask hendene.', undefined],
      [2, 'Vask i 30 s.', '30 s'],
    ]);
    expect((await broadcasts.listActive(tenant)).map((x) => x.id)).toEqual(['b-1']);
    expect(after.audience.addresses).toHaveLength(3000);

    // Fanned out, the pasted list is not kept; how many it had stays.
    expect(await broadcasts.update({ ...after, fannedOutAt: now.toISOString() })).toBe('updated');
    const done = (await broadcasts.get(tenant, 'b-1'))!;
    expect([done.audience.addresses.length, done.audience.addressCount]).toEqual([0, 3000]);
  });

  it('lists newest first, within the tenant only', async () => {
    const later = newBroadcast({
      tenantId: tenant,
      id: 'b-2',
      createdBy: 'megan',
      now: new Date(now.getTime() + 3_600_000),
      content,
      requiresAcknowledgement: false,
      audience: { expression: 'everyone', addresses: [] },
    });
    await broadcasts.create(later);
    await broadcasts.create({ ...later, tenantId: otherTenant, id: 'b-x' });
    expect((await broadcasts.list(tenant, 10)).map((b) => b.id)).toEqual(['b-2', 'b-1']);
    expect((await broadcasts.list(tenant, 1)).map((b) => b.id)).toEqual(['b-2']);
  });
});

describe('the recipient store (Azurite)', () => {
  const snapshot = (userId: string) => ({
    tenantId: tenant,
    broadcastId: 'b-1',
    userId,
    address: `${userId}@kommune.example`,
    displayName: userId,
    department: 'IT',
    language: 'nb' as const,
    addedAt: now.toISOString(),
  });

  it('records 250 people, counts acknowledgements by tally, and a second fan-out keeps them', async () => {
    await recipients.record(Array.from({ length: 250 }, (_, i) => snapshot(`p${i}`)));
    const p1 = (await recipients.get(tenant, 'b-1', 'p1'))!;
    expect(p1.acknowledgements).toEqual([]);
    const acked = { ...p1, acknowledgements: [{ version: 1, at: now.toISOString() }] };
    expect(await recipients.update(acked, { version: 1 })).toBe('updated');
    // The same acknowledgement under the old ETag loses, and is not counted again.
    expect(await recipients.update(acked, { version: 1 })).toBe('conflict');
    await recipients.record([{ ...snapshot('p1'), department: 'HR' }]);
    const again = (await recipients.get(tenant, 'b-1', 'p1'))!;
    expect([again.department, again.acknowledgements]).toEqual([
      'HR',
      [{ version: 1, at: now.toISOString() }],
    ]);
    expect(await recipients.countAcknowledged(tenant, 'b-1', 1)).toBe(1);
    expect(await recipients.countAcknowledged(tenant, 'b-1', 2)).toBe(0);
    expect(await recipients.list(tenant, 'b-1')).toHaveLength(250);
    expect(await recipients.get(otherTenant, 'b-1', 'p1')).toBeUndefined();
  });

  it('counts 200 acknowledgements arriving together exactly, and rebuilds the tallies from the rows', async () => {
    const people = Array.from({ length: 200 }, (_, i) => snapshot(`q${i}`)).map((p) => ({
      ...p,
      broadcastId: 'b-2',
    }));
    await recipients.record(people);
    const ack = async (userId: string, version: number) => {
      for (;;) {
        const r = (await recipients.get(tenant, 'b-2', userId))!;
        const next = { ...r, acknowledgements: [...r.acknowledgements, { version, at: now.toISOString() }] };
        if ((await recipients.update(next, { version })) === 'updated') return;
      }
    };
    await Promise.all(people.map((p) => ack(p.userId, 1)));
    await Promise.all(people.slice(0, 30).map((p) => ack(p.userId, 2)));
    // By the latest version each acknowledged: 30 moved on to version 2.
    expect(await recipients.countAcknowledged(tenant, 'b-2', 1)).toBe(170);
    expect(await recipients.countAcknowledged(tenant, 'b-2', 2)).toBe(30);

    // Repair: the tallies spoiled, then rebuilt from the rows (the latest version each acknowledged).
    const table = clients.table(tableNames.broadcastRecipients);
    const pk = `${tenant}|b-2`;
    await table.updateEntity({ partitionKey: pk, rowKey: '~acks|0', acks: '{"1":999}' }, 'Replace');
    const rebuilt = await recipients.recountAcknowledgements(tenant, 'b-2');
    expect(Object.fromEntries(rebuilt)).toEqual({ 1: 170, 2: 30 });
    expect(await recipients.countAcknowledged(tenant, 'b-2', 2)).toBe(30);
    expect(await recipients.countAcknowledged(tenant, 'b-2', 1)).toBe(170);

    // A broadcast fanned out before tallies (none in its partition) is counted by its rows.
    for (let shard = 0; shard < 16; shard++) await table.deleteEntity(pk, `~acks|${shard}`);
    expect(await recipients.countAcknowledged(tenant, 'b-2', 2)).toBe(30);
    expect(await recipients.list(tenant, 'b-2')).toHaveLength(200);
  }, 60_000);
});

describe('the audience directory (Azurite)', () => {
  it('lists the tenant’s people, marking who may get a guideline', async () => {
    const mirror = new TableDirectoryMirror(
      clients.table(tableNames.people),
      clients.table(tableNames.tenants),
      new TableManagerIndex(clients.table(tableNames.managerIndex)),
    );
    const person = (
      id: string,
      over: Partial<MirroredPerson['person']> = {},
      extra: Partial<MirroredPerson> = {},
    ) => ({
      person: {
        id,
        displayName: id,
        userPrincipalName: `${id}@kommune.example`,
        accountEnabled: true,
        userType: 'Member' as const,
        department: 'IT',
        ...over,
      },
      ...extra,
    });
    await mirror.putMany(tenant, [
      person('aa000000-0000-4000-8000-000000000001', { managerId: 'bb000000-0000-4000-8000-000000000002' }),
      person('bb000000-0000-4000-8000-000000000002'),
      person('cc000000-0000-4000-8000-000000000003', { accountEnabled: false }),
      person('dd000000-0000-4000-8000-000000000004', { userType: 'Guest' }),
      person('ee000000-0000-4000-8000-000000000005', {}, { removedAt: now.toISOString() }),
    ]);
    await mirror.putMany(otherTenant, [person('ff000000-0000-4000-8000-000000000006')]);
    const directory = new TableAudienceDirectory(clients.table(tableNames.people));
    const found = await directory.candidates(tenant);
    expect(found.map((p) => [p.id.slice(0, 2), p.eligible]).sort()).toEqual([
      ['aa', true],
      ['bb', true],
      ['cc', false],
      ['dd', false],
      ['ee', false],
    ]);
    expect(found.find((p) => p.id.startsWith('aa'))?.managerId).toBe('bb000000-0000-4000-8000-000000000002');
  });
});
