import type { EnrollmentStatus } from '../../learning/enrollment.ts';
import type { Step, StepKind } from '../../learning/program.ts';
import type { StepState, StepStatus } from '../../learning/stepState.ts';
import { isHrAdmin, isSelf, manages, sameTenant, type Actor } from '../actor.ts';

/**
 * What can be done with one person's step. Each answer is an action of its own, so a card's verb
 * can act only on its own kind of step: a lesson is completed, a guideline acknowledged, a quiz
 * answered, a reflection submitted, attendance confirmed.
 */
export type StepAction =
  | 'view'
  | 'completeLesson'
  | 'answerQuiz'
  | 'retryQuiz'
  | 'answerReview'
  | 'submitReflection'
  | 'acknowledge'
  /** The learner rates the statements of a self-assessment (1–5). */
  | 'answerSelfAssessment'
  /** "Useful?" after an item the learner finished: theirs only, and only once it is done. */
  | 'answerPulse'
  /** The learner, for an event they confirm themselves. */
  | 'confirmAttendance'
  /** The learner picks, changes or cancels a session of an event that has sessions. */
  | 'pickSession'
  | 'cancelSession'
  /** HR (standing in for the facilitator) for an event the facilitator confirms. */
  | 'confirmAttendanceFor'
  /** See the answer given: the learner, HR, and the manager when the learner shared it. */
  | 'viewAnswer'
  /** A check-in is asked of the learner's manager, about the learner. */
  | 'answerCheckin';

export interface StepResource {
  type: 'step';
  tenantId: string;
  learnerId: string;
  kind: StepKind;
  status: StepStatus;
  confirmedBy?: 'self' | 'facilitator';
  /** An event with sessions to pick from. */
  hasSessions?: boolean;
  enrollmentStatus: EnrollmentStatus;
  sharedWithManager?: boolean;
}

export function stepResource(
  step: Step,
  state: Pick<StepState, 'tenantId' | 'userId' | 'status' | 'sharedWithManager'>,
  enrollmentStatus: EnrollmentStatus,
): StepResource {
  return {
    type: 'step',
    tenantId: state.tenantId,
    learnerId: state.userId,
    kind: step.kind,
    status: state.status,
    confirmedBy: step.kind === 'event' ? step.confirmedBy : undefined,
    hasSessions: step.kind === 'event' && step.sessions !== undefined,
    enrollmentStatus,
    sharedWithManager: state.sharedWithManager,
  };
}

/** The answer a learner gives to a card of each kind; a check-in is not theirs to answer. */
const learnerAnswers: Record<StepKind, (s: StepResource) => StepAction[]> = {
  lesson: () => ['completeLesson'],
  quiz: () => ['answerQuiz', 'retryQuiz'],
  reflection: () => ['submitReflection'],
  acknowledge: () => ['acknowledge'],
  event: (s) =>
    s.hasSessions ? ['pickSession', 'cancelSession'] : s.confirmedBy === 'self' ? ['confirmAttendance'] : [],
  checkin: () => [],
  'self-assessment': () => ['answerSelfAssessment'],
  // Signed off by the assessor named in content (sessionPolicy.ts), never by the learner.
  practical: () => [],
};

/** Items people learn from get a pulse; a self-assessment is itself a measurement, a check-in the manager's. */
const PULSE_KINDS: readonly StepKind[] = ['lesson', 'quiz', 'reflection', 'acknowledge', 'event'];

export function stepActions(actor: Actor, step: StepResource): StepAction[] {
  if (!sameTenant(actor, step.tenantId)) return [];
  const open = step.enrollmentStatus === 'active';
  const waiting = open && step.status === 'sent';
  const actions: StepAction[] = [];
  if (isSelf(actor, step.learnerId)) {
    actions.push('view', 'viewAnswer');
    if (waiting) actions.push(...learnerAnswers[step.kind](step));
    // Wrong answers come back after the quiz is done, also once the program is completed.
    const reviewable = open || step.enrollmentStatus === 'completed';
    if (step.kind === 'quiz' && step.status === 'done' && reviewable) actions.push('answerReview');
    if (PULSE_KINDS.includes(step.kind) && step.status === 'done' && reviewable) actions.push('answerPulse');
  }
  if (manages(actor, step.learnerId)) {
    actions.push('view');
    // A reflection the learner chose to share; a self-assessment whose program shares it.
    if (step.sharedWithManager) actions.push('viewAnswer');
    if (step.kind === 'checkin' && waiting) actions.push('answerCheckin');
  }
  if (isHrAdmin(actor)) {
    actions.push('view', 'viewAnswer');
    if (step.kind === 'event' && step.confirmedBy === 'facilitator' && waiting) {
      actions.push('confirmAttendanceFor');
    }
  }
  return [...new Set(actions)];
}
