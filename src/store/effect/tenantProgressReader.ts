import { odata, type TableClient } from '@azure/data-tables';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { StepState } from '../../domain/learning/stepState.ts';
import type { TenantProgressReader } from '../../usecases/effect/ports.ts';
import {
  enrollmentFromRow,
  isEnrollmentRow,
  stepFromRow,
  tenantPeopleRange,
} from '../learning/progressRows.ts';

/**
 * Every LearnerProgress row of one tenant, in one range query over its people's partitions: the
 * aggregation job's one read of the learning data (never a query per person, never per page view).
 */
export class TableTenantProgressReader implements TenantProgressReader {
  constructor(private readonly table: TableClient) {}

  async readTenant(tenantId: string): Promise<{ enrollments: Enrollment[]; steps: StepState[] }> {
    const { from, to } = tenantPeopleRange(tenantId);
    const enrollments: Enrollment[] = [];
    const steps: StepState[] = [];
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey ge ${from} and PartitionKey lt ${to}` },
    });
    for await (const row of rows) {
      if (isEnrollmentRow(row)) enrollments.push(enrollmentFromRow(tenantId, row));
      else steps.push(stepFromRow(tenantId, row));
    }
    return { enrollments, steps };
  }
}
