import { enrollmentTransition } from '../../../domain/learning/enrollmentState.ts';
import type { LearningDeps } from '../learningDeps.ts';
import { orConflict, retryOnConflict } from '../../platform/retryOnConflict.ts';

export type WithdrawOutcome =
  { kind: 'withdrawn' } | { kind: 'notEnrolled' } | { kind: 'notActive'; status: string };

/**
 * Withdraws a person from a program. Their answers stay (they are history); cards not yet sent are
 * dropped by the scheduler when it sees the enrollment is no longer active.
 */
export async function withdrawEnrollment(
  deps: Pick<LearningDeps, 'enrollments' | 'clock'>,
  request: { tenantId: string; userId: string; programId: string },
): Promise<WithdrawOutcome> {
  return retryOnConflict('withdraw an enrollment', async () => {
    const enrollment = await deps.enrollments.get(request.tenantId, request.userId, request.programId);
    if (!enrollment) return { kind: 'notEnrolled' } as const;
    const next = enrollmentTransition(enrollment.status, 'withdraw');
    if (!next.ok) return { kind: 'notActive', status: enrollment.status } as const;
    const result = await deps.enrollments.update({
      ...enrollment,
      status: next.status,
      nextDueAt: undefined,
    });
    return orConflict(result, { kind: 'withdrawn' } as const);
  });
}
