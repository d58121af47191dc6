// An enrollment's life: active until every required step is done (completed), the person is
// unenrolled (withdrawn) or the program's time runs out (expired). Pure.
import { isMandatoryStep, type Program, type Step } from './program.ts';

export const ENROLLMENT_STATUSES = ['active', 'completed', 'withdrawn', 'expired'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export type EnrollmentEvent = 'allMandatoryDone' | 'withdraw' | 'expire' | 'reenroll';

/** Why a transition was refused: a value for the caller to turn into a clear message. */
export type TransitionRefusal = 'alreadyCompleted' | 'alreadyWithdrawn' | 'alreadyExpired' | 'stillActive';

export type TransitionResult =
  { ok: true; status: EnrollmentStatus } | { ok: false; reason: TransitionRefusal };

const FROM_ACTIVE: Record<Exclude<EnrollmentEvent, 'reenroll'>, EnrollmentStatus> = {
  allMandatoryDone: 'completed',
  withdraw: 'withdrawn',
  expire: 'expired',
};

const ALREADY: Record<Exclude<EnrollmentStatus, 'active'>, TransitionRefusal> = {
  completed: 'alreadyCompleted',
  withdrawn: 'alreadyWithdrawn',
  expired: 'alreadyExpired',
};

/**
 * Completed, withdrawn and expired are final, except that a withdrawn or expired person can be
 * enrolled again (back to active). A completed program stays completed: a new version of it is a
 * new enrollment.
 */
export function enrollmentTransition(status: EnrollmentStatus, event: EnrollmentEvent): TransitionResult {
  if (event === 'reenroll') {
    if (status === 'withdrawn' || status === 'expired') return { ok: true, status: 'active' };
    return { ok: false, reason: status === 'active' ? 'stillActive' : ALREADY[status] };
  }
  if (status !== 'active') return { ok: false, reason: ALREADY[status] };
  return { ok: true, status: FROM_ACTIVE[event] };
}

/**
 * Whether a step must be done for the program to be complete. In a mandatory program that is
 * `isMandatoryStep`; a voluntary program, once joined, is complete when its non-optional steps are
 * done (otherwise it would count as complete before anything was done).
 */
export function isRequiredStep(program: Program, step: Step): boolean {
  return program.mandatory ? isMandatoryStep(program, step) : !step.optional;
}

/** Every required step done; a program whose steps are all optional needs all of them. */
export function isProgramComplete(program: Program, doneStepIds: ReadonlySet<string>): boolean {
  const required = program.steps.filter((s) => isRequiredStep(program, s));
  const needed = required.length > 0 ? required : program.steps;
  return needed.every((s) => doneStepIds.has(s.id));
}

/** Steps done out of all steps, for the progress bar; ids not in this program version are ignored. */
export function progressOf(
  program: Program,
  doneStepIds: ReadonlySet<string>,
): { done: number; total: number } {
  const done = program.steps.filter((s) => doneStepIds.has(s.id)).length;
  return { done, total: program.steps.length };
}
