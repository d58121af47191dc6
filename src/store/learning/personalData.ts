// What the learning tables hold about people, for export and erasure (see store/privacy/registry.ts).
import { odata } from '@azure/data-tables';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { StepState } from '../../domain/learning/stepState.ts';
import { tableNames } from '../platform/tables.ts';
import { declareTable, rowsWhere } from '../privacy/personalDataTable.ts';
import { personPartitionOf } from './progressRows.ts';

/** Enrollment rows and step rows share the table; `status` is each one's own. */
type ProgressRow = { rowType: string; status: Enrollment['status'] | StepState['status'] } & Omit<
  Enrollment,
  'tenantId' | 'status'
> &
  Omit<StepState, 'tenantId' | 'status'>;

export const learningPersonalData = [
  declareTable<ProgressRow>()({
    table: tableNames.learnerProgress,
    columns: {
      rowType: true,
      userId: true,
      programId: true,
      programVersion: true,
      status: true,
      enrolledAt: true,
      completedSteps: true,
      totalSteps: true,
      nextDueAt: true,
      startAt: true,
      hireDate: true,
      timeZone: true,
      lastActiveAt: true,
      completedAt: true,
      round: true,
      roundKey: true,
      teamCopies: true,
      stepId: true,
      dueAt: true,
      sentAt: true,
      doneAt: true,
      recognisedAt: true,
      placementSentAt: true,
      placementResult: true,
      placementScore: true,
      placementAt: true,
      remindersSent: true,
      attempts: true,
      firstScore: true,
      lastScore: true,
      answer: true,
      sharedWithManager: true,
      reviews: true,
      firstRight: true,
      lastRight: true,
      pulseUseful: true,
      pulseComment: true,
      pulseAt: true,
    },
    // One partition per person: all of it is theirs.
    find: (client, person) =>
      rowsWhere(client, odata`PartitionKey eq ${personPartitionOf(person.tenantId, person.personId)}`),
  }),
];
