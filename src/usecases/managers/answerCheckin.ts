import { can } from '../../domain/access/index.ts';
import { checkCheckinAnswer, type CheckinAnswer } from '../../domain/managers/checkin.ts';
import type { CheckinStep, Program } from '../../domain/learning/program.ts';
import { saveStepWithProgress } from '../learning/stepAction.ts';
import { CONFLICT, retryOnConflict } from '../platform/retryOnConflict.ts';
import type { ManagersDeps } from './managersDeps.ts';
import { actorFor, personResource, reportingLine, type Caller } from './team/reportingLine.ts';

export interface CheckinRef {
  learnerId: string;
  programId: string;
  programVersion: number;
  stepId: string;
}

export type AnswerCheckinOutcome =
  | { kind: 'saved'; answer: CheckinAnswer; program: Program; step: CheckinStep }
  | { kind: 'alreadyAnswered'; answer: CheckinAnswer; program: Program; step: CheckinStep }
  | {
      kind: 'invalid';
      problem: 'noOption' | 'commentTooLong';
      comment?: string;
      program: Program;
      step: CheckinStep;
    }
  | { kind: 'outdated' }
  | { kind: 'notAllowed' };

/**
 * A manager answers a check-in about one of their people ("How is Maja doing after her second
 * week?"). The first answer is kept (insert-only), the learner's check-in step is marked done, and the
 * answer appears in My team's drill-down. Only a manager of the learner (any level) may answer.
 */
export async function answerCheckin(
  deps: Pick<ManagersDeps, 'clock' | 'people' | 'catalog' | 'progress' | 'checkins'>,
  caller: Caller,
  ref: CheckinRef,
  input: { option?: string | number; comment?: string },
): Promise<AnswerCheckinOutcome> {
  const actor = actorFor(caller, await reportingLine(deps, caller.tenantId, ref.learnerId));
  if (!can(actor, 'answerCheckin', personResource(caller.tenantId, ref.learnerId)))
    return { kind: 'notAllowed' };
  const program = deps.catalog.find(ref.programId);
  const step = program?.steps.find((s) => s.id === ref.stepId);
  if (!program || program.version !== ref.programVersion || step?.kind !== 'checkin')
    return { kind: 'outdated' };

  const earlier = await deps.checkins.get(actor.tenantId, ref.learnerId, ref.programId, ref.stepId);
  if (earlier) {
    // The answer is kept before the step is marked, so an earlier click may have stopped between the
    // two (it lost every race, or crashed): finishing the step here makes it done either way.
    await markCheckinStepDone(deps, program, step, caller.tenantId, ref, deps.clock.now());
    return { kind: 'alreadyAnswered', answer: earlier, program, step };
  }
  const checked = checkCheckinAnswer(step, input);
  if (!checked.ok)
    return { kind: 'invalid', problem: checked.problem, comment: checked.comment, program, step };

  const now = deps.clock.now();
  const answer: CheckinAnswer = {
    tenantId: actor.tenantId,
    learnerId: ref.learnerId,
    programId: ref.programId,
    stepId: ref.stepId,
    managerId: actor.userId,
    option: checked.option,
    ...(checked.comment ? { comment: checked.comment } : {}),
    answeredAt: now.toISOString(),
  };
  const saved = (await deps.checkins.save(answer)) === 'saved';
  await markCheckinStepDone(deps, program, step, caller.tenantId, ref, now);
  if (saved) return { kind: 'saved', answer, program, step };
  const first = await deps.checkins.get(actor.tenantId, ref.learnerId, ref.programId, ref.stepId);
  return { kind: 'alreadyAnswered', answer: first ?? answer, program, step };
}

/**
 * The learner's check-in step is done once answered, written with their enrollment's progress (both
 * or neither), so their program can complete.
 */
async function markCheckinStepDone(
  deps: Pick<ManagersDeps, 'progress'>,
  program: Program,
  step: CheckinStep,
  tenantId: string,
  ref: CheckinRef,
  now: Date,
): Promise<void> {
  await retryOnConflict('check-in step', async () => {
    const { enrollment, steps } = await deps.progress.load(tenantId, ref.learnerId, ref.programId);
    const state = steps.find((s) => s.stepId === ref.stepId);
    if (!enrollment || !state || state.status === 'done') return 'done';
    const next = { ...state, status: 'done' as const, doneAt: now.toISOString() };
    const saved = await saveStepWithProgress(
      deps,
      { program, step, enrollment, state, states: steps },
      next,
      now,
    );
    return saved.saved ? 'done' : CONFLICT;
  });
}
