import type { TableClient } from '@azure/data-tables';
import type { SyncState } from '../../domain/directory/syncState.ts';
import type { SyncStateStore } from '../../usecases/directory/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/** The delta link per tenant, saved after every applied page (updated with its ETag). */
export class TableSyncStateStore implements SyncStateStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string): Promise<SyncState> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(keyPart(tenantId), 'directory');
      return { ...stripRow<SyncState>(row), tenantId };
    } catch (error) {
      if (isStatus(error, 404)) return { tenantId, initialSyncDone: false };
      throw error;
    }
  }

  async save(state: SyncState): Promise<'saved' | 'conflict'> {
    const { tenantId, etag, ...fields } = state;
    const row = { partitionKey: keyPart(tenantId), rowKey: 'directory', ...withoutUndefined(fields) };
    try {
      if (etag) await this.table.updateEntity(row, 'Replace', { etag });
      else await this.table.createEntity(row);
      return 'saved';
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 409)) return 'conflict';
      throw error;
    }
  }
}
