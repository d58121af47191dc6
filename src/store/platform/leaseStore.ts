import type { TableClient } from '@azure/data-tables';
import type { LeaseStore } from '../../usecases/platform/ports.ts';
import { isStatus } from './errors.ts';
import { keyPart } from './keys.ts';

export interface LeaseRow {
  partitionKey: string;
  rowKey: string;
  holder: string;
  expiresAt: string;
}

/**
 * Leases as rows updated with their ETag: of two workers that read an expired lease, only the first
 * write wins (the second gets 412), so one job runs once per tenant at a time.
 */
export class TableLeaseStore implements LeaseStore {
  constructor(private readonly table: TableClient) {}

  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    const row: LeaseRow = { partitionKey: 'lease', rowKey: keyPart(name), holder, expiresAt };
    try {
      const current = await this.table.getEntity<LeaseRow>(row.partitionKey, row.rowKey);
      const free = current.holder === holder || new Date(current.expiresAt) <= now;
      if (!free) return false;
      await this.table.updateEntity(row, 'Replace', { etag: current.etag });
      return true;
    } catch (error) {
      if (isStatus(error, 412)) return false;
      if (!isStatus(error, 404)) throw error;
    }
    try {
      await this.table.createEntity(row);
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async release(name: string, holder: string): Promise<void> {
    try {
      const current = await this.table.getEntity<LeaseRow>('lease', keyPart(name));
      if (current.holder !== holder) return;
      await this.table.deleteEntity('lease', keyPart(name), { etag: current.etag });
    } catch (error) {
      if (!isStatus(error, 404) && !isStatus(error, 412)) throw error;
    }
  }
}
