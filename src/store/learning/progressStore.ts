import { odata, type TableClient } from '@azure/data-tables';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { StepState } from '../../domain/learning/stepState.ts';
import type { EnrollmentWithSteps, PersonProgress, ProgressStore } from '../../usecases/learning/ports.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { MAX_TRANSACTION_ROWS } from '../platform/transactionBatches.ts';
import {
  enrollmentFromRow,
  enrollmentRange,
  enrollmentToRow,
  isEnrollmentRow,
  personPartitionOf,
  stepFromRow,
  stepToRow,
} from './progressRows.ts';

/**
 * An enrollment with its steps, as one answer to a card needs them: one range query to read, one
 * entity-group transaction to write (both rows are in the person's partition of LearnerProgress).
 */
export class TableProgressStore implements ProgressStore {
  constructor(private readonly table: TableClient) {}

  async load(tenantId: string, userId: string, programId: string): Promise<EnrollmentWithSteps> {
    const { from, to } = enrollmentRange(programId);
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${personPartitionOf(tenantId, userId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    let enrollment: Stored<Enrollment> | undefined;
    const steps: Array<Stored<StepState>> = [];
    for await (const row of rows) {
      if (isEnrollmentRow(row)) enrollment = enrollmentFromRow(tenantId, row);
      else steps.push(stepFromRow(tenantId, row));
    }
    return { enrollment, steps };
  }

  async loadPerson(tenantId: string, userId: string): Promise<PersonProgress> {
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${personPartitionOf(tenantId, userId)}` },
    });
    const progress: PersonProgress = { enrollments: [], steps: [] };
    for await (const row of rows) {
      if (isEnrollmentRow(row)) progress.enrollments.push(enrollmentFromRow(tenantId, row));
      else progress.steps.push(stepFromRow(tenantId, row));
    }
    return progress;
  }

  async saveStepAndEnrollment(
    step: Stored<StepState>,
    enrollment: Stored<Enrollment>,
  ): Promise<'updated' | 'conflict'> {
    const stepEtag = requiredEtag(step, 'step');
    const enrollmentEtag = requiredEtag(enrollment, 'enrollment');
    try {
      await this.table.submitTransaction([
        ['update', stepToRow(step), 'Replace', { etag: stepEtag }],
        ['update', enrollmentToRow(enrollment), 'Replace', { etag: enrollmentEtag }],
      ]);
      return 'updated';
    } catch (error) {
      // Either row changed since it was read: the transaction wrote nothing.
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }

  async markTeamCopies(enrollments: ReadonlyArray<Stored<Enrollment>>): Promise<'updated' | 'conflict'> {
    if (new Set(enrollments.map((e) => personPartitionOf(e.tenantId, e.userId))).size > 1)
      throw new Error('markTeamCopies takes one person’s enrollments');
    // One transaction per 100 (a transaction's limit; nobody has that many). A conflict in a later
    // one leaves the earlier ones marked: 'some' is always safe, it only costs answers a read.
    for (let i = 0; i < enrollments.length; i += MAX_TRANSACTION_ROWS) {
      try {
        await this.table.submitTransaction(
          enrollments.slice(i, i + MAX_TRANSACTION_ROWS).map((e) => {
            const { partitionKey, rowKey } = enrollmentToRow(e);
            const row = { partitionKey, rowKey, teamCopies: 'some' };
            return ['update', row, 'Merge', { etag: requiredEtag(e, 'enrollment') }];
          }),
        );
      } catch (error) {
        // One changed, or is gone (its person erased): that transaction wrote nothing.
        if (isStatus(error, 412) || isStatus(error, 404)) return 'conflict';
        throw error;
      }
    }
    return 'updated';
  }
}
