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
import type { LearningRecord } from '../../domain/privacy/learningRecord.ts';
import {
  can,
  sameTenant,
  stepResource,
  type Actor,
  type StepAction,
  type StepResource,
} from '../../domain/access/index.ts';

/** Why an action on a card changes nothing. */
export type Refusal = 'alreadyDone' | 'oldVersion' | 'notYours' | 'notActive' | 'unknown';

export interface StepActionRequest {
  /** Who clicked: from the activity (from.aadObjectId and tenant), resolved once per request. */
  actor: Actor;
  tenantId: string;
  programId: string;
  programVersion: number;
  stepId: string;
  learnerId: string; // whose card it is, from the card's data
  /** The language the person learns in (their preferred language): the learning record's language. */
  language?: string;
}

export interface LoadedStep {
  program: Program;
  step: Step;
  enrollment: Stored<Enrollment>;
  state: Stored<StepState>;
  /** Every step state of the enrollment, read with it: progress is counted from these. */
  states: Array<Stored<StepState>>;
}

/**
 * Load and authorize, the first lines of every step action: the card must be the clicker's own, from
 * the program version they are enrolled in, and the step policy (src/domain/access) must allow this
 * action on it now: the verb of its kind, on a step that was sent, in an open enrollment. The
 * enrollment and all its steps come in one read, so recording the progress afterwards needs no second one.
 */
export async function loadStepForAction(
  deps: Pick<LearningDeps, 'catalog' | 'progress'>,
  r: StepActionRequest,
  action: StepAction,
): Promise<{ ok: true; loaded: LoadedStep } | { ok: false; refusal: Refusal }> {
  // Someone else's card: refused before anything of theirs is read.
  if (r.actor.userId !== r.learnerId || !sameTenant(r.actor, r.tenantId)) {
    return { ok: false, refusal: 'notYours' };
  }
  const program = deps.catalog.find(r.programId);
  if (!program) return { ok: false, refusal: 'unknown' };
  const step = program.steps.find((s) => s.id === r.stepId);
  const { enrollment, steps: states } = await deps.progress.load(r.tenantId, r.learnerId, r.programId);
  const state = states.find((s) => s.stepId === r.stepId);
  if (!enrollment || !state) return { ok: false, refusal: 'unknown' };
  if (!step || enrollment.programVersion !== r.programVersion || program.version !== r.programVersion) {
    return { ok: false, refusal: 'oldVersion' };
  }
  const resource = stepResource(step, state, enrollment.status);
  if (!can(r.actor, action, resource)) return { ok: false, refusal: whyRefused(r.actor, resource, action) };
  return { ok: true, loaded: { program, step, enrollment, state, states } };
}

/** What to tell the person when the policy says no, most specific first. */
function whyRefused(actor: Actor, step: StepResource, action: StepAction): Refusal {
  if (!sameTenant(actor, step.tenantId) || actor.userId !== step.learnerId) return 'notYours';
  const open =
    step.enrollmentStatus === 'active' ||
    (action === 'answerReview' && step.enrollmentStatus === 'completed');
  if (!open) return 'notActive';
  if (step.status === 'done' && action !== 'answerReview') return 'alreadyDone';
  // The wrong verb for this kind of step, a step whose card was never sent, an attendance only the
  // facilitator confirms: not something this card can do.
  return 'unknown';
}

/**
 * Writes a step's new state if nobody changed it since it was read, without touching progress (a
 * quiz attempt that leaves attempts over); false when it lost that race (the caller's attempt then
 * runs again on what is stored now, see retryOnConflict).
 */
export async function saveStep(deps: Pick<LearningDeps, 'steps'>, next: Stored<StepState>): Promise<boolean> {
  return (await deps.steps.update(next)) === 'updated';
}

/**
 * Writes a step's new state and the enrollment's progress (steps done, next due date, last activity
 * and, when all is done, completion) together: both or neither. Not saved when either row changed
 * since it was read (two cards answered at once, the scheduler recording a send): the caller's
 * attempt then runs again on what is stored now, so both answers count.
 */
export async function saveStepWithProgress(
  deps: Pick<LearningDeps, 'progress' | 'completions' | 'learningRecords'>,
  loaded: LoadedStep,
  next: Stored<StepState>,
  at: Date,
  recordOf?: (programCompleted: boolean) => LearningRecord | undefined,
): Promise<{ saved: false } | { saved: true; programCompleted: boolean }> {
  const states = loaded.states.map((s) => (s.stepId === next.stepId ? next : s));
  const { enrollment, programCompleted } = progressAfter(loaded.program, loaded.enrollment, states, at);
  await recordFirst(deps, recordOf?.(programCompleted));
  if ((await deps.progress.saveStepAndEnrollment(next, enrollment)) === 'conflict') return { saved: false };
  if (programCompleted) {
    const { tenantId, userId, programId } = enrollment;
    await deps.completions?.programCompleted({ tenantId, userId, programId, at });
  }
  return { saved: true, programCompleted };
}

/**
 * The learning record goes on its queue before the answer is saved, so that no crash between the two
 * leaves a saved answer without its xAPI statement. A record whose save then fails (a conflict, a
 * crash) is harmless: the retried answer makes the same statement ids, which the LRS stores once.
 */
export async function recordFirst(
  deps: Pick<LearningDeps, 'learningRecords'>,
  record: LearningRecord | undefined,
): Promise<void> {
  if (record && deps.learningRecords) await deps.learningRecords.add(record);
}

function progressAfter(
  program: Program,
  enrollment: Stored<Enrollment>,
  states: readonly StepState[],
  at: Date,
): { enrollment: Stored<Enrollment>; programCompleted: boolean } {
  const done = new Set(states.filter((s) => s.status === 'done').map((s) => s.stepId));
  const open = states
    .filter((s) => s.status !== 'done')
    .map((s) => s.dueAt)
    .sort();
  const complete = enrollment.status === 'active' && isProgramComplete(program, done);
  const transition = complete ? enrollmentTransition(enrollment.status, 'allMandatoryDone') : undefined;
  return {
    enrollment: {
      ...enrollment,
      completedSteps: progressOf(program, done).done,
      nextDueAt: open[0],
      lastActiveAt: at.toISOString(),
      ...(transition?.ok ? { status: transition.status, completedAt: at.toISOString() } : {}),
    },
    programCompleted: Boolean(transition?.ok),
  };
}
