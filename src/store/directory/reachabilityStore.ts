import { odata, type TableClient } from '@azure/data-tables';
import type { Reachability } from '../../domain/directory/reachability.ts';
import type { ReachabilityStore } from '../../usecases/directory/ports.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { keyPart } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/** Where each new hire is on the way to their first card, by tenant and person. */
export class TableReachabilityStore implements ReachabilityStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, userId: string): Promise<Stored<Reachability> | undefined> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(keyPart(tenantId), keyPart(userId));
      return fromRow(tenantId, row);
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

  async update(r: Stored<Reachability>): Promise<'updated' | 'conflict'> {
    const etag = requiredEtag(r, 'reachability');
    try {
      await this.table.updateEntity(toRow(r), 'Replace', { etag });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }

  async listDue(tenantId: string, now: Date): Promise<Array<Stored<Reachability>>> {
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keyPart(tenantId)} and stage eq 'detected' and nextAttemptAt le ${now.toISOString()}`,
      },
    });
    const result: Array<Stored<Reachability>> = [];
    for await (const row of rows) result.push(fromRow(tenantId, row));
    return result;
  }
}

function toRow(r: Reachability) {
  const { tenantId, etag: _etag, ...fields } = r;
  return { partitionKey: keyPart(tenantId), rowKey: keyPart(r.userId), ...withoutUndefined(fields) };
}

function fromRow(tenantId: string, row: Record<string, unknown>): Stored<Reachability> {
  const r = stripRow<Reachability>(row);
  return { ...r, tenantId, etag: requiredEtag(r, 'reachability') };
}
