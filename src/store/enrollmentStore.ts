import { odata, type TableClient } from '@azure/data-tables';
import type { EnrollmentStatus, EnrollmentStore, EnrollmentSummary } from '../usecases/ports.ts';
import { isStatus } from './errors.ts';
import { keyPart, rowKey, rowKeyPrefixRange } from './keys.ts';

interface EnrollmentRow {
  partitionKey: string;
  rowKey: string;
  userId: string;
  programId: string;
  programVersion: number;
  status: EnrollmentStatus;
  enrolledAt: string;
  completedSteps: number;
  totalSteps: number;
  nextDueAt?: string;
}

/** Enrollments by tenant (partition) and person|program (row), so one person's list is one range query. */
export class TableEnrollmentStore implements EnrollmentStore {
  constructor(private readonly table: TableClient) {}

  async listForPerson(tenantId: string, userId: string): Promise<EnrollmentSummary[]> {
    const { from, to } = rowKeyPrefixRange(userId);
    const rows = this.table.listEntities<EnrollmentRow>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keyPart(tenantId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    const result: EnrollmentSummary[] = [];
    for await (const row of rows) {
      result.push({
        tenantId,
        userId: row.userId,
        programId: row.programId,
        programVersion: row.programVersion,
        status: row.status,
        enrolledAt: row.enrolledAt,
        completedSteps: row.completedSteps,
        totalSteps: row.totalSteps,
        nextDueAt: row.nextDueAt,
      });
    }
    return result;
  }

  async create(e: EnrollmentSummary): Promise<'created' | 'exists'> {
    const row: EnrollmentRow = {
      partitionKey: keyPart(e.tenantId),
      rowKey: rowKey(e.userId, e.programId),
      userId: e.userId,
      programId: e.programId,
      programVersion: e.programVersion,
      status: e.status,
      enrolledAt: e.enrolledAt,
      completedSteps: e.completedSteps,
      totalSteps: e.totalSteps,
      nextDueAt: e.nextDueAt,
    };
    try {
      await this.table.createEntity(row);
      return 'created';
    } catch (error) {
      if (isStatus(error, 409)) return 'exists';
      throw error;
    }
  }
}
