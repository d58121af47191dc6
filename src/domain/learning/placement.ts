// Placement quizzes: a learner who already knows a part of a program shows it in a short quiz before
// the part starts, and the part is "recognised by test": its steps count as done (toward completion
// and certification) without their cards, and reports count them apart from steps completed. Pure.
import type { Part, Program } from './program.ts';
import { scoreQuiz } from './quizScoring.ts';
import type { StepState } from './stepState.ts';

/** The part with a placement quiz that starts with this step: its quiz is offered before the card. */
export function placementBefore(program: Program, stepId: string): Part | undefined {
  return program.parts.find((p) => p.placement !== undefined && p.steps[0] === stepId);
}

export interface PlacementResult {
  score: number;
  passed: boolean;
}

/**
 * Scores a placement answer on the server, from the question ids and option indexes only (never a
 * score or verdict the card sends). A part without a placement quiz is never passed.
 */
export function scorePlacement(part: Part, answers: Record<string, number[]>): PlacementResult {
  if (!part.placement) return { score: 0, passed: false };
  const result = scoreQuiz(part.placement, answers);
  return { score: result.score, passed: result.passed };
}

/**
 * The part's steps as recognised at `at`: each one not done yet becomes done and recognised. A step
 * already done keeps its own answer and time (what was completed stays completed). Safe to apply
 * twice: the second time there is nothing left to change.
 */
export function recognisePart<S extends Pick<StepState, 'stepId' | 'status' | 'doneAt' | 'recognisedAt'>>(
  part: Part,
  states: readonly S[],
  at: Date,
): S[] {
  const inPart = new Set(part.steps);
  return states.flatMap((s) =>
    inPart.has(s.stepId) && s.status !== 'done'
      ? [{ ...s, status: 'done' as const, doneAt: at.toISOString(), recognisedAt: at.toISOString() }]
      : [],
  );
}

export type PartStatus = 'notStarted' | 'inProgress' | 'completed' | 'recognised';

/** A part is recognised when any of its steps was recognised by test and all are done. */
export function partStatus(
  part: Part,
  states: ReadonlyArray<Pick<StepState, 'stepId' | 'status' | 'recognisedAt'>>,
): PartStatus {
  const mine = states.filter((s) => part.steps.includes(s.stepId));
  const done = mine.filter((s) => s.status === 'done');
  if (done.length === part.steps.length && done.length > 0) {
    return done.some((s) => s.recognisedAt !== undefined) ? 'recognised' : 'completed';
  }
  return done.length > 0 || mine.some((s) => s.status === 'sent') ? 'inProgress' : 'notStarted';
}

/** Steps done, split into completed and recognised by test, for reports that count them apart. */
export function doneSteps(states: ReadonlyArray<Pick<StepState, 'status' | 'recognisedAt'>>): {
  completed: number;
  recognised: number;
} {
  let completed = 0;
  let recognised = 0;
  for (const s of states) {
    if (s.status !== 'done') continue;
    if (s.recognisedAt !== undefined) recognised++;
    else completed++;
  }
  return { completed, recognised };
}

/** How a completed program was done, for its certification: recognised when no required step was done by hand. */
export function completedVia(
  program: Program,
  states: ReadonlyArray<Pick<StepState, 'stepId' | 'status' | 'recognisedAt'>>,
): 'program' | 'recognised' {
  const done = states.filter((s) => s.status === 'done' && program.steps.some((p) => p.id === s.stepId));
  return done.length > 0 && done.every((s) => s.recognisedAt !== undefined) ? 'recognised' : 'program';
}
