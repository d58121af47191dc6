import { odata, type TableClient } from '@azure/data-tables';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { EnrollmentStore } from '../../usecases/learning/ports.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { keyPart, rowKey, rowKeyPrefixRange } from '../platform/keys.ts';

type EnrollmentRow = Omit<Enrollment, 'tenantId' | 'etag'> & { partitionKey: string; rowKey: string };

/** Enrollments by tenant (partition) and person|program (row), so one person's list is one range query. */
export class TableEnrollmentStore implements EnrollmentStore {
  constructor(private readonly table: TableClient) {}

  async listForPerson(tenantId: string, userId: string): Promise<Array<Stored<Enrollment>>> {
    const { from, to } = rowKeyPrefixRange(userId);
    return this.query(
      tenantId,
      odata`PartitionKey eq ${keyPart(tenantId)} and RowKey ge ${from} and RowKey lt ${to}`,
    );
  }

  async listForProgram(tenantId: string, programId: string): Promise<Array<Stored<Enrollment>>> {
    return this.query(tenantId, odata`PartitionKey eq ${keyPart(tenantId)} and programId eq ${programId}`);
  }

  async get(tenantId: string, userId: string, programId: string): Promise<Stored<Enrollment> | undefined> {
    try {
      const row = await this.table.getEntity<EnrollmentRow>(keyPart(tenantId), rowKey(userId, programId));
      return fromRow(tenantId, row);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async create(e: Enrollment): Promise<'created' | 'exists'> {
    try {
      await this.table.createEntity(toRow(e));
      return 'created';
    } catch (error) {
      if (isStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async update(e: Stored<Enrollment>): Promise<'updated' | 'conflict'> {
    const etag = requiredEtag(e, 'enrollment');
    try {
      await this.table.updateEntity(toRow(e), 'Replace', { etag });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }

  private async query(tenantId: string, filter: string): Promise<Array<Stored<Enrollment>>> {
    const result: Array<Stored<Enrollment>> = [];
    for await (const row of this.table.listEntities<EnrollmentRow>({ queryOptions: { filter } })) {
      if (row.userId) result.push(fromRow(tenantId, row));
    }
    return result;
  }
}

function toRow(e: Enrollment): EnrollmentRow {
  const { tenantId, etag: _etag, ...fields } = e;
  // Table Storage refuses undefined values in some SDK paths; leave them out.
  const clean = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as typeof fields;
  return { partitionKey: keyPart(tenantId), rowKey: rowKey(e.userId, e.programId), ...clean };
}

function fromRow(tenantId: string, row: EnrollmentRow & { etag?: string }): Stored<Enrollment> {
  const { partitionKey: _pk, rowKey: _rk, ...fields } = row as EnrollmentRow & Record<string, unknown>;
  const { timestamp: _ts, 'odata.etag': _oe, ...rest } = fields as Record<string, unknown>;
  return { ...(rest as Omit<Enrollment, 'tenantId'>), tenantId, etag: requiredEtag(row, 'enrollment') };
}
