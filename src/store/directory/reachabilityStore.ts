import { odata, type TableClient } from '@azure/data-tables';
import type { Reachability } from '../../domain/directory/reachability.ts';
import type { ReachabilityStore } from '../../usecases/directory/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/** Where each new hire is on the way to their first card, by tenant and person. */
export class TableReachabilityStore implements ReachabilityStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, userId: string): Promise<Reachability | undefined> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(keyPart(tenantId), keyPart(userId));
      return { ...stripRow<Reachability>(row), tenantId };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async create(r: Reachability): Promise<'created' | 'exists'> {
    try {
      await this.table.createEntity(toRow(r));
      return 'created';
    } catch (error) {
      if (isStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async update(r: Reachability): Promise<'updated' | 'conflict'> {
    try {
      await this.table.updateEntity(toRow(r), 'Replace', { etag: r.etag ?? '*' });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }

  async listDue(tenantId: string, now: Date): Promise<Reachability[]> {
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keyPart(tenantId)} and stage eq 'detected' and nextAttemptAt le ${now.toISOString()}`,
      },
    });
    const result: Reachability[] = [];
    for await (const row of rows) result.push({ ...stripRow<Reachability>(row), tenantId });
    return result;
  }
}

function toRow(r: Reachability) {
  const { tenantId, etag: _etag, ...fields } = r;
  return { partitionKey: keyPart(tenantId), rowKey: keyPart(r.userId), ...withoutUndefined(fields) };
}
