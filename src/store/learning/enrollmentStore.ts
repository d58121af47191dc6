import { odata, type TableClient } from '@azure/data-tables';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { EnrollmentStore } from '../../usecases/learning/ports.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import {
  enrollmentFromRow,
  enrollmentRowKey,
  enrollmentToRow,
  personPartitionOf,
  progressRowTypes,
  tenantPeopleRange,
} from './progressRows.ts';

/** Enrollments, in the LearnerProgress table beside their steps (see progressRows.ts for the keys). */
export class TableEnrollmentStore implements EnrollmentStore {
  constructor(private readonly table: TableClient) {}

  async listForPerson(tenantId: string, userId: string): Promise<Array<Stored<Enrollment>>> {
    return this.query(
      tenantId,
      odata`PartitionKey eq ${personPartitionOf(tenantId, userId)} and rowType eq ${progressRowTypes.enrollment}`,
    );
  }

  async listForProgram(tenantId: string, programId: string): Promise<Array<Stored<Enrollment>>> {
    const { from, to } = tenantPeopleRange(tenantId);
    return this.query(
      tenantId,
      odata`PartitionKey ge ${from} and PartitionKey lt ${to} and rowType eq ${progressRowTypes.enrollment} and programId eq ${programId}`,
    );
  }

  async get(tenantId: string, userId: string, programId: string): Promise<Stored<Enrollment> | undefined> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(
        personPartitionOf(tenantId, userId),
        enrollmentRowKey(programId),
      );
      return enrollmentFromRow(tenantId, row);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async create(e: Enrollment): Promise<'created' | 'exists'> {
    try {
      await this.table.createEntity(enrollmentToRow(e));
      return 'created';
    } catch (error) {
      if (isStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async update(e: Stored<Enrollment>): Promise<'updated' | 'conflict'> {
    const etag = requiredEtag(e, 'enrollment');
    try {
      await this.table.updateEntity(enrollmentToRow(e), 'Replace', { etag });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }

  private async query(tenantId: string, filter: string): Promise<Array<Stored<Enrollment>>> {
    const result: Array<Stored<Enrollment>> = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      result.push(enrollmentFromRow(tenantId, row));
    }
    return result;
  }
}
