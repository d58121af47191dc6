import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { systemClock } from '../../src/domain/platform/clock.ts';
import type { OutboundItem } from '../../src/domain/delivery/outbound.ts';
import { StorageOutboundQueue } from '../../src/store/delivery/outboundQueue.ts';
import { TableOutboundStatusStore } from '../../src/store/delivery/outboundStatusStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, queueNames, tableNames } from '../../src/store/platform/tables.ts';
import { QueuedOutboundPipeline } from '../../src/usecases/delivery/outboundPipeline.ts';
import { startTestAzurite } from '../support/azurite.ts';

/**
 * A batch's progress from its tallies (one per status-row partition, changed in the same
 * transaction as the row): exact under concurrent changes, unchanged by a change that loses its
 * ETag race, and rebuilt from the rows for a batch that has none.
 */
const tenantId = '77777777-0000-4000-8000-000000000077';
let azurite: AzuriteInstance;
let storage: StorageClients;
let status: TableOutboundStatusStore;
let pipeline: QueuedOutboundPipeline;

beforeAll(async () => {
  azurite = await startTestAzurite();
  storage = new StorageClients({ kind: 'connectionString', connectionString: azurite.connectionString });
  await ensureStorage(storage);
  status = new TableOutboundStatusStore(storage.table(tableNames.outboundStatus));
  pipeline = new QueuedOutboundPipeline({
    clock: systemClock,
    status,
    queue: new StorageOutboundQueue({
      interactive: storage.queue(queueNames.outbound),
      bulk: storage.queue(queueNames.outboundBulk),
      poison: storage.queue(queueNames.outboundPoison),
    }),
  });
}, 60_000);
afterAll(async () => {
  await azurite?.child.stop();
});

function items(batchId: string, n: number): OutboundItem[] {
  return Array.from({ length: n }, (_, i) => ({
    tenantId,
    userId: `user-${i}`,
    key: `plain|${batchId}|user-${i}`,
    kind: 'plain',
    ref: { text: `card ${i}` },
    batchId,
  }));
}

describe("a batch's tally", () => {
  it('counts rows as they are added and settled, each change once, also when changes race', async () => {
    const batch = items('tally-a', 250);
    await pipeline.enqueue(batch);
    expect(await pipeline.counts(tenantId, 'tally-a')).toMatchObject({ total: 250, queued: 250, sent: 0 });
    // Enqueueing again adds nothing to the tally.
    await pipeline.enqueue(batch.slice(0, 20));
    expect((await pipeline.counts(tenantId, 'tally-a')).total).toBe(250);

    // 200 sent, 30 failed (two reasons), 10 skipped, all at once (partitions shared, tallies contended).
    const settle = async (item: OutboundItem, i: number) => {
      const row = (await status.get(item))!;
      const taken = await status.change(item, { status: 'sending' }, row.etag);
      if (taken === 'conflict') throw new Error('lost the row');
      const fields =
        i < 200
          ? { status: 'sent' as const, activityId: `act-${i}` }
          : i < 230
            ? { status: 'failed' as const, reason: i % 2 ? 'botBlocked' : 'appDisabled' }
            : { status: 'skipped' as const, reason: 'recalled' };
      const done = await status.change(item, fields, taken.etag);
      if (done === 'conflict') throw new Error('lost the row');
      // The same change again under the old ETag loses, and counts nothing.
      expect(await status.change(item, fields, taken.etag)).toBe('conflict');
    };
    await Promise.all(batch.slice(0, 240).map(settle));

    const counts = await pipeline.counts(tenantId, 'tally-a');
    expect(counts).toMatchObject({ total: 250, queued: 10, sent: 200, failed: 30, skipped: 10 });
    expect(counts.byReason).toEqual({ botBlocked: 15, appDisabled: 15, recalled: 10 });
    // The rows say the same.
    expect(await pipeline.counts(tenantId, 'tally-a', { recount: true })).toMatchObject({
      total: 250,
      queued: 10,
      sent: 200,
      failed: 30,
      skipped: 10,
      byReason: counts.byReason,
    });

    // A correction counts once per card, however often the card is corrected.
    const first = (await status.get(batch[0]!))!;
    const once = await status.change(batch[0]!, { updatedAt: new Date().toISOString() }, first.etag, first);
    const again = (await status.get(batch[0]!))!;
    await status.change(batch[0]!, { updatedAt: new Date().toISOString() }, again.etag, again);
    expect(once).not.toBe('conflict');
    expect((await pipeline.counts(tenantId, 'tally-a')).updated).toBe(1);
    // A failed card tried again (the drip scheduler's retry) is queued again in the tally too.
    const retried = await pipeline.enqueue(
      batch.slice(200, 202).map((i) => i),
      { retryFailed: true },
    );
    expect(retried.queued).toBe(2);
    expect(await pipeline.counts(tenantId, 'tally-a')).toMatchObject({ queued: 12, failed: 28 });
  }, 60_000);

  it('is rebuilt from the rows for a batch that has none, and then read from it', async () => {
    const batch = items('tally-b', 120);
    await pipeline.enqueue(batch);
    // As a batch enqueued before tallies existed: its tally rows removed.
    const table = storage.table(tableNames.outboundStatus);
    let removed = 0;
    for await (const row of table.listEntities({ queryOptions: { filter: "RowKey eq '~tally'" } })) {
      if (!String(row.partitionKey).includes('tally-b')) continue;
      await table.deleteEntity(String(row.partitionKey), String(row.rowKey));
      removed++;
    }
    expect(removed).toBeGreaterThan(1);
    expect(await status.tally(tenantId, 'tally-b')).toBeUndefined();
    expect(await pipeline.counts(tenantId, 'tally-b')).toMatchObject({ total: 120, queued: 120 });
    expect(await status.tally(tenantId, 'tally-b')).toMatchObject({ total: 120, sent: 0 });
    // The rows listed for a batch (progress lists, export) never include a tally.
    const page = await pipeline.recipients(tenantId, 'tally-b');
    expect(page.rows).toHaveLength(120);
    expect(page.rows.every((r) => r.key.startsWith('plain|'))).toBe(true);
  }, 60_000);
});
