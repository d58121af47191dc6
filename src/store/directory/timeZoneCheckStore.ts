import { odata, type TableClient } from '@azure/data-tables';
import type { TimeZoneCheck } from '../../domain/directory/timeZoneCheck.ts';
import type { TimeZoneCheckStore } from '../../usecases/directory/timeZonePorts.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { keyPart } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/** One row per person whose mailbox time zone Drypp reads, by tenant (partition) and person (row). */
export class TableTimeZoneCheckStore implements TimeZoneCheckStore {
  constructor(private readonly table: TableClient) {}

  async create(check: TimeZoneCheck): Promise<'created' | 'exists'> {
    try {
      await this.table.createEntity(toRow(check));
      return 'created';
    } catch (error) {
      if (isStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async get(tenantId: string, userId: string): Promise<Stored<TimeZoneCheck> | undefined> {
    try {
      return fromRow(tenantId, await this.table.getEntity(keyPart(tenantId), keyPart(userId)));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async update(check: Stored<TimeZoneCheck>): Promise<'updated' | 'conflict'> {
    const etag = requiredEtag(check, 'time zone check');
    try {
      await this.table.updateEntity(toRow(check), 'Replace', { etag });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }

  async listDue(tenantId: string, now: Date): Promise<Array<Stored<TimeZoneCheck>>> {
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keyPart(tenantId)} and status eq 'waiting' and nextAttemptAt le ${now.toISOString()}`,
      },
    });
    const result: Array<Stored<TimeZoneCheck>> = [];
    for await (const row of rows) result.push(fromRow(tenantId, row));
    return result;
  }
}

function toRow(c: TimeZoneCheck) {
  const { tenantId, etag: _etag, ...fields } = c;
  return { partitionKey: keyPart(tenantId), rowKey: keyPart(c.userId), ...withoutUndefined(fields) };
}

function fromRow(tenantId: string, row: Record<string, unknown>): Stored<TimeZoneCheck> {
  const check = stripRow<TimeZoneCheck>(row);
  return { ...check, tenantId, etag: requiredEtag(check, 'time zone check') };
}
