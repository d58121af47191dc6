import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { StepState } from '../../domain/learning/stepState.ts';
import { keyPart, rowKeyPrefixRange } from '../platform/keys.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { requiredEtag } from '../platform/etag.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/**
 * The LearnerProgress table holds enrollments and their step states side by side: one partition per
 * person (`tenant|person`, so the key still starts with the tenant id), and in it, per program, the
 * enrollment's row `program|` followed by one row per step `program|step`. An answer to a card then
 * reads the enrollment with all its steps in one range query and writes the step and the progress
 * in one entity-group transaction (a transaction covers one partition), so progress is never
 * half-recorded. A person's partition stays small (their programs × steps), however big the tenant.
 */
export const progressRowTypes = { enrollment: 'enrollment', step: 'step' } as const;

export function personPartitionOf(tenantId: string, userId: string): string {
  return `${keyPart(tenantId)}|${keyPart(userId)}`;
}

/** Bounds of every person's partition in a tenant (tenant ids never contain an unencoded '|'). */
export function tenantPeopleRange(tenantId: string): { from: string; to: string } {
  return { from: `${keyPart(tenantId)}|`, to: `${keyPart(tenantId)}}` };
}

export function enrollmentRowKey(programId: string): string {
  return `${keyPart(programId)}|`;
}

export function stepRowKey(programId: string, stepId: string): string {
  return `${keyPart(programId)}|${keyPart(stepId)}`;
}

/** The enrollment's row and its steps' rows: `program|` up to, not including, `program}`. */
export function enrollmentRange(programId: string): { from: string; to: string } {
  return rowKeyPrefixRange(programId);
}

type Row = Record<string, unknown>;

export function enrollmentToRow(e: Enrollment) {
  const { tenantId, etag: _etag, ...fields } = e;
  return {
    partitionKey: personPartitionOf(tenantId, e.userId),
    rowKey: enrollmentRowKey(e.programId),
    rowType: progressRowTypes.enrollment,
    ...withoutUndefined(fields),
  };
}

export function stepToRow(s: StepState) {
  const { tenantId, etag: _etag, ...fields } = s;
  return {
    partitionKey: personPartitionOf(tenantId, s.userId),
    rowKey: stepRowKey(s.programId, s.stepId),
    rowType: progressRowTypes.step,
    ...withoutUndefined(fields),
  };
}

export function isEnrollmentRow(row: Row): boolean {
  return row.rowType === progressRowTypes.enrollment;
}

export function enrollmentFromRow(tenantId: string, row: Row): Stored<Enrollment> {
  const { rowType: _t, ...fields } = stripRow<Omit<Enrollment, 'tenantId'> & { rowType?: string }>(row);
  return { ...fields, tenantId, etag: requiredEtag(fields, 'enrollment') };
}

export function stepFromRow(tenantId: string, row: Row): Stored<StepState> {
  const { rowType: _t, ...fields } = stripRow<Omit<StepState, 'tenantId'> & { rowType?: string }>(row);
  return { ...fields, tenantId, etag: requiredEtag(fields, 'step') };
}
