import type { TableClient } from '@azure/data-tables';
import type { GrantLog } from '../../domain/delivery/sendRate.ts';
import type { SendRateStore } from '../../usecases/delivery/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart } from '../platform/keys.ts';

export interface SendRateRow {
  partitionKey: string;
  rowKey: string;
  /** JSON of the grant instants of the last window (at most the rate's sends a second). */
  log: string;
}

/**
 * One row per tenant and budget with the grants of the last second, shared by every worker. One
 * row (not one per grant) so each claim is a single ETag-guarded write: two workers can never both
 * count the same window as having room. Budgets: 'sendRate' (Teams sends), 'graphInstalls'.
 */
export class TableSendRateStore implements SendRateStore {
  constructor(
    private readonly table: TableClient,
    private readonly budget: 'sendRate' | 'graphInstalls' = 'sendRate',
  ) {}

  async read(tenantId: string): Promise<{ log: GrantLog; etag?: string }> {
    try {
      const row = await this.table.getEntity<Partial<SendRateRow>>(this.budget, keyPart(tenantId));
      // A row of the earlier slot layout has no log: it is simply rewritten.
      return { log: row.log ? (JSON.parse(row.log) as GrantLog) : [], etag: row.etag };
    } catch (error) {
      if (isStatus(error, 404)) return { log: [] };
      throw error;
    }
  }

  async write(tenantId: string, log: GrantLog, etag: string | undefined): Promise<'updated' | 'conflict'> {
    const row: SendRateRow = {
      partitionKey: this.budget,
      rowKey: keyPart(tenantId),
      log: JSON.stringify(log),
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
