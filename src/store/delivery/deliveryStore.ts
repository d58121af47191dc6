import { odata, type TableClient } from '@azure/data-tables';
import type { Delivery } from '../../domain/delivery/delivery.ts';
import type { DeliveryStore } from '../../usecases/delivery/ports.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { keyPart, rowKey, rowKeyPrefixRange } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/**
 * Every send is recorded before and after the call, under the card's deterministic key: a second
 * worker or a restarted one finds the record and does not send the card again.
 * Per-person daily counts are rows too (person|day|key), so counting survives restarts and races.
 */
export class TableDeliveryStore implements DeliveryStore {
  constructor(
    private readonly deliveries: TableClient,
    private readonly dailySends: TableClient,
  ) {}

  async begin(
    d: Delivery,
  ): Promise<{ created: true; etag: string } | { created: false; existing: Stored<Delivery> }> {
    try {
      const created = await this.deliveries.createEntity(toRow(d));
      return { created: true, etag: requiredEtag(created, 'delivery') };
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
      const row = await this.deliveries.getEntity<Record<string, unknown>>(
        keyPart(d.tenantId),
        keyPart(d.key),
      );
      const existing = stripRow<Delivery>(row);
      return {
        created: false,
        existing: { ...existing, tenantId: d.tenantId, etag: requiredEtag(existing, 'delivery') },
      };
    }
  }

  async finish(d: Stored<Delivery>): Promise<{ etag: string } | 'conflict'> {
    const etag = requiredEtag(d, 'delivery');
    try {
      const updated = await this.deliveries.updateEntity(toRow(d), 'Replace', { etag });
      return { etag: requiredEtag(updated, 'delivery') };
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }

  async countSentOnDay(tenantId: string, userId: string, localDay: string): Promise<number> {
    const { from, to } = rowKeyPrefixRange(userId, localDay);
    let count = 0;
    const rows = this.dailySends.listEntities({
      queryOptions: {
        filter: odata`PartitionKey eq ${keyPart(tenantId)} and RowKey ge ${from} and RowKey lt ${to}`,
        select: ['RowKey'],
      },
    });
    for await (const _row of rows) count++;
    return count;
  }

  async recordSentOnDay(tenantId: string, userId: string, localDay: string, key: string): Promise<void> {
    await this.dailySends.upsertEntity(
      { partitionKey: keyPart(tenantId), rowKey: rowKey(userId, localDay, key) },
      'Replace',
    );
  }
}

function toRow(d: Delivery) {
  const { tenantId, etag: _etag, ...fields } = d;
  return { partitionKey: keyPart(tenantId), rowKey: keyPart(d.key), ...withoutUndefined(fields) };
}
