import {
  enrollmentTransition,
  isProgramComplete,
  progressOf,
} from '../../domain/learning/enrollmentState.ts';
import type { Program, Step } from '../../domain/learning/program.ts';
import type { StepState } from '../../domain/learning/stepState.ts';
import type { LearningDeps } from './learningDeps.ts';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { Stored } from '../platform/ports.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';

/** Why an action on a card changes nothing. */
export type Refusal = 'alreadyDone' | 'oldVersion' | 'notYours' | 'notActive' | 'unknown';

export interface StepActionRequest {
  tenantId: string;
  actorId: string; // who clicked (Entra object id), from the activity
  programId: string;
  programVersion: number;
  stepId: string;
  learnerId: string; // whose card it is, from the card's data
}

export interface LoadedStep {
  program: Program;
  step: Step;
  enrollment: Stored<Enrollment>;
  state: Stored<StepState>;
}

/**
 * Load and authorize, the first lines of every step action: the card must be the clicker's own, for
 * an active enrollment, from the program version they are enrolled in.
 */
export async function loadStepForAction(
  deps: Pick<LearningDeps, 'catalog' | 'enrollments' | 'steps'>,
  r: StepActionRequest,
  options: { allowDone?: boolean; allowCompleted?: boolean } = {},
): Promise<{ ok: true; loaded: LoadedStep } | { ok: false; refusal: Refusal }> {
  if (r.actorId !== r.learnerId) return { ok: false, refusal: 'notYours' };
  const program = deps.catalog.find(r.programId);
  const step = program?.steps.find((s) => s.id === r.stepId);
  const [enrollment, state] = await Promise.all([
    deps.enrollments.get(r.tenantId, r.learnerId, r.programId),
    deps.steps.get(r.tenantId, r.learnerId, r.programId, r.stepId),
  ]);
  if (!program || !enrollment || !state) return { ok: false, refusal: 'unknown' };
  if (!step || enrollment.programVersion !== r.programVersion || program.version !== r.programVersion) {
    return { ok: false, refusal: 'oldVersion' };
  }
  const open =
    enrollment.status === 'active' || (options.allowCompleted && enrollment.status === 'completed');
  if (!open) return { ok: false, refusal: 'notActive' };
  if (state.status === 'done' && !options.allowDone) return { ok: false, refusal: 'alreadyDone' };
  return { ok: true, loaded: { program, step, enrollment, state } };
}

/**
 * Writes a step's new state if nobody changed it since it was read; false when it lost that race
 * (the caller's attempt then runs again on what is stored now, see retryOnConflict).
 */
export async function saveStep(deps: Pick<LearningDeps, 'steps'>, next: Stored<StepState>): Promise<boolean> {
  return (await deps.steps.update(next)) === 'updated';
}

/** After a step is done: progress, next due date, last activity and, when all is done, completion. */
export async function recordProgress(
  deps: Pick<LearningDeps, 'enrollments' | 'steps'>,
  program: Program,
  key: { tenantId: string; userId: string },
  at: Date,
): Promise<{ programCompleted: boolean }> {
  // Two steps answered at once (two cards, two devices) both count: the loser re-reads and recounts.
  return retryOnConflict('record progress on an enrollment', async () => {
    const enrollment = await deps.enrollments.get(key.tenantId, key.userId, program.id);
    if (!enrollment) return { programCompleted: false };
    const states = await deps.steps.listForEnrollment(key.tenantId, key.userId, program.id);
    const done = new Set(states.filter((s) => s.status === 'done').map((s) => s.stepId));
    const open = states
      .filter((s) => s.status !== 'done')
      .map((s) => s.dueAt)
      .sort();
    const complete = enrollment.status === 'active' && isProgramComplete(program, done);
    const transition = complete ? enrollmentTransition(enrollment.status, 'allMandatoryDone') : undefined;
    const next: Stored<Enrollment> = {
      ...enrollment,
      completedSteps: progressOf(program, done).done,
      nextDueAt: open[0],
      lastActiveAt: at.toISOString(),
      ...(transition?.ok ? { status: transition.status, completedAt: at.toISOString() } : {}),
    };
    return orConflict(await deps.enrollments.update(next), { programCompleted: Boolean(transition?.ok) });
  });
}
