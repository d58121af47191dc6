// The part of a person's learning facts that My team's list reads, kept precomputed in each copy of
// their summary: a team read then parses small plain JSON per person instead of decoding every step.
// Pure: the store writes and reads the column, summarizeFacts (teamInsights.ts) reads the facts.
import type { Enrollment } from '../learning/enrollment.ts';
import type { LearningFacts, StepFacts, TeamSummaryMember } from './teamSummary.ts';

/** What the list and its rules read of an enrollment (figures, inactivity, which program). */
export type TeamEnrollmentFacts = Pick<
  Enrollment,
  'programId' | 'status' | 'enrolledAt' | 'completedSteps' | 'totalSteps' | 'nextDueAt' | 'lastActiveAt'
>;

/** A step not done yet: the only steps that can be due or overdue. */
export type OpenStepFacts = Pick<StepFacts, 'programId' | 'stepId' | 'dueAt'>;

/** A step tried at least twice: the only steps that can be a quiz failed twice. */
export type RetriedStepFacts = Pick<StepFacts, 'programId' | 'stepId' | 'attempts' | 'lastScore'>;

/**
 * Time-independent facts only: whether a step is overdue, or a quiz failed against the program's
 * current pass mark, is still decided at read time, by the same rules as the drill-down.
 */
export interface TeamViewFacts<E extends TeamEnrollmentFacts = TeamEnrollmentFacts> {
  enrollments: E[];
  open: OpenStepFacts[];
  retried: RetriedStepFacts[];
  /** When each done step was done (the weekly activity chart). */
  doneAt: string[];
  /** Whether any card ever reached the person (if not, reachability is worth showing). */
  everReached: boolean;
}

export function viewFactsOf<E extends TeamEnrollmentFacts>(
  enrollments: readonly E[],
  steps: readonly StepFacts[],
): TeamViewFacts<E> {
  const open: OpenStepFacts[] = [];
  const retried: RetriedStepFacts[] = [];
  const doneAt: string[] = [];
  let everReached = false;
  for (const s of steps) {
    if (s.status === 'done') {
      if (s.doneAt) doneAt.push(s.doneAt);
    } else open.push({ programId: s.programId, stepId: s.stepId, dueAt: s.dueAt });
    if (s.attempts >= 2) {
      const tried: RetriedStepFacts = { programId: s.programId, stepId: s.stepId, attempts: s.attempts };
      if (s.lastScore !== undefined) tried.lastScore = s.lastScore;
      retried.push(tried);
    }
    if (s.sentAt !== undefined || s.status !== 'scheduled') everReached = true;
  }
  return { enrollments: [...enrollments], open, retried, doneAt, everReached };
}

/** The list's facts of a stored summary's learning (rows written before the facts were kept). */
export function viewFactsOfLearning(learning: LearningFacts): TeamViewFacts {
  return viewFactsOf(learning.enrollments.map(teamEnrollmentFacts), learning.steps);
}

export function teamEnrollmentFacts(e: TeamEnrollmentFacts): TeamEnrollmentFacts {
  const facts: TeamEnrollmentFacts = {
    programId: e.programId,
    status: e.status,
    enrolledAt: e.enrolledAt,
    completedSteps: e.completedSteps,
    totalSteps: e.totalSteps,
  };
  if (e.nextDueAt !== undefined) facts.nextDueAt = e.nextDueAt;
  if (e.lastActiveAt !== undefined) facts.lastActiveAt = e.lastActiveAt;
  return facts;
}

/** One person as My team's list reads them from a manager's partition. */
export type TeamViewMember = Omit<TeamSummaryMember, 'learning' | 'version'> & { facts: TeamViewFacts };
