import { can } from '../../domain/access/index.ts';
import { checkCheckinAnswer, type CheckinAnswer } from '../../domain/managers/checkin.ts';
import type { CheckinStep, Program } from '../../domain/learning/program.ts';
import { recordProgress } from '../learning/stepAction.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';
import type { ManagersDeps } from './managersDeps.ts';
import { actorFor, personResource, reportingLine, type Caller } from './reportingLine.ts';

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
  deps: Pick<ManagersDeps, 'clock' | 'people' | 'catalog' | 'enrollments' | 'steps' | 'checkins'>,
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
  if (earlier) return { kind: 'alreadyAnswered', answer: earlier, program, step };
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
  if ((await deps.checkins.save(answer)) === 'exists') {
    const first = await deps.checkins.get(actor.tenantId, ref.learnerId, ref.programId, ref.stepId);
    return { kind: 'alreadyAnswered', answer: first ?? answer, program, step };
  }
  await markCheckinStepDone(deps, program, actor.tenantId, ref, now);
  return { kind: 'saved', answer, program, step };
}

/** The learner's check-in step is done once answered, so their program can complete. */
async function markCheckinStepDone(
  deps: Pick<ManagersDeps, 'enrollments' | 'steps'>,
  program: Program,
  tenantId: string,
  ref: CheckinRef,
  now: Date,
): Promise<void> {
  await retryOnConflict('check-in step', async () => {
    const state = await deps.steps.get(tenantId, ref.learnerId, ref.programId, ref.stepId);
    if (!state || state.status === 'done') return 'done';
    return orConflict(
      await deps.steps.update({ ...state, status: 'done', doneAt: now.toISOString() }),
      'done',
    );
  });
  await recordProgress(deps, program, { tenantId, userId: ref.learnerId }, now);
}
