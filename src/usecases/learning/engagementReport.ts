import type { Program } from '../../domain/learning/program.ts';
import { doneSteps } from '../../domain/learning/placement.ts';
import type { StepState } from '../../domain/learning/stepState.ts';
import type { LearningDeps } from './learningDeps.ts';
import type { Enrollment } from '../../domain/learning/enrollment.ts';

/**
 * How a program is doing in one tenant, for learning admins (`drypp report engagement`).
 *
 * Definitions (the same in text and JSON output):
 * - enrolled: enrollments that are active, completed or expired. Withdrawn ones are counted apart and
 *   left out of every figure below: a person who left the program does not count against it.
 * - active in the last 7 days: enrolled people who answered at least one item (any card) in the
 *   7 days before `now`.
 * - completion: completed / enrolled.
 * - recognised by test: steps whose part's placement quiz the person passed (src/domain/learning/
 *   placement.ts). They count toward completion, but not as steps done, nor in the on-time rate: no
 *   card of theirs was answered.
 * - on time: steps done no later than one day after they fell due (a day of grace, since a card
 *   that arrives late in the afternoon is often answered the next morning), over all steps done.
 * - quiz scores: the mean first-attempt score and the mean latest score over every quiz step that
 *   has been answered, as percentages; the gap between them is what repetition taught.
 */
export interface EngagementReport {
  programId: string;
  programVersion: number;
  tenantId: string;
  /** When the figures were taken (the clock's now), ISO. */
  at: string;
  enrolled: number;
  withdrawn: number;
  activeLast7Days: number;
  activePercent: number | null;
  completed: number;
  completionPercent: number | null;
  /** Steps done by answering their cards; steps recognised by test are counted apart. */
  stepsDone: number;
  stepsRecognised: number;
  stepsDoneOnTime: number;
  onTimePercent: number | null;
  /** How many answered quiz steps the two scores are averaged over. */
  quizStepsScored: number;
  quizFirstAttemptPercent: number | null;
  quizLatestPercent: number | null;
}

export const ACTIVE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
export const ON_TIME_GRACE_MS = 24 * 60 * 60 * 1000;

/** The figures, from what storage holds. Pure: `now` and the rows are passed in. */
export function engagementReport(input: {
  tenantId: string;
  program: Program;
  enrollments: Enrollment[];
  /** Step progress rows of those enrollments (rows of other programs or people are ignored). */
  steps: StepState[];
  now: Date;
}): EngagementReport {
  const { program, now } = input;
  const ofProgram = input.enrollments.filter((e) => e.programId === program.id);
  const counted = ofProgram.filter((e) => e.status !== 'withdrawn');
  const countedPeople = new Set(counted.map((e) => e.userId));
  const activeSince = now.getTime() - ACTIVE_WINDOW_MS;
  const active = counted.filter(
    (e) => e.lastActiveAt !== undefined && Date.parse(e.lastActiveAt) >= activeSince,
  ).length;
  const completed = counted.filter((e) => e.status === 'completed').length;

  const steps = input.steps.filter((s) => s.programId === program.id && countedPeople.has(s.userId));
  const done = steps.filter(
    (s) => s.status === 'done' && s.doneAt !== undefined && s.recognisedAt === undefined,
  );
  const { recognised } = doneSteps(steps);
  const onTime = done.filter((s) => Date.parse(s.doneAt!) <= Date.parse(s.dueAt) + ON_TIME_GRACE_MS).length;

  // Only quiz answers carry scores, so every scored row is a quiz step (of this or an older version).
  const firstScores = steps.flatMap((s) => (s.firstScore === undefined ? [] : [s.firstScore]));
  const lastScores = steps.flatMap((s) => (s.lastScore === undefined ? [] : [s.lastScore]));

  return {
    programId: program.id,
    programVersion: program.version,
    tenantId: input.tenantId,
    at: now.toISOString(),
    enrolled: counted.length,
    withdrawn: ofProgram.length - counted.length,
    activeLast7Days: active,
    activePercent: percent(active, counted.length),
    completed,
    completionPercent: percent(completed, counted.length),
    stepsDone: done.length,
    stepsRecognised: recognised,
    stepsDoneOnTime: onTime,
    onTimePercent: percent(onTime, done.length),
    quizStepsScored: firstScores.length,
    quizFirstAttemptPercent: meanPercent(firstScores),
    quizLatestPercent: meanPercent(lastScores),
  };
}

export type EngagementReportOutcome =
  { kind: 'report'; report: EngagementReport } | { kind: 'unknownProgram' };

/** Reads one tenant's enrollments in a program and their step progress, and reports on them. */
export async function loadEngagementReport(
  deps: Pick<LearningDeps, 'clock' | 'catalog' | 'enrollments' | 'steps'>,
  request: { tenantId: string; programId: string },
): Promise<EngagementReportOutcome> {
  const program = deps.catalog.find(request.programId);
  if (!program) return { kind: 'unknownProgram' };
  const enrollments = await deps.enrollments.listForProgram(request.tenantId, program.id);
  const steps: StepState[] = [];
  // A few enrollments at a time: one query each, without flooding storage for a large program.
  for (let i = 0; i < enrollments.length; i += 10) {
    const batch = enrollments.slice(i, i + 10);
    const rows = await Promise.all(
      batch.map((e) => deps.steps.listForEnrollment(request.tenantId, e.userId, program.id)),
    );
    steps.push(...rows.flat());
  }
  return {
    kind: 'report',
    report: engagementReport({
      tenantId: request.tenantId,
      program,
      enrollments,
      steps,
      now: deps.clock.now(),
    }),
  };
}

/** A share as a percentage with one decimal; null when there is nothing to divide by. */
function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : round1((part / whole) * 100);
}

/** Scores are stored as 0..1. */
function meanPercent(scores: number[]): number | null {
  if (scores.length === 0) return null;
  return round1((scores.reduce((sum, s) => sum + s, 0) / scores.length) * 100);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
