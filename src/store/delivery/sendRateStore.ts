import type { TableClient } from '@azure/data-tables';
import type { SlotCounts } from '../../domain/delivery/sendRate.ts';
import type { SendRateStore } from '../../usecases/delivery/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart } from '../platform/keys.ts';

export interface SendRateRow {
  partitionKey: string;
  rowKey: string;
  /** JSON of [slot, granted] pairs for the last second's slots (a few dozen numbers at most). */
  window: string;
}

/**
 * One row per tenant with the sends granted in the last second, shared by every worker. One row
 * (not one per slot) so each grant is a single ETag-guarded write: two workers can never both
 * count the same window as having room.
 */
export class TableSendRateStore implements SendRateStore {
  constructor(private readonly table: TableClient) {}

  async read(tenantId: string): Promise<{ window: SlotCounts; etag?: string }> {
    try {
      const row = await this.table.getEntity<SendRateRow>('sendRate', keyPart(tenantId));
      return { window: JSON.parse(row.window) as SlotCounts, etag: row.etag };
    } catch (error) {
      if (isStatus(error, 404)) return { window: [] };
      throw error;
    }
  }

  async write(
    tenantId: string,
    window: SlotCounts,
    etag: string | undefined,
  ): Promise<'updated' | 'conflict'> {
    const row: SendRateRow = {
      partitionKey: 'sendRate',
      rowKey: keyPart(tenantId),
      window: JSON.stringify(window),
    };
    try {
      if (etag === undefined) await this.table.createEntity(row);
      else await this.table.updateEntity(row, 'Replace', { etag });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 409) || isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }
}
